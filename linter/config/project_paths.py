"""A file's path from the project root: the one path that `exclude`, `content`, `[[types]]
paths` and `per-file-ignores` all match (before, each worked it out its own way, and a file
named through a symlinked folder got its type but not its ignores).

A file is where it really is: its folder's real path (worked out once per folder) when that
lies in the project, else where its link is. A file that is itself a link is spelled by its
target's path when discovery meets it on the command line (`real_spelling`; a walk never
follows one), so no file costs a `realpath` of its own. A file outside the root is
`../docs/a.md`, as a `content` pattern names a site's pages kept beside it.
"""

from __future__ import annotations

import os
from pathlib import Path


class ProjectPaths:
    """Project paths with a per-folder memo (a walk asks for every file of a folder; the path
    arithmetic per file cost more than the match). One instance per engine or filter."""

    __slots__ = ("_folders", "root")

    def __init__(self, root: Path) -> None:
        self.root = root
        #: folder as written -> its project path with a trailing "/" ("" for the root)
        self._folders: dict[str, str] = {}

    def of(self, path: str) -> str:
        """`path`'s project path, with `/` between names on every system."""
        folder, name = os.path.split(path)
        prefix = self._folders.get(folder)
        if prefix is None:
            prefix = self.folder(folder)
        return prefix + name if name else prefix.rstrip("/")

    def folder(self, folder: str) -> str:
        """The project path of `folder` with a trailing "/", or "" for the root itself."""
        prefix = self._folders.get(folder)
        if prefix is None:
            absolute = os.path.abspath(folder or os.curdir)
            real = os.path.realpath(absolute)
            relative = _from_root(real, self.root)
            if real != absolute and self.outside(relative):  # a link in the project to elsewhere
                relative = _from_root(absolute, self.root)
            prefix = "" if relative == "." else relative + "/"
            self._folders[folder] = prefix
        return prefix

    @staticmethod
    def outside(project_path: str) -> bool:
        """Whether a project path lies outside the root (`../docs/a.md`, or another drive's)."""
        return project_path.startswith("../") or project_path == ".." or os.path.isabs(project_path)


def _from_root(absolute: str, root: Path) -> str:
    """`absolute` from `root`, with `..` steps when outside it; as given on another drive."""
    try:
        return Path(os.path.relpath(absolute, root)).as_posix()
    except ValueError:
        return Path(absolute).as_posix()


def real_spelling(given: str, root: Path) -> str:
    """A path named through a symlink (`linked/a.md` for `content/posts/a.md`) spelled by its
    real location when that lies below the working folder or the project root (relative to the
    working folder, as the user named it), so that its project path is where the file really
    is. Walks never follow links, so only paths named on the command line need this; one whose
    target is elsewhere stays as given (its project path is where its link is)."""
    absolute = os.path.abspath(given)
    real = os.path.realpath(given)
    if real == absolute:
        return given
    relative = os.path.relpath(real)
    if not (relative == os.pardir or relative.startswith(os.pardir + os.sep)):
        return relative
    if ProjectPaths.outside(_from_root(real, root)):
        return given
    return real if os.path.isabs(given) else relative
