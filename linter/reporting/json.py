"""One JSON object: `{"version": 1, "files_checked": N, "findings": [...]}`; a stable shape."""

from __future__ import annotations

import json

from linter.reporting.base import Reporter, RunSummary
from linter.reporting.escape import shown_finding

JSON_FORMAT_VERSION = 1


class JsonReporter(Reporter):
    machine_readable = True

    def report(self, summary: RunSummary) -> None:
        payload = {
            "version": JSON_FORMAT_VERSION,
            "files_checked": summary.files_checked,
            "findings": [shown_finding(finding) for finding in summary.findings],
        }
        json.dump(payload, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
