"""Command line: parse arguments, wire config -> engine -> reporter, choose the exit status.

This module and cli_output.py, which it calls, are the only ones that print.
"""

from __future__ import annotations

import argparse
import io
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from linter import cli_output
from linter.cli_args import build_parser, file_names_as_options
from linter.running.interrupts import Interrupted, handled

if TYPE_CHECKING:
    from linter.cli_baseline import Baseline
    from linter.cli_project import ProjectRun
    from linter.findings import Finding
    from linter.running.engine import Report

# A run loads the code of what it was asked for: `import linter.cli` costs only the argument
# parser, and each command imports its own modules (start-up is part of every pre-commit call;
# see tests/test_startup.py): the config, engine and reporting for `check`, and fixes, a
# baseline, the cache, workers, the rule docs, `init` and the server only where chosen.

EXIT_OK, EXIT_USAGE = cli_output.EXIT_OK, 2


def main(argv: Sequence[str] | None = None) -> int:
    _never_fail_on_encoding()
    words = sys.argv[1:] if argv is None else list(argv)
    posing = file_names_as_options(words)
    if posing:
        from linter.reporting.escape import shown_name

        return _usage_error(
            f"{shown_name(posing[0])} is a file here, not an option: put file names after `--`"
            " (as the pre-commit hook does)"
        )
    with handled() as stop:
        try:
            return _command(build_parser(words[0] if words else None).parse_args(words))
        except KeyboardInterrupt as exc:  # SIGINT or SIGTERM: see linter.running.interrupts
            return stop.end(exc.signum if isinstance(exc, Interrupted) else signal.SIGINT)
        except BrokenPipeError:  # stdout's reader went away (`| head`); the run's status is lost
            cli_output.stdout_to_devnull()
            return EXIT_OK


def _command(args: argparse.Namespace) -> int:
    # The errors a command ends with, in one line; each module loads with every command's config.
    from linter.config.settings import ConfigError
    from linter.reporting.atomic import OutputError
    from linter.schema.safety import SchemaError

    try:
        if args.command == "check":
            return _check(args)
        from linter.cli_commands import run_command  # the other commands, each importing its own

        return run_command(args, main)
    except (ConfigError, SchemaError, OutputError) as exc:
        return _usage_error(str(exc))


def _check(args: argparse.Namespace) -> int:
    from linter.cli_project import ProjectRun
    from linter.config.projects import plan_projects
    from linter.config.settings import ConfigError
    from linter.reporting import RunSummary
    from linter.reporting.atomic import check_output
    from linter.running.progress import Progress
    from linter.running.runner import run_check

    _check_paths(args.paths)
    format_name = cli_output.format_name(args.output_format, args.output_file)
    if args.update_baseline and args.baseline is None:
        raise ConfigError("--update-baseline needs --baseline FILE")
    cwd = Path.cwd()
    runs = [ProjectRun.start(args, project, cwd) for project in plan_projects(args.paths, cwd, args.config)]
    folders = _project_folders(args, runs)
    if args.output_file:
        check_output(args.output_file, folders)
    baseline = _baseline(args, folders)
    if args.output_format is None and len({r.config.output_format for r in runs}) == 1:
        format_name = cli_output.format_name(runs[0].config.output_format, args.output_file)
    sources = [source for run in runs for source in run.sources]
    files = [s.path for s in sources if s.problem is None]
    if args.show_files:
        return _show_files(runs)
    if args.show_settings:
        return _show_settings(args, runs)
    if not sources:
        return _no_files(args, runs)
    notices = [run.notice for run in runs if run.notice and run.sources and not args.quiet]
    for notice in [*notices, *_pattern_notes(runs, args.quiet)]:
        print(f"content-lint: {notice}", file=sys.stderr)
    reporter_stream: TextIO = io.StringIO() if args.output_file else sys.stdout
    reporter = cli_output.make_reporter(format_name, reporter_stream)
    show_progress = Progress.wanted(sys.stderr, reporter.machine_readable, args.quiet)
    progress = Progress(sys.stderr, len(files), show_progress)
    try:
        for run in runs:
            run.report = run_check(
                run.engine, run.sources, run.filters, run.options, on_file=progress.advance
            )
    finally:  # an interrupt's message starts on a clean line
        progress.close()
    if args.diff:
        from linter.cli_fix import show_diff

        return max(show_diff(run.engine, run.findings, args, sys.stdout) for run in runs)
    fixed = None
    if args.fix:
        fixed = sum(run.fix(args) for run in runs)
    report = _joined([run.report for run in runs if run.report is not None])
    findings: Sequence[Finding] = report.findings
    if baseline is not None:
        from linter.cli_baseline import against_baseline

        findings = against_baseline(baseline, report, files, args)
    summary = RunSummary(report.files_checked, findings, files=tuple(files))
    status = cli_output.finish(args, summary, reporter, reporter_stream, fixed, _fail_on(runs), folders)
    for notice in notices:  # after the summary too: the first line scrolled away
        print(f"content-lint: {notice}", file=sys.stderr)
    return status


