"""Read literal settings out of a JavaScript/TypeScript config file's text, never running it.

A framework config (`docusaurus.config.js`, `astro.config.mjs`) is code; most projects still
write the settings we need as literals (`path: 'docs'`, `blog: false`). This scanner finds an
object's keys and literal values by bracket matching, skipping strings and comments; anything
else (a variable, a call, a template with `${}`) is `COMPUTED`, and callers fall back to the
framework's defaults. Linear in the text, no recursion deeper than the nesting asked for.
"""

from __future__ import annotations

import re

from linter.records import NamedTuple

#: A value the text does not give as a literal (a variable, a call, a computed template).
COMPUTED = None
_OPEN = {"{": "}", "[": "]", "(": ")"}
_CLOSE = frozenset(_OPEN.values())
_KEY = re.compile(r"""\s*(?:([A-Za-z_$][\w$]*)|'([^'\\\n]*)'|"([^"\\\n]*)")\s*:""")
_SPACE = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.DOTALL)
_NAME_CHAR = re.compile(r"[\w$.]")


class Span(NamedTuple):
    """A stretch of the text: an object, an array or one value."""

    text: str
    start: int
    end: int

    @property
    def kind(self) -> str:
        """`{` for an object, `[` for an array, `'` for a string literal, else the first char."""
        return self.text[self.start : self.start + 1]


def skip_space(text: str, index: int, end: int) -> int:
    """The index after any blanks and comments from `index`."""
    found = _SPACE.match(text, index, end)
    return found.end() if found else index


def after_string(text: str, index: int, end: int) -> int:
    """The index after the string literal opening at `index` (escapes honoured)."""
    quote = text[index]
    index += 1
    while index < end:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == quote:
            return index + 1
        if char == "\n" and quote != "`":
            return index
        index += 1
    return end


def after_comment(text: str, index: int, end: int) -> int:
    """The index after the `//` or `/* */` comment at `index` (an unclosed one runs to `end`)."""
    if text.startswith("//", index):
        stop = text.find("\n", index, end)
        return end if stop < 0 else stop
    stop = text.find("*/", index + 2, end)
    return end if stop < 0 else stop + 2


def after_value(text: str, index: int, end: int) -> int:
    """The index of the `,` or closing bracket that ends the value starting at `index`."""
    return _scan(text, index, end, 0)


def closing(text: str, index: int, end: int) -> int:
    """The index after the bracket that closes the one at `index`."""
    return _scan(text, index, end, 1)


def _scan(text: str, index: int, end: int, level: int) -> int:
    """Walk to the end of a value (`level` 0: a `,` or an unmatched closing bracket) or of a
    bracketed group (`level` 1: past its closing bracket), skipping strings and comments."""
    depth = 0
    while index < end:
        char = text[index]
        if char in "'\"`":
            index = after_string(text, index, end)
            continue
        if text.startswith("//", index) or text.startswith("/*", index):
            index = after_comment(text, index, end)
            continue
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            if depth == 0 and level == 0:
                return index
            depth -= 1
            if depth == 0 and level == 1:
                return index + 1
        elif char == "," and depth == 0 and level == 0:
            return index
        index += 1
    return end


def items(span: Span) -> list[Span]:
    """The comma-separated items of an object or array span, each trimmed."""
    text, index, end = span.text, span.start + 1, span.end - 1
    found: list[Span] = []
    while True:
        index = skip_space(text, index, end)
        if index >= end:
            return found
        stop = after_value(text, index, end)
        tail = stop
        while tail > index and text[tail - 1].isspace():
            tail -= 1
        found.append(Span(text, index, tail))
        index = stop + 1


def entries(span: Span) -> dict[str, Span]:
    """An object span's `key: value` entries (the first of a repeated key); spreads and
    shorthand keys are not entries."""
    found: dict[str, Span] = {}
    for item in items(span):
        key = _KEY.match(item.text, item.start, item.end)
        if key is None:
            continue
        name = next(group for group in key.groups() if group is not None)
        start = skip_space(item.text, key.end(), item.end)
        found.setdefault(name, Span(item.text, start, item.end))
    return found


def bracketed(span: Span) -> Span | None:
    """The object or array the value starts with (`{...} satisfies Options` and `({...})`
    included), else None."""
    text, start = span.text, span.start
    if span.kind == "(":  # `({ ... })`, as configs often wrap an options object
        start = skip_space(text, start + 1, span.end)
    if text[start : start + 1] not in ("{", "["):
        return None
    return Span(text, start, closing(text, start, span.end))


def literal(span: Span) -> str | bool | None:
    """A string or boolean literal's value; `COMPUTED` for anything else."""
    value = span.text[span.start : span.end].strip()
    if value in ("true", "false"):
        return value == "true"
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"`":
        inner = value[1:-1]
        if "\\" in inner or (value[0] == "`" and "${" in inner) or value[0] in inner:
            return COMPUTED
        return inner
    return COMPUTED


def key_value(text: str, key: str) -> Span | None:
    """The value of the first `key:` outside strings and comments, in one pass over the text."""
    pattern = re.compile(rf"{re.escape(key)}\s*:")
    index, end = 0, len(text)
    while index < end:
        char = text[index]
        if char in "'\"`":
            index = after_string(text, index, end)
        elif text.startswith("//", index) or text.startswith("/*", index):
            index = after_comment(text, index, end)
        elif char == key[0] and (index == 0 or not _NAME_CHAR.match(text, index - 1)):
            found = pattern.match(text, index)
            if found is not None:
                start = skip_space(text, found.end(), end)
                return Span(text, start, after_value(text, start, end))
            index += 1
        else:
            index += 1
    return None
