"""The commands beside `check`: `rule`, `rules`, `presets`, `clean`, `init` and `server`.

Each imports what it uses when it runs (start-up is part of every call). A usage error is a
ConfigError, which the CLI prints as one line with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linter.config.settings import Config

EXIT_OK = 0
Main = Callable[[Sequence[str]], int]


def run_command(args: argparse.Namespace, main: Main) -> int:
    """Run `args.command`; `main` runs init's closing check as a plain `check` would."""
    if args.command == "server":
        return _serve()
    if args.command == "presets":
        return _presets(args.name)
    if args.command == "init":
        return _init(args, main)
    from linter.cli_project import cache_folder, selection
    from linter.config.projects import project_config

    config = project_config(args.config, Path.cwd())
    if args.command in ("rule", "rules") and args.preset:
        config = config.with_overrides(preset=_preset_name(args.preset, "--preset"))
    if args.command == "rule":
        return _rule(args.rule, config)
    if args.command == "clean":
        from linter.running.cache import DEFAULT_FOLDER
        from linter.running.cache_folder import clean

        folder = cache_folder(config, args.cache_dir) or config.root / DEFAULT_FOLDER
        print(f"removed {clean(folder)} cache file(s) from {folder}", file=sys.stderr)
        return EXIT_OK
    from linter.rules.docs import print_rules, rules_markdown_table

    if args.markdown:
        sys.stdout.write(rules_markdown_table())
    else:
        from linter.running.setup import selection_in_force

        selection(config)  # validates selectors with a clear message
        print_rules(sys.stdout, selection_in_force(config))
    return EXIT_OK


def _usage(message: str) -> Exception:
    from linter.config.settings import ConfigError

    return ConfigError(message)


def _rule(key: str, config: Config) -> int:
    """A rule's documentation, with its severity and options under the config in force."""
    from linter.cli_explain import rule_in_force
    from linter.cli_project import selection
    from linter.rules.docs import rule_text
    from linter.rules.registry import find_rule

    rule = find_rule(key)
    if rule is None:
        raise _usage(f"no rule named {key!r}")
    selection(config)
    sys.stdout.write(rule_text(rule, rule_in_force(config, rule)))
    return EXIT_OK


def _presets(name: str | None) -> int:
    """The shipped presets, or what one of them sets."""
    from linter.config.presets import PRESETS, find_preset

    if name is None:
        sys.stdout.writelines(f"{key:<14}  {p.summary}\n" for key, p in sorted(PRESETS.items()))
        return EXIT_OK
    from linter.cli_explain import preset_text

    sys.stdout.writelines(f"{line}\n" for line in preset_text(find_preset(_preset_name(name, "presets"))))
    return EXIT_OK


def _preset_name(name: str, where: str) -> str:
    from linter.config.presets import find_preset
    from linter.config.settings import ConfigError

    try:
        return find_preset(name).name
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _serve() -> int:
    try:
        from linter.server.lsp import serve
    except ImportError:
        raise _usage(
            f"the language server needs pygls: {sys.executable} -m pip install 'pygls>=2,<3'"
        ) from None
    return serve()


def _init(args: argparse.Namespace, main: Main) -> int:
    """Write a starting config, say why, then check the site with it."""
    from linter.adopting.init import InitError, plan_cms, plan_site, write_plan

    folder: Path = args.folder
    if not folder.is_dir():
        raise _usage(f"init: {folder} is not a folder")
    try:
        plan = plan_cms(folder, args.source) if args.source else plan_site(folder)
        target = plan.folder or folder
        written = write_plan(plan, target, args.force)
    except InitError as exc:
        raise _usage(f"init: {exc}") from None
    from linter.reporting.escape import one_line

    # field names and paths come from content files: no terminal escape, no forged line
    sys.stdout.writelines(f"{one_line(line)}\n" for line in plan.said)
    print(f"wrote {', '.join(str(target / name) for name in written)}")
    if not plan.check_paths:
        return EXIT_OK
    checked = list(dict.fromkeys(plan.check_paths))  # as a plain `check` of the folder would run
    print(f"checking: content-lint check {' '.join(checked)} --statistics", flush=True)
    return main(["check", "--output-format", "concise", "--statistics", *checked])
