"""Old code against new, one run: one changed file checked against a warm cache of a big corpus.

    python benchmarks/changed_file.py --tree old=/tmp/old-tree --corpus DIR --cache DIR [--rounds 7]

The corpus (benchmarks/corpus.py) needs `content-roots = ["."]` in its content-lint.toml and a
cache filled by one `check --cache-dir DIR .` run, as benchmarks/run.py leaves them. Each round
edits the first planted duplicate in place (a new `heat:` value, as run.py does) and runs every
tree once on it, taking turns; `new` is this checkout. Prints the best wall and CPU time of
each, and the median of the CPU ratios to the first tree round by round.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-26T12:00:00Z"


def timed(tree: Path, corpus: Path, cache: Path, target: str) -> tuple[float, float]:
    """(wall, cpu) seconds of one check of `target` by the code in `tree`."""
    # as users run it: with the bytecode cached (a shell that sets PYTHONDONTWRITEBYTECODE would
    # make every run compile its modules again)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "linter", "check", "--reference-time", NOW, "--cache-dir", str(cache),
         "--output-format", "json", target],
        cwd=corpus, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, help="LABEL=DIR, a source tree to compare")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    trees = [tuple(t.split("=", 1)) for t in args.tree] + [("new", str(ROOT))]
    manifest = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
    target = next(p["path"] for p in manifest["planted"] if p["kind"] == "urls-duplicate-article")
    page = args.corpus / target
    original = page.read_bytes()
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in trees}
    try:
        for index in range(args.rounds):
            for label, tree in trees:
                page.write_bytes(
                    re.sub(rb"\nheat: (-?\d+)\n", b"\nheat: %d\n" % (500 + index), original, count=1)
                )
                runs[label].append(timed(Path(tree), args.corpus, args.cache, target))
    finally:
        page.write_bytes(original)
    first = trees[0][0]
    for label, _ in trees:
        ratios = [cpu / runs[first][i][1] for i, (_, cpu) in enumerate(runs[label])]
        print(
            f"{label:>8}: best wall {min(w for w, _ in runs[label]) * 1000:6.0f} ms,"
            f" best CPU {min(c for _, c in runs[label]) * 1000:6.0f} ms,"
            f" CPU ratio to {first} median {statistics.median(ratios):.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
