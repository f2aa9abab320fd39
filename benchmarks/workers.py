"""Where worker processes start to pay off (issue 13): one process against two workers, by size.

    .venv/bin/python benchmarks/workers.py [--sizes 250,500,1000,2000,4000,8000] [--repeat 5]

For each corpus size (benchmarks/corpus.py, seed 1) it times linting every file in this
process (`linter.running.parallel.lint_here`) and in two worker processes (`lint_in_workers`, worker
start-up included), each with a freshly built engine, the two interleaved so that a busy
machine slows both alike; the best of `--repeat` runs counts. It prints the table, a straight
line fitted to each (fixed cost + cost per file), the size where they cross, and how many
processes the default (`linter.running.parallel.workers_that_pay_off`, given the measured cost of a
file) chooses at each size. Never part of the tests.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from articles import REFERENCE_TIME
from corpus import generate

from linter.config.settings import load_config, parse_datetime
from linter.running.discovery import FileFilter, discover
from linter.running.engine import build_engine
from linter.running.parallel import lint_here, lint_in_workers, workers_that_pay_off


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,500,1000,2000,4000,8000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    rows = []
    print("  files | one process: wall  cpu | two workers: wall  cpu main+workers  idle 2 cores | default")
    with tempfile.TemporaryDirectory(prefix="cl-workers-") as work:
        for size in (int(size) for size in args.sizes.split(",")):
            here, workers = _best_of(args.repeat, _corpus(Path(work) / str(size), size))
            rows.append((size, here, workers))
            print(
                f"{size:>7} | {here.wall:17.3f} {here.cpu_here:5.3f} | {workers.wall:17.3f}"
                f" {workers.cpu_here:9.3f}+{workers.cpu_workers:6.3f} {workers.idle_wall(2):13.3f}"
                f" | {workers_that_pay_off(2, size, here.cpu_here / size)}",
                flush=True,
            )
    print(f"one process: {rows[-1][1].cpu_here / rows[-1][0] * 1e6:.0f} µs a file")
    _print_crossover("measured wall times", [(n, here.wall, workers.wall) for n, here, workers in rows])
    _print_crossover(
        "on 2 idle cores", [(n, here.cpu_here, workers.idle_wall(2)) for n, here, workers in rows]
    )
    return 0


def _corpus(folder: Path, size: int) -> list[str]:
    generate(folder, size, seed=1)
    config = load_config(None, folder)
    filters = FileFilter.build(config.include, config.exclude, config.root, config.respect_gitignore)
    return [source.path for source in discover([str(folder)], filters) if source.problem is None]


class Timing(NamedTuple):
    wall: float
    cpu_here: float  # this process, seconds
    cpu_workers: float  # the worker processes together, seconds

    def idle_wall(self, cores: int) -> float:
        """The wall time on `cores` idle cores: all the CPU spread over them, but never less
        than this process's own share (it receives every result)."""
        return max(self.cpu_here, (self.cpu_here + self.cpu_workers) / cores)


def _best_of(repeat: int, paths: list[str]) -> tuple[Timing, Timing]:
    def here() -> None:
        for _ in lint_here(_engine(), paths):
            pass

    def workers() -> None:
        for _ in lint_in_workers(_engine(), paths, 2):
            pass

    timings: tuple[list[Timing], list[Timing]] = ([], [])
    for _ in range(repeat):
        timings[0].append(_timed(here))
        timings[1].append(_timed(workers))
    return min(timings[0]), min(timings[1])


def _engine() -> object:
    config = load_config(None, Path.cwd()).with_overrides(reference_time=parse_datetime(REFERENCE_TIME))
    return build_engine(config)


def _timed(run: Callable[[], None]) -> Timing:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu, start = time.process_time(), time.perf_counter()
    run()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    return Timing(wall, cpu, spent)


def _print_crossover(label: str, rows: list[tuple[int, float, float]]) -> None:
    """Fit seconds = fixed + per_file * files to each column (least squares), solve for equal."""
    here = _fit([(size, seconds) for size, seconds, _ in rows])
    workers = _fit([(size, seconds) for size, _, seconds in rows])
    saved = here[1] - workers[1]
    fits = (
        f"one process {here[0] * 1e3:.0f} ms + {here[1] * 1e6:.0f} µs a file, "
        f"two workers {workers[0] * 1e3:.0f} ms + {workers[1] * 1e6:.0f} µs a file"
    )
    crossover = f"{max(0.0, workers[0] - here[0]) / saved:,.0f} files" if saved > 0 else "never"
    print(f"{label}: {fits}; two workers pay off from {crossover}")


def _fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    count = len(points)
    mean_x = sum(x for x, _ in points) / count
    mean_y = sum(y for _, y in points) / count
    spread = sum((x - mean_x) ** 2 for x, _ in points) or 1.0
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return mean_y - slope * mean_x, slope


if __name__ == "__main__":
    raise SystemExit(main())
