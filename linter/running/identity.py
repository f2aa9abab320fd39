"""Which file a path names, cheaply: the cache key and the "already checked?" test.

`os.path.realpath` costs ~17 µs a path (an lstat per component, in Python), more than
reading a cached result. Files in one folder share the folder's real path, so it is resolved
once per folder; only a path that is itself a symlink is resolved in full. The one `lstat`
a file costs doubles as the stat that tells whether a cached result is still fresh.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable

from linter.reading.file_stamps import last_change_ns
from linter.records import NamedTuple


class Located(NamedTuple):
    """A file's canonical path and its size and last change time (`last_change_ns`; of the
    target, for a link);
    `alias` is the absolute path it was named by, "" when that is `real` (a file linked in from
    outside the project is matched where its link is, so a cached verdict holds for one name)."""

    real: str
    size: int
    changed_ns: int
    alias: str = ""


class Identities:
    """Canonical paths with a per-folder memo; one instance per run (folders do not move)."""

    __slots__ = ("_folders",)

    def __init__(self) -> None:
        #: folder as written -> (its real path, its absolute path or "" when the same), with "/"
        self._folders: dict[str, tuple[str, str]] = {}

    def real(self, path: str) -> str:
        """`os.path.realpath(path)` for a file path that is not itself a symlink."""
        return self._named(path)[0]

    def locate(self, path: str) -> Located | None:
        """Canonical path plus stat of `path`, or None when it cannot be stat-ed."""
        try:
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                real = os.path.realpath(path)
                info = os.stat(real)
                alias = os.path.abspath(path)
            else:
                real, alias = self._named(path)
        except (OSError, ValueError):
            return None
        return Located(real, info.st_size, last_change_ns(info), "" if alias == real else alias)

    def locate_all(self, paths: Iterable[str]) -> dict[str, Located]:
        """`locate` of each of `paths` that can be stat-ed, in one tight loop (a warm run's
        100,000 files): a file's real path is its folder's plus its name unless it is a link."""
        found: dict[str, Located] = {}
        lstat, is_link, separator, altsep, folder_of = os.lstat, stat.S_ISLNK, os.sep, os.altsep, self.folder
        last: str | None = None
        real_folder = absolute_folder = ""
        for path in paths:
            folder, _, name = path.rpartition(separator)
            if not folder or (altsep and altsep in path):  # the rare paths, in full
                where = self.locate(path)
                if where is not None:
                    found[path] = where
                continue
            try:
                info = lstat(path)
            except (OSError, ValueError):
                continue
            if is_link(info.st_mode):
                where = self.locate(path)
                if where is not None:
                    found[path] = where
                continue
            if folder != last:
                (real_folder, absolute_folder), last = folder_of(folder), folder
            real = real_folder + name
            alias = absolute_folder and absolute_folder + name
            found[path] = Located(real, info.st_size, last_change_ns(info), "" if alias == real else alias)
        return found

    def folder(self, folder: str) -> tuple[str, str]:
        """(real path, absolute path or "" when the same) of `folder` as written, each ending in
        a separator: a file's are these plus its name (unless the file is a symlink)."""
        known = self._folders.get(folder)
        if known is None:  # the folder as written is the memo's key: no abspath per file
            real_folder = os.path.join(os.path.realpath(folder or os.curdir), "")
            absolute_folder = os.path.join(os.path.abspath(folder or os.curdir), "")
            known = real_folder, "" if absolute_folder == real_folder else absolute_folder
            self._folders[folder] = known
        return known

    def _named(self, path: str) -> tuple[str, str]:
        """(real path, absolute path or "") of a file that is not itself a symlink."""
        folder, name = _split(path)
        known = self.folder(folder)
        return known[0] + name, known[1] and known[1] + name


def _split(path: str) -> tuple[str, str]:
    """(folder, name) of a path: str.rpartition costs a third of os.path.split, 100,000 times."""
    if os.altsep and os.altsep in path:
        return os.path.split(path)
    folder, _, name = path.rpartition(os.sep)
    if not folder and path.startswith(os.sep):
        folder = os.sep
    return folder, name
