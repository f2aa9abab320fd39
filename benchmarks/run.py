"""Benchmark content-lint on generated corpora and regenerate benchmarks/RESULTS.md.

    python benchmarks/run.py [--sizes 1000,10000,100000] [--peers] [--keep DIR]

For each size: the floor (read + compose), cold runs with one and two processes, a warm
cache, one changed file in a warm corpus and peak RSS; `--peers` adds check-jsonschema.
Timings are printed, never asserted. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import corpus
import ours
import peers
import verify
from measure import MeasureError, Timing, best_of, output_of
from report import SizeResult, summary_table, table, targets_table
from results import machine, markdown

HERE = Path(__file__).resolve().parent

FLOOR = r"""
import os, yaml
loader = yaml.CSafeLoader
for folder, subfolders, names in os.walk("."):
    subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
    for name in sorted(names):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(folder, name), "rb") as handle:
            text = handle.read().decode("utf-8")
        end = text.find("\n---\n", 3) if text.startswith("---\n") else -1
        if end < 0:
            continue
        try:
            yaml.compose(text[4 : end + 1], Loader=loader)
        except yaml.YAMLError:
            pass
"""


def read_everything(root: Path) -> None:
    """Read every file once, untimed. The floor runs first: on a corpus that is not in the page
    cache (100,000 files just generated, or evicted since) it would pay for the disk and every
    later run would not, which flatters the ratios to the floor."""
    for folder, _subfolders, names in os.walk(root):
        for name in names:
            with open(os.path.join(folder, name), "rb") as handle:
                while handle.read(1 << 20):
                    pass


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Bench:
    """One benchmark session: a work folder, the linter's features, notes as they come."""

    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args, self.work = args, work
        self.exe = ours.executable()
        self.features = ours.detect(self.exe)
        self.commands = ours.Commands(self.exe, self.features)
        self.notes: list[str] = []
        self.checks: list[str] = []
        self.peer_exe: Path | None = None
        self.peer_rate: float | None = None
        self.load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
        for name in self.features.missing():
            self.note(f"content-lint has no {name} yet: the measurements that need it are skipped")

    def note(self, text: str) -> None:
        self.notes.append(text)
        log(f"note: {text}")

    def time(
        self,
        result: SizeResult,
        key: str,
        commands: Sequence[Sequence[str]],
        cwd: Path,
        repeat: int | None = None,
        prepare: Callable[[int], None] | None = None,
    ) -> Timing:
        timing = best_of(commands, cwd, repeat or self.args.repeat, self.args.budget, prepare)
        result.timings[key] = timing
        log(f"  {result.files:>7,} files  {key:<10} best {timing.best:8.3f} s of {len(timing.runs)}")
        return timing

    def corpus(self, size: int) -> tuple[Path, dict[str, Any]]:
        root = self.work / f"corpus-{size}-seed{self.args.seed}"
        found = root / corpus.MANIFEST
        data = json.loads(found.read_text(encoding="utf-8")) if found.is_file() else {}
        wanted = {"generator": corpus.GENERATOR_VERSION, "files": size, "seed": self.args.seed}
        if any(data.get(key) != value for key, value in wanted.items()):
            shutil.rmtree(root, ignore_errors=True)
            log(f"generating {size:,} files in {root} ...")
            data = corpus.generate(root, size, self.args.seed)
        ours.write_config(root, self.features)
        return root, data

    def floor(self, root: Path, result: SizeResult) -> None:
        python = self.exe.parent / "python"
        self.time(result, "floor", [[str(python if python.exists() else sys.executable), "-c", FLOOR]], root)

    def cold(self, root: Path, result: SizeResult) -> None:
        def fresh(_: int) -> None:
            ours.clear_default_cache(root)

        clear = fresh if self.features.cache and not self.features.no_cache else None
        self.time(result, "cold1", [self.commands.cold(1)], root, prepare=clear)
        if self.features.jobs:
            self.time(result, "cold2", [self.commands.cold(2)], root, prepare=clear)

    def warm(self, root: Path, result: SizeResult) -> Path | None:
        if not self.features.cache_dir:
            return None
        cache = self.work / f"cache-{result.files}"
        shutil.rmtree(cache, ignore_errors=True)
        self.time(result, "fill", [self.commands.cached(cache)], root, repeat=1)
        self.time(result, "warm", [self.commands.cached(cache)], root)
        return cache

    def changed(self, root: Path, data: dict[str, Any], result: SizeResult, cache: Path | None) -> None:
        if cache is None or not self.features.content_roots:
            return
        duplicates = [p["path"] for p in data["planted"] if p["kind"] == "urls-duplicate-article"]
        target = duplicates[0] if duplicates else corpus.file_path(0, data["per_folder"])
        original = (root / target).read_bytes()

        def modify(index: int) -> None:
            edited = re.sub(rb"\nheat: (-?\d+)\n", b"\nheat: %d\n" % (100 + index), original, count=1)
            (root / target).write_bytes(edited)

        try:
            self.time(result, "changed", [self.commands.cached(cache, target)], root, prepare=modify)
            report = output_of([*self.commands.cached(cache, target), "--output-format", "json"], root)
        finally:
            (root / target).write_bytes(original)
        if not duplicates:
            return
        codes = [f["code"] for f in json.loads(report)["findings"]]
        seen = "found" if "FM404" in codes else "NOT found"
        self.checks.append(
            f"one changed file ({target}, a planted duplicate) at {result.files:,}: FM404 {seen}"
        )

    def verify(self, root: Path, data: dict[str, Any], result: SizeResult) -> None:
        report = output_of([*self.commands.cold(1), "--output-format", "json"], root)
        verdict = verify.compare(data, report)
        self.checks += [f"{result.files:,} files: {line}" for line in verdict.lines()]

    def peer(self, root: Path, result: SizeResult) -> None:
        if not self.args.peers:
            return
        estimate = result.files / self.peer_rate if self.peer_rate else 0.0
        if estimate > self.args.peer_budget:
            self.note(
                f"check-jsonschema skipped at {result.files:,} files: ~{estimate:,.0f} s estimated (--peer-budget)"
            )
            return
        try:
            self.peer_exe = self.peer_exe or peers.install(self.work)
        except MeasureError as exc:
            self.args.peers = False
            self.note(f"check-jsonschema not measured: {exc}")
            return
        dest = self.work / f"peer-{result.files}"
        names = peers.extract(root, dest)
        result.peer_files = len(names)
        timing = self.time(result, "peer", peers.commands(self.peer_exe, names), dest / "yaml")
        self.peer_rate = len(names) / timing.best
        self.time(result, "peer_ours", [self.commands.cold(1)], dest / "md")

    def size(self, size: int, first: bool) -> SizeResult:
        root, data = self.corpus(size)
        result = SizeResult(size)
        read_everything(root)
        self.floor(root, result)
        self.cold(root, result)
        cache = self.warm(root, result)
        self.changed(root, data, result, cache)
        self.peer(root, result)
        if first:
            self.verify(root, data, result)
        return result

    def versions(self) -> dict[str, str]:
        found = {"content-lint": _first_line([str(self.exe), "--version"])}
        python = self.exe.parent / "python"
        if python.exists():
            probe = (
                "import yaml; print(yaml.__version__, 'with libyaml' if yaml.__with_libyaml__ else 'pure')"
            )
            found["PyYAML"] = _first_line([str(python), "-c", probe])
        if self.peer_exe is not None:
            found["check-jsonschema"] = peers.version(self.peer_exe)
        corpus_note = f"seed {self.args.seed}, ~4.5 KB per file, ~10% planted defects, 1,000 files per folder"
        return {**found, "corpus": corpus_note, "load average at the start (1/5/15 min)": self.load}


