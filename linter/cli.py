"""Command line: parse arguments, wire config -> engine -> reporter, choose the exit status.

This is the only module that prints.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from linter.cli_args import build_parser, config_with_arguments, file_names_as_options
from linter.config import precommit
from linter.config.selection import Selection, check_selectors
from linter.config.settings import (
    Config,
    ConfigError,
    load_config,
)
from linter.findings import Finding
from linter.reporting import REPORTERS, Reporter, RunSummary
from linter.reporting.atomic import OutputError, check_output, write_report
from linter.reporting.escape import one_line, shown_name
from linter.reporting.report_path import project_folders
from linter.running.cache import DEFAULT_FOLDER
from linter.running.discovery import FileFilter, discover
from linter.running.engine import build_engine
from linter.running.interrupts import Interrupted, handled
from linter.running.parallel import AUTO_JOBS
from linter.running.progress import Progress
from linter.running.runner import RunOptions, run_check
from linter.schema.check import SchemaError

if TYPE_CHECKING:
    from linter.cli_baseline import Baseline

# A `check` run loads the code of what it was asked for: fixes, a baseline, the cache, workers,
# the rule docs, `init` and the server are imported where they are chosen (start-up is part of
# every pre-commit call; see tests/test_startup.py).

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    _never_fail_on_encoding()
    words = sys.argv[1:] if argv is None else list(argv)
    posing = file_names_as_options(words)
    if posing:
        return _usage_error(
            f"{shown_name(posing[0])} is a file here, not an option: put file names after `--`"
            " (as the pre-commit hook does)"
        )
    with handled() as stop:
        try:
            return _command(build_parser().parse_args(words))
        except KeyboardInterrupt as exc:  # SIGINT or SIGTERM: see linter.running.interrupts
            return stop.end(exc.signum if isinstance(exc, Interrupted) else signal.SIGINT)
        except BrokenPipeError:  # stdout's reader went away (`| head`); the run's status is lost
            _stdout_to_devnull()
            return EXIT_OK


def _command(args: argparse.Namespace) -> int:
    try:
        if args.command == "rule":
            from linter.rules.docs import print_rule

            return (
                EXIT_OK if print_rule(sys.stdout, args.rule) else _usage_error(f"no rule named {args.rule!r}")
            )
        if args.command == "server":
            return _serve()
        if args.command == "presets":
            from linter.config.presets import PRESETS

            sys.stdout.writelines(f"{name:<14}  {p.summary}\n" for name, p in sorted(PRESETS.items()))
            return EXIT_OK
        if args.command == "init":
            return _init(args)
        config = load_config(args.config, Path.cwd())
        if args.command == "clean":
            from linter.running.cache_folder import clean

            folder = _cache_folder(config, args.cache_dir) or config.root / DEFAULT_FOLDER
            print(f"removed {clean(folder)} cache file(s) from {folder}", file=sys.stderr)
            return EXIT_OK
        if args.command == "rules":
            from linter.rules.docs import print_rules, rules_markdown_table

            if args.markdown:
                sys.stdout.write(rules_markdown_table())
            else:
                print_rules(sys.stdout, _selection(config))
            return EXIT_OK
        return _check(args, config)
    except (ConfigError, SchemaError, OutputError) as exc:
        return _usage_error(str(exc))


def _check(args: argparse.Namespace, config: Config) -> int:
    config = config_with_arguments(config, args)
    format_name = _format_name(args.output_format or config.output_format, args.output_file)
    _validated(args, config)
    baseline = _baseline(args, config)
    engine = build_engine(config)
    filters = FileFilter.build(*config.file_patterns, config.root, config.respect_gitignore)
    options = _run_options(args, config)
    sources = list(discover(args.paths, filters, args.force_exclude))
    files = [s.path for s in sources if s.problem is None]
    if args.show_files:
        sys.stdout.writelines(f"{path}\n" for path in files)
        return EXIT_OK
    if not sources and not args.allow_no_files:
        return _no_files(args.paths, config)
    reporter_stream: TextIO = io.StringIO() if args.output_file else sys.stdout
    reporter = _reporter(format_name, reporter_stream)
    show_progress = Progress.wanted(sys.stderr, reporter.machine_readable, args.quiet)
    progress = Progress(sys.stderr, len(files), show_progress)
    try:
        report = run_check(engine, sources, filters, options, on_file=progress.advance)
    finally:  # an interrupt's message starts on a clean line
        progress.close()
    if args.diff:
        from linter.cli_fix import show_diff

        return show_diff(engine, report.findings, args, sys.stdout)
    fixed = None
    if args.fix:
        from linter.cli_fix import apply_fixes

        report, fixed = apply_fixes(
            engine, report, args, lambda: run_check(engine, sources, filters, options)
        )
    findings: Sequence[Finding] = report.findings
    if baseline is not None:
        from linter.cli_baseline import against_baseline

        findings = against_baseline(baseline, report, files, args)
    summary = RunSummary(report.files_checked, findings, files=tuple(files))
    return _finish(args, summary, reporter, reporter_stream, fixed, config)


def _no_files(paths: Sequence[str], config: Config) -> int:
    include = ", ".join(config.file_patterns[0])
    return _usage_error(
        f"no file to check in {', '.join(paths)} (include: {include}); pass --allow-no-files if that is expected"
    )


def _validated(args: argparse.Namespace, config: Config) -> None:
    """Usage errors before anything runs (paths, output file, selectors, baseline), then the
    preset hint."""
    _check_paths(args.paths)
    if args.output_file:
        check_output(args.output_file, project_folders(args.paths, config.root))
    _selection(config)  # validates selectors with a clear message before anything runs
    if args.update_baseline and args.baseline is None:
        raise ConfigError("--update-baseline needs --baseline FILE")
    if config.source is None and not args.quiet and not args.preset:
        from linter.adopting.detect import preset_hint  # only a project without a config

        hint = preset_hint([Path.cwd(), *(Path(p) for p in args.paths if os.path.isdir(p))])
        if hint:
            print(f"content-lint: {hint}", file=sys.stderr)


def _baseline(args: argparse.Namespace, config: Config) -> Baseline | None:
    if args.baseline is None:
        return None
    from linter.cli_baseline import load_baseline

    return load_baseline(args.baseline, args.update_baseline, project_folders(args.paths, config.root))


def _run_options(args: argparse.Namespace, config: Config) -> RunOptions:
    return RunOptions(
        jobs=args.jobs or config.jobs or AUTO_JOBS,
        cache_folder=_cache_folder(config, args.cache_dir) if config.cache else None,
        content_roots=precommit.content_roots(config, os.environ),
        paths=tuple(args.paths),
        notice=lambda line: print(f"content-lint: {line}", file=sys.stderr),
    )


def _finish(
    args: argparse.Namespace,
    summary: RunSummary,
    reporter: Reporter,
    stream: TextIO,
    fixed: int | None,
    config: Config,
) -> int:
    try:
        _emit(args, summary, reporter, stream, fixed, config.root)
    except BrokenPipeError:  # like other Unix tools: quiet, and the lint's own status
        _stdout_to_devnull()
    return _exit_status(summary, config.fail_on)


def _emit(
    args: argparse.Namespace,
    summary: RunSummary,
    reporter: Reporter,
    stream: TextIO,
    fixed: int | None,
    root: Path,
) -> None:
    reporter.report(summary)
    if args.output_file:
        report = stream.getvalue().encode("utf-8", "backslashreplace")  # type: ignore[attr-defined]
        write_report(args.output_file, report, project_folders(args.paths, root))
    if args.statistics:
        _print_statistics(
            summary, sys.stderr if reporter.machine_readable and not args.output_file else sys.stdout
        )
    if not args.quiet:
        _print_summary(summary, fixed)
    sys.stdout.flush()  # a closed pipe shows here, not at exit where it could not be handled


def _check_paths(paths: Sequence[str]) -> None:
    """A path that does not exist is a mistake on the command line, not a finding."""
    missing = [path for path in paths if not os.path.lexists(path)]
    if missing:
        raise ConfigError(f"no such file or folder: {', '.join(missing)}")


def _stdout_to_devnull() -> None:
    """Python would report the broken pipe again when it flushes stdout at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no real stdout (tests)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _serve() -> int:
    try:
        from linter.server.lsp import serve
    except ImportError:
        return _usage_error("the language server needs pygls: pip install 'content-linter[server]'")
    return serve()


