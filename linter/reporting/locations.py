"""Paths as CI services want them: relative to the project root, with forward slashes."""

from __future__ import annotations

import os
from pathlib import Path, PurePath


def relative_path(path: str, root: str) -> str | None:
    """`path` relative to `root` in POSIX form, or None when it lies outside `root`."""
    absolute = os.path.normpath(os.path.join(root, path))
    try:
        relative = PurePath(absolute).relative_to(os.path.normpath(root))
    except ValueError:
        return None
    return relative.as_posix()


def display_path(path: str, root: str) -> str:
    """The relative POSIX path when inside `root`, else the absolute one (still POSIX)."""
    relative = relative_path(path, root)
    if relative is not None:
        return relative
    return Path(os.path.normpath(os.path.join(root, path))).as_posix()
