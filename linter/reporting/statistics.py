"""Counts by rule, most frequent first: how a team decides which warning to make an error."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from linter.findings import Finding

HEADER = ("count", "code", "name", "severity", "fixable")


def statistics_rows(findings: Iterable[Finding]) -> list[tuple[int, str, str, str, str]]:
    """(count, code, name, severity, fixable) per code, by count descending then code;
    `fixable` counts the findings with a fix (`safe`/`unsafe` as `--fix` needs)."""
    counts: Counter[str] = Counter()
    fixes: dict[str, Counter[str]] = {}
    names: dict[str, str] = {}
    severities: dict[str, set[str]] = {}
    for f in findings:
        counts[f.code] += 1
        names[f.code] = f.rule
        severities.setdefault(f.code, set()).add(f.severity)
        if f.fix is not None:
            fixes.setdefault(f.code, Counter())[f.fix.applicability] += 1
    order = sorted(counts, key=lambda code: (-counts[code], code))
    # Per-file overrides can give one rule both severities; show both rather than pick one.
    return [(counts[c], c, names[c], "/".join(sorted(severities[c])), _fixable(fixes.get(c))) for c in order]


def _fixable(found: Counter[str] | None) -> str:
    if not found:
        return "-"
    return ", ".join(f"{found[kind]} {kind}" for kind in ("safe", "unsafe") if found[kind])


def render_statistics(findings: Iterable[Finding], stream: TextIO) -> None:
    rows = statistics_rows(findings)
    total = sum(row[0] for row in rows)
    table = [HEADER, *((str(n), *rest) for n, *rest in rows)]
    widths = [max(len(row[column]) for row in table) for column in range(len(HEADER))]
    widths[0] = max(widths[0], len(str(total)))
    for count, code, name, severity, fixable in table:
        stream.write(
            f"{count:>{widths[0]}}  {code:<{widths[1]}}  {name:<{widths[2]}}  {severity:<{widths[3]}}  {fixable}\n"
        )
    stream.write(f"{total:>{widths[0]}}  total\n")
