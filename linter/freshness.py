"""Which files under the content roots changed since they were cached, and which unchanged ones
share a key with the files being checked: one `lstat` and a dict lookup a file, 100,000 times
when pre-commit passes one changed file.

The lstat syscalls are most of that time, so past PARALLEL_FROM files the paths are split
between forked worker processes (linter.pool, so they never outlive the run). They are forked
after the cache's stamps are read, and so share them instead of receiving a copy through a
pipe; only the few files that need more than a look come back.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import NamedTuple

from linter.cache import Stamp, fresh_by_stat
from linter.identity import Identities, Located
from linter.parallel import resolve_jobs
from linter.pool import map_chunks

#: Below this many files a second process costs more than it saves (~20 ms to fork and join).
PARALLEL_FROM = 20_000
_PIECES_PER_WORKER = 4


class Verdict(NamedTuple):
    """A file (`paths[position]`) that needs more than a look: `keys` None when its stat
    differs from the cache's (or it is not cached), else the keys of an unchanged file that
    shares one with `wanted`."""

    position: int
    where: Located
    keys: tuple[str, ...] | None


#: What forked workers read: (paths, stamps, checked, wanted), set only while they run.
_TASK: tuple[Sequence[str], dict[str, Stamp], set[str], set[str]] | None = None


def judge(
    paths: Sequence[str], stamps: dict[str, Stamp], checked: set[str], wanted: set[str], jobs: int
) -> list[Verdict]:
    """Verdicts in `paths` order for the files that are not in `checked` (real paths) and are
    either changed or share a key with `wanted`; files that cannot be stat-ed are left out."""
    workers = min(resolve_jobs(jobs), len(paths) // (PARALLEL_FROM // 2))
    if workers >= 2 and "fork" in _start_methods():
        try:
            return _judge_forked(paths, stamps, checked, wanted, workers)
        except OSError:  # no processes to spare (limits): do it here
            pass
    return _judge_range(paths, stamps, checked, wanted, 0, len(paths))


def _judge_forked(
    paths: Sequence[str], stamps: dict[str, Stamp], checked: set[str], wanted: set[str], workers: int
) -> list[Verdict]:
    import multiprocessing

    global _TASK
    pieces = workers * _PIECES_PER_WORKER
    step = -(-len(paths) // pieces)
    bounds = [[(start, min(start + step, len(paths)))] for start in range(0, len(paths), step)]
    _TASK = (paths, stamps, checked, wanted)
    try:
        context = multiprocessing.get_context("fork")
        parts = [part for [part] in map_chunks(_judge_piece, bounds, workers, context)]
    finally:
        _TASK = None
    return [verdict for part in parts for verdict in part]


def _judge_piece(bounds: tuple[int, int]) -> list[Verdict]:
    assert _TASK is not None  # set by the parent before the fork
    return _judge_range(*_TASK, *bounds)


def _judge_range(
    paths: Sequence[str], stamps: dict[str, Stamp], checked: set[str], wanted: set[str], start: int, stop: int
) -> list[Verdict]:
    identities = Identities()
    found: list[Verdict] = []
    for index in range(start, stop):
        where = identities.locate(paths[index])
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


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods() if os.name == "posix" else []
