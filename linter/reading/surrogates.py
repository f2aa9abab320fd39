"""Refuse strings that escape a lone surrogate (`"\\ud800"`): they are not Unicode text.

JSON and YAML double-quoted strings may write `\\udc80`, and both parsers hand back a string
holding that lone surrogate. No UTF-8 file can hold it, so nothing downstream can: the schema
engine fails on it, a fix would write a stray byte, and site generators replace it with U+FFFD
(Go's encoding/json, JavaScript's TextEncoder). It is reported once per file as FM003 at the
string, and the file is checked no further, like any other text the reader cannot take.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from linter.findings import Problem
from linter.reading import pointers
from linter.reading.document import Document, Target

#: Only an escape can make a lone surrogate: the text itself was decoded as strict UTF-8.
ESCAPED_SURROGATE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")


@functools.cache
def _surrogate() -> re.Pattern[str]:
    """Compiled on first use: only a document with an escaped surrogate is searched."""
    return re.compile("[\ud800-\udfff]")


def lone_surrogate(document: Document) -> Problem | None:
    """FM003 at the first key or string holding a lone surrogate, None when there is none."""
    surrogate = _surrogate()
    stack: list[tuple[str, Any]] = [("", document.data)]
    while stack:
        pointer, value = stack.pop()
        items = (
            value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        )
        for key, child in items:
            child_pointer = pointers.join(pointer, str(key))
            if isinstance(key, str) and surrogate.search(key):
                return _problem(document, child_pointer, key, "key")
            if isinstance(child, str) and surrogate.search(child):
                return _problem(document, child_pointer, child, "value")
            if isinstance(child, (dict, list)):
                stack.append((child_pointer, child))
    return None


def _problem(document: Document, pointer: str, text: str, target: Target) -> Problem:
    code = ord(_surrogate().findall(text)[0])
    # the finding is stored (cache) and printed as UTF-8: the pointer is written escaped
    shown = _surrogate().sub(lambda match: f"\\u{ord(match.group()):04x}", pointer)
    message = (
        f"the {target} at {shown} escapes a lone surrogate (\\u{code:04x}), which is not Unicode "
        "text: site generators turn it into U+FFFD; write the character itself"
    )
    return Problem("FM003", message, document.locate(pointer, target), shown)
