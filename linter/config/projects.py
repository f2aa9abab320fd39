"""Which settings govern each path of a run: the nearest config file above it (as ruff finds
them), else the site framework found around it, else a default chosen from the files.

A run from a repository root thus checks `website/` under `website/content-lint.toml`, or as
the Docusaurus site `website/docusaurus.config.js` reveals; a folder that holds sites below it
leaves their subtrees to them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from linter.config.presets import find_preset
from linter.config.presets.model import Site
from linter.config.settings import Config, config_file_in, load_config
from linter.config.sites import detect_site, nested_folders, stop_folder


@dataclass(frozen=True)
class Owner:
    """What governs a folder's files: a config file, a detected site, or neither (`root` then
    is the working folder and the preset is chosen from the files)."""

    root: Path
    config_file: Path | None = None
    site: Site | None = None


@dataclass(frozen=True)
class Project:
    """A part of a run with one config: the paths to walk and the subtrees left to others."""

    owner: Owner
    config: Config
    paths: tuple[str, ...]

    @property
    def site(self) -> Site | None:
        return self.owner.site


def plan_projects(paths: Sequence[str], cwd: Path, explicit: Path | None = None) -> list[Project]:
    """The projects the given paths belong to, in the order first met; `--config` makes one."""
    if explicit is not None:
        root = explicit.resolve().parent
        owner = Owner(root, explicit, detect_site(root))
        return [Project(owner, _config(owner, cwd), tuple(paths))]
    found = _Finder(cwd)
    claims: dict[Owner, list[str]] = {}
    for given in paths:
        absolute = Path(os.path.abspath(given))
        folder = absolute if os.path.isdir(given) else absolute.parent
        owner = found.owner(folder)
        inner = found.nested(absolute) if os.path.isdir(given) else []
        for nested in inner:
            claims.setdefault(nested, []).append(_shown(nested.root, cwd))
        if inner and owner is found.default:
            continue  # a repository holding sites: its other files are not pages
        claims.setdefault(owner, []).append(given)
    return [_project(owner, given, claims, cwd) for owner, given in claims.items()]


def project_config(explicit: Path | None, cwd: Path) -> Config:
    """The config in force in `cwd` (`rules`, `rule X`, `clean`): the one named, the nearest
    file, else the framework found here or above, else the defaults."""
    if explicit is not None:
        return plan_projects([], cwd, explicit)[0].config
    finder = _Finder(cwd)
    return _config(finder.owner(cwd), cwd)


def project_of(path: Path) -> Project | None:
    """The project a single file belongs to when a config file or a detected framework covers
    it (the editor's question); None for a stray file, which an editor leaves alone."""
    finder = _Finder(path.parent)
    owner = finder.owner(path.parent)
    if owner is finder.default:
        return None
    return Project(owner, _config(owner, path.parent), (str(path),))


def _project(owner: Owner, given: list[str], claims: dict[Owner, list[str]], cwd: Path) -> Project:
    """The owner's config, with the subtrees of owners nested in it excluded from its walk."""
    config = _config(owner, cwd)
    nested = [
        other.root.relative_to(owner.root).as_posix()
        for other in claims
        if other is not owner and owner.root in other.root.parents
    ]
    if nested:
        config = replace(config, extend_exclude=(*config.extend_exclude, *(f"/{n}/" for n in nested)))
    return Project(owner, config, tuple(dict.fromkeys(given)))


def _config(owner: Owner, cwd: Path) -> Config:
    """The owner's config file; a detected framework fills in a preset it does not name, and
    its pages where the config names that framework's preset (they are read from the
    framework's own files on every run, as the framework reads them)."""
    site = owner.site
    config = load_config(owner.config_file, cwd) if owner.config_file else Config(root=owner.root)
    if site is None or config.schema is not None or config.types or config.preset not in (None, site.preset):
        return config
    content = None if site.content == find_preset(site.preset).content else site.content
    return replace(config, preset=site.preset, content=config.content or content)


def _shown(folder: Path, cwd: Path) -> str:
    """A folder as the user would type it from `cwd` (paths in findings stay relative)."""
    try:
        return folder.relative_to(cwd).as_posix() or "."
    except ValueError:
        return str(folder)


class _Finder:
    """Owner look-ups, each folder asked once (a pre-commit batch shares its folders)."""

    def __init__(self, cwd: Path) -> None:
        self.default = Owner(cwd)
        self._owners: dict[Path, Owner | None] = {}

    def owner(self, folder: Path) -> Owner:
        """The nearest owner at or above `folder`, up to the work tree's top."""
        for level in (folder, *folder.parents):
            found = self._at(level)
            if found is not None:
                return found
            if stop_folder(level):
                break
        return self.default

    def nested(self, top: Path) -> list[Owner]:
        """Owners in subfolders of `top` (monorepos); an owner's own subfolders are its."""
        inner: list[Owner] = []
        for folder in nested_folders(top):
            if any(o.root in folder.parents for o in inner):
                continue
            found = self._at(folder)
            if found is not None:
                inner.append(found)
        return inner

    def _at(self, folder: Path) -> Owner | None:
        if folder not in self._owners:
            config_file = config_file_in(folder)
            site = detect_site(folder)
            self._owners[folder] = Owner(folder, config_file, site) if config_file or site else None
        return self._owners[folder]


#: How many files the default preset is chosen from, and how much of each is read.
SNIFF_FILES, SNIFF_BYTES = 40, 64 * 1024
#: The key that marks a news article (its schema requires it; no framework uses the name).
NEWS_KEY = b"publishedDateTime"


def default_preset(files: Sequence[str]) -> str:
    """`news-article` when most files carry its required keys (the project's first format),
    else `generic`: no framework was found, and a site is not a news feed by default."""
    from linter.config.presets import GENERIC, NEWS_ARTICLE
    from linter.reading.bounded import read_regular_file

    sample = files[:SNIFF_FILES]
    news = 0
    for path in sample:
        try:
            head = read_regular_file(path, SNIFF_BYTES, truncate=True)
        except (OSError, ValueError):
            continue
        news += NEWS_KEY in head
    return NEWS_ARTICLE.name if sample and news * 2 >= len(sample) else GENERIC.name


def covers_project(project: Project) -> bool:
    """The run walks a folder of the project, or was given its config file: then a role
    binding that matches no file is worth a word (FM011). A batch of files named one by one
    (pre-commit) rarely holds every bound field, so it never judges bindings."""
    for given in project.paths:
        if os.path.isdir(given) or Path(os.path.abspath(given)) == project.owner.config_file:
            return True
    return False
