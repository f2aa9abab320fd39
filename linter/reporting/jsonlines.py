"""One JSON object per finding per line, for tools that stream or `grep` the report."""

from __future__ import annotations

import json

from linter.reporting.base import Reporter, RunSummary
from linter.reporting.escape import shown_finding


class JsonLinesReporter(Reporter):
    machine_readable = True

    def report(self, summary: RunSummary) -> None:
        for finding in summary.findings:
            # ASCII escapes keep U+2028 and friends, which some readers split lines at, off
            # the wire (in messages; names and message controls are escaped already).
            self.stream.write(json.dumps(shown_finding(finding)) + "\n")
