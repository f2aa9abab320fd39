"""Values of plain block YAML read line by line, without libyaml's node graph.

Most front matter is a few levels of block mappings and lists of one-line scalars. For such a
block this reader gives exactly the values the composer and `yaml_compose.build` give, at about
half the cost, and no node graph: it is composed only when a finding needs a position that
`BlockSpots` does not know (most files have none). Anything else (flow collections, block
scalars, a value over two lines, escapes, comments after a value, anchors, tags, tabs, CR,
control or unusual characters, a repeated key, indentation it does not expect, a line it
cannot place) returns None, and the block is composed as before. So this reader never judges
YAML: it reads only what it is sure of, and every error is libyaml's.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from typing import Any

from linter.findings import Region
from linter.reading.scalars import MAYBE_SPECIAL, resolve_plain

#: A top-level or nested key this reader reads: plain, short, of the commonest characters.
_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")
#: libyaml refuses a simple key further than 1024 characters from its colon; a line longer
#: than this is left to it.
_LONGEST_LINE = 900
#: Per line: indentation, a list item's dash, a plain key and its colon (followed by a space
#: or the end of the line), and the rest of the line. A longer line does not match (see above).
#: Each part takes all it can and gives nothing back (`++`): giving back only makes the rest
#: longer. An optional part is `(...|)`, not `(...)?`, which costs re a repeat frame: with
#: both, 354 k -> 264 k instructions a file of the news corpus (the same lines and groups).
#: Python 3.10's re has no possessive repeats: there the greedy ones match the same, slower.
_ALL = "+" if sys.version_info >= (3, 11) else ""
LINE = re.compile(
    rf"^( *{_ALL})(- +{_ALL}|)(?:({_KEY.pattern}):(?: +{_ALL}|(?=\n))|)(.{{0,{_LONGEST_LINE}}}{_ALL})\n",
    re.MULTILINE,
)
#: What a plain scalar may not start with (`-` is allowed before a non-space).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
#: First characters of a plain scalar that is surely one (`-` may start a list item).
_PLAIN_START = frozenset(chr(c) for c in range(0x21, 0x7F)) - _INDICATORS
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\n"


class _Unsure(Exception):
    """The block holds something this reader does not read: compose it instead."""


def block_values(text: str, max_depth: int, line_breaks: int | None = None) -> dict[str, Any] | None:
    """The front matter's values, or None when the block needs the composer (nested deeper
    than `max_depth` too: FM008 is the composer's to place). `line_breaks`, the text's count
    of `\n` where the caller has it (a FrontMatter's `closing_line - 1`), spares a second
    pass over the block (~22 k instructions a news article)."""
    if not text.startswith("---\n") or not text.endswith("\n") or not _plain_characters(text):
        return None
    lines = LINE.findall(text, 4)
    breaks = text.count("\n") if line_breaks is None else line_breaks
    if len(lines) != breaks - 1:  # each line read ends in its line break
        return None  # a line too long to match
    try:
        return _read(lines, max_depth)
    except _Unsure:
        return None


#: A Region from one tuple, without the NamedTuple constructor's Python call: FM404 places
#: every news article's own URL.
_new_region = functools.partial(tuple.__new__, Region)


class BlockSpots:
    """Where a block read by `block_values` has its top-level keys and values, and its node
    graph for any other position. FM404 places each file's own URLs, in every file: those
    positions must not cost a composed block."""

    __slots__ = ("_compose", "_text")

    def __init__(self, text: str, compose: Callable[[], Any]) -> None:
        self._text = text
        self._compose = compose

    def compose(self) -> Any:
        """The block's node graph, as libyaml composes it."""
        return self._compose()

    def region(self, pointer: str, key_target: bool) -> Region | None:
        """The region of a top-level key, or of its one-line value; None for anything else."""
        key = pointer[1:]  # one token, as written: an escaped one (`~1`) is no plain key either
        if pointer[:1] != "/" or _KEY.fullmatch(key) is None:  # no `/` in a plain key
            return None
        text = self._text
        start = key_line(text, key)
        if start < 0:
            return None
        line = text.count("\n", 0, start + 1) + 1
        if key_target:
            return _new_region((line, 1, line, len(key) + 1))
        after = len(key) + 2  # from the newline before the key to just after its colon
        end = text.find("\n", start + 1)
        rest = text[start + after : end if end >= 0 else len(text)]
        value = rest.strip(" ")
        if not value:
            return None  # the value is on the lines below
        column = after + len(rest) - len(rest.lstrip(" "))
        return _new_region((line, column, line, column + len(value)))


def key_line(text: str, key: str) -> int:
    """Where the line of top-level `key` starts (at the newline before it), or -1.

    In a block `block_values` read, a line that starts with `key:` is that top-level key's
    (nested keys are indented, values are on one line, and no key is repeated)."""
    after = len(key) + 2  # from the newline before the key to just after its colon
    start = text.find(f"\n{key}:")
    while start >= 0 and text[start + after : start + after + 1] not in ("", " ", "\n"):
        start = text.find(f"\n{key}:", start + 1)
    return start


def _plain_characters(text: str) -> bool:
    """No tab, CR, control character or YAML line break other than LF, no BOM, surrogate or
    non-character (and, outside ASCII, nothing `isprintable` doubts): one C pass either way."""
    if text.isascii():
        return not text.encode().translate(None, _PRINTABLE_ASCII)
    return text.replace("\n", "").isprintable()


def _read(lines: list[tuple[str, str, str, str]], max_depth: int) -> dict[str, Any] | None:
    root: dict[str, Any] = {}
    # Open containers, innermost last: (indentation, the mapping or list)
    stack: list[tuple[int, Any]] = [(0, root)]
    at, container = stack[-1]  # the innermost, kept apart: most lines go on in it
    pending: tuple[dict[str, Any], str, int] | None = None  # a `key:` whose value is below
    for indent_text, dash, key, rest in lines:
        if not key and not dash:
            if rest[:1] in ("", "#"):
                continue  # a blank line or a comment
            raise _Unsure  # a value's second line, or a stray scalar
        indent = len(indent_text)
        if pending is not None:
            _open(pending, indent, dash, key, stack)
            pending = None
            if len(stack) > max_depth:
                raise _Unsure
            at, container = stack[-1]
        if dash or at != indent or container.__class__ is not dict:
            if not (dash and at == indent and container.__class__ is list):
                container = _container(stack, indent, bool(dash))
                at = indent
            if dash:
                if not key:
                    container.append(_scalar(rest))
                    continue
                item: dict[str, Any] = {}
                container.append(item)
                at = indent + len(dash)
                stack.append((at, item))
                container = item
            if len(stack) > max_depth:
                raise _Unsure
        if key in container:
            raise _Unsure  # a repeated key: FM004, placed by the composer
        if not rest:
            pending = (container, key, indent + len(dash))
            continue
        first = rest[0]
        if first == '"':
            if rest[-1] == '"' and rest.count('"') == 2 and "\\" not in rest:
                container[key] = rest[1:-1]  # the commonest values: quoted without escapes,
                continue
        elif first in _PLAIN_START and "#" not in rest and ": " not in rest and rest[-1] not in ": ":
            # and plain: text as written, or a number, a date, true, null ... (spaces after a
            # value, the pattern keeps them, are left to _scalar: a test a line costs 3 %)
            container[key] = resolve_plain(rest) if first in MAYBE_SPECIAL else rest
            continue
        container[key] = _scalar(rest)
    if pending is not None:
        pending[0][pending[1]] = None
    return root or None


def _container(stack: list[tuple[int, Any]], indent: int, item: bool) -> Any:
    """The open list (for an `item`) or mapping a line at `indent` belongs to; those more
    indented are closed."""
    while stack[-1][0] > indent:
        stack.pop()
    at, container = stack[-1]
    if at == indent and not item and container.__class__ is list and len(stack) > 1:
        stack.pop()  # a key after a list written at its own key's indentation
        at, container = stack[-1]
    if at != indent or container.__class__ is not (list if item else dict):
        raise _Unsure
    return container


def _open(
    pending: tuple[dict[str, Any], str, int], indent: int, dash: str, key: str, stack: list[Any]
) -> None:
    """Give a `key:` with nothing after it its value: the list or mapping the next line opens
    (a list may start at the key's own indentation), else null."""
    mapping, name, at = pending
    if (dash and indent >= at) or (key and indent > at):
        value: list[Any] | dict[str, Any] = [] if dash else {}
        mapping[name] = value
        stack.append((indent, value))
    elif indent > at:
        raise _Unsure  # a value on the next line, or a stray line
    else:
        mapping[name] = None


def _scalar(text: str) -> Any:
    """One value written on one line: quoted without escapes, or plain."""
    text = text.rstrip(" ")
    if not text:
        raise _Unsure  # an empty list item
    first = text[0]
    if first == '"':
        if text[-1] != '"' or text.count('"') != 2 or "\\" in text:
            raise _Unsure  # escapes, or more after the closing quote
        return text[1:-1]
    if first == "'":
        quoted = _SINGLE.fullmatch(text)
        if quoted is None:
            raise _Unsure
        return quoted.group(1).replace("''", "'")
    if (first in _INDICATORS and (first != "-" or len(text) < 2 or text[1] == " ")) or "#" in text:
        raise _Unsure
    if ": " in text or text[-1] == ":":
        raise _Unsure
    return text if first not in MAYBE_SPECIAL else resolve_plain(text)
