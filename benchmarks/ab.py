"""Old code against new, one run: cold one-process time per file on the same corpus.

    python benchmarks/ab.py --tree old=/tmp/old-tree [--tree mid=DIR ...] --corpus /tmp/corpus

Each `--tree LABEL=DIR` is a source tree of another commit (e.g. `git archive 616f143 | tar
-x -C DIR`); `new` is this checkout. All run with this interpreter as `python -m linter check
--jobs 1 --no-cache .` in the corpus folder, taking turns each round so that all meet the
same machine load. Prints the best wall and CPU (user + system) time per file of each and
its ratio to the first tree's; CPU time is the steadier figure on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-26T12:00:00Z"


def timed(tree: Path, corpus: Path) -> tuple[float, float]:
    """(wall, cpu) seconds of one cold check run of the code in `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "linter", "check", "--jobs", "1", "--no-cache", "--reference-time", NOW,
         "--output-format", "json", "."],
        cwd=corpus, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, help="LABEL=DIR, a source tree to compare")
    parser.add_argument("--corpus", type=Path, required=True, help="folder made by benchmarks/corpus.py")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    files = sum(1 for _ in args.corpus.rglob("*.md"))
    trees = [(label, Path(folder).resolve()) for label, _, folder in (t.partition("=") for t in args.tree)]
    trees.append(("new", ROOT))
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in trees}
    for _ in range(args.rounds):
        for label, tree in trees:
            runs[label].append(timed(tree, args.corpus))
    best = {label: (min(w for w, _ in found), min(c for _, c in found)) for label, found in runs.items()}
    base_wall, base_cpu = best[trees[0][0]]
    print(f"{files:,} files, {args.rounds} rounds, trees taking turns; best of each; ratios to {trees[0][0]}")
    for label, (wall, cpu) in best.items():
        print(
            f"{label:>8}: wall {wall * 1e6 / files:6.1f} µs/file ({wall / base_wall:.3f}), "
            f"cpu {cpu * 1e6 / files:6.1f} µs/file ({cpu / base_cpu:.3f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
