"""Find where every key, table and value of a TOML front matter sits, without typing values.

tomllib gives values but no positions; this scanner gives positions and structure (tables from
`[a.b]` headers, `[[arrays]]` of tables, dotted keys, inline tables and arrays) as nodes
(nodes.py) whose scalars hold their raw token. Iterative, linear, depth-bounded: on anything it does
not understand it raises ScanError at once, and the caller asks tomllib what is wrong.

A key defined twice (also a table declared twice, or a key reused as a table) is kept as a
second pair in its mapping, so the shared document builder reports it as FM004.
"""

from __future__ import annotations

import re
from typing import Any

from linter.reading.nodes import Marker, ScalarNode, SequenceNode, close, mapping, scalar, sequence

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BARE_VALUE = re.compile(r"[A-Za-z0-9_+\-.:]+")
_BASIC = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_TIME_AFTER_SPACE = re.compile(r" \d{2}:")
_MULTI_BASIC_STOP = re.compile(r'\\.|"""', re.DOTALL)
_SPACE = " \t"
_SPACE_AND_LINES = " \t\r\n"

#: How a table came to be: only an `implicit` one (named on the way to a deeper header) may be
#: declared later; `dotted` and `explicit` ones take more keys; `inline` and `array` are closed.
_IMPLICIT, _EXPLICIT, _DOTTED, _INLINE, _TABLES = "implicit", "explicit", "dotted", "inline", "tables"

Key = tuple[str, int, int]  # name, start and end offsets of its token


class _Table:
    """The scanner's bookkeeping for a table or array node: how it came to be, and the first
    node of each name in it (the nodes themselves stay plain graph nodes)."""

    __slots__ = ("children", "kind")

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.children: dict[str, Any] = {}


class ScanError(Exception):
    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.index = index


class TooDeep(ScanError):
    pass


