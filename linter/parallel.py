"""Lint many files in worker processes; a small run stays in this process.

Each worker builds its own engine once (from the picklable Config) and lints chunks of paths.
Results come back in input order, so the output does not depend on the number of workers. The
workers (linter.pool) are killed as soon as the run stops, and end themselves if it dies.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from linter.config import Config
from linter.engine import Engine, build_engine
from linter.pool import map_chunks
from linter.results import FileResult, pack_facts

#: Below this many files, starting workers costs more than it saves.
MIN_FILES_PER_WORKER = 250
#: Allocations between two passes of the cyclic GC while linting (CPython's default is 700).
GC_ALLOCATIONS_PER_PASS = 50_000
_WORKER_ENGINE: Engine | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def effective_jobs(requested: int, files: int) -> int:
    return max(1, min(requested, files // MIN_FILES_PER_WORKER))


def lint_many(
    engine: Engine, paths: Sequence[str], jobs: int, on_file: Callable[[], None] | None = None
) -> Iterator[FileResult]:
    """Yield one result per path, in order, using up to `jobs` processes."""
    workers = effective_jobs(jobs, len(paths))
    if workers == 1:
        with fewer_gc_passes():
            for path in paths:
                yield engine.lint_file(path)
                if on_file is not None:
                    on_file()
        return
    chunk = max(16, min(256, len(paths) // (workers * 8)))
    chunks = [paths[start : start + chunk] for start in range(0, len(paths), chunk)]
    initargs = (engine.config, engine.context.now)
    # fewer GC passes here too: unpickling the results allocates as much as linting
    with fewer_gc_passes():
        for results in map_chunks(_lint_one, chunks, workers, _context(), _init_worker, initargs):
            for result in results:
                yield result
                if on_file is not None:
                    on_file()


@contextlib.contextmanager
def fewer_gc_passes() -> Iterator[None]:
    """Each file allocates ~1,000 objects (nodes, marks, values) that refcounting frees; at the
    default threshold the cyclic GC would scan each file's live node graph several times, ~5%
    of a run. Garbage cycles are still collected, every GC_ALLOCATIONS_PER_PASS allocations."""
    old = gc.get_threshold()
    gc.set_threshold(GC_ALLOCATIONS_PER_PASS, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    # fork starts fastest; forkserver/spawn elsewhere (the engine is rebuilt in each worker anyway)
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _init_worker(config: Config, now: datetime) -> None:
    global _WORKER_ENGINE
    _WORKER_ENGINE = build_engine(config, now=now)
    gc.set_threshold(GC_ALLOCATIONS_PER_PASS, *gc.get_threshold()[1:])  # see fewer_gc_passes


def _lint_one(path: str) -> FileResult:
    """Lint in a worker; facts travel packed (a string pickles and unpickles ~5x faster than
    the objects, and the main process, which shares the cores, would pack them anyway)."""
    assert _WORKER_ENGINE is not None
    result = _WORKER_ENGINE.lint_file(path)
    if result.facts:
        result.packed_facts = pack_facts(result.facts, _WORKER_ENGINE.corpus_rules)
        result.facts = {}
    return result