def _first_line(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else "unknown"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="1000,10000,100000", help="corpus sizes (default 1000,10000,100000)"
    )
    parser.add_argument(
        "--peers", action="store_true", help="also time check-jsonschema (installed on demand)"
    )
    parser.add_argument(
        "--keep", type=Path, help="keep corpora, caches and the peer venv here, reuse them next time"
    )
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per measurement; the best counts (default 3)"
    )
    parser.add_argument(
        "--budget", type=float, default=30, help="stop repeating a measurement after this many s"
    )
    parser.add_argument(
        "--peer-budget", type=float, default=300, help="skip check-jsonschema above this estimate (s)"
    )
    parser.add_argument(
        "--results", type=Path, default=HERE / "RESULTS.md", help="where to write the results"
    )
    args = parser.parse_args(argv)
    args.size_list = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    return args


def run(args: argparse.Namespace, work: Path, command: str) -> int:
    bench = Bench(args, work)
    results: list[SizeResult] = []
    try:
        for index, size in enumerate(args.size_list):
            results.append(bench.size(size, first=index == 0))
    except MeasureError as exc:
        bench.note(f"stopped: {exc}")
    about = machine(command, bench.versions())
    args.results.write_text(markdown(results, about, bench.notes, bench.checks), encoding="utf-8")
    print(
        summary_table(results),
        "",
        table(("target", "measured", "status"), targets_table(results), left=3),
        sep="\n",
    )
    for line in ["", *bench.checks, *bench.notes, "", f"wrote {args.results}"]:
        print(line)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    command = shlex.join(["python", *sys.argv]) if argv is None else shlex.join(["python", "run.py", *argv])
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args, args.keep.resolve(), command)
    with tempfile.TemporaryDirectory(prefix="content-lint-bench-") as folder:
        return run(args, Path(folder), command)


if __name__ == "__main__":
    sys.exit(main())
