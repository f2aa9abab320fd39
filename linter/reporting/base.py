"""What every reporter receives: the sorted findings and the run's counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from linter.findings import Finding
from linter.records import NamedTuple


class RunSummary(NamedTuple):
    files_checked: int
    findings: Sequence[Finding]
    files: Sequence[str] = ()

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")


def fix_mark(finding: Finding) -> str:
    """`[*] ` before the message of a finding `--fix` can fix (a safe fix), as ruff marks them."""
    return "[*] " if finding.fix is not None and finding.fix.applicability == "safe" else ""


def fix_counts(findings: Iterable[Finding]) -> tuple[int, int]:
    """How many findings have a safe fix, and how many an unsafe one."""
    safe = unsafe = 0
    for f in findings:
        if f.fix is not None:
            safe += f.fix.applicability == "safe"
            unsafe += f.fix.applicability == "unsafe"
    return safe, unsafe


class Reporter:
    """Writes a report to an injected stream; computes nothing."""

    #: Machine formats keep stdout clean of anything but the report.
    machine_readable = False

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def report(self, summary: RunSummary) -> None:
        raise NotImplementedError
