"""Which settings govern each path of a run: the nearest config file above it (as ruff finds
them), else the site framework found around it, else a default chosen from the files.

A run from a repository root thus checks `website/` under `website/content-lint.toml`, or as
the Docusaurus site `website/docusaurus.config.js` reveals; a folder that holds sites below it
leaves their subtrees to them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from linter.config.presets import find_preset
from linter.config.presets.model import Site
from linter.config.presets.probe import is_dir
from linter.config.settings import Config, config_file_in, load_config
from linter.config.sites import detect_site, nested_folders, stop_folder
from linter.records import NamedTuple


class Owner(NamedTuple):
    """What governs a folder's files: a config file, a detected site, or neither (`root` then
    is the working folder and the preset is chosen from the files). A dict key of a plan."""

    root: Path
    config_file: Path | None = None
    site: Site | None = None


class Project(NamedTuple):
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
    holders: list[str] = []  # folders given that hold sites below them
    for given in paths:
        absolute = Path(os.path.abspath(given))
        folder = absolute if os.path.isdir(given) else absolute.parent
        owner = found.owner(folder)
        inner = found.nested(absolute) if os.path.isdir(given) else []
        for nested in inner:
            claims.setdefault(nested, []).append(_shown(nested.root, cwd))
        if inner and owner is found.default:
            holders.append(given)
        claims.setdefault(owner, []).append(given)
    _claim_outside(claims, cwd, found)
    loose = [p for p in claims.get(found.default, []) if p not in holders]
    if found.default in claims:  # a repository holding sites: its other files are not pages
        claims[found.default] = loose
        if not loose:
            del claims[found.default]
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


def _outside(owner: Owner) -> list[Path]:
    """The page folders a site reads from outside its root (`website/../docs`)."""
    site = owner.site
    return [Path(os.path.normpath(owner.root / folder)) for folder in site.outside] if site else []


def _claim_outside(claims: dict[Owner, list[str]], cwd: Path, found: _Finder) -> None:
    """A site's page folders outside its root go to the site: a path given inside one, or the
    whole folder when a path given to another owner holds it (that owner then skips it).
    Files named one by one (a pre-commit batch) that no owner claims may be such pages of a
    site below the working folder."""
    if any(not os.path.isdir(path) for path in claims.get(found.default, ())):
        for inner in found.nested(cwd):
            if inner.site is not None and inner.site.outside:
                claims.setdefault(inner, [])
    for owner in [o for o in claims if o.site is not None and o.site.outside]:
        for folder in _outside(owner):
            for other, given in claims.items():
                if other is owner:
                    continue
                for path in list(given):
                    absolute = Path(os.path.abspath(path))
                    if absolute == folder or folder in absolute.parents:
                        given.remove(path)
                        claims[owner].append(path)
                    elif absolute in folder.parents and os.path.isdir(path) and is_dir(folder):
                        claims[owner].append(_shown(folder, cwd))
    for owner in [o for o, given in claims.items() if not given]:
        del claims[owner]


def _project(owner: Owner, given: list[str], claims: dict[Owner, list[str]], cwd: Path) -> Project:
    """The owner's config, with the subtrees of owners nested in it (and the page folders
    they read from outside their roots) excluded from its walk."""
    config = _config(owner, cwd)
    subtrees = [other.root for other in claims if other is not owner]
    subtrees += [folder for other in claims if other is not owner for folder in _outside(other)]
    nested = [
        folder.relative_to(owner.root).as_posix() for folder in subtrees if owner.root in folder.parents
    ]
    if nested:
        config = config._replace(extend_exclude=(*config.extend_exclude, *(f"/{n}/" for n in nested)))
    return Project(owner, config, tuple(dict.fromkeys(given)))


def _config(owner: Owner, cwd: Path) -> Config:
    """The owner's config file; a detected framework fills in a preset it does not name, and
    its pages where the config names that framework's preset (they are read from the
    framework's own files on every run, as the framework reads them)."""
    site = owner.site
    config = load_config(owner.config_file, cwd) if owner.config_file else Config(root=owner.root)
    if site is None or config.schema is not None:
        return config
    # The roles the site's own config implies (its languages) go under the user's roles.
    in_force = [kind.preset or config.preset for kind in config.types] or [config.preset or site.preset]
    if site.roles and set(in_force) == {site.preset}:
        config = config._replace(roles={**site.roles, **config.roles})
    if config.types or config.preset not in (None, site.preset):
        return config
    content = None if site.content == find_preset(site.preset).content else site.content
    return config._replace(preset=site.preset, content=config.content or content)


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


def covers_project(project: Project) -> bool:
    """The run walks a folder of the project, or was given its config file: then a role
    binding that matches no file is worth a word (FM011). A batch of files named one by one
    (pre-commit) rarely holds every bound field, so it never judges bindings."""
    for given in project.paths:
        if os.path.isdir(given) or Path(os.path.abspath(given)) == project.owner.config_file:
            return True
    return False