def _init(args: argparse.Namespace) -> int:
    """Write a starting config, say why, then check the site with it."""
    from linter.adopting.init import InitError, plan_cms, plan_site, write_plan

    folder: Path = args.folder
    if not folder.is_dir():
        return _usage_error(f"init: {folder} is not a folder")
    try:
        plan = plan_cms(folder, args.source) if args.source else plan_site(folder)
        written = write_plan(plan, folder, args.force)
    except InitError as exc:
        return _usage_error(f"init: {exc}")
    # field names and paths come from content files: no terminal escape, no forged line
    sys.stdout.writelines(f"{one_line(line)}\n" for line in plan.said)
    print(f"wrote {', '.join(str(folder / name) for name in written)}")
    if not plan.check_paths:
        return EXIT_OK
    checked = ["--config", str(folder / written[0]), *dict.fromkeys(plan.check_paths)]  # the config first
    print(f"checking: content-lint check {' '.join(checked)} --statistics", flush=True)
    return main(["check", "--output-format", "concise", "--statistics", *checked])


def _cache_folder(config: Config, requested: Path | None) -> Path:
    return (requested.resolve() if requested else None) or config.cache_dir or config.root / DEFAULT_FOLDER


def _format_name(requested: str | None, output_file: Path | None) -> str:
    if requested is not None:
        if requested not in REPORTERS:
            raise ConfigError(
                f"output format {requested!r} is unknown (choose from {', '.join(sorted(REPORTERS))})"
            )
        return requested
    if os.environ.get("GITHUB_ACTIONS") == "true" and output_file is None:
        return "github"
    return "full" if sys.stdout.isatty() and "full" in REPORTERS else "concise"


