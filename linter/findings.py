"""The one record every check produces and every reporter consumes."""

from __future__ import annotations

from typing import Literal

from linter.fixes import Fix, NodeFix
from linter.records import NamedTuple

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")


class Region(NamedTuple):
    """A 1-based span in a file; the end is exclusive (the column after the last character)."""

    line: int
    column: int
    end_line: int
    end_column: int


FILE_START = Region(1, 1, 1, 1)


class Finding(NamedTuple):
    """One problem at one place. Positions are 1-based and in the file, not the YAML block."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: Severity
    message: str
    pointer: str = ""
    #: How to remove the finding by editing the file, when there is a sure way.
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "pointer": self.pointer,
            "fix": None if self.fix is None else self.fix.to_dict(),
        }


class Problem(NamedTuple):
    """A finding before the engine has given it a path, a rule name and a severity."""

    code: str
    message: str
    region: Region = FILE_START
    pointer: str = ""
    fix: Fix | None = None
    #: A rule's node-level fix, not yet proved (the engine proves the first few; see
    #: running/fix_proofs.py).
    proposed: NodeFix | None = None
