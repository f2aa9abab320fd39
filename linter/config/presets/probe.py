"""Looking at a folder without trusting it: names by lstat (no link followed), bounded heads."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from linter.reading.bounded import read_regular_file

#: A framework config is read only this far: enough for the settings detection looks for.
HEAD_BYTES = 64 * 1024


def is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def head(path: Path, limit: int = HEAD_BYTES) -> bytes:
    """The first bytes of a regular file (no FIFO is ever opened for reading); b"" otherwise."""
    try:
        return read_regular_file(path, limit, truncate=True)
    except (OSError, ValueError):
        return b""


def first_file(folder: Path, *names: str) -> str | None:
    """The first of `names` that is a regular file in `folder`."""
    return next((name for name in names if is_file(folder / name)), None)


def existing(folder: Path, *names: str) -> tuple[str, ...]:
    return tuple(name for name in names if is_dir(folder / name))


def literal(folder: str) -> str:
    """A folder path as a literal in a gitignore pattern (its wildcards escaped)."""
    return "".join(f"\\{char}" if char in "*?[]!#\\" else char for char in folder)


def folder_files(
    top: Path, starts: list[str], limit: int, descend: Callable[[str, set[str]], bool]
) -> Iterator[tuple[str, set[str]]]:
    """(folder, its file names) for the folders below `top` from `starts` (paths relative to
    it, "" for `top`), at most `limit` folders, no link followed; a folder's subfolders are
    visited when `descend(folder, names)` says so (dot-folders never). For detection that needs
    a look inside a site's folders (Hugo's leaf bundles, MkDocs' README beside index.md)."""
    pending, seen = list(starts), 0
    while pending and seen < limit:
        folder = pending.pop()
        seen += 1
        try:
            entries = list(os.scandir(top / folder))
        except OSError:
            continue
        names = {entry.name for entry in entries if entry.is_file(follow_symlinks=False)}
        yield folder, names
        if descend(folder, names):
            prefix = f"{folder}/" if folder else ""
            pending += [
                prefix + e.name
                for e in entries
                if e.is_dir(follow_symlinks=False) and not e.name.startswith(".")
            ]
