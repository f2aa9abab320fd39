"""Astro Starlight docs pages (its documented frontmatter; extra keys allowed).

Pages are the `.md`, `.mdx` and `.mdoc` files of the `docs` content collection,
`src/content/docs/`; as in every Astro collection, names starting with `_` are not entries.
Front matter is YAML and required: every page needs a `title`.
"""

from __future__ import annotations

from pathlib import Path

from linter.config.presets.model import NOT_PAGES, SITE_RULES, Preset, Site
from linter.config.presets.probe import existing, head, is_file

CONFIG_SUFFIXES = ("mjs", "js", "ts", "mts", "cjs")


def detect(folder: Path) -> Site | None:
    """An `astro.config.*` that names Starlight (read, bounded, never run)."""
    for suffix in CONFIG_SUFFIXES:
        name = f"astro.config.{suffix}"
        if is_file(folder / name) and b"starlight" in head(folder / name):
            folders = existing(folder, "src/content/docs")
            return Site(
                "Astro Starlight", PRESET.name, f"{name} uses Starlight", folder, PRESET.content, folders
            )
    return None


#: A page's `slug` is unique within its locale folder (`src/content/docs/<locale>/`; pages of
#: the root locale share one scope); hero images are files next to the page, in `src/assets/`
#: or in `public/`.
PRESET = Preset(
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
        # Astro's `image()` resolves a path from the page, or through an alias: the project's
        # tsconfig.json (or jsconfig.json) `paths`, else `~/` for `src/` as Starlight's docs write it.
        # A site path (`/a.png`) is not what `image()` documents; it is accepted when found in
        # public/, src/assets/ or from the project root (as Vite resolves an import of `/src/...`).
        "image-folders": ["public", "src/assets", "."],
        "image-aliases": {"~/": "src/"},
        "image-alias-files": ["tsconfig.json", "jsconfig.json"],
        "image-relative": "page",
        # `hero.title` and `hero.tagline` are marketing copy that may hold HTML (Starlight
        # renders them with `set:html`): not the page's title or plain text.
        "title": "/title",
        "description": "/description",
        "texts": ["/sidebar/label", "/sidebar/badge", "/sidebar/badge/text"],
        "date-forms": "starlight",
    },
    rules={"image-file-mismatch": {}, **SITE_RULES},
    framework="Astro Starlight",
    include=("*.md", "*.mdx", "*.mdoc"),
    content=("src/content/docs/**", "!**/_*", *NOT_PAGES),
    fences=("yaml",),
    detect=detect,
)
