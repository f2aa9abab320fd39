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


CAP_CODE = "FM010"


def cap_findings(findings: Sequence[Finding], limit: int = MAX_FINDINGS_PER_FILE) -> list[Finding]:
    """The first `limit` of one file's findings (in report order), plus FM010 for the rest."""
    return split_findings(findings, limit)[0]


def split_findings(
    findings: Sequence[Finding], limit: int = MAX_FINDINGS_PER_FILE
) -> tuple[list[Finding], list[Finding]]:
    """(the findings shown, FM010 last; the findings FM010 counts): a baseline matches those one
    by one, since an FM010 entry would excuse whatever a file gains past the first `limit`."""
    if len(findings) <= limit:
        return list(findings), []
    ordered = sorted(findings, key=lambda f: f.sort_key)
    shown, hidden = ordered[:limit], ordered[limit:]
    worst: Severity = "error" if any(f.severity == "error" for f in hidden) else "warning"
    summary = Finding(
        path=shown[0].path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        code=CAP_CODE,
        rule="too-many-findings",
        severity=worst,
        message=f"{len(hidden)} more finding(s) in this file not shown (at most {limit} per file)",
    )
    return [*shown, summary], hidden


def cap_each_file(findings: Sequence[Finding]) -> list[Finding]:
    """`findings` of many files (no FM010 among them) capped file by file, in report order."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    capped = [f for group in by_path.values() for f in cap_findings(group)]
    return sorted(capped, key=lambda f: f.sort_key)
