"""Where a report or baseline is written: a symlink inside the checked project is never followed.

A pull request can commit a symlink at the report path (`content-lint.sarif -> ~/.bashrc`) or
at a folder on the way to it (`reports -> ~/.ssh`). Following either would let it overwrite any
file the CI account can write. Below a project folder (the config's folder, the working folder,
a checked folder) the path is therefore taken as written, each part looked at with `lstat`:
a linked folder is refused, a link at the report's own name is replaced by the report (its
target is never opened). Above and outside those folders the user's own links are followed as
before (`/dev/stdout`, a `/tmp` that is a link), since no checked file can put them there.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path


class UnsafePath(Exception):
    """The path goes through a link inside the project; the message is one line for the user."""


def unfollowed(path: str | Path, project: Iterable[str | Path]) -> tuple[Path, bool]:
    """The absolute path to write at, and whether a link there inside the project is to be
    replaced rather than followed; UnsafePath when a folder on the way is such a link."""
    target = Path(os.path.abspath(path))  # `..` is settled here, and the write uses this path
    root = _innermost(target, project)
    if root is None:
        return target, False
    for part in _parts_below(target.parent, root):
        if _is_link(part):
            raise UnsafePath(f"{path}: {part} is a symbolic link inside the project; it is not followed")
    return target, _is_link(target)


def project_folders(paths: Iterable[str], root: Path) -> tuple[Path, ...]:
    """The folders a pull request's files may lie in: the config's, the working one, the checked."""
    checked = (Path(p) if os.path.isdir(p) else Path(p).parent for p in paths)
    return (root, Path.cwd(), *checked)


def _innermost(target: Path, project: Iterable[str | Path]) -> Path | None:
    """The shallowest project folder holding `target` (so every link below it is looked at)."""
    holding = [r for r in (Path(os.path.abspath(p)) for p in project) if r == target or r in target.parents]
    return min(holding, key=lambda r: len(r.parts)) if holding else None


def _parts_below(folder: Path, root: Path) -> list[Path]:
    """`root`'s descendants on the way down to `folder`, `folder` included."""
    parts: list[Path] = []
    while folder != root and root in folder.parents:
        parts.append(folder)
        folder = folder.parent
    return parts[::-1]


def _is_link(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False
