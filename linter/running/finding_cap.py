"""At most so many findings per file, then one summary: a hostile file cannot flood a report.

A file of 131,000 unknown keys would otherwise print 131,000 lines (and make every reporter,
CI annotation and review page pay for them). The summary is FM010 at line 1, column 1, with
the severity of the worst finding it stands for, so the exit status is what it would have been.
"""

from __future__ import annotations

from collections.abc import Sequence

from linter.findings import Finding, Severity

#: Findings shown per file; the rest are counted in one FM010 finding.
MAX_FINDINGS_PER_FILE = 100


def cap_findings(findings: Sequence[Finding], limit: int = MAX_FINDINGS_PER_FILE) -> list[Finding]:
    """The first `limit` of one file's findings (in report order), plus FM010 for the rest."""
    if len(findings) <= limit:
        return list(findings)
    ordered = sorted(findings, key=lambda f: f.sort_key)
    shown, hidden = ordered[:limit], ordered[limit:]
    worst: Severity = "error" if any(f.severity == "error" for f in hidden) else "warning"
    summary = Finding(
        path=shown[0].path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        code="FM010",
        rule="too-many-findings",
        severity=worst,
        message=f"{len(hidden)} more finding(s) in this file not shown (at most {limit} per file)",
    )
    return [*shown, summary]
