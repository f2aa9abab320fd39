"""Duplicate keys that differ only in case, for sites whose generator lower-cases keys (Hugo)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Problem
from linter.reading import pointers
from linter.reading.document import Document


def case_duplicates(document: Document) -> Iterator[Problem]:
    """FM004 for each key equal to an earlier one of its mapping but for case; the later key
    is dropped from the data, as exact duplicates are, so rules see one value."""
    stack: list[tuple[str, Any]] = [("", document.data)]
    while stack:
        pointer, value = stack.pop()
        if isinstance(value, list):
            stack.extend((pointers.join(pointer, index), item) for index, item in enumerate(value))
            continue
        if not isinstance(value, dict):
            continue
        first: dict[str, str] = {}
        for key in list(value):
            folded = key.casefold()
            if folded not in first:
                first[folded] = key
                stack.append((pointers.join(pointer, key), value[key]))
                continue
            del value[key]
            region = document.locate(pointers.join(pointer, key), "key")
            line = document.locate(pointers.join(pointer, first[folded]), "key").line
            message = (
                f"duplicate key `{key}`: same as `{first[folded]}` on line {line} (keys are case-insensitive)"
            )
            yield Problem("FM004", message, region, pointers.join(pointer, key))
