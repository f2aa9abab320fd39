"""Presets shipped with content-lint: a schema, role bindings and rule settings per site format,
plus where the framework keeps its pages and how it reads them (one module a framework).

A preset is what a project would otherwise write in its config; its own `[roles]`, `[rules]`
and `severity` win over the preset's, key by key. Without a config, the framework found on
disk picks the preset (`linter.config.projects`); `news-article` or `generic` apply where none is.
Each module follows its framework's published documentation and says where it could not tell.
"""

from __future__ import annotations

from linter.config.presets import (
    docusaurus,
    eleventy,
    generic,
    hugo,
    jekyll,
    mkdocs,
    news,
    starlight,
    vitepress,
    zola,
)
from linter.config.presets.model import Detector, Preset, Site
from linter.config.roles import Roles, RoleSet, parse_roles

NEWS_ARTICLE = news.PRESET
GENERIC = generic.PRESET

#: Every shipped preset by name. Detection asks them in this order: a more specific probe
#: first (Zola's `config.toml` before Hugo's legacy one).
PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        NEWS_ARTICLE,
        GENERIC,
        docusaurus.PRESET,
        starlight.PRESET,
        eleventy.PRESET,
        mkdocs.PRESET,
        vitepress.PRESET,
        jekyll.PRESET,
        zola.PRESET,
        hugo.PRESET,
    )
}
#: The preset of a project whose config names none (and of rules built without a project).
DEFAULT_PRESET = NEWS_ARTICLE.name


def detectors() -> list[tuple[str, Detector]]:
    """(preset name, probe) of every preset a framework's files can reveal, in probing order."""
    return [(name, preset.detect) for name, preset in PRESETS.items() if preset.detect is not None]


def find_preset(name: str) -> Preset:
    """The preset called `name`; ValueError naming the known ones otherwise."""
    preset = PRESETS.get(name)
    if preset is None:
        raise ValueError(f"unknown preset {name!r} (known: {', '.join(sorted(PRESETS))})")
    return preset


def preset_roles(name: str) -> Roles:
    """The roles a preset binds (not counted as the user's: no "matches nothing" warnings)."""
    roles = parse_roles(find_preset(name).roles, Roles(RoleSet(), RoleSet()))
    return roles._replace(explicit=())


__all__ = ["DEFAULT_PRESET", "GENERIC", "NEWS_ARTICLE", "PRESETS", "Preset", "Site", "find_preset"]
