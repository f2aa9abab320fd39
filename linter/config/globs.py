"""Check glob patterns from config up front, so a typo is an error, not a silent no-match."""

from __future__ import annotations

import re

import pathspec

_CLASS = re.compile(r"\[(!|\^)?(\]?[^\]]*)\]")


def check_name_glob(pattern: str) -> None:
    """An fnmatch pattern (`*.md`): raises ValueError on an unclosed `[` or a reversed range."""
    if not pattern:
        raise ValueError("is an empty pattern")
    rest = _CLASS.sub("", pattern)
    if "[" in rest:
        raise ValueError(f"pattern {pattern!r} has an unclosed `[`")
    for match in _CLASS.finditer(pattern):
        body = match.group(2)
        for low, high in re.findall(r"(.)-(.)", body):
            if low > high:
                raise ValueError(f"pattern {pattern!r} has a reversed range `{low}-{high}`")


def check_gitignore_glob(pattern: str) -> None:
    """A gitignore-style pattern (`drafts/`, `**/*.tmp`): raises ValueError when it is invalid."""
    if not pattern.strip():
        raise ValueError("is an empty pattern")
    check_name_glob(pattern.lstrip("!") or pattern)
    try:
        spec = pathspec.GitIgnoreSpec.from_lines([pattern])
    except Exception as exc:  # pathspec raises its own error types for invalid patterns
        raise ValueError(f"pattern {pattern!r} is invalid: {exc}") from None
    if not any(p.regex is not None for p in spec.patterns):
        raise ValueError(f"pattern {pattern!r} matches nothing")
