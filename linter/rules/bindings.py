"""Role bindings the user wrote that match nothing in a run: judged at the end, like a corpus rule.

A pattern in `[roles]` (top level or a type's) that matches no field is usually a typo or a
format that changed, and would silently switch a rule off. Each file's result says, for every
pattern its content type's user-written roles name (not a preset's or a schema's), whether it
matched a value in that file; the cache stores this with the findings, so a cached run judges
the same. A pattern no checked file matched is reported once, as FM011 at the config line
that names it. The judgement covers the files of the run: a pre-commit batch sees only its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from linter.findings import FILE_START, Problem, Region
from linter.reading.bounded import RefusedFile, read_regular_file
from linter.reading.document import Document
from linter.reading.pointers import find
from linter.rules.fields import Binder

CODE = "FM011"
_MAX_CONFIG_BYTES = 1 << 20


def matched_bindings(binder: Binder, document: Document) -> dict[str, bool] | None:
    """Pattern text -> whether it matched a value in `document`, for the user's patterns."""
    explicit = binder.roles.explicit
    if not explicit:
        return None
    wanted = set(explicit)
    found: set[str] = set()
    for record in binder.view(document).records:
        for pattern in record.roles.patterns():
            text = pattern.text
            if text in wanted and text not in found and next(find(record.data, pattern), None) is not None:
                found.add(text)
    return {text: text in found for text in explicit}


def unmatched(bindings: Iterable[Mapping[str, bool] | None]) -> list[str]:
    """The patterns some file was checked against and no file matched, in first-seen order."""
    seen: dict[str, bool] = {}
    for per_file in bindings:
        for text, hit in (per_file or {}).items():
            seen[text] = seen.get(text, False) or hit
    return [text for text, hit in seen.items() if not hit]


def unmatched_problems(source: Path | None, patterns: list[str], files: int) -> list[tuple[str, Problem]]:
    """One FM011 per pattern, at the config file (path as the user would type it)."""
    if not patterns or source is None:
        return []
    text = _config_text(source)
    path = _shown(source)
    noun = "file" if files == 1 else "files"
    return [
        (
            path,
            Problem(
                CODE,
                f"role binding `{pattern}` matches nothing in the {files:,} checked {noun}",
                _where(text, pattern),
            ),
        )
        for pattern in patterns
    ]


def _config_text(source: Path) -> str:
    try:
        return read_regular_file(source, _MAX_CONFIG_BYTES).decode("utf-8", "replace")
    except (OSError, RefusedFile):
        return ""


def _where(text: str, pattern: str) -> Region:
    """The first place the config writes the pattern as a quoted string (line 1 otherwise)."""
    for quote in ('"', "'"):
        offset = text.find(f"{quote}{pattern}{quote}")
        if offset >= 0:
            line = text.count("\n", 0, offset) + 1
            column = offset - (text.rfind("\n", 0, offset) + 1) + 1
            return Region(line, column, line, column + len(pattern) + 2)
    return FILE_START


def _shown(source: Path) -> str:
    try:
        return os.path.relpath(source)
    except ValueError:  # another drive on Windows
        return str(source)
