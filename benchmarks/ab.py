"""Old code against new, one run: cold one-process time per file on the same corpus.

    python benchmarks/ab.py --tree old=/tmp/old-tree [--tree mid=DIR ...] --corpus /tmp/corpus

Each `--tree LABEL=DIR` is a source tree of another commit (e.g. `git archive 616f143 | tar
-x -C DIR`); `new` is this checkout. All run with this interpreter as `python -m linter check
--jobs 1 --no-cache .` in the corpus folder, taking turns each round so that all meet the
same machine load. Prints the best wall and CPU (user + system) time per file of each and
its ratio to the first tree's, and the median (with quartiles) of the CPU ratios round by
round; CPU time is the steadier figure on a shared machine, the median the steadier ratio.

`--compiled` compiles each tree's bytecode first and runs with it, as an installed package
does: this environment sets PYTHONDONTWRITEBYTECODE, so without it every run also compiles
every module it imports (about 100 ms, which a 1,000-file run spreads as 100 µs a file).

`--instructions` instead counts the instructions of one run of each under valgrind (callgrind,
hash seed fixed): a figure other processes cannot disturb, for changes too small for the
clock. It still moves by about 2 % when only the memory layout changes (CPython's method
cache hits depend on addresses, e.g. on the length of the tree's path), so compare trees
copied to paths of one length, and prefer changes that win on both figures.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-26T12:00:00Z"


def timed(tree: Path, corpus: Path, compiled: bool = False) -> tuple[float, float]:
    """(wall, cpu) seconds of one cold check run of the code in `tree`."""
    env = {**(_with_bytecode() if compiled else os.environ), "PYTHONPATH": str(tree)}
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


def _with_bytecode() -> dict[str, str]:
    return {
        k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    }


def compile_tree(tree: Path) -> None:
    command = [sys.executable, "-m", "compileall", "-q", str(tree / "linter")]
    subprocess.run(command, env=_with_bytecode(), check=True, stdout=subprocess.DEVNULL)


def instructions(tree: Path, corpus: Path, compiled: bool = False) -> int:
    """Instructions of one cold check run of the code in `tree`, counted by callgrind."""
    env = {**(_with_bytecode() if compiled else os.environ), "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-m", "linter",
               "check", "--jobs", "1", "--no-cache", "--reference-time", NOW, "--output-format", "json", "."]  # fmt: skip
    done = subprocess.run(command, cwd=corpus, env=env, capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        sys.exit(f"valgrind gave no count for {tree}: {done.stderr[-300:]}")
    return int(found.group(1))


def count(trees: list[tuple[str, Path]], corpus: Path, files: int, compiled: bool) -> int:
    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (apt install valgrind)")
    found = {label: instructions(tree, corpus, compiled) for label, tree in trees}
    base = found[trees[0][0]]
    print(f"{files:,} files, one run each under callgrind; ratios to {trees[0][0]}")
    for label, total in found.items():
        print(
            f"{label:>8}: {total / 1e6:9.1f} M instructions, {total / files / 1e3:7.1f} k/file ({total / base:.3f})"
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, help="LABEL=DIR, a source tree to compare")
    parser.add_argument("--corpus", type=Path, required=True, help="folder made by benchmarks/corpus.py")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--instructions", action="store_true", help="count instructions (valgrind)")
    parser.add_argument("--compiled", action="store_true", help="compile and use each tree's bytecode first")
    args = parser.parse_args()
    files = sum(1 for _ in args.corpus.rglob("*.md"))
    trees = [(label, Path(folder).resolve()) for label, _, folder in (t.partition("=") for t in args.tree)]
    trees.append(("new", ROOT))
    if args.compiled:
        for _, tree in trees:
            compile_tree(tree)
    if args.instructions:
        return count(trees, args.corpus, files, args.compiled)
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in trees}
    for _ in range(args.rounds):
        for label, tree in trees:
            runs[label].append(timed(tree, args.corpus, args.compiled))
    best = {label: (min(w for w, _ in found), min(c for _, c in found)) for label, found in runs.items()}
    base_label = trees[0][0]
    base_wall, base_cpu = best[base_label]
    compiled = ", bytecode compiled first" if args.compiled else ""
    print(
        f"{files:,} files, {args.rounds} rounds{compiled}, trees taking turns; best of each; ratios to {base_label}"
    )
    for label, (wall, cpu) in best.items():
        print(
            f"{label:>8}: wall {wall * 1e6 / files:6.1f} µs/file ({wall / base_wall:.3f}), "
            f"cpu {cpu * 1e6 / files:6.1f} µs/file ({cpu / base_cpu:.3f}); "
            f"round by round {paired(runs[label], runs[base_label])}"
        )
    return 0


def paired(runs: list[tuple[float, float]], base: list[tuple[float, float]]) -> str:
    """The median and quartiles of the CPU ratios of runs made in the same round: a burst of
    load on a shared machine then spoils one round's ratio, not the best time of one tree."""
    ratios = sorted(cpu / base_cpu for (_, cpu), (_, base_cpu) in zip(runs, base, strict=True))
    if len(ratios) < 4:
        return f"median {statistics.median(ratios):.3f}"
    low, middle, high = statistics.quantiles(ratios, n=4)
    return f"median {middle:.3f} (quartiles {low:.3f}-{high:.3f})"


if __name__ == "__main__":
    raise SystemExit(main())
