"""Long fuzz run outside the test suite: damaged articles must never crash the linter.

    python benchmarks/fuzz.py --inputs 100000 [--seed 1] [--corpus examples/content] [--preset hugo]

Each input is a valid article (from the corpus folders, their subfolders too) with random
damaging edits (the same mutations the property tests use); `--preset` lints them as that
framework's pages (TOML and JSON front matter are read only where a preset reads them). It lints the bytes in-process, checks that no internal
error (FM000) or exception occurs and that every finding points inside the input, and prints
throughput and a count per finding code. The first failing input is written to
`fuzz-failure.md` with its seed so it can be replayed.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from mutations import mutate  # noqa: E402
from test_properties import check_positions  # noqa: E402

from linter.config.settings import config_from_table, parse_datetime  # noqa: E402
from linter.running.engine import build_engine  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--corpus", type=Path, action="append", help="folders of valid articles (default: examples/content)"
    )
    parser.add_argument("--preset", help="lint the inputs with this preset (default: none, the news article)")
    args = parser.parse_args()
    folders = args.corpus or [ROOT / "examples" / "content"]
    seeds = [p.read_bytes() for folder in folders for p in sorted(folder.rglob("*.md")) if p.is_file()]
    table = {"preset": args.preset} if args.preset else {}
    engine = build_engine(
        config_from_table(table, ROOT / "content-lint.toml"), now=parse_datetime("2026-11-26T12:00:00Z")
    )
    codes: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    for number in range(args.inputs):
        rng = random.Random(args.seed * 1_000_003 + number)
        data = mutate(rng.choice(seeds), rng, rng.randint(1, 5))
        try:
            result = engine.lint_bytes("fuzz.md", data)
            if any(f.code == "FM000" for f in result.findings):
                raise AssertionError(next(f.message for f in result.findings if f.code == "FM000"))
            check_positions(data, result.findings)
        except BaseException as exc:
            Path("fuzz-failure.md").write_bytes(data)
            print(
                f"FAILED on input {number} (seed {args.seed}): {type(exc).__name__}: {exc}", file=sys.stderr
            )
            return 1
        codes.update(f.code for f in result.findings)
        if number and number % 10_000 == 0:
            print(f"{number} inputs, {number / (time.perf_counter() - started):.0f}/s", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(
        f"{args.inputs} inputs in {elapsed:.1f} s ({args.inputs / elapsed:.0f}/s): no crash, every position inside its input"
    )
    for code, count in sorted(codes.items()):
        print(f"  {code}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
