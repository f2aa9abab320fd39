"""Lint many files in worker processes where they pay off; a small run stays in this process.

Each worker builds its own engine once (from the picklable Config) and lints chunks of paths.
Results come back in input order, so the output does not depend on the number of workers. The
workers (linter.running.pool) are killed as soon as the run stops, and end themselves if it dies.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from linter.config.settings import Config
from linter.running.engine import Engine, build_engine
from linter.running.machine_load import cores_got, runnable_others
from linter.running.results import FileResult

#: Below this many files, starting workers costs more than it saves.
MIN_FILES_PER_WORKER = 250
#: `jobs` when the user chose no number: as many workers as pay off, up to the number of CPUs.
AUTO_JOBS = 0
#: What a worker costs before its first file (fork, its own engine, the join): benchmarks/
#: workers.py measured ~5 ms a worker on idle cores and ~55 ms on a busy 2-core machine.
WORKER_START_SECONDS = 0.05
#: Workers must save at least this share of the time in one process: on a busy machine (CI,
#: other jobs) they get less than the ideal split.
MIN_SAVING = 0.2
#: Files linted here first, timed (all but the first few, which warm caches up), to decide.
PROBE_FILES = 64
_WARM_UP_FILES = 8
#: Every this many probe files, the processes running beside this one are counted.
_SAMPLE_EVERY = 8


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def effective_jobs(requested: int, files: int) -> int:
    return max(1, min(requested, files // MIN_FILES_PER_WORKER))


def workers_that_pay_off(most: int, files: int, seconds_per_file: float, others: float = 0.0) -> int:
    """How many workers (1: none) lint `files` fastest on `most` cores that `others` runnable
    processes share, counting their start-up, provided that saves MIN_SAVING of the time in
    one process (issue 13: on real sites of 1-2.5k small files two workers were slower; issue
    23: two workers on a loaded 2-core machine got less than two cores and were 8% slower)."""
    here = files * seconds_per_file  # timed beside the same load: one process's share of it
    best, best_seconds = 1, here
    for workers in range(2, min(most, effective_jobs(most, files)) + 1):
        speed_up = cores_got(workers, most, others) / cores_got(1, most, others)
        seconds = here / speed_up + workers * WORKER_START_SECONDS
        if seconds < best_seconds:
            best, best_seconds = workers, seconds
    return best if best_seconds <= here * (1 - MIN_SAVING) else 1


def lint_many(
    engine: Engine, paths: Sequence[str], jobs: int, on_file: Callable[[], None] | None = None
) -> Iterator[FileResult]:
    """Yield one result per path, in order, using up to `jobs` processes (AUTO_JOBS: as many
    as pay off)."""
    if jobs == AUTO_JOBS:
        return _lint_measured(engine, paths, default_jobs(), on_file)
    workers = effective_jobs(jobs, len(paths))
    if workers == 1:
        return lint_here(engine, paths, on_file)
    return lint_in_workers(engine, paths, workers, on_file)


def lint_here(
    engine: Engine, paths: Sequence[str], on_file: Callable[[], None] | None = None
) -> Iterator[FileResult]:
    for path in paths:
        yield engine.lint_file(path)
        if on_file is not None:
            on_file()


def _lint_measured(
    engine: Engine, paths: Sequence[str], most: int, on_file: Callable[[], None] | None
) -> Iterator[FileResult]:
    """Lint the first PROBE_FILES here, timing them and sampling what else runs meanwhile; the
    rest go to workers if they pay off."""
    probe = min(len(paths), PROBE_FILES) if effective_jobs(most, len(paths)) > 1 else len(paths)
    spent = 0.0
    others: list[float] = []
    for index in range(probe):
        start = time.perf_counter()
        result = engine.lint_file(paths[index])
        if index >= _WARM_UP_FILES:
            spent += time.perf_counter() - start
            if probe < len(paths) and index % _SAMPLE_EVERY == 0:
                others.append(runnable_others())
        yield result
        if on_file is not None:
            on_file()
    rest = paths[probe:]
    if rest:
        per_file = spent / max(1, probe - _WARM_UP_FILES)
        load = sum(others) / len(others) if others else runnable_others()
        workers = workers_that_pay_off(most, len(rest), per_file, load)
        if workers == 1:
            yield from lint_here(engine, rest, on_file)
        else:
            yield from lint_in_workers(engine, rest, workers, on_file)


def lint_in_workers(
    engine: Engine, paths: Sequence[str], workers: int, on_file: Callable[[], None] | None = None
) -> Iterator[FileResult]:
    from linter.running.pool import map_chunks  # multiprocessing loads only for a run with workers

    chunk = max(16, min(256, len(paths) // (workers * 8)))
    chunks = [paths[start : start + chunk] for start in range(0, len(paths), chunk)]
    setup_args = (engine.config, engine.top.context.now, gc.get_threshold())
    for results in map_chunks(_lint_one, chunks, workers, _context(), _worker_engine, setup_args):
        for result in results:
            yield result
            if on_file is not None:
                on_file()


def _context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    # fork starts fastest; forkserver/spawn elsewhere (the engine is rebuilt in each worker anyway)
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _worker_engine(config: Config, now: datetime, gc_threshold: tuple[int, int, int]) -> Engine:
    """A worker's own engine; it collects garbage as the main process does (whatever the
    start method: a spawned worker does not inherit it)."""
    gc.set_threshold(*gc_threshold)
    return build_engine(config, now=now)


def _lint_one(engine: Engine, path: str) -> FileResult:
    return engine.lint_file(path)
