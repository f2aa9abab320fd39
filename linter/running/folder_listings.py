"""What a walk found in each folder, kept in the result cache, so that a walk of the content
roots for one changed file lists again only the folders that changed since.

A folder's own stat says when its list of names changed: creating, deleting or renaming an
entry sets its mtime, a change of owner or mode sets its ctime, and one recreated elsewhere
has another inode. A file edited in place changes none of them, which is why a recalled
listing only spares the `scandir` and the filters: every file in it is still stat-ed against
its cached result (linter.running.freshness). What the filters decide also depends on the
filters themselves (their patterns and root go into every stamp) and on `.gitignore` files:
a listing is recalled or kept only where no `.gitignore` applies and git is not asked (git's
answer changes with its index, which a folder's stat does not see). A folder changed less
than 2 s before it was listed is not kept (another change within the same clock tick could
leave its mtime as it was), as the result cache treats racy files. The rows live in the
authenticated cache database, never in a file a pull request could plant.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping, Sequence

from linter.reading.file_stamps import trusted_mtime

#: (folder's absolute path, stamp, the names of its files to check, of its subfolders to walk)
Row = tuple[str, str, str, str]


class FolderMemo:
    """The listings a cache holds, recalled for one set of filters (`key`, FileFilter.memo_key);
    new ones collected in `fresh` for writing back."""

    __slots__ = ("_key", "_known", "fresh")

    def __init__(self, known: Mapping[str, tuple[str, str, str]], key: str) -> None:
        self._known = known
        self._key = key
        self.fresh: list[Row] = []

    def recall(self, folder: str, info: os.stat_result) -> tuple[list[str], list[str]] | None:
        """(file paths, subfolder paths) of `folder` as listed when its stat was `info`'s."""
        absolute = os.path.abspath(folder)
        row = self._known.get(absolute)
        if row is None or row[0] != self._stamp(info):
            return None
        try:
            files, subfolders = json.loads(row[1]), json.loads(row[2])
        except ValueError:
            return None
        if not (_names(files) and _names(subfolders)):
            return None
        prefix = os.path.join(folder, "")  # as os.path.join(folder, name), a third of its cost
        return [prefix + name for name in files], [prefix + name for name in subfolders]

    def remember(
        self, folder: str, info: os.stat_result, files: Sequence[str], subfolders: Sequence[str]
    ) -> None:
        """Keep what the walk took from `folder` (paths below it), unless its stat is too recent."""
        now = time.time_ns()
        if trusted_mtime(info.st_mtime_ns, now) is None or trusted_mtime(info.st_ctime_ns, now) is None:
            return
        names = [[os.path.basename(p) for p in paths] for paths in (files, subfolders)]
        self.fresh.append(
            (os.path.abspath(folder), self._stamp(info), json.dumps(names[0]), json.dumps(names[1]))
        )

    def _stamp(self, info: os.stat_result) -> str:
        return f"{self._key} {info.st_dev} {info.st_ino} {info.st_mtime_ns} {info.st_ctime_ns}"


def _names(value: object) -> bool:
    """A recalled list holds plain names (a damaged row is listed again, never trusted)."""
    return isinstance(value, list) and all(isinstance(n, str) for n in value)
