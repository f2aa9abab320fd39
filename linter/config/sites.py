"""Find the sites around a folder: its own framework, its parents' and, for monorepos, its
subfolders' (`website/`, `docs/`). Names and bounded heads are read, nothing is run."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from pathlib import Path

from linter.config.presets import detectors
from linter.config.presets.model import Site

#: How deep below a checked folder a monorepo keeps its sites (`website/`, `apps/docs/`).
NESTED_DEPTH = 2
#: Folders never looked into for a nested site: dependencies, build output, VCS data.
NOT_SITES = frozenset({"node_modules", "vendor", "dist", "build", "public", "_site", "target"})


def detect_site(folder: Path) -> Site | None:
    """The framework of the site whose root is `folder`, or None when nothing known is there."""
    for _, probe in detectors():
        site = probe(folder)
        if site is not None:
            return site
    return None


def stop_folder(folder: Path) -> bool:
    """A work tree's top (`.git` inside): owners are not looked for above it."""
    return os.path.lexists(folder / ".git")


def nested_folders(top: Path, depth: int = NESTED_DEPTH) -> Iterator[Path]:
    """Subfolders of `top` down to `depth`, sorted, skipping hidden and dependency folders
    and never following a link."""
    if depth <= 0:
        return
    try:
        names = sorted(entry.name for entry in os.scandir(top) if entry.is_dir(follow_symlinks=False))
    except OSError:
        return
    for name in names:
        if name.startswith((".", "_")) or name in NOT_SITES:
            continue
        child = top / name
        yield child
        yield from nested_folders(child, depth - 1)


def describe(site: Site, cwd: Path) -> str:
    """ "a Docusaurus site (website/docs, website/blog)": where its pages are, from `cwd`."""
    base = _relative(site.root, cwd)
    where = [posixpath.normpath(posixpath.join(base, folder)) for folder in site.folders] or [base]
    return f"{_article(site.framework)} {site.framework} site ({', '.join(where)})"


def _relative(path: Path, cwd: Path) -> str:
    try:
        return path.relative_to(cwd).as_posix() or "."
    except ValueError:
        return str(path)


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"
