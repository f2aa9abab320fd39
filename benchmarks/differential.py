"""The line reader against the composer: the same values, positions and findings, or a failure.

    python benchmarks/differential.py [--inputs 20000] [--seed 1] [--rounds 5] [--corpus DIR ...] [--files DIR ...]

Front matter read by `linter.reading.block_values` (no node graph) must give exactly what
composing it with libyaml gives. Each input is linted twice in-process, once as it is and
once with the line reader switched off, and the two results (findings with their positions
and messages, facts, directives) must be equal; for each input the line reader takes, its
values (types and key order included) and the region of every top-level key and value
(`BlockSpots`), and the nodes of every scalar it places without the graph (`line_nodes`),
must equal the composed document's. Inputs: every file under `--files`
folders as they are, then `--inputs` damaged copies of the `--corpus` articles (the
mutations of the fuzz target). The first difference is written to `differential-failure.md`.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from mutations import mutate  # noqa: E402

from linter.config.settings import config_from_table, parse_datetime  # noqa: E402
from linter.reading import compose  # noqa: E402
from linter.reading.compose import Limits, compose_document  # noqa: E402
from linter.reading.frontmatter import FrontMatter, split_front_matter  # noqa: E402
from linter.reading.line_nodes import scalar_at  # noqa: E402
from linter.running.engine import Engine, build_engine  # noqa: E402

READER = compose.block_values


def same(first: Any, second: Any) -> bool:
    """Equal values of equal types, mappings in the same key order (NaN equals NaN)."""
    if type(first) is not type(second):
        return False
    if isinstance(first, dict):
        return list(first) == list(second) and all(same(first[k], second[k]) for k in first)
    if isinstance(first, list):
        return len(first) == len(second) and all(same(a, b) for a, b in zip(first, second, strict=True))
    if isinstance(first, float) and first != first:
        return second != second
    return bool(first == second)


def composed(front: FrontMatter) -> Any:
    compose.block_values = lambda text, max_depth, line_breaks=None: None  # type: ignore[assignment]
    try:
        return compose_document("input.md", front, Limits())
    finally:
        compose.block_values = READER


def linted(engine: Engine, data: bytes, reader: bool) -> tuple[Any, ...]:
    if not reader:
        compose.block_values = lambda text, max_depth, line_breaks=None: None  # type: ignore[assignment]
    try:
        result = engine.lint_bytes("input.md", data)
    finally:
        compose.block_values = READER
    return result.findings, result.facts, result.directives, result.keys


def scalar_pointers(value: Any, pointer: str) -> Iterator[str]:
    """The pointer of every scalar under `value` (whose pointer is `pointer`)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from scalar_pointers(item, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from scalar_pointers(item, f"{pointer}/{index}")
    else:
        yield pointer


def node_facts(node: Any) -> Any:
    """What a reader of a node sees: its kind, value, style and both marks."""
    if node is None:
        return None
    marks = [(mark.index, mark.line, mark.column) for mark in (node.start_mark, node.end_mark)]
    return node.id, node.tag, node.value, node.style, marks


def differs(engine: Engine, data: bytes) -> tuple[bool, str | None]:
    """(read by the line reader, what differs or None)."""
    front = split_front_matter(data, 1 << 20)
    fast = None
    if isinstance(front, FrontMatter) and front.flavour == "yaml":
        fast, problems = compose_document("input.md", front, Limits())
        if fast is not None and fast.spots is not None:
            slow, slow_problems = composed(front)
            if slow is None or not same(fast.data, slow.data) or problems or slow_problems:
                return True, "values"
            for key in fast.data:
                pointer = "/" + key.replace("~", "~0").replace("/", "~1")
                for target in ("key", "value"):
                    region = fast.spots.region(pointer, target == "key")
                    if region is not None and region != slow.locate(pointer, target):
                        return True, f"region of {target} {pointer}: {region}"
            for pointer in scalar_pointers(fast.data, ""):
                found = scalar_at(fast.text, fast.data, pointer)
                if found is not None and list(map(node_facts, found)) != list(
                    map(node_facts, slow.nodes(pointer))
                ):
                    return True, f"nodes of {pointer}: {list(map(node_facts, found))}"
        else:
            fast = None
    if linted(engine, data, True) != linted(engine, data, False):
        return fast is not None, "findings"
    return fast is not None, None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5, help="at most this many damaging edits an input")
    parser.add_argument(
        "--corpus", type=Path, action="append", help="articles to damage (default: examples/content)"
    )
    parser.add_argument(
        "--files", type=Path, action="append", default=[], help="folders of files to compare as they are"
    )
    args = parser.parse_args()
    engine = build_engine(
        config_from_table({}, ROOT / "content-lint.toml"), now=parse_datetime("2026-11-26T12:00:00Z")
    )
    inputs = [p.read_bytes() for folder in args.files for p in sorted(folder.rglob("*")) if p.is_file()]
    seeds = [
        p.read_bytes()
        for folder in args.corpus or [ROOT / "examples" / "content"]
        for p in sorted(folder.iterdir())
        if p.is_file()
    ]
    started = time.perf_counter()
    read = 0
    for number in range(len(inputs) + args.inputs):
        if number < len(inputs):
            data = inputs[number]
        else:
            rng = random.Random(args.seed * 1_000_003 + number)
            data = mutate(rng.choice(seeds), rng, rng.randint(1, args.rounds))
        fast, difference = differs(engine, data)
        read += fast
        if difference is not None:
            Path("differential-failure.md").write_bytes(data)
            print(f"DIFFERENT on input {number} (seed {args.seed}): {difference}", file=sys.stderr)
            return 1
    total = len(inputs) + args.inputs
    print(
        f"{total} inputs ({len(inputs)} files, {args.inputs} damaged) in {time.perf_counter() - started:.1f} s: "
        f"{read} read by the line reader, every one the same as composed"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
