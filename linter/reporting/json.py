"""One JSON object: `{"version": 1, "files_checked": N, "findings": [...]}`; a stable shape."""

from __future__ import annotations

from linter.reporting.base import Reporter, RunSummary
from linter.reporting.escape import shown_finding
from linter.reporting.json_text import dumps_indented

JSON_FORMAT_VERSION = 1


class JsonReporter(Reporter):
    machine_readable = True

    def report(self, summary: RunSummary) -> None:
        payload = {
            "version": JSON_FORMAT_VERSION,
            "files_checked": summary.files_checked,
            "findings": [shown_finding(finding) for finding in summary.findings],
        }
        self.stream.write(dumps_indented(payload, ensure_ascii=False) + "\n")
