"""JSON Pointers (RFC 6901): the one place that escapes, splits, joins, resolves and labels them.

Rules, the schema and fixes name a node by its pointer (`/related/0/url`); messages name it by
its label (`related[0].url`). Role bindings name fields with *patterns*: a pattern is a JSON Pointer (RFC 6901) whose tokens may hold `*`: a token that is only `*`
matches any key of a mapping or any index of a list; a token such as `*DateTime` or `og:*`
matches the keys that end or start with the rest. `/related/*/webUrl` matches the `webUrl` of
every item of `related`. A key that really contains `*` cannot be named (none do in practice).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from linter.records import NamedTuple

_PLAIN_KEY = re.compile(r"[^.\[\]`\s]+")


def escape(token: str | int) -> str:
    """One reference token as written in a pointer: `~` becomes `~0`, `/` becomes `~1`."""
    text = str(token)
    if "~" in text or "/" in text:
        text = text.replace("~", "~0").replace("/", "~1")
    return text


def unescape(token: str) -> str:
    """One reference token as the key it names (`~1` before `~0`, as RFC 6901 says)."""
    return token.replace("~1", "/").replace("~0", "~")


def join(parent: str, token: str | int) -> str:
    return f"{parent}/{escape(token)}"


def from_path(path: Iterable[str | int]) -> str:
    return "".join("/" + escape(token) for token in path)


def split(pointer: str) -> list[str]:
    """The keys and indexes `pointer` names, unescaped; none for the root `""`."""
    return [unescape(raw) for raw in pointer.split("/")[1:]] if pointer else []


def parent(pointer: str) -> str:
    return pointer[: pointer.rfind("/")] if pointer else ""


def last_token(pointer: str) -> str:
    return unescape(pointer[pointer.rfind("/") + 1 :])


def resolve(data: Any, pointer: str) -> Any:
    """The value at `pointer` inside `data`, or None when there is none."""
    value: Any = data
    for token in split(pointer):
        if isinstance(value, dict):
            value = value.get(token)
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return None
    return value


def label(pointer: str) -> str:
    """`/related/1/images/0/url` -> `related[1].images[0].url`, the way rule messages name a field."""
    text = ""
    for name in split(pointer):
        text += f"[{name}]" if name.isdigit() else (f".{name}" if text else name)
    return text


def path_label(path: Iterable[str | int]) -> str:
    """`hero.actions[1].variant` from a path whose indexes are ints; odd keys in JSON quotes."""
    name = ""
    for step in path:
        if isinstance(step, int):
            name += f"[{step}]"
        elif _PLAIN_KEY.fullmatch(step):
            name += f".{step}" if name else step
        else:
            name += f"[{json.dumps(step, ensure_ascii=False)}]"
    return name


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
        name = unescape(raw)
        if "*" not in name:
            tokens.append(Token(name))
        else:
            prefix, _, suffix = name.partition("*")
            tokens.append(Token(None, prefix, suffix))
    return Pattern(text, tuple(tokens))


def key_pattern(text: str) -> Pattern:
    """A plain key (`updatedDateTime`) or a pattern (`/params/date`), as rule options give them."""
    return parse_pattern(text if text.startswith("/") else "/" + escape(text))


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
                yield from _find(value[token.exact], rest, f"{pointer}/{escape(token.exact)}")
            return
        for key, item in value.items():
            if token.accepts(key):
                yield from _find(item, rest, f"{pointer}/{escape(key)}")
    elif isinstance(value, list):
        if token.any_index:
            for index, item in enumerate(value):
                yield from _find(item, rest, f"{pointer}/{index}")
        elif token.exact is not None and token.exact.isdigit() and int(token.exact) < len(value):
            yield from _find(value[int(token.exact)], rest, f"{pointer}/{token.exact}")