class TomlScanner:
    """One pass over the text; `scan()` returns the root mapping node."""

    def __init__(self, text: str, marker: Marker, max_depth: int) -> None:
        self.text = text
        self.marker = marker
        self.max_depth = max_depth
        self.index = text.find("\n") + 1 if text.startswith("+++") else 0
        self.duplicates = 0
        self._tables: dict[int, _Table] = {}  # id(node) -> bookkeeping; every node outlives the scan

    def scan(self) -> Any:
        root = self._table(mapping(self.marker, 0, 3), _EXPLICIT)
        current = root
        first = True
        while self._skip(_SPACE_AND_LINES, comments=True) < len(self.text):
            if first:
                root.start_mark = self.marker.mark(self.index)
                first = False
            if self.text[self.index] == "[":
                current = self._header(root)
            else:
                self._key_value(current)
            self._line_end()
        if not first:
            close(root, self.marker, len(self.text.rstrip()))
        return root

    # -- statements ------------------------------------------------------------------------
    def _header(self, root: Any) -> Any:
        start = self.index
        array = self.text.startswith("[[", start)
        self.index += 2 if array else 1
        keys = self._keys()
        closing = "]]" if array else "]"
        if not self.text.startswith(closing, self.index):
            raise ScanError(f"expected `{closing}` to end the table header", self.index)
        self.index += len(closing)
        table = root
        for key in keys[:-1]:
            table = self._enter(table, key, _IMPLICIT, headers=True)
        return self._declare(table, keys[-1], array, start)

    def _declare(self, table: Any, key: Key, array: bool, start: int) -> Any:
        child: Any = self._tables[id(table)].children.get(key[0])
        found = self._tables.get(id(child))
        if array:
            if found is None or found.kind != _TABLES:
                child = self._add(table, key, self._table(sequence(self.marker, start, self.index), _TABLES))
            item = self._table(mapping(self.marker, start, self.index), _EXPLICIT)
            child.value.append(item)
            return item
        if found is not None and found.kind == _IMPLICIT:
            found.kind = _EXPLICIT
            child.start_mark, child.end_mark = self.marker.mark(start), self.marker.mark(self.index)
            return child
        node = self._table(mapping(self.marker, start, self.index), _EXPLICIT)
        self._add(table, key, node)
        return node

    def _key_value(self, table: Any) -> None:
        keys = self._keys()
        self._expect("=")
        value = self._value()
        for key in keys[:-1]:
            table = self._enter(table, key, _DOTTED, headers=False)
        self._add(table, keys[-1], value)

    def _enter(self, table: Any, key: Key, kind: str, headers: bool) -> Any:
        """The table named `key` inside `table`, made when missing."""
        child: Any = self._tables[id(table)].children.get(key[0])
        found = self._tables.get(id(child))
        if found is not None:
            if found.kind == _TABLES and headers:
                return child.value[-1]
            if found.kind in (_IMPLICIT, _EXPLICIT, _DOTTED) and headers:
                return child
            if found.kind in (_IMPLICIT, _DOTTED):  # `[a.b.c]` then `b.d = 1` under `[a]`
                found.kind = _DOTTED  # made by dotted keys now: no `[a.b]` header may follow
                return child
        return self._add(table, key, self._table(mapping(self.marker, key[1], key[2]), kind))

    def _add(self, table: Any, key: Key, value: Any) -> Any:
        """Append the pair; a name already there stays registered to its first value."""
        name, start, end = key
        children = self._tables[id(table)].children
        if name in children:
            self.duplicates += 1
        else:
            children[name] = value
        table.value.append((scalar(self.marker, name, start, end), value))
        return value

    def _table(self, node: Any, kind: str) -> Any:
        self._tables[id(node)] = _Table(kind)
        return node

    # -- keys ------------------------------------------------------------------------------
    def _keys(self) -> list[Key]:
        keys = [self._simple_key()]
        while self._skip(_SPACE) < len(self.text) and self.text[self.index] == ".":
            self.index += 1
            keys.append(self._simple_key())
        return keys

    def _simple_key(self) -> Key:
        start = self._skip(_SPACE)
        text = self.text
        first = text[start : start + 1]
        if first == '"':
            token = self._match(_BASIC, "unclosed quoted key")
            name = token[1:-1] if "\\" not in token else self._unescape_key(token, start)
        elif first == "'":
            end = self._literal_end(start)
            name = text[start + 1 : end - 1]
            self.index = end
        else:
            name = self._match(_BARE_KEY, "expected a key")
        return name, start, self.index

    @staticmethod
    def _unescape_key(token: str, start: int) -> str:
        # tomllib loads here, for the rare escaped key: YAML-only runs never import it.
        from linter.reading import toml_library as tomllib

        try:
            return str(next(iter(tomllib.loads(f"{token} = 0"))))
        except (tomllib.TOMLDecodeError, StopIteration):
            raise ScanError("invalid escape in a quoted key", start) from None

    # -- values ----------------------------------------------------------------------------
    def _value(self) -> Any:
        """One value; arrays and inline tables are walked with an explicit stack."""
        stack: list[tuple[Any, list[Key]]] = []
        while True:
            node = self._open_or_scalar()
            if node.__class__ is not ScalarNode:  # an array or inline table just opened
                if len(stack) + 1 >= self.max_depth:
                    raise TooDeep("too deep", self.index)
                stack.append((node, []))
                if not self._first_item(stack):
                    continue
                node, _ = stack.pop()
            while True:
                if not stack:
                    return node
                parent, keys = stack[-1]
                if not self._attach(parent, keys, node, stack):
                    break
                node, _ = stack.pop()

    def _open_or_scalar(self) -> Any:
        start = self._skip(_SPACE)
        first = self.text[start : start + 1]
        if first in ("[", "{"):
            self.index += 1
            make = sequence if first == "[" else mapping
            return self._table(make(self.marker, start, start + 1), _INLINE)
        end = self._scalar_end(start, first)
        self.index = end
        return scalar(self.marker, self.text[start:end], start, end)  # typed by the caller

    def _first_item(self, stack: list[tuple[Any, list[Key]]]) -> bool:
        """After `[` or `{`: True when the collection closes at once (it is then a value)."""
        node, keys = stack[-1]
        if node.__class__ is SequenceNode:
            self._skip(_SPACE_AND_LINES, comments=True)
            return self._closes(node, "]")
        self._skip(_SPACE)
        if self._closes(node, "}"):
            return True
        keys[:] = self._keys()
        self._expect("=")
        return False

    def _attach(self, parent: Any, keys: list[Key], node: Any, stack: list[Any]) -> bool:
        """Put a finished value into its parent; True when that closes the parent too."""
        if parent.__class__ is SequenceNode:
            parent.value.append(node)
            self._skip(_SPACE_AND_LINES, comments=True)
            comma = self._peek(",")
            if comma:
                self._skip(_SPACE_AND_LINES, comments=True)
            if self._closes(parent, "]"):
                return True
            if not comma:
                raise ScanError("expected `,` or `]`", self.index)
            return False
        table = parent
        for key in keys[:-1]:
            table = self._enter(table, key, _DOTTED, headers=False)
        self._add(table, keys[-1], node)
        self._skip(_SPACE)
        if self._closes(parent, "}"):
            return True
        self._expect(",")
        keys[:] = self._keys()
        self._expect("=")
        return False

    def _closes(self, node: Any, bracket: str) -> bool:
        if self._peek(bracket):
            close(node, self.marker, self.index)
            return True
        return False

    def _scalar_end(self, start: int, first: str) -> int:
        text = self.text
        if text.startswith('"""', start):
            return self._multi_basic_end(start)
        if text.startswith("'''", start):
            return self._quotes_after(start, text.find("'''", start + 3), "'")
        if first == '"':
            found = _BASIC.match(text, start)
            if found is None:
                raise ScanError("unclosed string", start)
            return found.end()
        if first == "'":
            return self._literal_end(start)
        found = _BARE_VALUE.match(text, start)
        if found is None:
            raise ScanError("expected a value", start)
        end = found.end()
        if _DATE.match(found[0]) and _TIME_AFTER_SPACE.match(text, end):  # `1979-05-27 07:32:00Z`
            end = _BARE_VALUE.match(text, end + 1).end()  # type: ignore[union-attr]
        return end

    def _multi_basic_end(self, start: int) -> int:
        found = _MULTI_BASIC_STOP.search(self.text, start + 3)
        while found is not None and found[0] != '"""':
            found = _MULTI_BASIC_STOP.search(self.text, found.end())
        return self._quotes_after(start, found.start() if found else -1, '"')

    def _quotes_after(self, start: int, closing: int, quote: str) -> int:
        """End of a multi-line string closed at `closing`; up to two more quotes belong to it."""
        if closing < 0:
            raise ScanError("unclosed multi-line string", start)
        end = closing + 3
        while end < len(self.text) and self.text[end] == quote and end - closing < 5:
            end += 1
        return end

    def _literal_end(self, start: int) -> int:
        end = self.text.find("'", start + 1)
        line_end = self.text.find("\n", start)
        if end < 0 or 0 <= line_end < end:
            raise ScanError("unclosed string", start)
        return end + 1

    # -- characters ------------------------------------------------------------------------
    def _skip(self, characters: str, comments: bool = False) -> int:
        text, index = self.text, self.index
        while index < len(text):
            char = text[index]
            if char in characters:
                index += 1
            elif comments and char == "#":
                newline = text.find("\n", index)
                index = len(text) if newline < 0 else newline
            else:
                break
        self.index = index
        return index

    def _peek(self, token: str) -> bool:
        if self.text.startswith(token, self.index):
            self.index += len(token)
            return True
        return False

    def _expect(self, token: str) -> None:
        self._skip(_SPACE)
        if not self._peek(token):
            raise ScanError(f"expected `{token}`", self.index)

    def _match(self, pattern: re.Pattern[str], message: str) -> str:
        found = pattern.match(self.text, self.index)
        if found is None:
            raise ScanError(message, self.index)
        self.index = found.end()
        return found[0]

    def _line_end(self) -> None:
        self._skip(_SPACE + "\r", comments=True)
        if self.index < len(self.text) and self.text[self.index] != "\n":
            raise ScanError("expected the end of the line", self.index)