def _pattern_notes(runs: Sequence[ProjectRun], quiet: bool) -> list[str]:
    """A line for each config pattern read in its old meaning, once per line however many
    projects share the config."""
    from linter.config.settings import old_pattern_notes

    if quiet:
        return []
    return list(dict.fromkeys(note for run in runs for note in old_pattern_notes(run.config)))


def _joined(reports: Sequence[Report]) -> Report:
    """One report of the projects' reports, findings in path order as each project's are."""
    from linter.running.engine import Report

    findings = sorted((f for r in reports for f in r.findings), key=lambda f: f.sort_key)
    hidden = tuple(f for r in reports for f in r.hidden)
    return Report(sum(r.files_checked for r in reports), findings, hidden)


def _project_folders(args: argparse.Namespace, runs: Sequence[ProjectRun]) -> tuple[Path, ...]:
    """Every folder a pull request's files may lie in, over the run's projects (the report and
    baseline paths must not go through a link planted in one)."""
    from linter.reporting.report_path import project_folders

    roots = [run.config.root for run in runs] or [Path.cwd()]
    return tuple(dict.fromkeys(folder for root in roots for folder in project_folders(args.paths, root)))


def _fail_on(runs: Sequence[ProjectRun]) -> str:
    """The strictest `fail-on` of the projects run (the command line's is in each)."""
    order = ("never", "error", "warning")
    return max((run.config.fail_on for run in runs), key=order.index, default="error")


def _show_files(runs: Sequence[ProjectRun]) -> int:
    for run in runs:
        sys.stdout.writelines(f"{s.path}\n" for s in run.sources if s.problem is None)
        for path, reason in run.skipped():
            sys.stdout.write(f"{path}  (skipped: {reason})\n")
    return EXIT_OK


def _show_settings(args: argparse.Namespace, runs: Sequence[ProjectRun]) -> int:
    from linter.reporting.settings_view import render_settings

    if len(args.paths) != 1 or os.path.isdir(args.paths[0]):
        return _usage_error("--show-settings takes one file")
    render_settings(runs[0].settings_of(args.paths[0]), sys.stdout)
    return EXIT_OK


def _no_files(args: argparse.Namespace, runs: Sequence[ProjectRun]) -> int:
    """Nothing to check. Files named one by one that are all excluded or not pages (a
    pre-commit batch touching only a README) pass quietly; an empty folder is a mistake."""
    from linter.reporting import RunSummary

    if args.allow_no_files or (args.force_exclude and not any(os.path.isdir(p) for p in args.paths)):
        if not args.quiet:
            cli_output.print_summary(RunSummary(0, []))
        return EXIT_OK
    include = ", ".join(dict.fromkeys(p for run in runs for p in run.config.file_patterns[0]))
    skipped = [reason for run in runs for _, reason in run.skipped()]
    why = f"include: {include}"
    if skipped:  # files were found, but none is a page: say why, as --show-files would
        noun = "file" if len(skipped) == 1 else "files"
        why = f"{len(skipped)} {noun} skipped: {', '.join(dict.fromkeys(skipped))}; see --show-files"
    return _usage_error(
        f"no file to check in {', '.join(args.paths)} ({why}); pass --allow-no-files if that is expected"
    )


def _baseline(args: argparse.Namespace, folders: tuple[Path, ...]) -> Baseline | None:
    if args.baseline is None:
        return None
    from linter.cli_baseline import load_baseline

    return load_baseline(args.baseline, args.update_baseline, folders)


def _check_paths(paths: Sequence[str]) -> None:
    """A path that does not exist is a mistake on the command line, not a finding."""
    from linter.config.settings import ConfigError

    missing = [path for path in paths if not os.path.lexists(path)]
    if missing:
        raise ConfigError(f"no such file or folder: {', '.join(missing)}")


def _never_fail_on_encoding() -> None:
    """A file name with undecodable bytes must not crash the report: escape what can't be encoded."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _usage_error(message: str) -> int:
    print(f"content-lint: error: {message}", file=sys.stderr)
    return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
