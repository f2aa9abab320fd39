"""The command line's words: every command, option and help text (`content-lint --help`),
and how the values given override the config."""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter import __version__
from linter.reporting import REPORTERS

if TYPE_CHECKING:
    from linter.config.settings import Config

# The parser is built on every call, before any config is read: the config's modules load where
# the command line's values are applied to one (`config_with_arguments`).


def file_names_as_options(argv: Sequence[str]) -> list[str]:
    """Words before `--` that look like options but name files here: a pull request can commit
    an empty `--config=x.md` at the top of the tree, and a hook that passes file names without
    `--` would hand it to the parser as an option. Such a run is refused, never half-obeyed."""
    words = itertools.takewhile(lambda word: word != "--", argv)
    return [word for word in words if word.startswith("-") and word != "-" and os.path.lexists(word)]


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, as wide as `shutil.get_terminal_size` says, measured without
    loading shutil (and the zlib, bz2 and lzma it loads): argparse builds a formatter for every
    option it adds, so every run would pay for them."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)  # as argparse takes shutil's figure


def _columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """A parser whose subcommands' parsers (made with its class) use _Formatter too."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_Formatter, **kwargs)


#: Every command, in the order `--help` lists them.
COMMANDS = ("check", "clean", "rules", "server", "presets", "init", "rule")


def build_parser(first_word: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; for words that start with `check` (every pre-commit call),
    only `check`'s: the other commands' options would cost as much to build again, and words
    that start with `check` never reach them (their names appear only in top-level help and
    errors, which such words never print)."""
    parser = _Parser(
        prog="content-lint", description="Lint the front matter (YAML, TOML or JSON) of content files."
    )
    parser.add_argument("--version", action="version", version=f"content-lint {__version__}")
    # With `check`'s parser alone, the usage line of a top-level error (an unknown option)
    # still names every command, as argparse names the ones it has.
    shown = {"metavar": f"{{{','.join(COMMANDS)}}}"} if first_word == "check" else {}
    commands = parser.add_subparsers(dest="command", required=True, **shown)
    _add_check(commands)
    if first_word != "check":
        _add_other_commands(commands)
    return parser


def _add_check(commands: Any) -> None:
    check = commands.add_parser("check", help="check files and folders")
    check.add_argument("paths", nargs="*", default=["."], help="files or folders (default: .)")
    check.add_argument(
        "--config", type=Path, help="config file (default: nearest content-lint.toml or pyproject.toml)"
    )
    check.add_argument("--schema", type=Path, help="JSON Schema to validate against")
    check.add_argument("--preset", help="front-matter format: schema and roles (see `content-lint presets`)")
    check.add_argument("--output-format", help=f"one of: {', '.join(sorted(REPORTERS))}")
    check.add_argument("--output-file", type=Path, help="write the report to this file (atomically)")
    check.add_argument("--select", help="comma-separated codes, prefixes or names to run")
    check.add_argument("--ignore", help="comma-separated codes, prefixes or names to skip")
    check.add_argument("--reference-time", help='"now" for date rules, RFC 3339 (for reproducible CI)')
    check.add_argument(
        "--fail-on", choices=("error", "warning", "never"), help="lowest severity that fails the run"
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even with findings (same as --fail-on never)"
    )
    _add_discovery(check)
    _add_run(check)


def _add_discovery(check: argparse.ArgumentParser) -> None:
    """Which files a run checks."""
    check.add_argument("--include", help="comma-separated file-name globs to check, replacing `include`")
    check.add_argument("--extend-include", help="comma-separated file-name globs to check as well")
    check.add_argument("--extend-exclude", help="comma-separated gitignore-style patterns to skip as well")
    check.add_argument(
        "--allow-no-files",
        action="store_true",
        help="exit 0 when no file is found to check (default: a usage error, exit 2)",
    )
    check.add_argument(
        "--force-exclude", action="store_true", help="apply `exclude` to files named on the command line too"
    )
    check.add_argument(
        "--show-files", action="store_true", help="list the files that would be checked, then exit"
    )
    check.add_argument(
        "--show-settings",
        action="store_true",
        help="print what applies to the one file given (config, type, preset, schema, roles, rules), then exit",
    )


