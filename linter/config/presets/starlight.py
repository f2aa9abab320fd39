"""Astro Starlight docs pages (Starlight 0.3x on Astro 5; its documented frontmatter).

Content folders: pages are the entries of the `docs` content collection, `src/content/docs/`
(Starlight's `docsLoader()` reads no other folder). Its glob is `**/[^_]*.{markdown,mdown,
mkdn,mkd,mdwn,md,mdx}`, plus `.mdoc` when the `@astrojs/markdoc` integration is in the Astro
config: a file whose name starts with `_` is not an entry, but a folder's `_` does not hide
its files. A legacy collection (Astro 4: `src/content/config.ts` without `docsLoader()`)
leaves out `_` folders too. A README inside the docs folder is a page like any other.

Front matter: Astro reads it from the first `---` line, after any blank lines, as YAML (or
TOML between `+++` lines, which Astro 5 reads too); it is required, as `title` is. Unknown keys
are dropped by Starlight's zod schema (or read by a project's schema extension), so they are
allowed; `prev` and `next` are strict.

Routing: an entry's id is its path below `src/content/docs/` (without extension, slugified),
or its `slug`; Starlight reads the locale from the id's first segment (`fr/guides/start`), so
every slug is compared with every other, locales included: a translation's slug without its
locale prefix is the root locale's page. The `locales` of the Starlight config (and a `root`
locale, whose pages sit directly in the docs folder) change neither which files are pages nor
how slugs compare. An explicit `slug` equal to another page's path-derived id is not compared
(Astro keeps one of the two); a `docsLoader({ generateId })` of the project's own makes ids
content-lint cannot know. Hero images: a path relative to the page, `~/` (src) or a tsconfig
alias (see the images rules). Dates: `lastUpdated` (see the dates rules).
"""

from __future__ import annotations

from pathlib import Path

from linter.config.presets.model import SITE_RULES, Preset, Site
from linter.config.presets.probe import existing, head, is_file
from linter.reading.frontmatter import LOOSE_FENCES

CONFIG_SUFFIXES = ("mjs", "js", "ts", "mts", "cjs")
DOCS = "src/content/docs"
EXTENSIONS = ("md", "mdx", "markdown", "mdown", "mkdn", "mkd", "mdwn", "mdoc")
#: Entries whose file name starts with `_` are not pages (`docsLoader()`'s glob).
PARTIAL_FILES = tuple(f"!**/_*.{suffix}" for suffix in EXTENSIONS)
CONTENT_CONFIGS = tuple(
    f"src/{name}.{suffix}"
    for name in ("content.config", "content/config")
    for suffix in ("ts", "mts", "js", "mjs")
)


def detect(folder: Path) -> Site | None:
    """An `astro.config.*` that names Starlight (read, bounded, never run)."""
    for suffix in CONFIG_SUFFIXES:
        name = f"astro.config.{suffix}"
        text = head(folder / name) if is_file(folder / name) else b""
        if b"starlight" in text:
            content = (f"{DOCS}/**", *_left_out(folder, text))
            folders = existing(folder, DOCS)
            return Site("Astro Starlight", PRESET.name, f"{name} uses Starlight", folder, content, folders)
    return None


def _left_out(folder: Path, astro_config: bytes) -> tuple[str, ...]:
    """What the docs folder holds that is no entry: `_` files (and folders, in a legacy
    collection), `.mdoc` files without the Markdoc integration."""
    found = [*PARTIAL_FILES, "!**/node_modules/**"]
    config = next((name for name in CONTENT_CONFIGS if is_file(folder / name)), None)
    if config is not None and b"docsLoader" not in head(folder / config):
        found.append("!**/_*/**")
    if b"markdoc" not in astro_config:
        found.append("!**/*.mdoc")
    return tuple(found)


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
    include=tuple(f"*.{suffix}" for suffix in EXTENSIONS),
    content=(f"{DOCS}/**", *PARTIAL_FILES, "!**/node_modules/**"),
    fences=("yaml", "toml", LOOSE_FENCES),
    detect=detect,
)
