"""Tell which site framework a folder holds, from the files each framework documents.

Used by `content-lint init` to pick a preset, and by `check` to say, when no config exists,
which preset would fit. Only names are looked at, except Astro's config, whose first bytes are
read (bounded, never run) to see whether it uses Starlight.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from linter.reading.bounded import read_regular_file

ASTRO_CONFIG_BYTES = 64 * 1024


@dataclass(frozen=True)
class Site:
    """A detected framework: its preset, the evidence, and where its content lives."""

    framework: str
    preset: str
    evidence: str
    content: tuple[str, ...]


def detect_site(folder: Path) -> Site | None:
    """The framework of the site in `folder`, or None when nothing known is there."""
    for probe in (_hugo, _jekyll, _docusaurus, _starlight):
        site = probe(folder)
        if site is not None:
            return site
    return None


def preset_hint(folders: Sequence[Path]) -> str | None:
    """Without a config the news-article default applies: the line saying which preset fits
    the first of `folders` that looks like a known site, and that `init` writes a config."""
    from linter.config.presets import PRESETS

    for folder in dict.fromkeys(folders):
        site = detect_site(folder)
        if site is not None:
            writes = f"for the `{site.preset}` preset" if site.preset in PRESETS else "from its front matter"
            return (
                f"no config found; {folder} looks like a {site.framework} site ({site.evidence}):"
                f" `content-lint init` writes a config {writes}"
            )
    return None


def _hugo(folder: Path) -> Site | None:
    for name in ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"):
        if _is_file(folder / name):
            return Site("Hugo", "hugo", name, _existing(folder, "content"))
    if _is_dir(folder / "config" / "_default"):
        return Site("Hugo", "hugo", "config/_default/", _existing(folder, "content"))
    for name in ("config.toml", "config.yaml", "config.yml"):
        if _is_file(folder / name) and (_is_dir(folder / "content") or _is_dir(folder / "archetypes")):
            return Site("Hugo", "hugo", f"{name} beside content/", _existing(folder, "content"))
    return None


def _jekyll(folder: Path) -> Site | None:
    for name in ("_config.yml", "_config.yaml"):
        if _is_file(folder / name):
            return Site("Jekyll", "jekyll", name, _existing(folder, "_posts", "_drafts", "docs", "_docs"))
    return None


def _docusaurus(folder: Path) -> Site | None:
    for suffix in ("js", "ts", "mjs", "cjs", "mts"):
        name = f"docusaurus.config.{suffix}"
        if _is_file(folder / name):
            return Site("Docusaurus", "docusaurus", name, _existing(folder, "docs", "blog"))
    return None


def _starlight(folder: Path) -> Site | None:
    for suffix in ("mjs", "js", "ts", "mts", "cjs"):
        name = f"astro.config.{suffix}"
        if _is_file(folder / name) and b"starlight" in _head(folder / name):
            return Site(
                "Astro Starlight",
                "starlight",
                f"{name} uses Starlight",
                _existing(folder, "src/content/docs"),
            )
    return None


def _existing(folder: Path, *names: str) -> tuple[str, ...]:
    return tuple(name for name in names if _is_dir(folder / name))


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _head(path: Path) -> bytes:
    """The first bytes of a regular file (no FIFO is ever opened for reading)."""
    try:
        return read_regular_file(path, ASTRO_CONFIG_BYTES, truncate=True)
    except (OSError, ValueError):
        return b""
