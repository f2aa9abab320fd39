"""What a check run prints once its findings are in: the report, the statistics table, the
closing lines on standard error, and the exit status they add up to."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from linter.reporting import Reporter, RunSummary

EXIT_OK, EXIT_FINDINGS = 0, 1


def finish(
    args: argparse.Namespace,
    summary: RunSummary,
    reporter: Reporter,
    stream: TextIO,
    fixed: int | None,
    fail_on: str,
    folders: tuple[Path, ...],
) -> int:
    try:
        _emit(args, summary, reporter, stream, fixed, folders)
    except BrokenPipeError:  # like other Unix tools: quiet, and the lint's own status
        stdout_to_devnull()
    return _exit_status(summary, fail_on)


def _emit(
    args: argparse.Namespace,
    summary: RunSummary,
    reporter: Reporter,
    stream: TextIO,
    fixed: int | None,
    folders: tuple[Path, ...],
) -> None:
    # With --statistics a text report is the table alone, as ruff prints it; a machine
    # format's report stays whole and the table goes to standard error.
    table_only = args.statistics and not reporter.machine_readable and not args.output_file
    if not table_only:
        reporter.report(summary)
    if args.output_file:
        from linter.reporting.atomic import write_report

        report = stream.getvalue().encode("utf-8", "backslashreplace")  # type: ignore[attr-defined]
        write_report(args.output_file, report, folders)
    if args.statistics:
        _print_statistics(summary, sys.stdout if table_only or args.output_file else sys.stderr)
    if not args.quiet:
        print_summary(summary, fixed)
    sys.stdout.flush()  # a closed pipe shows here, not at exit where it could not be handled


def stdout_to_devnull() -> None:
    """Python would report the broken pipe again when it flushes stdout at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no real stdout (tests)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def format_name(requested: str | None, output_file: Path | None) -> str:
    from linter.config.settings import ConfigError
    from linter.reporting import REPORTERS

    if requested is not None:
        if requested not in REPORTERS:
            raise ConfigError(
                f"output format {requested!r} is unknown (choose from {', '.join(sorted(REPORTERS))})"
            )
        return requested
    if os.environ.get("GITHUB_ACTIONS") == "true" and output_file is None:
        return "github"
    return "full" if sys.stdout.isatty() and "full" in REPORTERS else "concise"


def make_reporter(name: str, stream: TextIO) -> Reporter:
    if name == "full":
        from linter.reporting.full import FullReporter, use_color

        return FullReporter(stream, color=stream is sys.stdout and use_color(sys.stdout, os.environ))
    from linter.reporting import REPORTERS

    return REPORTERS[name](stream)


def _exit_status(summary: RunSummary, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    if summary.errors or (fail_on == "warning" and summary.warnings):
        return EXIT_FINDINGS
    return EXIT_OK


def _print_statistics(summary: RunSummary, stream: TextIO) -> None:
    from linter.reporting.statistics import render_statistics

    render_statistics(summary.findings, stream)


def print_summary(summary: RunSummary, fixed: int | None = None) -> None:
    files = summary.files_checked
    noun = "file" if files == 1 else "files"
    if fixed is not None:
        print(f"Fixed {fixed} finding(s); {len(summary.findings)} remaining", file=sys.stderr)
    if not summary.findings:
        print(f"All checks passed ({files} {noun})", file=sys.stderr)
        return
    paths = {f.path for f in summary.findings}
    checked = paths & set(summary.files) if summary.files else paths
    others = f" (and in {', '.join(sorted(paths - checked))})" if paths - checked else ""
    print(
        f"Found {summary.errors} error(s) and {summary.warnings} warning(s)"
        f" in {len(checked)} of {files} {noun}{others}",
        file=sys.stderr,
    )
    from linter.reporting.base import fix_counts

    fixable = _fixable_line(*fix_counts(summary.findings))
    if fixable:
        print(fixable, file=sys.stderr)


def _fixable_line(safe: int, unsafe: int) -> str:
    """What `--fix` would do about the findings left, as ruff's closing line says it."""
    unsafe_part = f"{unsafe} with `--fix --unsafe-fixes`" if unsafe else ""
    if safe:
        more = f" ({unsafe_part.replace('with', 'more with', 1)})" if unsafe else ""
        return f"[*] {safe} fixable with `--fix`{more}"
    return f"{unsafe_part.replace('with', 'fixable with', 1)} (unsafe fixes)" if unsafe else ""
