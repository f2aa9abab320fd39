"""A parsed front matter: plain JSON-like values plus where each key and value sits in the file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from linter.findings import FILE_START, Region

Span = tuple[int, int, int, int]  # line, column, end_line, end_column (1-based, end exclusive)
Target = Literal["value", "key"]


def escape_token(token: str | int) -> str:
    """One JSON Pointer reference token (RFC 6901)."""
    text = str(token)
    if "~" in text or "/" in text:
        text = text.replace("~", "~0").replace("/", "~1")
    return text


def join_pointer(parent: str, token: str | int) -> str:
    return f"{parent}/{escape_token(token)}"


def pointer_from_path(path: Iterable[str | int]) -> str:
    return "".join("/" + escape_token(token) for token in path)


def parent_pointer(pointer: str) -> str:
    return pointer[: pointer.rfind("/")] if pointer else ""


def last_token(pointer: str) -> str:
    token = pointer[pointer.rfind("/") + 1 :]
    return token.replace("~1", "/").replace("~0", "~")


@dataclass(frozen=True)
class Document:
    """What rules and the schema see: `data` is the front matter as JSON-compatible values."""

    path: str
    data: dict[str, Any]
    text: str
    closing_line: int
    value_spans: dict[str, Span] = field(repr=False)
    key_spans: dict[str, Span] = field(repr=False)

    def locate(self, pointer: str, target: Target = "value") -> Region:
        """The region of the key or value at `pointer`; the nearest existing ancestor otherwise."""
        spans = self.key_spans if target == "key" else self.value_spans
        probe = pointer
        while True:
            span = spans.get(probe) or (self.value_spans.get(probe) if target == "key" else None)
            if span is not None:
                return Region(*span)
            if not probe:
                return FILE_START
            probe = parent_pointer(probe)

    def has_key_span(self, pointer: str) -> bool:
        return pointer in self.key_spans

    def resolve(self, pointer: str) -> Any:
        """The value at `pointer`, or None when there is none."""
        value: Any = self.data
        for token in pointer.split("/")[1:] if pointer else ():
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(value, dict):
                value = value.get(token)
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                return None
        return value
