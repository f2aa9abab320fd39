"""One project of a `check` run: its config with the command line over it, its files, its
engine, and the line that says how it was checked when no config file chose that."""

from __future__ import annotations

import argparse
import itertools
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from linter.cli_args import config_with_arguments
from linter.config import precommit
from linter.config.default_preset import SNIFF_FILES, default_preset
from linter.config.presets import DEFAULT_PRESET
from linter.config.projects import Project, covers_project
from linter.config.settings import Config, ConfigError
from linter.config.sites import describe
from linter.findings import Finding
from linter.rules.selection import Selection, unknown_selector
from linter.running.cache import DEFAULT_FOLDER
from linter.running.discovery import FileFilter, Source, discover
from linter.running.engine import Engine, Report, build_engine
from linter.running.folder_listings import FolderMemo
from linter.running.gc_pause import collector_paused
from linter.running.parallel import AUTO_JOBS
from linter.running.runner import RunOptions, open_cache

if TYPE_CHECKING:
    from linter.reporting.settings_view import FileSettings


class ProjectRun:
    """Built before any file is linted; `report` is filled by the run (and replaced by the
    fresh run that follows --fix). A plain class: a dataclass would import `dataclasses`."""

    __slots__ = ("config", "engine", "filters", "notice", "options", "project", "report", "sources")

    def __init__(
        self,
        project: Project,
        config: Config,
        engine: Engine,
        filters: FileFilter,
        options: RunOptions,
        sources: list[Source],
        notice: str,
        report: Report | None = None,
    ) -> None:
        self.project = project
        self.config = config
        self.engine = engine
        self.filters = filters
        self.options = options
        self.sources = sources
        self.notice = notice
        self.report = report

    @classmethod
    def start(cls, args: argparse.Namespace, project: Project, cwd: Path) -> ProjectRun:
        config = config_with_arguments(project.config, args)
        chosen = config.preset is None and project.owner.config_file is None and project.site is None
        filters = file_filter(config)
        if chosen:  # the files decide the preset, and with it the engine and its cache
            sources = list(discover(project.paths, filters, args.force_exclude))
            config = config._replace(preset=default_preset(_sample(project, sources, filters)))
            if config.preset != DEFAULT_PRESET:  # the walk above took the default's files
                filters = file_filter(config)
                sources = list(discover(project.paths, filters, args.force_exclude))
        selection(config)
        options = run_options(args, config, covers_project(project))
        engine = build_engine(config, paths=filters.paths)  # the project paths discovery works out
        if not chosen:
            sources = _walked(args, project, engine, filters, options)
        return cls(project, config, engine, filters, options, sources, _notice(project, config, cwd))

    @property
    def files_checked(self) -> int:
        return self.report.files_checked if self.report else 0

    @property
    def findings(self) -> Sequence[Finding]:
        return self.report.findings if self.report else ()

    def fix(self, args: argparse.Namespace) -> int:
        """Apply the fixes asked for; the report left is a fresh run's. How many were fixed."""
        from linter.cli_fix import apply_fixes
        from linter.running.runner import run_check

        if self.report is None:
            return 0

        def rerun() -> Report:
            return run_check(self.engine, self.sources, self.filters, self.options)

        self.report, fixed = apply_fixes(self.engine, self.report, args, rerun)
        return fixed

    def settings_of(self, path: str) -> FileSettings:
        """What applies to `path` in this project, each role with the layer that bound it."""
        from linter.config.presets import find_preset
        from linter.reporting.settings_view import FileSettings, RoleSource

        config, engine = self.config, self.engine
        applies = engine.content_type_of(path)
        entry = None if applies is engine.top else applies.entry
        where = str(config.source) if config.source else "none"
        layers = [RoleSource(f"preset {applies.preset}", find_preset(applies.preset).roles)]
        layers.append(RoleSource(f"{where} [roles]", config.roles))
        if entry is not None:
            layers.append(RoleSource(f"{where} [[types]] {entry.name}", entry.roles))
        rules = [
            (rule.code, rule.name, engine.selection.severity(rule.code) or "off", rule.settings)
            for rule in applies.rules
        ]
        return FileSettings(
            path=path,
            config=where if config.source else self.notice or "none (news-article default)",
            root=str(config.root),
            content_type=entry.name if entry else "(top level)",
            preset=applies.preset,
            schema=str(applies.schema.path),
            pages=config.content_patterns,
            fences=applies.flavours,
            front_matter="optional" if applies.front_matter_optional else "required",
            roles=layers,
            rules=rules,
        )

    def skipped(self) -> Iterator[tuple[str, str]]:
        """Files an include-only walk finds that are not pages, with the reason (--show-files)."""
        if self.filters.content is None:
            return
        taken = {s.path for s in self.sources}
        walked = self.filters
        everything = FileFilter(walked.include, walked.exclude, walked.root, walked.respect_gitignore)
        reason = (
            "matches no [[types]] paths"
            if self.config.types and self.config.content is None
            else f"not a page of the {self.config.preset_name} preset's content folders"
        )
        for source in discover(self.project.paths, everything):
            if source.problem is None and source.path not in taken:
                yield source.path, reason


