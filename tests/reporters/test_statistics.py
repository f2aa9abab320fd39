"""`--statistics`: counts by rule, most frequent first, ties by code, and a total."""

from __future__ import annotations

import io

from reporter_samples import FINDINGS

from linter.findings import Finding
from linter.reporting.statistics import render_statistics, statistics_rows


def rendered(findings: list[Finding]) -> str:
    stream = io.StringIO()
    render_statistics(findings, stream)
    return stream.getvalue()


def test_table() -> None:
    assert rendered(FINDINGS) == (
        "count  code   name                severity  fixable\n"
        "    2  FM100  schema              error     -\n"
        "    1  FM302  image-aspect-ratio  warning   -\n"
        "    1  FM401  url-format          error     -\n"
        "    1  FM508  mojibake            warning   -\n"
        "    5  total\n"
    )


def test_most_frequent_first_then_by_code() -> None:
    many = [FINDINGS[4]] * 3 + [FINDINGS[3]] * 3 + [FINDINGS[0]]
    assert [row[:2] for row in statistics_rows(many)] == [(3, "FM401"), (3, "FM508"), (1, "FM100")]


def test_a_rule_seen_at_both_severities_shows_both() -> None:
    mixed = [FINDINGS[3], FINDINGS[3]._replace(severity="error")]
    assert statistics_rows(mixed) == [(2, "FM508", "mojibake", "error/warning", "-")]


def test_no_findings() -> None:
    assert rendered([]) == "count  code  name  severity  fixable\n    0  total\n"
