"""JSON front matter: an object whose first line starts with `{`, as Hugo reads it.

Our scanner finds where every key and value sits and types each value as `json` does; `json`
itself, an independent reader, gives the verdict on syntax and the exact position of an error.
Duplicate keys, which JSON readers silently collapse, are kept for the builder to report (FM004).
"""

from __future__ import annotations

import json
import re
from typing import Any

from linter.findings import Problem, Region
from linter.reading.nodes import MappingNode, Marker, ScalarNode, close, mapping, scalar, sequence, too_deep
from linter.reading.toml_scan import ScanError, TooDeep

_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*"')
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_WORDS: dict[str, Any] = {"true": True, "false": False, "null": None}
_SPACE = " \t\r\n"


def compose_json(text: str, max_depth: int) -> MappingNode | Problem:
    marker = Marker(text)
    try:
        root = _JsonScanner(text, marker, max_depth).scan()
    except TooDeep as exc:
        return Problem("FM008", too_deep(max_depth), _region(marker, exc.index))
    except ScanError as exc:
        return _json_error(text) or Problem("FM003", f"JSON syntax error: {exc}", _region(marker, exc.index))
    return _json_error(text) or root


def _json_error(text: str) -> Problem | None:
    """`json`'s own verdict; huge integers are not converted (only their syntax matters)."""
    try:
        json.loads(text, parse_int=len)
    except json.JSONDecodeError as exc:
        return Problem(
            "FM003", f"JSON syntax error: {exc.msg}", Region(exc.lineno, exc.colno, exc.lineno, exc.colno + 1)
        )
    except (ValueError, RecursionError):
        return None  # the scanner's own finding stands
    return None


class _JsonScanner:
    def __init__(self, text: str, marker: Marker, max_depth: int) -> None:
        self.text = text
        self.marker = marker
        self.max_depth = max_depth
        self.index = 0

    def scan(self) -> Any:
        """The root object, walked with an explicit stack of open containers and their keys."""
        stack: list[list[Any]] = []
        while True:
            node = self._open_or_scalar()
            if node.__class__ is not ScalarNode:
                if len(stack) + 1 > self.max_depth:  # the root object is level 1, as in YAML
                    raise TooDeep("too deep", node.start_mark.index)
                stack.append([node, None])
                if not self._first_item(stack[-1]):
                    continue
                stack.pop()
            while stack and self._attach(stack[-1], node):
                node = stack.pop()[0]
            if not stack:
                if node.__class__ is not MappingNode:
                    raise ScanError("front matter must be a JSON object", node.start_mark.index)
                return node

    def _open_or_scalar(self) -> Any:
        start = self._skip()
        text = self.text
        first = text[start : start + 1]
        if first in ("{", "["):
            self.index += 1
            return (mapping if first == "{" else sequence)(self.marker, start, start + 1)
        found = (_STRING if first == '"' else _NUMBER).match(text, start)
        if found is not None:
            token = found[0]
            value: Any = _string(token, start) if first == '"' else _number(token, found)
        else:
            word = text[start : start + 5].rstrip(",]} \t\r\n")
            word = next((w for w in _WORDS if word.startswith(w)), "")
            if not word:
                raise ScanError("expected a value", start)
            token, value = word, _WORDS[word]
        self.index = start + len(token)
        return scalar(self.marker, value, start, self.index)

    def _first_item(self, entry: list[Any]) -> bool:
        """After `{` or `[`: True when it closes at once (it is then a finished value)."""
        node = entry[0]
        self._skip()
        if self._closes(node):
            return True
        if node.__class__ is MappingNode:
            entry[1] = self._key()
        return False

    def _attach(self, entry: list[Any], node: Any) -> bool:
        """Put a finished value into its parent; True when that closes the parent too."""
        parent, key = entry
        parent.value.append((key, node) if key is not None else node)
        self._skip()
        if self._closes(parent):
            return True
        if not self.text.startswith(",", self.index):
            raise ScanError("expected `,` or a closing bracket", self.index)
        self.index += 1
        if key is not None:
            self._skip()
            entry[1] = self._key()
        return False

    def _key(self) -> Any:
        start = self.index
        found = _STRING.match(self.text, start)
        if found is None:
            raise ScanError("expected a quoted key", start)
        self.index = found.end()
        node = scalar(self.marker, _string(found[0], start), start, self.index)
        self._skip()
        if not self.text.startswith(":", self.index):
            raise ScanError("expected `:`", self.index)
        self.index += 1
        return node

    def _closes(self, node: Any) -> bool:
        bracket = "}" if node.__class__ is MappingNode else "]"
        if self.text.startswith(bracket, self.index):
            self.index += 1
            close(node, self.marker, self.index)
            return True
        return False

    def _skip(self) -> int:
        text, index = self.text, self.index
        while index < len(text) and text[index] in _SPACE:
            index += 1
        self.index = index
        return index


def _string(token: str, start: int) -> str:
    if "\\" not in token:
        return token[1:-1]
    try:
        return str(json.loads(token))
    except ValueError:
        raise ScanError("invalid escape in a string", start) from None


def _number(token: str, found: re.Match[str]) -> Any:
    if found[1] is None and found[2] is None:
        try:
            return int(token)
        except ValueError:  # more digits than Python converts: the text, as the YAML reader does
            return token
    return float(token)


def _region(marker: Marker, index: int) -> Region:
    line, column = marker.line_column(index)
    return Region(line, column, line, column + 1)
