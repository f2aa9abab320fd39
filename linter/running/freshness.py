"""Which files under the content roots changed since they were cached, and which unchanged ones
share a key with the files being checked (looked up in the cache's key index beforehand): one
`lstat` and a dict lookup a file, 100,000 times when pre-commit passes one changed file.

The same serial loop on every OS: forked workers split it only past 20,000 files and only
where `fork` exists; at 10,000 files one changed file against a warm cache takes the same
259 ms either way (benchmark in the runlayer commit).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence, Set
from typing import NamedTuple

from linter.running.cache import Stamp, fresh_by_stat
from linter.running.identity import Identities, Located


class Verdict(NamedTuple):
    """A file (`paths[position]`) that needs more than a look: `keys` None when its stat
    differs from the cache's (or it is not cached), else the keys of an unchanged file that
    shares one with `wanted`."""

    position: int
    where: Located
    keys: tuple[str, ...] | None


def judge(
    paths: Sequence[str], stamps: dict[str, Stamp], checked: Set[str], sharing: Mapping[str, tuple[str, ...]]
) -> list[Verdict]:
    """Verdicts in `paths` order for the files that are not in `checked` (real paths) and are
    either changed or, unchanged, in `sharing` (real path -> the keys its cached result holds,
    for the files that share one with a checked file); files that cannot be stat-ed are left out.
    One tight loop: a file's real path is its folder's plus its name (walks yield no symlinks),
    and a record is built only for the few files that need more than a look."""
    identities = Identities()
    lstat, is_link, separator, altsep = os.lstat, stat.S_ISLNK, os.sep, os.altsep
    found: list[Verdict] = []
    last: str | None = None
    real_folder = absolute_folder = ""
    for index, path in enumerate(paths):
        try:
            info = lstat(path)
        except (OSError, ValueError):
            continue
        folder, _, name = path.rpartition(separator)
        if not folder or is_link(info.st_mode) or (altsep and altsep in path):  # the rare paths, in full
            where = identities.locate(path)
            if where is None:
                continue
            real, size, mtime_ns, alias = where
        else:
            if folder != last:
                (real_folder, absolute_folder), last = identities.folder(folder), folder
            real, size, mtime_ns = real_folder + name, info.st_size, info.st_mtime_ns
            alias = absolute_folder and absolute_folder + name
        if real in checked:
            continue
        stamp = stamps.get(real)
        if stamp is None or not fresh_by_stat(stamp[1], stamp[2], size, mtime_ns):
            found.append(Verdict(index, Located(real, size, mtime_ns, alias), None))
        elif real in sharing:
            found.append(Verdict(index, Located(real, size, mtime_ns, alias), sharing[real]))
    return found
