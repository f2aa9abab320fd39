"""Which files under the content roots changed since they were cached, and which unchanged ones
share a key with the files being checked: one `lstat` and a dict lookup a file, 100,000 times
when pre-commit passes one changed file.

The same serial loop on every OS: forked workers split it only past 20,000 files and only
where `fork` exists; at 10,000 files one changed file against a warm cache takes the same
259 ms either way (benchmark in the runlayer commit).
"""

from __future__ import annotations

from collections.abc import Sequence, Set
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
    paths: Sequence[str], stamps: dict[str, Stamp], checked: Set[str], wanted: Set[str]
) -> list[Verdict]:
    """Verdicts in `paths` order for the files that are not in `checked` (real paths) and are
    either changed or share a key with `wanted`; files that cannot be stat-ed are left out."""
    identities = Identities()
    found: list[Verdict] = []
    for index, path in enumerate(paths):
        where = identities.locate(path)
        if where is None or where.real in checked:
            continue
        stamp = stamps.get(where.real)
        if stamp is None or not fresh_by_stat(stamp[1], stamp[2], where.size, where.mtime_ns):
            found.append(Verdict(index, where, None))
            continue
        keys = stamp[3].split("\n") if stamp[3] else ()
        if not wanted.isdisjoint(keys):
            found.append(Verdict(index, where, tuple(keys)))
    return found