def _reporter(name: str, stream: TextIO) -> Reporter:
    if name == "full":
        from linter.reporting.full import FullReporter, use_color

        return FullReporter(stream, color=stream is sys.stdout and use_color(sys.stdout, os.environ))
    return REPORTERS[name](stream)


def _exit_status(summary: RunSummary, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    if summary.errors or (fail_on == "warning" and summary.warnings):
        return EXIT_FINDINGS
    return EXIT_OK


def _selection(config: Config) -> Selection:
    where = str(config.source) if config.source else "command line"
    check_selectors(config.select, f"{where}: select")
    check_selectors(config.ignore, f"{where}: ignore")
    check_selectors(config.severity, f"{where}: severity")
    return Selection.build(config.select, config.ignore, config.severity, config.rules)


def _print_statistics(summary: RunSummary, stream: TextIO) -> None:
    from linter.reporting.statistics import render_statistics

    render_statistics(summary.findings, stream)


def _print_summary(summary: RunSummary, fixed: int | None = None) -> None:
    files = summary.files_checked
    noun = "file" if files == 1 else "files"
    if fixed is not None:
        print(f"Fixed {fixed} finding(s); {len(summary.findings)} remaining", file=sys.stderr)
    if not summary.findings:
        print(f"All checks passed ({files} {noun})", file=sys.stderr)
        return
    affected = len({f.path for f in summary.findings})
    print(
        f"Found {summary.errors} error(s) and {summary.warnings} warning(s) in {affected} of {files} {noun}",
        file=sys.stderr,
    )


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