def _walked(
    args: argparse.Namespace, project: Project, engine: Engine, filters: FileFilter, options: RunOptions
) -> list[Source]:
    """The project's files, the folders unchanged since a run listed them recalled from its
    cache (folder_listings.py) when a folder is walked (not for files named one by one, as
    pre-commit passes them), the run goes on to check them (not for --show-files or
    --show-settings, which never open the cache) and the cache folder exists (a first run has
    nothing to recall); the listings it made are kept there for the next run."""
    cache = None
    listing_only = getattr(args, "show_files", False) or getattr(args, "show_settings", False)
    walks = any(os.path.isdir(path) for path in project.paths)
    if options.cache_folder is not None and options.cache_folder.is_dir() and walks and not listing_only:
        cache = open_cache(engine, options.cache_folder, lambda line: None)  # the run says why
    memo = FolderMemo(cache.folders(), filters.memo_key()) if cache is not None else None
    with collector_paused(freeze=True):  # 100,000 Sources, no cycle: see gc_pause.py
        sources = list(discover(project.paths, filters, args.force_exclude, memo))
    if cache is not None and memo is not None and memo.fresh:
        cache.store_folders(memo.fresh)
    if cache is not None:
        cache.close()
    return sources


def _sample(project: Project, sources: list[Source], filters: FileFilter) -> list[str]:
    """The files the default preset is chosen from: the folders walked, or, for files named one
    by one (a pre-commit batch), those files and the pages beside them, so every batch from
    one folder gets the same preset whatever it holds."""
    given = [s.path for s in sources if s.problem is None]
    if any(os.path.isdir(path) for path in project.paths):
        return given
    beside = (
        path
        for folder in dict.fromkeys(os.path.dirname(p) or "." for p in given)
        for path in _pages_in(folder, filters)
    )
    return list(dict.fromkeys(itertools.chain(given, itertools.islice(beside, SNIFF_FILES))))[:SNIFF_FILES]


def _pages_in(folder: str, filters: FileFilter) -> list[str]:
    """The pages directly in `folder` (no walk below it, no link followed)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    return [
        os.path.normpath(entry.path)
        for entry in entries
        if entry.is_file(follow_symlinks=False)
        and filters.included(entry.name)
        and filters.is_content(entry.path)
    ]


def file_filter(config: Config) -> FileFilter:
    return FileFilter.build(
        *config.file_patterns, config.root, config.respect_gitignore, config.content_patterns
    )


def selection(config: Config) -> Selection:
    """The config's rule selection, its selectors checked first (a one-line error otherwise)."""
    where = str(config.source) if config.source else "command line"
    for key, selectors in (
        ("select", config.select),
        ("ignore", config.ignore),
        ("severity", config.severity),
    ):
        problem = unknown_selector(selectors)
        if problem is not None:
            raise ConfigError(f"{where}: {key}: {problem}")
    return Selection.build(config.select, config.ignore, config.severity, config.rules)


def run_options(args: argparse.Namespace, config: Config, whole_project: bool) -> RunOptions:
    import sys

    return RunOptions(
        jobs=args.jobs or config.jobs or AUTO_JOBS,
        cache_folder=cache_folder(config, args.cache_dir) if config.cache else None,
        content_roots=precommit.content_roots(config, os.environ),
        paths=tuple(args.paths),
        notice=lambda line: print(f"content-lint: {line}", file=sys.stderr),
        whole_project=whole_project,
    )


def cache_folder(config: Config, requested: Path | None) -> Path:
    return (requested.resolve() if requested else None) or config.cache_dir or config.root / DEFAULT_FOLDER


def _notice(project: Project, config: Config, cwd: Path) -> str:
    """How a project without a config file was checked, and how to pin it."""
    if project.owner.config_file is not None:
        return ""
    if project.site is not None:
        where = describe(project.site, cwd)
        return f"checked as {where}; `content-lint init` pins this in content-lint.toml"
    if config.preset_name != "generic":
        return ""  # news articles: the project's first format, checked as ever
    return (
        "no config and no known site framework found: checked with the `generic` preset"
        " (conventional keys, none required); `content-lint init` writes a config"
    )
