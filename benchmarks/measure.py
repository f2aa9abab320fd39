"""Time commands in a fresh wrapper process, so each measurement gets its own peak RSS.

`resource.getrusage(RUSAGE_CHILDREN)` only ever grows in one process, so the benchmark never
reads it itself: a small wrapper (a new python process per measurement) runs the commands,
times them with `perf_counter` and reports its children's `ru_maxrss`: the largest single
process among them and their waited-for descendants (a worker pool reports its biggest
process, not the sum).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

WRAPPER = r"""
import json, resource, subprocess, sys, time
request = json.load(sys.stdin)
codes, errors = [], []
start = time.perf_counter()
for command in request["commands"]:
    done = subprocess.run(command, cwd=request["cwd"], stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    codes.append(done.returncode)
    errors.append(done.stderr[-2000:].decode("utf-8", "replace"))
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "maxrss_kb": usage.ru_maxrss, "codes": codes, "errors": errors}))
"""

Command = Sequence[str]


class MeasureError(RuntimeError):
    """A measured command failed (exit status outside the allowed ones)."""


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float  # user + system seconds of all the processes the run started
    rss_kb: int


@dataclass(frozen=True)
class Timing:
    """The best (minimum) wall time of some runs, its CPU time, and the peak RSS over all runs."""

    runs: tuple[float, ...]
    rss_kb: int
    best_cpu: float = 0.0

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def rss_mb(self) -> float:
        return self.rss_kb / 1024


def run_once(commands: Sequence[Command], cwd: Path, ok: frozenset[int] = frozenset({0, 1})) -> Run:
    """Run `commands` one after another in one wrapper; their output is discarded."""
    request = json.dumps({"commands": [list(c) for c in commands], "cwd": str(cwd)})
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER], input=request, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise MeasureError(f"wrapper failed: {done.stderr.strip()[-2000:]}")
    report = json.loads(done.stdout)
    for command, code, error in zip(commands, report["codes"], report["errors"], strict=True):
        if code not in ok:
            raise MeasureError(f"`{' '.join(command[:4])} ...` exited {code}: {error.strip()}")
    return Run(report["seconds"], report["cpu"], report["maxrss_kb"])


def best_of(
    commands: Sequence[Command],
    cwd: Path,
    repeat: int,
    budget: float,
    prepare: Callable[[int], None] | None = None,
) -> Timing:
    """Up to `repeat` runs; stop early once `budget` seconds are spent (at least one run)."""
    runs: list[Run] = []
    started = time.perf_counter()
    for index in range(repeat):
        if prepare is not None:
            prepare(index)
        runs.append(run_once(commands, cwd))
        if time.perf_counter() - started >= budget:
            break
    best = min(runs, key=lambda r: r.seconds)
    return Timing(tuple(r.seconds for r in runs), max(r.rss_kb for r in runs), best.cpu)


def output_of(command: Command, cwd: Path) -> str:
    """Standard output of an untimed run (for checks); exit statuses 0 and 1 are fine."""
    done = subprocess.run(list(command), cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise MeasureError(f"`{' '.join(command[:4])} ...` exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout
