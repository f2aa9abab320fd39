"""A warm run against reference trees, one run: every file of a corpus answered by the cache.

    python benchmarks/warm.py --corpus /tmp/cl-bench/corpus-100000-seed1 --tree old=/work/ref [--rounds 7] [--caches DIR]

Each tree gets its own cache folder (filled once, untimed), then the trees take turns running
`check --cache-dir CACHE .` in the corpus root (nothing changed since the fill), as CI with a
restored cache meets it; start-up is included. Printed per tree: CPU time (user + system) and
wall time, best and median, the files a second of the best wall time, and the ratio of CPU time
to the first tree, round by round (median and quartiles). The JSON reports of the trees are
compared byte for byte. Bytecode is compiled first, as in an installed package.

`--fresh-checkout` writes every page again with the same bytes before each timed run (new
inode, ctime and mtime, as `git checkout` leaves a restored cache's project in CI): every
file's stat differs from its cached stamp, so each is re-hashed and its new stamp stored.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from articles import REFERENCE_TIME

ROOT = Path(__file__).resolve().parent.parent


def run(tree: Path, corpus: Path, cache: Path, *extra: str) -> tuple[float, float, bytes]:
    """(CPU seconds, wall seconds, standard output) of one check with `tree`'s code."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    command = [sys.executable, "-m", "linter", "check", "--reference-time", REFERENCE_TIME]
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run(
        [*command, "--cache-dir", str(cache), *extra, "."],
        cwd=corpus,
        env={**env, "PYTHONPATH": str(tree)},
        capture_output=True,
        check=False,
    )
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout


def rewrite_pages(corpus: Path) -> None:
    """Every page unlinked and written again with its bytes, as a checkout writes files."""
    for page in corpus.rglob("*.md"):
        data = page.read_bytes()
        page.unlink()
        page.write_bytes(data)


def quartiles(values: list[float]) -> str:
    q1, median, q3 = statistics.quantiles(values, n=4) if len(values) > 1 else (values[0],) * 3
    return f"{median:.3f} ({q1:.3f}-{q3:.3f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a corpus root (benchmarks/corpus.py)")
    parser.add_argument("--tree", action="append", required=True, help="LABEL=DIR, a source tree to compare")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--caches", type=Path, help="keep each tree's cache in DIR/LABEL and reuse it")
    parser.add_argument("--fresh-checkout", action="store_true", help="rewrite every page before each run")
    args = parser.parse_args()
    trees = [(label, Path(path).resolve()) for label, path in (t.split("=", 1) for t in args.tree)]
    trees.append(("new", ROOT))
    files = json.loads((args.corpus / "manifest.json").read_text())["files"]
    cpu: dict[str, list[float]] = {label: [] for label, _ in trees}
    wall: dict[str, list[float]] = {label: [] for label, _ in trees}
    with tempfile.TemporaryDirectory(prefix="cl-warm-") as temporary:
        work = args.caches or Path(temporary)
        reports = {}
        for label, tree in trees:
            subprocess.run(
                [sys.executable, "-m", "compileall", "-q", str(tree / "linter")],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            cache = Path(work, label)
            if args.caches is None:
                shutil.rmtree(cache, ignore_errors=True)
            run(tree, args.corpus, cache, "--output-format", "json")  # the fill (or a warm-up)
            reports[label] = run(tree, args.corpus, cache, "--output-format", "json")[2]
        for _ in range(args.rounds):
            for label, tree in trees:
                if args.fresh_checkout:
                    rewrite_pages(args.corpus)
                spent, took, _ = run(tree, args.corpus, Path(work, label))
                cpu[label].append(spent)
                wall[label].append(took)
    first = trees[0][0]
    kind = "fresh checkout, restored cache" if args.fresh_checkout else "warm run"
    print(f"{kind}, {files:,} files, {args.rounds} rounds; seconds best (median)")
    for label, _ in trees:
        ratios = sorted(c / b for c, b in zip(cpu[label], cpu[first], strict=True))
        print(
            f"{label:>10}: CPU {min(cpu[label]):.3f} ({statistics.median(cpu[label]):.3f})"
            f"  wall {min(wall[label]):.3f} ({statistics.median(wall[label]):.3f})"
            f"  {files / min(wall[label]):,.0f} files/s  CPU ratio to {first} {quartiles(ratios)}"
        )
    same = all(report == reports[first] for report in reports.values())
    print(f"JSON reports {'byte-identical' if same else 'DIFFER'} across the trees")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