def _add_run(check: argparse.ArgumentParser) -> None:
    """How a run reports, caches, fixes and compares with a baseline."""
    from linter.running.cache import DEFAULT_FOLDER  # its hashing and JSON load for the run that uses them

    check.add_argument("--statistics", action="store_true", help="print counts by rule, most frequent first")
    check.add_argument(
        "--quiet", "-q", action="store_true", help="print findings only, no summary or progress"
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=positive,
        help="worker processes (default: as many as pay off, up to the number of CPUs)",
    )
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    check.add_argument(
        "--cache-dir", type=Path, help=f"result cache folder (default: {DEFAULT_FOLDER} in the project root)"
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes as well"
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff; change nothing (exit 1 if any)",
    )
    check.add_argument(
        "--baseline", type=Path, help="report only findings that are not in this baseline file"
    )
    check.add_argument(
        "--update-baseline",
        action="store_true",
        help="write this run's findings to the --baseline file (kept: entries of files not checked)",
    )


def _add_other_commands(commands: Any) -> None:
    clean_command = commands.add_parser("clean", help="delete the result cache")
    clean_command.add_argument("--config", type=Path, help="config file")
    clean_command.add_argument("--cache-dir", type=Path, help="result cache folder")
    rules = commands.add_parser("rules", help="list all rules with their severity under the active config")
    rules.add_argument("--config", type=Path, help="config file")
    rules.add_argument("--preset", help="show what is in force under this preset")
    rules.add_argument("--markdown", action="store_true", help="print the README's rule table")
    commands.add_parser("server", help="run the language server (LSP over stdio) for editors")
    presets = commands.add_parser("presets", help="list the shipped presets, or show what one sets")
    presets.add_argument("name", nargs="?", help="a preset: show its schema, roles and rules")
    init = commands.add_parser("init", help="write a starting content-lint.toml (and schemas) for a site")
    init.add_argument("folder", nargs="?", default=".", type=Path, help="the site's folder (default: .)")
    init.add_argument("--from", dest="source", type=Path, help="frontmatter.json or a Decap admin/config.yml")
    init.add_argument("--force", action="store_true", help="overwrite content-lint.toml and schemas")
    rule = commands.add_parser("rule", help="show one rule's documentation and what is in force")
    rule.add_argument("rule", help="a code (FM301) or name (image-size)")
    rule.add_argument("--config", type=Path, help="config file")
    rule.add_argument("--preset", help="show what is in force under this preset")


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return value


def config_with_arguments(config: Config, args: argparse.Namespace) -> Config:
    """The config with the command line's choices over it (a bad value: ConfigError)."""
    from linter.config.settings import gitignore_globs, name_globs

    return config.with_overrides(
        schema=args.schema.resolve() if args.schema else None,
        select=split_list(args.select),
        ignore=split_list(args.ignore),
        reference_time=_reference_time(args.reference_time),
        fail_on="never" if args.exit_zero else args.fail_on,
        include=_patterns("--include", args.include, name_globs),
        extend_include=_extended(
            config.extend_include, _patterns("--extend-include", args.extend_include, name_globs)
        ),
        extend_exclude=_extended(
            config.extend_exclude, _patterns("--extend-exclude", args.extend_exclude, gitignore_globs)
        ),
        preset=_preset(args.preset),
        cache=False if args.no_cache else None,
    )


def _preset(name: str | None) -> str | None:
    if name is not None:
        from linter.config.presets import find_preset
        from linter.config.settings import ConfigError

        try:
            find_preset(name)
        except ValueError as exc:
            raise ConfigError(f"--preset: {exc}") from None
    return name


def _patterns(
    flag: str, value: str | None, check: Callable[[Any], tuple[str, ...]]
) -> tuple[str, ...] | None:
    from linter.config.settings import ConfigError

    patterns = split_list(value)
    if patterns is None:
        return None
    try:
        return check(list(patterns))
    except ValueError as exc:
        raise ConfigError(f"{flag}: {exc}") from None


def _extended(configured: tuple[str, ...], given: tuple[str, ...] | None) -> tuple[str, ...] | None:
    return None if given is None else configured + given


def split_list(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _reference_time(value: str | None) -> datetime | None:
    from linter.config.settings import ConfigError, parse_datetime

    if value is None:
        return None
    try:
        return parse_datetime(value)
    except ValueError:
        raise ConfigError(f"--reference-time: {value!r} is not an RFC 3339 date-time") from None
