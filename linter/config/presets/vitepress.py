"""VitePress pages (vitepress.dev "Frontmatter Config" and the default theme; VitePress 1.6/2.0).

A site is a folder holding `.vitepress/config.*` or `.vitepress/config/index.*` (`js`, `ts`,
`cjs`, `mjs`, `cts`, `mts`), often `docs/` of a repository (found there from the repository's
root as a site one level down). Pages are
the `.md` files under `srcDir` (the site root unless the config sets it), as VitePress globs
them: `**/*.md` without `node_modules/`, `dist/`, names starting with `.` (so never
`.vitepress/`) and the config's `srcExclude` globs. `README.md` and `_`-prefixed files are
pages like any other; a dynamic route `[param].md` is the page template of every route its
`[param].paths.*` file lists, so its front matter is checked once.

Front matter: YAML between `---` lines (gray-matter), optional; every key reaches the page as
`$frontmatter`, so unknown keys are allowed. The schema types the documented keys: `title`,
`titleTemplate`, `description`, `head`, and the default theme's `layout` (`doc`, `home`,
`page`, a custom layout component's name, or false), `hero`, `features`, `navbar`, `sidebar`,
`aside`, `outline`, `lastUpdated`, `editLink`, `footer`, `pageClass`, `prev`/`next`, `search`.
`hero.name`/`text`/`tagline` are the home page's marketing lines (rendered as HTML), not the
page's title, and are not text-checked.

Dates: `lastUpdated` (true/false, or a date shown instead of the git time) and `date`, the key
blog indexes built with `createContentLoader` sort by (not a VitePress key: bound as the
published date by convention). Identity: none; a page's route is its file path (`rewrites`
live in the config).
"""

from __future__ import annotations

from pathlib import Path

from linter.config.presets.model import SITE_RULES, Preset, Site
from linter.config.presets.probe import first_file, literal

#: The config files VitePress looks for, in its order (`config/index.*` first).
CONFIG_NAMES = tuple(
    f".vitepress/{name}.{suffix}"
    for suffix in ("js", "ts", "cjs", "mjs", "cts", "mts")
    for name in ("config/index", "config")
)


def pages(src_dir: str = "", src_exclude: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Gitignore-style patterns, from the site root, of the files VitePress builds, from the
    config's `srcDir` ("" for the root) and `srcExclude` globs."""
    base = f"/{literal(src_dir)}/" if src_dir else "/"
    patterns = [f"{base}**", "!.*", "!**/.*/**", "!**/node_modules/**", "!**/dist/**"]
    patterns.extend(f"!{base}{glob.lstrip('/')}" for glob in src_exclude if not glob.startswith("!"))
    return tuple(patterns)


def detect(folder: Path) -> Site | None:
    name = first_file(folder, *CONFIG_NAMES)
    if name is None:
        return None
    from linter.config.presets.vitepress_config import read_config  # only for a VitePress site

    config = read_config(folder / name)
    return Site(
        "VitePress",
        PRESET.name,
        name,
        folder,
        pages(config.src_dir, config.src_exclude),
        (config.src_dir or ".",),
    )


PRESET = Preset(
    "vitepress",
    "VitePress pages (frontmatter config and default theme keys; front matter optional)",
    "vitepress.schema.json",
    {
        "published": "/date",
        "dates": ["/date", "/lastUpdated"],
        "date-forms": "vitepress",
        "future": ["/date", "/lastUpdated"],
        "date-order": [["/date", "/lastUpdated"]],
        "links": ["/hero/actions/*/link", "/features/*/link", "/prev/link", "/next/link"],
        "images": ["/hero/image", "/hero/image/src", "/hero/image/light", "/hero/image/dark"],
        # Site paths (`/logo.svg`) are files in srcDir's `public/`. Roles cannot follow the
        # config, so the `public/` of the usual srcDirs (`src`, `docs`) is looked in too.
        "image-folders": ["public", "src/public", "docs/public"],
        # The theme prints a relative `src` as it is: the home page (/) reads it from public/ too.
        "image-relative": "site",
        "title": "/title",
        "description": "/description",
    },
    rules={"image-file-mismatch": {}, **SITE_RULES},
    framework="VitePress",
    include=("*.md",),
    content=pages(),
    fences=("yaml",),
    front_matter_optional=True,
    detect=detect,
)
