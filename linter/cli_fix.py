"""The `--fix`, `--unsafe-fixes` and `--diff` part of `content-lint check` (see running/fixing.py);
imported only by a run that asks for them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from linter.findings import Finding
from linter.fixes import Applicability
from linter.reporting.diff import unified_diff
from linter.reporting.escape import shown_name
from linter.running.engine import Engine, Report
from linter.running.fixing import FileFix, fix_files


def allowed(args: argparse.Namespace) -> tuple[Applicability, ...]:
    return ("safe", "unsafe") if args.unsafe_fixes else ("safe",)


def show_diff(engine: Engine, findings: Sequence[Finding], args: argparse.Namespace, out: TextIO) -> int:
    """Print what --fix would change; 1 when something would change, 0 otherwise."""
    outcomes = []
    for outcome in fix_files(engine, findings, allowed(args), write=False):
        if outcome.skipped:
            print(f"{shown_name(outcome.path)}: not fixed: {outcome.skipped}", file=sys.stderr)
        else:
            outcomes.append(outcome)
            out.write(unified_diff(outcome))
    if not args.quiet:
        count = sum(o.fixed_count for o in outcomes)
        files = len(outcomes)
        print(f"Would fix {count} finding(s) in {files} file(s)", file=sys.stderr)
    return 1 if outcomes else 0


def apply_fixes(
    engine: Engine, report: Report, args: argparse.Namespace, rerun: Callable[[], Report]
) -> tuple[Report, int]:
    """Write the fixes; return the report that remains (a fresh run when a file changed) and
    how many findings were fixed."""
    outcomes = fix_files(engine, report.findings, allowed(args), write=True)
    for outcome in outcomes:
        if outcome.skipped:
            print(f"{shown_name(outcome.path)}: not fixed: {outcome.skipped}", file=sys.stderr)
    written: list[FileFix] = [o for o in outcomes if not o.skipped]
    if not written:
        return report, 0
    return rerun(), sum(o.fixed_count for o in written)
