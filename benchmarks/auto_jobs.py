"""The automatic worker count against one process, on this machine as it is (issue 23 item 5).

    python benchmarks/auto_jobs.py [--sizes 100,1000,5000] [--rounds 7] [--tree old=DIR]

For each size (benchmarks/corpus.py, seed 1) it runs `check --no-cache` with no `--jobs` (the
automatic choice) and with `--jobs 1`, taking turns round by round so that both meet the same
load, and prints the best wall time of each and the median (quartiles) of the rounds' ratios
auto / one process: the target is at most 1.05 at every size. `--tree` adds another source
tree's automatic choice (e.g. the reference commit's) to the same rounds. The load average
is printed before each size. `--busy N` keeps N other processes spinning meanwhile, as other
jobs on a shared CI runner do.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from articles import REFERENCE_TIME
from corpus import generate

ROOT = Path(__file__).resolve().parent.parent
#: Runs the CLI, and says on standard error how many workers the run started (1: none).
RUN = """
import sys
from linter.running import parallel
started = parallel.lint_in_workers
def counted(engine, paths, workers, on_file=None):
    print(f"workers: {workers}", file=sys.stderr)
    return started(engine, paths, workers, on_file)
parallel.lint_in_workers = counted
from linter.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_of(tree: Path, corpus: Path, jobs: list[str]) -> tuple[float, int]:
    """Wall seconds of one run, and the workers it started."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-c", RUN, "check", "--no-cache", "--reference-time", REFERENCE_TIME,
               "--output-format", "json", *jobs, "."]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(command, cwd=corpus, env=env, stdout=subprocess.DEVNULL, capture_output=False,
                          stderr=subprocess.PIPE, text=True, check=False)  # fmt: skip
    wall = time.perf_counter() - start
    started = [int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("workers: ")]
    return wall, max(started, default=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--busy", type=int, default=0, help="processes spinning beside the runs")
    parser.add_argument(
        "--tree", action="append", default=[], help="LABEL=DIR, another tree's automatic choice"
    )
    args = parser.parse_args()
    runs = [("one", ROOT, ["--jobs", "1"]), ("auto", ROOT, [])]
    runs += [(label, Path(path).resolve(), []) for label, path in (t.split("=", 1) for t in args.tree)]
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.busy)]
    try:
        measure(runs, args.sizes, args.rounds)
    finally:
        for spinner in spinners:
            spinner.kill()
    return 0


def measure(runs: list[tuple[str, Path, list[str]]], sizes: str, rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="cl-auto-") as work:
        for size in map(int, sizes.split(",")):
            corpus = Path(work) / str(size)
            generate(corpus, size, 1)
            for path in corpus.rglob("*.md"):  # into the page cache before the first timing
                path.read_bytes()
            walls: dict[str, list[float]] = {label: [] for label, _, _ in runs}
            workers: dict[str, list[int]] = {label: [] for label, _, _ in runs}
            print(f"{size:,} files, load average {os.getloadavg()[0]:.2f}, {rounds} rounds")
            for _ in range(rounds):
                for label, tree, jobs in runs:
                    wall, started = run_of(tree, corpus, jobs)
                    walls[label].append(wall)
                    workers[label].append(started)
            for label, times in walls.items():
                ratios = sorted(t / o for t, o in zip(times, walls["one"], strict=True))
                q1, median, q3 = statistics.quantiles(ratios, n=4)
                print(f"  {label:>6}: best {min(times):6.3f} s  median {statistics.median(times):6.3f} s"
                      f"  / one process: {median:.3f} ({q1:.3f}-{q3:.3f})"
                      f"  workers {','.join(map(str, workers[label]))}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
