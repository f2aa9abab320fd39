"""`path:line:col: CODE [severity] message`, one line per finding (grep- and editor-friendly)."""

from __future__ import annotations

from linter.reporters.base import Reporter, RunSummary


class ConciseReporter(Reporter):
    def report(self, summary: RunSummary) -> None:
        write = self.stream.write
        for f in summary.findings:
            write(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {_one_line(f.message)}\n")


def _one_line(message: str) -> str:
    return message.replace("\r", "\\r").replace("\n", "\\n")
