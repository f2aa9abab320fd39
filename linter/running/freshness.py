"""Which files under the content roots changed since they were cached, and which unchanged ones
share a key with the files being checked (looked up in the cache's key index beforehand): one
`lstat` a file, 100,000 times when pre-commit passes one changed file.

A folder whose listing the cache recalls (linter.running.folder_listings) comes with its
files' cached stamps, which the cache drops whenever it stores or touches a file there: its
files are stat-ed and compared a folder at a time (two list comparisons, no record and no
dict lookup a file; `FolderJudge`). Files yielded one by one (a folder listed again, a walk
that reads `.gitignore` files) are compared to their entries (`judge`).

The same serial loop on every OS: forked workers split it only past 20,000 files and only
where `fork` exists; at 10,000 files one changed file against a warm cache takes the same
259 ms either way (benchmark in the runlayer commit).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence, Set

from linter.reading.file_stamps import last_change_ns
from linter.records import NamedTuple
from linter.running.cache import Stamp, fresh_by_stat
from linter.running.identity import Identities, Located


class Verdict(NamedTuple):
    """A file (`path` as walked) that needs more than a look: `keys` None when its stat
    differs from the cache's (or it is not cached), else the keys of an unchanged file that
    shares one with `wanted`."""

    path: str
    where: Located
    keys: tuple[str, ...] | None


def judge(
    paths: Sequence[str], stamps: dict[str, Stamp], checked: Set[str], sharing: Mapping[str, tuple[str, ...]]
) -> list[Verdict]:
    """Verdicts in `paths` order for the files that are not in `checked` (real paths) and are
    either changed or, unchanged, in `sharing` (real path -> the keys its cached result holds,
    for the files that share one with a checked file); files that cannot be stat-ed are left out.
    A file missing from `stamps` is judged changed (its entry, if any, is read after).
    One tight loop: a file's real path is its folder's plus its name (walks yield no symlinks),
    and a record is built only for the few files that need more than a look."""
    identities = Identities()
    lstat, is_link, separator, altsep = os.lstat, stat.S_ISLNK, os.sep, os.altsep
    found: list[Verdict] = []
    last: str | None = None
    real_folder = absolute_folder = ""
    for path in paths:
        try:
            info = lstat(path)
        except (OSError, ValueError):
            continue
        folder, _, name = path.rpartition(separator)
        if not folder or is_link(info.st_mode) or (altsep and altsep in path):  # the rare paths, in full
            where = identities.locate(path)
            if where is None:
                continue
            real, size, changed_ns, alias = where
        else:
            if folder != last:
                (real_folder, absolute_folder), last = identities.folder(folder), folder
            real, size, changed_ns = real_folder + name, info.st_size, last_change_ns(info)
            alias = absolute_folder and absolute_folder + name
        if real in checked:
            continue
        stamp = stamps.get(real)
        if stamp is None or not fresh_by_stat(stamp[1], stamp[2], size, changed_ns):
            found.append(Verdict(path, Located(real, size, changed_ns, alias), None))
        elif real in sharing:
            found.append(Verdict(path, Located(real, size, changed_ns, alias), sharing[real]))
    return found


class FolderJudge:
    """Verdicts (`found`, in walk order) for whole folders whose files' cached stamps are
    known; the same verdicts `judge` gives file by file."""

    __slots__ = ("_checked", "_judged", "_sharing", "found", "identities")

    def __init__(self, checked: Set[str], sharing: Mapping[str, tuple[str, ...]]) -> None:
        self.identities = Identities()
        self.found: list[Verdict] = []
        self._judged: set[str] = set()  # real folders: overlapping content roots meet them twice
        #: real folder (ending in a separator) -> names checked there / names sharing a key
        self._checked: dict[str, set[str]] = {}
        self._sharing: dict[str, dict[str, tuple[str, ...]]] = {}
        for real in checked:
            folder, separator, name = real.rpartition(os.sep)
            self._checked.setdefault(folder + separator, set()).add(name)
        for real, keys in sharing.items():
            folder, separator, name = real.rpartition(os.sep)
            self._sharing.setdefault(folder + separator, {})[name] = keys

    def folder(
        self,
        folder: str,
        names: Sequence[str],
        paths: Sequence[str],
        sizes: list[object],
        changes: list[object],
    ) -> None:
        """Judge `folder`'s files (`paths`, its `names` joined to it; none a symlink, as a
        recalled listing holds), cached with `sizes` and change times `changes` (None: racy or not cached)."""
        real_folder, absolute_folder = self.identities.folder(folder)
        if real_folder in self._judged:
            return
        self._judged.add(real_folder)
        shared = self._sharing.get(real_folder, {})
        try:
            infos = list(map(os.lstat, paths))
        except (OSError, ValueError):  # one is gone since: each on its own
            infos = None
        if (
            infos is not None
            and [i.st_size for i in infos] == sizes
            and list(map(last_change_ns, infos)) == changes
        ):
            if not shared:  # nearly every folder: nothing changed, nothing shared
                return
            wanted: Sequence[int] = [k for k, name in enumerate(names) if name in shared]
        else:
            wanted = range(len(names))
        skipped = self._checked.get(real_folder, set())
        for k in wanted:
            name, path = names[k], paths[k]
            try:
                info = infos[k] if infos is not None else os.lstat(path)
            except (OSError, ValueError):
                continue
            if name in skipped or stat.S_ISLNK(info.st_mode):  # a walk takes no symlink
                continue
            alias = absolute_folder and absolute_folder + name
            where = Located(real_folder + name, info.st_size, last_change_ns(info), alias)
            if (info.st_size, last_change_ns(info)) != (sizes[k], changes[k]):
                self.found.append(Verdict(path, where, None))
            elif name in shared:
                self.found.append(Verdict(path, where, shared[name]))
