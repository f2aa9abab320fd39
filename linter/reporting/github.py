"""GitHub Actions workflow commands, which the runner turns into annotations on the diff.

`::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=CODE (name)::message`, or
`::warning ...` for warnings. Paths are made relative to the working directory (the
checkout, in a workflow) with forward slashes, as annotations need. Positions are ours
unchanged (1-based, exclusive end column, the way ruff reports them to GitHub too).
Values are escaped as the runner unescapes them: `%`, CR and LF everywhere, and `:` and `,`
in properties too, so no path or message can end a command early or start another.
"""

from __future__ import annotations

import os
from typing import TextIO

from linter.findings import Finding
from linter.reporting.base import Reporter, RunSummary
from linter.reporting.escape import shown_name, shown_text
from linter.reporting.locations import display_path

DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
PROPERTY_ESCAPES = (*DATA_ESCAPES, (":", "%3A"), (",", "%2C"))


def escape_data(text: str) -> str:
    for char, escaped in DATA_ESCAPES:
        text = text.replace(char, escaped)
    return text


def escape_property(text: str) -> str:
    for char, escaped in PROPERTY_ESCAPES:
        text = text.replace(char, escaped)
    return text


def workflow_command(f: Finding, root: str = ".") -> str:
    properties = {
        "file": shown_name(display_path(f.path, root)),
        "line": f.line,
        "col": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "title": f"{f.code} ({f.rule})",
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{f.severity} {joined}::{escape_data(shown_text(f.message))}"


class GithubReporter(Reporter):
    def __init__(self, stream: TextIO, *, root: str | None = None) -> None:
        super().__init__(stream)
        self.root = root

    def report(self, summary: RunSummary) -> None:
        root = self.root or os.getcwd()
        for finding in summary.findings:
            self.stream.write(workflow_command(finding, root) + "\n")
