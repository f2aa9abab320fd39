"""GitLab Code Quality JSON, shown in merge-request widgets and on the diff.

A JSON array of `{description, check_name, fingerprint, severity, location: {path, lines:
{begin}}}`: the line form GitLab documents (its widget shows lines, not columns). Errors are "major" and warnings "minor".
The fingerprint hashes path, code, pointer and message but not the line, so GitLab sees an
unchanged problem as the same one after lines above it move.
"""

from __future__ import annotations

import os
from typing import Any, TextIO

from linter.findings import Finding
from linter.reporting.base import Reporter, RunSummary
from linter.reporting.escape import shown_name, shown_text
from linter.reporting.fingerprints import fingerprints
from linter.reporting.json_text import dumps_indented
from linter.reporting.locations import display_path

SEVERITIES = {"error": "major", "warning": "minor"}


class GitlabReporter(Reporter):
    machine_readable = True

    def __init__(self, stream: TextIO, *, root: str | None = None) -> None:
        super().__init__(stream)
        self.root = root

    def report(self, summary: RunSummary) -> None:
        root = self.root or os.getcwd()
        issues = [
            _issue(f, fingerprint, root)
            for f, fingerprint in zip(summary.findings, fingerprints(summary.findings, root), strict=True)
        ]
        self.stream.write(dumps_indented(issues) + "\n")


def _issue(f: Finding, fingerprint: str, root: str) -> dict[str, Any]:
    return {
        "description": f"{f.code} {shown_text(f.message)}",
        "check_name": f.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[f.severity],
        "location": {
            "path": shown_name(display_path(f.path, root)),
            "lines": {"begin": f.line},
        },
    }
