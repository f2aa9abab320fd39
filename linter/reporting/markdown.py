"""A Markdown report for a CI job summary (`$GITHUB_STEP_SUMMARY`): the counts, a table by rule
and the first findings, each linking to its line when the run knows the repository.

Paths and messages come from the checked files: every Markdown and HTML character in them is
escaped, so a page cannot add a link, an image or a heading to the summary.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TextIO
from urllib.parse import quote

from linter.findings import Finding
from linter.reporting.base import Reporter, RunSummary, fix_mark
from linter.reporting.escape import shown_name, shown_text
from linter.reporting.locations import display_path
from linter.reporting.statistics import statistics_rows

#: Findings listed one by one; the table counts them all.
MAX_LISTED = 50
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&\"'])")


def escape_markdown(text: str) -> str:
    """Text shown as itself: Markdown punctuation escaped, one line."""
    return _MARKDOWN.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))


class MarkdownReporter(Reporter):
    def __init__(self, stream: TextIO, *, environ: Mapping[str, str] | None = None) -> None:
        super().__init__(stream)
        self.environ = os.environ if environ is None else environ

    def report(self, summary: RunSummary) -> None:
        write = self.stream.write
        files = summary.files_checked
        write("## content-lint\n\n")
        if not summary.findings:
            write(f"All checks passed ({files} file{'s' if files != 1 else ''}).\n")
            return
        write(f"**{summary.errors} error(s)** and **{summary.warnings} warning(s)** in {files} file(s).\n\n")
        write("| count | code | rule | severity | fixable |\n|---:|---|---|---|---|\n")
        for count, code, name, severity, fixable in statistics_rows(summary.findings):
            write(f"| {count} | {code} | {name} | {severity} | {fixable} |\n")
        write("\n")
        for finding in summary.findings[:MAX_LISTED]:
            write(
                f"- {self._location(finding)} {finding.code} {fix_mark(finding)}{escape_markdown(shown_text(finding.message))}\n"
            )
        if len(summary.findings) > MAX_LISTED:
            write(f"\n{len(summary.findings) - MAX_LISTED} more finding(s) in the full report.\n")

    def _location(self, f: Finding) -> str:
        path = shown_name(display_path(f.path, os.getcwd()))
        text = escape_markdown(f"{path}:{f.line}:{f.column}")
        base = self._blob_base()
        return f"[{text}]({base}/{quote(path)}#L{f.line})" if base else text

    def _blob_base(self) -> str | None:
        server, repository, sha = (
            self.environ.get(name, "") for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
        )
        if not (server.startswith("https://") and repository and sha):
            return None
        return f"{server}/{quote(repository)}/blob/{quote(sha)}"
