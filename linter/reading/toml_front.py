"""TOML front matter between `+++` lines, as Hugo reads it.

Positions and structure come from our scanner (toml_scan.py), values and the verdict on syntax
from tomllib, an independent reader: when both accept the text, every value is taken from
tomllib at the place the scanner found it. Dates and times stay the text they were written as,
as the YAML reader leaves them, so the schema and the date rules see the same values.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from linter.findings import Problem, Region
from linter.reading import toml_library as tomllib
from linter.reading.nodes import MappingNode, Marker, ScalarNode, SequenceNode, too_deep
from linter.reading.toml_scan import ScanError, TomlScanner, TooDeep

_LONG_INTEGER = re.compile(r"[0-9][0-9_]{4000,}")
_AT = re.compile(r" \(at (?:line (\d+), column (\d+)|end of document)\)$")
_REDEFINED = ("Cannot overwrite", "Cannot declare", "Cannot mutate")
_DATES = (dt.datetime, dt.date, dt.time)
_CONSTANTS: dict[str, Any] = {"true": True, "false": False}


def compose_toml(text: str, max_depth: int) -> MappingNode | Problem:
    """The root mapping node (values typed), or the one problem that stops the reading."""
    marker = Marker(text)
    scanner = TomlScanner(text, marker, max_depth)
    root: MappingNode | None = None
    try:
        root = scanner.scan()
    except TooDeep as exc:
        return Problem("FM008", too_deep(max_depth), _region(marker, exc.index))
    except ScanError:
        pass
    body = "\n" + text[text.find("\n") + 1 :]  # the fence line left empty: tomllib's lines are ours
    try:
        data = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        if root is not None and scanner.duplicates and str(exc).startswith(_REDEFINED):
            return _typed_one_by_one(root, marker, text)  # the builder reports each duplicate (FM004)
        return _syntax_problem(str(exc), marker, len(text))
    except RecursionError:
        return Problem("FM008", too_deep(max_depth), Region(1, 1, 1, 4))
    except ValueError:  # Python reads no integer of more than 4,300 digits
        return _huge_integer(text, marker)
    if root is None or not _typed_from(root, data):
        return Problem(
            "FM000", "content-lint could not place the values of this TOML (a bug; please report it)"
        )
    return root


def _typed_from(root: MappingNode, data: dict[str, Any]) -> bool:
    """Give every scalar node tomllib's value at the same place; False when the two disagree."""
    stack: list[tuple[Any, Any]] = [(root, data)]
    while stack:
        node, value = stack.pop()
        if node.__class__ is MappingNode:
            if not isinstance(value, dict) or len(node.value) != len(value):
                return False
            pairs = [(child, value.get(key.value, _MISSING)) for key, child in node.value]
        elif node.__class__ is SequenceNode:
            if not isinstance(value, list) or len(node.value) != len(value):
                return False
            pairs = list(zip(node.value, value, strict=True))
        else:
            if value is _MISSING or isinstance(value, (dict, list)):
                return False
            if not isinstance(value, _DATES):  # a date keeps its text, as the YAML reader's do
                node.value = value
            continue
        stack.extend(pairs)
    return True


_MISSING = object()


def _typed_one_by_one(root: MappingNode, marker: Marker, text: str) -> MappingNode | Problem:
    """When a duplicate stops tomllib, each value is read on its own."""
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if node.__class__ is ScalarNode:
            try:
                node.value = token_value(node.value)
            except ValueError as exc:  # TOMLDecodeError is one, and so is a 4,301-digit integer
                if not isinstance(exc, tomllib.TOMLDecodeError):
                    return _huge_integer(text, marker)
                message = _AT.sub("", str(exc))
                return Problem(
                    "FM003", f"TOML syntax error: {message}", _region(marker, node.start_mark.index)
                )
        elif node.__class__ is MappingNode:
            stack.extend(child for _, child in node.value)
        else:
            stack.extend(node.value)
    return root


def token_value(token: str) -> Any:
    """The value of one TOML value token; dates and times stay as written."""
    if token in _CONSTANTS:
        return _CONSTANTS[token]
    first = token[:1]
    if first in ("'", '"') and not token.startswith(("'''", '"""')) and (first == "'" or "\\" not in token):
        return token[1:-1]
    if token.isdigit() and token.isascii() and (token == "0" or token[0] != "0"):
        return int(token)
    value = tomllib.loads(f"v = {token}")["v"]
    return token if isinstance(value, _DATES) else value


def _huge_integer(text: str, marker: Marker) -> Problem:
    """FM003 at the first integer too long to read (TOML's are 64-bit: 19 digits at most)."""
    found = _LONG_INTEGER.search(text)
    region = _region(marker, found.start() if found else 0)
    return Problem(
        "FM003", "TOML syntax error: an integer of thousands of digits (TOML's are 64-bit)", region
    )


def _syntax_problem(message: str, marker: Marker, end: int) -> Problem:
    found = _AT.search(message)
    text = _AT.sub("", message)
    if found is not None and found[1] is not None:
        line, column = int(found[1]), int(found[2])
        region = Region(line, column, line, column + 1)
    else:
        region = _region(marker, max(end - 1, 0))
    return Problem("FM003", f"TOML syntax error: {text}", region)


def _region(marker: Marker, index: int) -> Region:
    line, column = marker.line_column(index)
    return Region(line, column, line, column + 1)
