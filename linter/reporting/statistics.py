"""Counts by rule, most frequent first: how a team decides which warning to make an error."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from linter.findings import Finding

HEADER = ("count", "code", "name", "severity")


def statistics_rows(findings: Iterable[Finding]) -> list[tuple[int, str, str, str]]:
    """(count, code, name, severity) per code, by count descending then code."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    severities: dict[str, set[str]] = {}
    for f in findings:
        counts[f.code] += 1
        names[f.code] = f.rule
        severities.setdefault(f.code, set()).add(f.severity)
    order = sorted(counts, key=lambda code: (-counts[code], code))
    # Per-file overrides can give one rule both severities; show both rather than pick one.
    return [(counts[c], c, names[c], "/".join(sorted(severities[c]))) for c in order]


def render_statistics(findings: Iterable[Finding], stream: TextIO) -> None:
    rows = statistics_rows(findings)
    total = sum(row[0] for row in rows)
    table = [HEADER, *((str(n), code, name, sev) for n, code, name, sev in rows)]
    count_width = max(len(row[0]) for row in [*table, (str(total),)])
    code_width = max(len(row[1]) for row in table)
    name_width = max(len(row[2]) for row in table)
    for count, code, name, severity in table:
        stream.write(f"{count:>{count_width}}  {code:<{code_width}}  {name:<{name_width}}  {severity}\n")
    stream.write(f"{total:>{count_width}}  total\n")
