"""`path:line:col: CODE [severity] message`, one line per finding (grep- and editor-friendly)."""

from __future__ import annotations

from linter.reporting.base import Reporter, RunSummary, fix_mark
from linter.reporting.escape import shown_name, shown_text


class ConciseReporter(Reporter):
    def report(self, summary: RunSummary) -> None:
        write = self.stream.write
        for f in summary.findings:
            path, message = shown_name(f.path), _one_line(shown_text(f.message))
            write(f"{path}:{f.line}:{f.column}: {f.code} [{f.severity}] {fix_mark(f)}{message}\n")


def _one_line(message: str) -> str:
    return message.replace("\r", "\\r").replace("\n", "\\n")
