"""Docusaurus docs, blog posts and Markdown pages (plugin-content-docs, -blog and -pages).

Pages are `.md`/`.mdx` files under `docs/`, `blog/`, `src/pages/`, `versioned_docs/` and the
translations in `i18n/`; files and folders whose name starts with `_` are partials, never
pages. Front matter is YAML and optional (a doc's title then comes from its first heading).
"""

from __future__ import annotations

from pathlib import Path

from linter.config.presets.model import NOT_PAGES, SITE_RULES, Preset, Site
from linter.config.presets.probe import existing, first_file

PAGES = ("docs/**", "blog/**", "src/pages/**", "versioned_docs/**", "i18n/**", "!**/_*")


def detect(folder: Path) -> Site | None:
    name = first_file(folder, *(f"docusaurus.config.{s}" for s in ("js", "ts", "mjs", "cjs", "mts")))
    if name is None:
        return None
    folders = existing(folder, "docs", "blog", "versioned_docs", "src/pages")
    return Site("Docusaurus", PRESET.name, name, folder, PRESET.content, folders)


#: Slugs are compared per plugin folder (`docs`, `blog`, a docs version, a translation under
#: `i18n/<locale>/<plugin>/<version>`), as each is its own URL space.
PRESET = Preset(
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
        # Only a `./` path is taken from beside the file (the mdx-loader's front-matter assets);
        # any other goes through `useBaseUrl`, so it is a site path served from static/ (`@site/`
        # is not resolved there: it is a webpack alias of imports, not of front matter).
        "image-folders": ["static"],
        "image-relative": "dot-page",
        "title": "/title",
        "description": "/description",
        "texts": ["/sidebar_label", "/pagination_label", "/keywords/*", "/tags/*", "/tags/*/label"],
        "tags": ["/tags", "/keywords"],
        "date-forms": "docusaurus",
    },
    rules={"image-file-mismatch": {}, **SITE_RULES},
    framework="Docusaurus",
    include=("*.md", "*.mdx"),
    content=(*PAGES, *NOT_PAGES),
    fences=("yaml",),
    front_matter_optional=True,
    detect=detect,
)
