"""What a walk found in each folder, kept in the result cache, so that a walk of the content
roots for one changed file lists again only the folders that changed since.

A folder's own stat says when its list of names changed: creating, deleting or renaming an
entry sets its mtime, a change of owner or mode sets its ctime, and one recreated elsewhere
has another inode. A file edited in place changes none of them, which is why a recalled
listing only spares the `scandir` and the filters: every file in it is still stat-ed against
its cached result (linter.running.freshness). What the filters decide also depends on the
filters themselves (their patterns and root go into every stamp) and on what is ignored. A
walk that reads `.gitignore` files recalls or keeps a listing only where none applies (an
ignore file edited in place changes no folder's stat). In a git work tree git is asked on
every walk (its untracked names may be reused: linter.running.git_untracked), and its answer
for the folder (the names it lists under it, `GitListing.answer`) goes into the stamp: a
listing is recalled only while git says what it said when the listing was kept (its answer
changes with its index and ignore files, which the folder's stat does not see). A folder
changed less than 2 s before it was listed is not kept (another change within the same clock
tick could leave its mtime as it was), as the result cache treats racy files. The rows live in
the authenticated cache database, never in a file a pull request could plant.

A row also holds its files' cached stamps, copied from their entries when it is written and
stamped anew whenever the cache stores or touches a file in that folder (in the same
transaction, `restamped`; emptied where the row cannot be read), so they always say what the
entries say (an emptied row's files are judged one by one, and its stamps written again): a
recalled folder is handed whole to a freshness.FolderJudge, which stats its files and
compares them a folder at a time. Rows are keyed by the folder's real path, the one its
files' entries are stored under.

A row whose folder holds subfolders git lists nothing under (empty, or holding only ignored
files) is marked `quiet`: git's untracked answer is not reused over such a tree (a file added
deep inside changes no folder a walk looks at). The one row that is not a folder's is the
untracked answer kept for a walk's top (linter.running.git_untracked), keyed so that no folder's
row can be.
"""

from __future__ import annotations

import itertools
import json
import os
import time
from collections.abc import Mapping, Sequence
from typing import TypeGuard

from linter.reading.file_stamps import trusted_time
from linter.records import NamedTuple
from linter.running.freshness import FolderJudge
from linter.running.identity import Identities

#: (folder's real path ending in a separator, stamp, the names of its files to check, of its
#: subfolders to walk); the cache adds the files' stamps when it writes the row
Row = tuple[str, str, str, str]
#: How a quiet row's stamp ends (see the module's docstring).
_QUIET = " quiet"
#: How the row of a top's kept untracked answer is keyed: the top's real path and this (a
#: folder's row is keyed by a path ending in a separator, so no folder has this key).
_UNTRACKED = " (git untracked)"


class Recalled(NamedTuple):
    """A folder as a walk listed it: paths of its files to check (none when a judge took them)
    and of its subfolders to walk, and whether some of its subfolders were left out as git
    listed nothing under them."""

    paths: list[str]
    subfolders: list[str]
    quiet: bool


