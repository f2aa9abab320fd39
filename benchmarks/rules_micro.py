"""Time each document rule's `check()` and each corpus rule's `collect()` on one composed file.

Usage: python benchmarks/rules_micro.py [FILE] [-n ITERATIONS] [-r ROUNDS] [--warm]

The file (default: the first seed article) is read and composed once; then every iteration
runs each rule once, in engine order, as on a fresh document: every memo (the document's
own, and the functools caches in `linter` modules, such as URL normalisation's) is cleared
at the start of each iteration, so the rule that comes first pays for it. `--warm` keeps
them, as when every URL, host and date was seen before: a bound on what caching can give.

The iterations are split into rounds and each rule's best round is reported (the total is
their sum), which keeps noise from other processes out of the numbers. Stdlib only.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from linter.config.settings import config_from_table
from linter.findings import Problem
from linter.reading.compose import Limits, compose_document
from linter.reading.document import Document
from linter.reading.frontmatter import read_front_matter
from linter.running.engine import build_engine

SEED = Path("/work/shared/seed/000_912c6ebb54e1415b.txt")
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)


def compose(path: Path) -> Document:
    front = read_front_matter(str(path), 1 << 20)
    if isinstance(front, Problem):
        sys.exit(f"{path}: {front.message}")
    document, problems = compose_document(str(path), front, Limits())
    if document is None:
        sys.exit(f"{path}: {problems[0].message}")
    return document


def memo_clearers(document: Document) -> list[Callable[[], None]]:
    """What forgets the document's memo and every functools cache in a loaded `linter` module."""
    memo = getattr(document, "memo", None)
    found = [memo.clear] if isinstance(memo, dict) else []
    for name, module in list(sys.modules.items()):
        if name == "linter" or name.startswith("linter."):
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and clear not in found:
                    found.append(clear)
    return found


def jobs(document: Document) -> list[tuple[str, Callable[[], Any]]]:
    """(label, call) for every rule the default config runs on a file, in engine order."""
    config = config_from_table({}, Path("content-lint.toml"))
    engine = build_engine(config, now=NOW)
    found: list[tuple[str, Callable[[], Any]]] = []
    for rule in engine.top.document_rules:
        found.append((f"{rule.code} {rule.name}", lambda r=rule: list(r.check(document))))
    for corpus_rule in engine.corpus_rules.values():
        label = f"{corpus_rule.code} {corpus_rule.name} (collect)"
        found.append((label, lambda r=corpus_rule: r.collect(document)))
    return found


def measure(
    calls: list[tuple[str, Callable[[], Any]]], clearers: list[Callable[[], None]], iterations: int
) -> list[int]:
    """Total nanoseconds per call over `iterations`, memos cleared before each iteration."""
    totals = [0] * len(calls)
    clock = time.perf_counter_ns
    for _ in range(iterations):
        for clear in clearers:
            clear()
        for index, (_, call) in enumerate(calls):
            start = clock()
            call()
            totals[index] += clock() - start
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=SEED)
    parser.add_argument("-n", "--iterations", type=int, default=5000)
    parser.add_argument("-r", "--rounds", type=int, default=10)
    parser.add_argument("--warm", action="store_true", help="keep memos and caches between iterations")
    args = parser.parse_args(argv)
    per_round = max(1, args.iterations // args.rounds)
    document = compose(args.file)
    calls = jobs(document)
    for label, call in calls:  # warm up, and show what a clean file is expected to give
        result = call()
        if result and not label.endswith("(collect)"):
            print(f"note: {label} reports {len(result)} violation(s) on this file")
    clearers = [] if args.warm else memo_clearers(document)
    measure(calls, clearers, per_round)
    gc.disable()
    try:
        rounds = [measure(calls, clearers, per_round) for _ in range(args.rounds)]
    finally:
        gc.enable()
    best = [min(column) / per_round / 1000 for column in zip(*rounds, strict=True)]
    width = max(len(label) for label, _ in calls)
    for (label, _), micros in zip(calls, best, strict=True):
        print(f"{label:<{width}}  {micros:8.2f} µs")
    print(f"{'total':<{width}}  {sum(best):8.2f} µs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
