"""Command line: parse arguments, wire config -> engine -> reporter, choose the exit status.

This is the only module that prints.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from linter import __version__
from linter.config import Config, ConfigError, load_config, parse_datetime
from linter.discovery import FileFilter, discover
from linter.engine import build_engine
from linter.reporters import REPORTERS, RunSummary
from linter.rule_docs import print_rule, print_rules
from linter.schema import SchemaError
from linter.selection import Selection, check_selectors

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="content-lint", description="Lint the YAML front matter of content files."
    )
    parser.add_argument("--version", action="version", version=f"content-lint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check files and folders")
    check.add_argument("paths", nargs="*", default=["."], help="files or folders (default: .)")
    check.add_argument(
        "--config", type=Path, help="config file (default: nearest content-lint.toml or pyproject.toml)"
    )
    check.add_argument("--schema", type=Path, help="JSON Schema to validate against")
    check.add_argument("--output-format", choices=sorted(REPORTERS), help="report format (default: concise)")
    check.add_argument("--select", help="comma-separated codes, prefixes or names to run")
    check.add_argument("--ignore", help="comma-separated codes, prefixes or names to skip")
    check.add_argument("--reference-time", help='"now" for date rules, RFC 3339 (for reproducible CI)')
    check.add_argument(
        "--force-exclude", action="store_true", help="apply `exclude` to files named on the command line too"
    )
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    for name in ("rules", "rule"):
        sub = commands.add_parser(
            name, help="list all rules" if name == "rules" else "show one rule's documentation"
        )
        if name == "rule":
            sub.add_argument("rule", help="a code (FM301) or name (image-size)")
        sub.add_argument("--config", type=Path, help="config file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = load_config(args.config, Path.cwd())
        if args.command == "rules":
            print_rules(sys.stdout, _selection(config))
            return EXIT_OK
        if args.command == "rule":
            return (
                EXIT_OK if print_rule(sys.stdout, args.rule) else _usage_error(f"no rule named {args.rule!r}")
            )
        return _check(args, config)
    except (ConfigError, SchemaError) as exc:
        return _usage_error(str(exc))


def _check(args: argparse.Namespace, config: Config) -> int:
    config = config.with_overrides(
        schema=args.schema.resolve() if args.schema else None,
        select=_split(args.select),
        ignore=_split(args.ignore),
        reference_time=_reference_time(args.reference_time),
    )
    _selection(config)  # validates selectors with a clear message before anything runs
    engine = build_engine(config)
    filters = FileFilter.build(config.include, config.exclude, config.root, config.respect_gitignore)
    sources = list(discover(args.paths, filters, args.force_exclude))
    files = [s.path for s in sources if s.problem is None]
    walk_problems = [(s.path, s.problem) for s in sources if s.problem is not None]
    report = engine.run(files, walk_problems)
    summary = RunSummary(report.files_checked, report.findings)
    REPORTERS[args.output_format or "concise"](sys.stdout).report(summary)
    if not args.quiet:
        _print_summary(summary)
    return EXIT_FINDINGS if summary.errors else EXIT_OK


def _selection(config: Config) -> Selection:
    where = str(config.source) if config.source else "command line"
    check_selectors(config.select, f"{where}: select")
    check_selectors(config.ignore, f"{where}: ignore")
    check_selectors(config.severity, f"{where}: severity")
    return Selection.build(config.select, config.ignore, config.severity, config.rules)


def _print_summary(summary: RunSummary) -> None:
    files = summary.files_checked
    noun = "file" if files == 1 else "files"
    if not summary.findings:
        print(f"All checks passed ({files} {noun})", file=sys.stderr)
        return
    affected = len({f.path for f in summary.findings})
    print(
        f"Found {summary.errors} error(s) and {summary.warnings} warning(s) in {affected} of {files} {noun}",
        file=sys.stderr,
    )


def _split(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _reference_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_datetime(value)
    except ValueError:
        raise ConfigError(f"--reference-time: {value!r} is not an RFC 3339 date-time") from None


def _usage_error(message: str) -> int:
    print(f"content-lint: error: {message}", file=sys.stderr)
    return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
