"""Presets shipped with content-lint: a schema, role bindings and rule settings per site format.

A preset is what a project would otherwise write in its config; its own `[roles]`, `[rules]`
and `severity` win over the preset's, key by key. `news-article` applies when nothing names
a preset. Each table here follows the format's published front-matter documentation.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from typing import Any

from linter.fields import Binder
from linter.roles import Roles, RoleSet, parse_roles


@dataclass(frozen=True)
class Preset:
    name: str
    summary: str
    schema: str  # file name in the shipped schemas folder
    roles: dict[str, Any]
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)


NEWS_ARTICLE = Preset(
    "news-article",
    "News articles as a feed publishes them (the default)",
    "article.schema.json",
    {
        "published": "/publishedDateTime",
        "dates": "/*DateTime",
        "future": "/publishedDateTime",
        "date-order": [["/publishedDateTime", "/updatedDateTime"]],
        "urls": ["/originalUrl", "/webUrl", "/images/*/url"],
        "identity": ["/webUrl", "/originalUrl"],
        "images": [
            {"at": "/images/*", "src": "url", "width": "width", "height": "height", "cached": "isCached"}
        ],
        "title": "/title",
        "description": "/excerpt",
        "texts": ["/category", "/type", "/provider/name", "/topics/*"],
        "tags": "/topics",
        "provider": {"domain": "/provider/domain", "url": "/webUrl"},
        "secured": "/secured",
        "items": "/related/*",
        "date-forms": "rfc3339",
    },
)

HUGO = Preset(
    "hugo",
    "Hugo pages (gohugo.io front matter; custom keys allowed, as Hugo passes them to .Params)",
    "hugo.schema.json",
    {
        "published": ["/date", "/publishDate"],
        "dates": ["/date", "/lastmod", "/publishDate", "/expiryDate"],
        "future": ["/date", "/lastmod", "/publishDate"],
        "date-order": [["/date", "/lastmod"], ["/date", "/expiryDate"], ["/publishDate", "/expiryDate"]],
        "links": ["/url", "/aliases/*"],
        "identity": ["/url", "/aliases/*"],
        "images": ["/images/*", "/cover/image", "/params/images/*"],
        "image-folders": ["static", "assets"],
        "title": ["/title", "/linkTitle"],
        "description": ["/description", "/summary"],
        "texts": ["/tags/*", "/categories/*", "/keywords/*"],
        "tags": ["/tags", "/categories", "/keywords"],
    },
    rules={"image-file-mismatch": {}},
)

JEKYLL = Preset(
    "jekyll",
    "Jekyll posts and pages (with jekyll-seo-tag, redirect-from and last-modified-at)",
    "jekyll.schema.json",
    {
        "published": "/date",
        "dates": ["/date", "/last_modified_at"],
        "future": ["/date", "/last_modified_at"],
        "date-order": [["/date", "/last_modified_at"]],
        "links": ["/permalink", "/redirect_from", "/redirect_from/*"],
        "identity": ["/permalink", "/redirect_from", "/redirect_from/*"],
        "images": [{"at": "/image", "src": "path", "width": "width", "height": "height"}],
        "image-folders": ["."],
        "title": "/title",
        "description": ["/description", "/excerpt"],
        "texts": ["/tags/*", "/categories/*"],
        "tags": ["/tags", "/categories"],
    },
    rules={"image-file-mismatch": {}},
)

PRESETS: dict[str, Preset] = {preset.name: preset for preset in (NEWS_ARTICLE, HUGO, JEKYLL)}
DEFAULT_PRESET = NEWS_ARTICLE.name


def find_preset(name: str) -> Preset:
    """The preset called `name`; ValueError naming the known ones otherwise."""
    preset = PRESETS.get(name)
    if preset is None:
        raise ValueError(f"unknown preset {name!r} (known: {', '.join(sorted(PRESETS))})")
    return preset


def preset_roles(name: str) -> Roles:
    """The roles a preset binds (not counted as the user's: no "matches nothing" warnings)."""
    roles = parse_roles(find_preset(name).roles, Roles(RoleSet(), RoleSet()))
    return replace(roles, explicit=())


@functools.lru_cache(maxsize=1)
def default_binder() -> Binder:
    """The news-article bindings, for rules built without a content type (tests, embedders)."""
    return Binder(preset_roles(DEFAULT_PRESET))