class FolderMemo:
    """The listings a cache holds, recalled for one set of filters (`key`, FileFilter.memo_key);
    new ones collected in `fresh` for writing back. With a `judge`, a recalled folder's files
    are judged there and not returned."""

    __slots__ = ("_identities", "_judge", "_key", "_known", "fresh")

    def __init__(
        self, known: Mapping[str, tuple[str, str, str, str]], key: str, judge: FolderJudge | None = None
    ) -> None:
        self._known = known
        self._key = key
        self._judge = judge
        self._identities = judge.identities if judge is not None else Identities()
        self.fresh: list[Row] = []

    def recall(self, folder: str, info: os.stat_result, git_says: str = "") -> Recalled | None:
        """`folder` as listed when its stat was `info`'s and git said `git_says` of it
        (GitListing.answer; "" where git is not asked); no file paths when the judge took them."""
        real = self._identities.folder(folder)[0]
        row = self._known.get(real)
        stamp = self._stamp(info, git_says)
        if row is None or row[0] not in (stamp, stamp + _QUIET):
            return None
        quiet = row[0] != stamp
        try:
            files, subfolders = json.loads(row[1]), json.loads(row[2])
            stamps = json.loads(row[3] or "null")
        except ValueError:
            return None
        if not (_names(files) and _names(subfolders)):
            return None
        prefix = os.path.join(folder, "")  # as os.path.join(folder, name), a third of its cost
        paths = [prefix + name for name in files]
        below = [prefix + name for name in subfolders]
        if self._judge is None:
            return Recalled(paths, below, quiet)
        if not _stamps(stamps, len(files)):  # emptied (a row that could not be read): written again
            self.fresh.append((real, row[0], row[1], row[2]))
            return Recalled(paths, below, quiet)
        self._judge.folder(folder, files, paths, stamps[0], stamps[1])
        return Recalled([], below, quiet)

    def listed_subfolders(self, folder: str, info: os.stat_result) -> list[str] | None:
        """The names of the subfolders a walk took from `folder` when its stat was `info`'s,
        whatever git said then; None when it was not listed with that stat, or is quiet."""
        row = self._known.get(self.real(folder))
        stamp = self._stamp(info, "")
        if (
            row is None
            or not (row[0] == stamp or row[0].startswith(stamp + " git "))
            or row[0].endswith(_QUIET)
        ):
            return None
        try:
            subfolders = json.loads(row[2])
        except ValueError:
            return None
        return subfolders if _names(subfolders) else None

    def real(self, folder: str) -> str:
        """The real path of `folder`, ending in a separator, as rows are keyed."""
        return self._identities.folder(folder)[0]

    def kept_untracked(self, top: str) -> tuple[str, list[str]] | None:
        """(stamp, names) of the untracked answer kept for the walk of `top` with these filters."""
        row = self._known.get(self.real(top) + _UNTRACKED)
        if row is None or not row[0].startswith(self._key + " "):
            return None
        try:
            names = json.loads(row[2])
        except ValueError:
            return None
        return (row[0][len(self._key) + 1 :], names) if _names(names) else None

    def keep_untracked(self, top: str, stamp: str, names: Sequence[str]) -> None:
        """Keep git's untracked answer for the walk of `top` with the stamp of what it read (the
        names where a folder's subfolders go: the cache stamps the files a row holds, and these
        are not files it checks)."""
        row = (self.real(top) + _UNTRACKED, f"{self._key} {stamp}", "[]", json.dumps(list(names)))
        self.fresh.append(row)

    def remember(
        self,
        folder: str,
        info: os.stat_result,
        files: Sequence[str],
        subfolders: Sequence[str],
        git_says: str = "",
        quiet: bool = False,
    ) -> None:
        """Keep what the walk took from `folder` (paths below it) while git said `git_says` of
        it (`quiet`: some subfolders left out as git lists nothing there), unless its stat is
        too recent."""
        now = time.time_ns()
        if trusted_time(info.st_mtime_ns, now) is None or trusted_time(info.st_ctime_ns, now) is None:
            return
        names = [[os.path.basename(p) for p in paths] for paths in (files, subfolders)]
        real = self._identities.folder(folder)[0]
        stamp = self._stamp(info, git_says) + (_QUIET if quiet else "")
        self.fresh.append((real, stamp, json.dumps(names[0]), json.dumps(names[1])))

    def _stamp(self, info: os.stat_result, git_says: str) -> str:
        stamp = f"{self._key} {info.st_dev} {info.st_ino} {info.st_mtime_ns} {info.st_ctime_ns}"
        return f"{stamp} git {git_says}" if git_says else stamp


def restamped(files: str, stamps: str, changed: Mapping[str, tuple[int, int | None]]) -> str:
    """A row's `stamps` with the files in `changed` (name -> the size and change time their entries
    now hold) stamped anew: what the cache writes with a file's entry, so that storing one file
    leaves its folder judged at once. "" (judged file by file) when the row cannot be read."""
    try:
        names, columns = json.loads(files), json.loads(stamps or "null")
    except ValueError:
        return ""
    if not (_names(names) and _stamps(columns, len(names))):
        return ""
    sizes, times = columns
    for index, name in enumerate(names):
        if name in changed:
            sizes[index], times[index] = changed[name]
    return json.dumps(columns)


def _names(value: object) -> bool:
    """A recalled list holds plain names (a damaged row is listed again, never trusted)."""
    return isinstance(value, list) and all(map(isinstance, value, itertools.repeat(str)))


def _stamps(value: object, count: int) -> TypeGuard[list[list[object]]]:
    """Recalled stamps are a list of sizes and one of change times, one each a file (a damaged row's
    files are judged one by one; a wrong value only makes a file look changed)."""
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(column, list) and len(column) == count for column in value)
    )
