"""Check glob patterns from config up front, so a typo is an error, not a silent no-match."""

from __future__ import annotations

import re

from linter.config.gitignore import GitIgnore

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
        spec = GitIgnore([pattern])
    except ValueError as exc:
        raise ValueError(f"pattern {pattern!r} is invalid: {exc}") from None
    if not spec.rules:
        raise ValueError(f"pattern {pattern!r} matches nothing")


def gitignore_form(pattern: str) -> str:
    """The gitignore-style pattern for what `pattern` matched as a `per-file-ignores` key
    before keys were gitignore-style (an fnmatch pattern tried on the path from the root and
    on the file name, its `*` crossing `/`); `pattern` itself where the two styles agree.

    They agree on a pattern without `/` (`*.md`, `README.md`: any folder), on one whose stars
    all end its last name (`archive/*`, `docs/a*`: a folder's whole tree either way) and on
    the forms only gitignore gives a meaning (a leading or trailing `/`, `!`, `**`). Elsewhere
    a star spans folders: `docs/*.md` was `docs/**/*.md`, `content/*/index.md` was
    `content/**/index.md` (which also takes `content/index.md`, the one file more)."""
    if "/" not in pattern.rstrip("/") or pattern.startswith(("/", "!")) or pattern.endswith("/"):
        return pattern
    names = pattern.split("/")
    out: list[str] = []
    for index, name in enumerate(names):
        last = index == len(names) - 1
        if "*" not in name or name == "**" or (last and name.endswith("*") and name.count("*") == 1):
            out.append(name)
        elif name == "*":
            out.append("**")
        else:
            if name.startswith("*"):  # the text before it may hold folders
                out.append("**")
            out.append(name)
            if not last and name.endswith("*"):  # and so may the text after it
                out.append("**")
    collapsed = [name for i, name in enumerate(out) if not (name == "**" and i and out[i - 1] == "**")]
    return "/".join(collapsed)
