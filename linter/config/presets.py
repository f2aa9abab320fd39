"""Presets shipped with content-lint: a schema, role bindings and rule settings per site format.

A preset is what a project would otherwise write in its config; its own `[roles]`, `[rules]`
and `severity` win over the preset's, key by key. `news-article` applies when nothing names
a preset. Each table here follows the format's published front-matter documentation.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from typing import Any

from linter.config.languages import LANGUAGE_TAG
from linter.config.roles import Roles, RoleSet, parse_roles
from linter.rules.fields import Binder


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
        # Hugo puts each language's aliases under its prefix (`/old/` in about.de.md is
        # /de/old/): translations in content/<lang>/ or about.<lang>.md are compared apart.
        # (A `url` with a leading slash gets no prefix, so two translations sharing one are
        # a clash this scope does not see.)
        "identity-scope": {
            "path": rf"^content/({LANGUAGE_TAG})/|^content/(?:.*/)?[^/]+\.({LANGUAGE_TAG})\.\w+$"
        },
        "images": ["/images/*", "/cover/image", "/params/images/*"],
        "image-folders": ["static", "assets"],
        "title": ["/title", "/linkTitle"],
        "description": ["/description", "/summary"],
        "texts": ["/tags/*", "/categories/*", "/keywords/*"],
        "tags": ["/tags", "/categories", "/keywords"],
        "date-forms": "hugo",
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
        "date-forms": "jekyll",
        # A post's date comes from its file name (Jekyll's DATE_FILENAME_MATCHER) unless
        # `date` overrides it.
        "file-date": {
            "path": r"(?:^|/)_posts/(?:.+/)?(\d{2,4}-\d{1,2}-\d{1,2})-[^/]*\.[^./]+$",
            "at": "/date",
        },
    },
    rules={"image-file-mismatch": {}},
)

#: Docusaurus: slugs are compared per plugin folder (`docs`, `blog`, a docs version, a
#: translation under `i18n/<locale>/<plugin>/<version>`), as each is its own URL space.
DOCUSAURUS = Preset(
    "docusaurus",
    "Docusaurus docs and blog posts (plugin-content-docs and plugin-content-blog front matter)",
    "docusaurus.schema.json",
    {
        "published": "/date",
        "dates": ["/date", "/last_update/date"],
        "future": ["/date", "/last_update/date"],
        "date-order": [["/date", "/last_update/date"]],
        "links": ["/slug"],
        "identity": ["/slug"],
        "identity-scope": {"path": r"^(i18n/[^/]+/[^/]+/[^/]+|versioned_docs/[^/]+|[^/]+)/"},
        # A doc's slug without a leading `/` is relative to its folder; a blog post's is not.
        "relative-identity": r"^(i18n/[^/]+/docusaurus-plugin-content-docs/[^/]+|versioned_docs/[^/]+|docs)/",
        "images": "/image",
        "image-folders": ["static"],
        "title": "/title",
        "description": "/description",
        "texts": ["/sidebar_label", "/pagination_label", "/keywords/*", "/tags/*", "/tags/*/label"],
        "tags": ["/tags", "/keywords"],
        "date-forms": "docusaurus",
    },
    rules={"image-file-mismatch": {}},
)

#: Starlight: a page's `slug` is unique within its locale folder (`src/content/docs/<locale>/`;
#: pages of the root locale share one scope); hero images are files next to the page, in
#: `src/assets/` or in `public/`.
STARLIGHT = Preset(
    "starlight",
    "Astro Starlight docs pages (its documented frontmatter; extra keys allowed)",
    "starlight.schema.json",
    {
        "dates": "/lastUpdated",
        "future": "/lastUpdated",
        "urls": "/editUrl",
        "links": ["/slug", "/hero/actions/*/link", "/prev/link", "/next/link"],
        # A slug is the page's id from the docs root, its locale included (`fr/guides/start`):
        # Starlight takes the locale from the first segment, so slugs are compared site-wide.
        "identity": "/slug",
        "images": ["/hero/image/file", "/hero/image/dark", "/hero/image/light"],
        "image-folders": ["src/assets", "public"],
        "title": "/title",
        "description": "/description",
        "texts": ["/sidebar/label", "/sidebar/badge", "/sidebar/badge/text"],
        "date-forms": "starlight",
    },
    rules={"image-file-mismatch": {}},
)

PRESETS: dict[str, Preset] = {
    preset.name: preset for preset in (NEWS_ARTICLE, HUGO, JEKYLL, DOCUSAURUS, STARLIGHT)
}
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
