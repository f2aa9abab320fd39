"""JSON-Pointer patterns with `*`: how role bindings name the fields of a front-matter format.

A pattern is a JSON Pointer (RFC 6901) whose tokens may hold `*`: a token that is only `*`
matches any key of a mapping or any index of a list; a token such as `*DateTime` or `og:*`
matches the keys that end or start with the rest. `/related/*/webUrl` matches the `webUrl` of
every item of `related`. A key that really contains `*` cannot be named (none do in practice).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from linter.document import escape_token


class Token(NamedTuple):
    """One pattern token: `exact` for a literal key, else any key with `prefix` and `suffix`."""

    exact: str | None
    prefix: str = ""
    suffix: str = ""

    def accepts(self, key: str) -> bool:
        if self.exact is not None:
            return key == self.exact
        return (
            len(key) >= len(self.prefix) + len(self.suffix)
            and key.startswith(self.prefix)
            and key.endswith(self.suffix)
        )

    @property
    def any_index(self) -> bool:
        return self.exact is None and not self.prefix and not self.suffix


class Pattern(NamedTuple):
    text: str
    tokens: tuple[Token, ...]


def parse_pattern(text: str) -> Pattern:
    """A pattern from its text; ValueError with a short reason when it is not one."""
    if not isinstance(text, str) or not text.startswith("/"):
        raise ValueError(f"{text!r} is not a JSON Pointer pattern (it must start with `/`)")
    tokens = []
    for raw in text.split("/")[1:]:
        if raw.count("*") > 1:
            raise ValueError(f"{text!r}: a token may hold one `*` at most")
        name = raw.replace("~1", "/").replace("~0", "~")
        if "*" not in name:
            tokens.append(Token(name))
        else:
            prefix, _, suffix = name.partition("*")
            tokens.append(Token(None, prefix, suffix))
    return Pattern(text, tuple(tokens))


def key_pattern(text: str) -> Pattern:
    """A plain key (`updatedDateTime`) or a pattern (`/params/date`), as rule options give them."""
    return parse_pattern(text if text.startswith("/") else "/" + escape_token(text))


def find(data: Any, pattern: Pattern, base: str = "") -> Iterator[tuple[str, Any]]:
    """(pointer, value) of every value `pattern` matches in `data`, in the order written."""
    yield from _find(data, pattern.tokens, base)


def _find(value: Any, tokens: tuple[Token, ...], pointer: str) -> Iterator[tuple[str, Any]]:
    if not tokens:
        yield pointer, value
        return
    token, rest = tokens[0], tokens[1:]
    if isinstance(value, dict):
        if token.exact is not None:
            if token.exact in value:
                yield from _find(value[token.exact], rest, f"{pointer}/{escape_token(token.exact)}")
            return
        for key, item in value.items():
            if token.accepts(key):
                yield from _find(item, rest, f"{pointer}/{escape_token(key)}")
    elif isinstance(value, list):
        if token.any_index:
            for index, item in enumerate(value):
                yield from _find(item, rest, f"{pointer}/{index}")
        elif token.exact is not None and token.exact.isdigit() and int(token.exact) < len(value):
            yield from _find(value[int(token.exact)], rest, f"{pointer}/{token.exact}")
