"""Figures per corpus size, the plain-text table, the targets of issue 5 and RESULTS.md."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from measure import Timing

# Timing keys: our runs (all count for peak RSS) and the others.
OURS = ("cold1", "cold2", "fill", "warm", "changed", "peer_ours")
LABELS = {
    "floor": "floor: read + yaml.compose (1 process)",
    "cold1": "content-lint cold, --jobs 1 --no-cache",
    "cold2": "content-lint cold, --jobs 2 --no-cache",
    "fill": "content-lint filling a fresh --cache-dir",
    "warm": "content-lint warm cache, nothing changed",
    "changed": "content-lint one changed file, warm cache",
    "peer_ours": "content-lint cold --jobs 1, peer file set",
    "peer": "check-jsonschema, peer file set",
}


@dataclass
class SizeResult:
    files: int
    timings: dict[str, Timing] = field(default_factory=dict)
    peer_files: int = 0
    notes: list[str] = field(default_factory=list)

    def rate(self, key: str) -> float | None:
        timing = self.timings.get(key)
        if timing is None or key == "changed":  # one file: wall ms, not a rate
            return None
        count = self.peer_files if key.startswith("peer") else self.files
        return count / timing.best

    def ratio(self, top: str, bottom: str) -> float | None:
        """How many times longer `top` takes than `bottom` (per file, same file set)."""
        a, b = self.timings.get(top), self.timings.get(bottom)
        return a.best / b.best if a and b else None

    @property
    def changed_ms(self) -> float | None:
        timing = self.timings.get("changed")
        return timing.best * 1000 if timing else None

    @property
    def rss_mb(self) -> float | None:
        ours = [t.rss_mb for k, t in self.timings.items() if k in OURS]
        return max(ours) if ours else None


def _num(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


HEADERS = (
    "files",
    "floor f/s",
    "cold-1 f/s",
    "cold-1/floor",
    "cold-2 f/s",
    "2-vs-1",
    "warm f/s",
    "changed ms",
    "peak RSS MB",
    "peer f/s",
    "ours/peer",
)


def row(result: SizeResult) -> list[str]:
    return [
        f"{result.files:,}",
        _num(result.rate("floor")),
        _num(result.rate("cold1")),
        _num(result.ratio("cold1", "floor"), 2),
        _num(result.rate("cold2")),
        _num(result.ratio("cold1", "cold2"), 2),
        _num(result.rate("warm")),
        _num(result.changed_ms),
        _num(result.rss_mb),
        _num(result.rate("peer"), 1),
        _num(result.ratio("peer", "peer_ours"), 1),
    ]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], left: int = 0) -> str:
    """Plain-text columns: the first `left` ones flush left, the rest (figures) flush right."""
    widths = [max(len(line[i]) for line in [headers, *rows]) for i in range(len(headers))]

    def cells(line: Sequence[str]) -> str:
        parts = zip(line, widths, strict=True)
        return "  ".join(c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(parts)).rstrip()

    return "\n".join([cells(headers), "  ".join("-" * w for w in widths), *(cells(line) for line in rows)])


def summary_table(results: Sequence[SizeResult]) -> str:
    return table(HEADERS, [row(r) for r in results])


def _raw_row(result: SizeResult, key: str, timing: Timing) -> list[str]:
    runs = " ".join(f"{s:.3f}" for s in timing.runs)
    rate = _num(result.rate(key))
    cpu = f"{timing.best_cpu:.3f}"
    return [LABELS[key], f"{result.files:,}", runs, f"{timing.best:.3f}", cpu, rate, _num(timing.rss_mb)]


def raw_table(results: Sequence[SizeResult]) -> str:
    rows = [_raw_row(r, key, r.timings[key]) for r in results for key in LABELS if key in r.timings]
    return table(("measurement", "files", "runs (s)", "best s", "CPU s", "files/s", "RSS MB"), rows, left=1)


@dataclass(frozen=True)
class Target:
    text: str
    size: int | None  # None: judged at the largest size measured
    metric: Callable[[SizeResult], float | None]
    passes: Callable[[float], bool]
    show: Callable[[float], str]


TARGETS = (
    Target(
        "Cold, one process, all rules: at most 1.5x the floor's time per file",
        None,
        lambda r: r.ratio("cold1", "floor"),
        lambda v: v <= 1.5,
        lambda v: f"{v:.2f}x the floor",
    ),
    Target(
        "Two processes: at least 1.6x the one-process throughput at 10k files",
        10_000,
        lambda r: r.ratio("cold1", "cold2"),
        lambda v: v >= 1.6,
        lambda v: f"{v:.2f}x",
    ),
    Target(
        "At least 10x check-jsonschema's throughput, same files and schema",
        None,
        lambda r: r.ratio("peer", "peer_ours"),
        lambda v: v >= 10,
        lambda v: f"{v:.1f}x",
    ),
    Target(
        "Warm cache, nothing changed, 100k files: at least 30,000 files/s",
        100_000,
        lambda r: r.rate("warm"),
        lambda v: v >= 30_000,
        lambda v: f"{v:,.0f} files/s",
    ),
    Target(
        "One changed file in a warm 100k corpus, duplicates against all: under 1 s",
        100_000,
        lambda r: r.changed_ms,
        lambda v: v < 1000,
        lambda v: f"{v:,.0f} ms",
    ),
    Target(
        "Peak RSS at 100k files under 200 MB",
        100_000,
        lambda r: r.rss_mb,
        lambda v: v < 200,
        lambda v: f"{v:,.0f} MB",
    ),
)


def judge(target: Target, results: Sequence[SizeResult]) -> tuple[str, str]:
    """(measured, status) for one target."""
    measured = [(r.files, v) for r in results if (v := target.metric(r)) is not None]
    if not measured:
        return "-", "not measured"
    at = {files: value for files, value in measured}
    size = target.size if target.size is not None else measured[-1][0]
    if size in at:
        status = "met" if target.passes(at[size]) else "NOT met"
        return f"{target.show(at[size])} at {size:,} files", status
    files, value = measured[-1]
    return f"{target.show(value)} at {files:,} files", f"not measured at {size:,} files"


def targets_table(results: Sequence[SizeResult]) -> list[tuple[str, str, str]]:
    return [(t.text, *judge(t, results)) for t in TARGETS]
