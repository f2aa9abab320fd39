"""The nodes of one scalar of a block the line reader read, found without libyaml's graph.

Rules ask how a date is written (plain or quoted) and where a nested value is: 13 % of the
articles of a news corpus ask (each related article's date), and composing their blocks for
that was 1.1 % of a cold run. In a block the line reader took, every scalar sits on the line
of its key or dash, so its nodes are found by walking the lines of its top-level key and
placing each line as `block_values` did: the same value, style and marks as libyaml's
(benchmarks/differential.py compares every one). Anything else (a mapping, a list, a null)
is left to the composed graph.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from linter.reading import pointers
from linter.reading.block_values import LINE, key_line
from linter.reading.nodes import Mark, ScalarNode

#: The line after a top-level key's section: the next line that starts with a key.
_NEXT_TOP_LEVEL = re.compile(r"\n[^ #\n-]")


def scalar_at(text: str, data: dict[str, Any], pointer: str) -> tuple[ScalarNode | None, ScalarNode] | None:
    """(key node or None for a list item, value node) of the scalar at `pointer` in a block
    `block_values` read (`text`, whose values are `data`); None for a mapping, a list, a null
    or no value there."""
    value = pointers.resolve(data, pointer)
    if value is None or value.__class__ in (dict, list):
        return None
    tokens = pointers.split(pointer)
    start = key_line(text, tokens[0]) + 1
    if start == 0:
        return None
    found = _section(text, start).get(tuple(tokens))
    if found is None:
        return None
    match, line, item = found
    return (None if item else _scalar(match, 3, line)), _scalar(match, 4, line)


@functools.lru_cache(maxsize=4)
def _section(text: str, start: int) -> dict[tuple[str, ...], tuple[re.Match[str], int, bool]]:
    """Each one-line scalar of the top-level key whose line starts at `start`: its line's
    match, its line (0-based, as marks count: the opening fence is line 0) and whether it is
    a list item; each line placed as `block_values` places it. A file that asks where one is
    mostly asks for several (each related article's date): one walk answers them all."""
    end = _NEXT_TOP_LEVEL.search(text, start)
    line = text.count("\n", 0, start) - 1
    found: dict[tuple[str, ...], tuple[re.Match[str], int, bool]] = {}
    # Open containers, innermost last: [indentation, tokens, items so far or -1 for a
    # mapping]. At a top-level key every deeper container is closed, as in `block_values`.
    stack: list[list[Any]] = [[0, (), -1]]
    pending: tuple[tuple[str, ...], int] | None = None  # a `key:` whose value is below
    for match in LINE.finditer(text, start, len(text) if end is None else end.start() + 1):
        line += 1
        indent_text, dash, key, rest = match.groups()
        if not key and not dash:
            continue  # a blank line or a comment
        indent = len(indent_text)
        if pending is not None:
            if (dash and indent >= pending[1]) or (key and indent > pending[1]):
                stack.append([indent, pending[0], 0 if dash else -1])
            pending = None
        while stack[-1][0] > indent:
            stack.pop()
        if not dash and stack[-1][0] == indent and stack[-1][2] != -1 and len(stack) > 1:
            stack.pop()  # a key after a list written at its own key's indentation
        container = stack[-1]
        path: tuple[str, ...] = container[1]
        if dash:
            path = (*path, str(container[2]))
            container[2] += 1
            if not key:
                found[path] = (match, line, True)
                continue
            stack.append([indent + len(dash), path, -1])
        path = (*path, key)
        if rest:  # the pattern took the spaces before it: only spaces after the colon is none
            found[path] = (match, line, False)
        else:
            pending = (path, indent + len(dash))
    return found


def _scalar(match: re.Match[str], group: int, line: int) -> ScalarNode:
    """The node of a line's key (`group` 3) or value (4): quoted without escapes, or plain."""
    text = match.group(group).rstrip(" ")
    start = match.start(group)
    column = start - match.start()
    style = text[0] if group == 4 and text[0] in "'\"" else ""
    value = text[1:-1] if style else text
    if style == "'":
        value = value.replace("''", "'")
    end = Mark(start + len(text), line, column + len(text))
    return ScalarNode(value, Mark(start, line, column), end, style)
