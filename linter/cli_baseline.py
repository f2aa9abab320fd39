"""The `--baseline` and `--update-baseline` part of `content-lint check` (see
reporting/baseline.py); imported only by a run that asks for them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from linter.config.settings import ConfigError
from linter.findings import Finding
from linter.fixing.atomic import write_atomic
from linter.records import NamedTuple
from linter.reporting.baseline import BaselineError, BaselineFile, Entry, compare, updated
from linter.reporting.folder_lock import folder_locked
from linter.reporting.report_path import UnsafePath, unfollowed
from linter.running.engine import Report
from linter.running.finding_cap import CAP_CODE, cap_each_file


class Baseline(NamedTuple):
    """The baseline file and the entries it held before the run."""

    file: BaselineFile
    accepted: tuple[Entry, ...]


def load_baseline(path: Path, missing_ok: bool, project: Sequence[Path] = ()) -> Baseline:
    """Read the baseline before anything runs; one that cannot be read, or is not a baseline,
    is a usage error like a bad config (one line, exit status 2). With --update-baseline
    (`missing_ok`) a linked folder inside the project on the way to it is refused, as for
    --output-file (a link at its own name is replaced when it is written)."""
    if missing_ok:
        try:
            unfollowed(path, project)
        except UnsafePath as exc:
            raise ConfigError(f"--baseline {exc}") from None
    file = BaselineFile(path)
    try:
        return Baseline(file, tuple(file.load(missing_ok=missing_ok)))
    except BaselineError as exc:
        raise ConfigError(str(exc)) from None


def _update(file: BaselineFile, findings: Sequence[Finding], files: list[str]) -> list[Entry]:
    """Write this run's entries in place of those of its files, merged under a lock with what
    the file holds now: another run may have updated it since it was loaded."""
    with folder_locked(file.folder):
        try:
            current = file.load(missing_ok=True)
        except BaselineError as exc:
            raise ConfigError(str(exc)) from None
        accepted = updated(findings, current, files, file.folder)
        try:
            write_atomic(file.path, file.render(accepted))
        except OSError as exc:
            raise ConfigError(f"--baseline {file.path}: cannot write it: {exc.strerror or exc}") from None
    return accepted


def against_baseline(
    baseline: Baseline, report: Report, files: list[str], args: argparse.Namespace
) -> Sequence[Finding]:
    """The findings the baseline does not hold, capped per file again; with --update-baseline,
    write it first. The findings a file's FM010 counted are matched one by one, FM010 never."""
    findings = [f for f in report.findings if f.code != CAP_CODE] + list(report.hidden)
    file, accepted = baseline.file, list(baseline.accepted)
    if args.update_baseline:
        accepted = _update(file, findings, files)
        if not args.quiet:
            print(
                f"wrote {len(accepted)} baseline entr{'y' if len(accepted) == 1 else 'ies'} to {file.path}",
                file=sys.stderr,
            )
    comparison = compare(findings, accepted, files, file.folder)
    if not args.quiet and comparison.known:
        print(f"{comparison.known} finding(s) in the baseline were not reported", file=sys.stderr)
    if not args.quiet and comparison.fixed:
        print(
            f"{len(comparison.fixed)} baseline entr{'y' if len(comparison.fixed) == 1 else 'ies'} no longer"
            " occur (fixed); --update-baseline drops them:",
            file=sys.stderr,
        )
        for entry in comparison.fixed:
            print(f"  {entry.path}: {entry.code} at {entry.pointer or '/'}", file=sys.stderr)
    return cap_each_file(comparison.new)
