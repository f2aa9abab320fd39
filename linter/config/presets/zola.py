"""Zola pages and sections (getzola.org docs and getzola/zola `components/content`, 0.19-0.21).

A Zola site has a `config.toml` (or `zola.toml`, as the current docs name it) whose only required key is
`base_url`; its pages are the `.md` files under `content/` (the folder is fixed). `_index.md`
files are sections, every other `.md` file a page (`post/index.md` is the page `post` with its
co-located assets beside it); files matching the config's `ignored_content` globs are skipped.

Front matter is required: a file without it stops the build ("Couldn't find front matter ...
Did you forget to add `+++` or `---`?"). It is TOML between `+++` lines, or YAML between `---`
lines ("supported to ease porting legacy content", getzola/zola#990, 2020), after any blank
lines; the closing fence may be followed by spaces. No JSON.

Keys: a page has `title`, `description`, `date`, `updated`, `weight`, `draft`, `render`,
`slug`, `path`, `aliases`, `authors`, `in_search_index`, `template`, `[taxonomies]` and
`[extra]`; a section (`_index.md`) adds `sort_by`, `paginate_by`, `paginate_path`,
`paginate_reversed`, `insert_anchor_links`, `redirect_to`, `transparent`, `page_template`,
`generate_feeds` and has no date, slug, path, authors or taxonomies. Since 0.19 a section
rejects any other key (serde `deny_unknown_fields`: "unknown field `path`"); a page drops an
unknown top-level key without a word, so no template can read it (only `[extra]` reaches
them). One schema serves both, so both report a key that is in neither list; a page-only key
in a section (the common 0.19 break) is not told apart, as the schema cannot see file names.

Routes: `path` overrides the whole URL (relative to the site root; a leading `/` is dropped),
`aliases` are site paths that redirect to the page; both are compared site-wide (per language:
`name.<lang>.md` of a language declared under `[languages]`). `slug` replaces the file name
within the page's section, so it is compared as that section's path plus the slug (a
`post/index.md` page's section is the one above `post/`). A page that sets both `path` and
`slug` publishes only its `path`, yet its slug is compared too.
Dates: `date` (or a date at the start of the file name) and `updated`; Zola publishes pages
dated in the future, so no future-date check applies.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from linter.config.globs import check_gitignore_glob
from linter.config.presets.hugo import NOT_IN_CONTENT
from linter.config.presets.model import SITE_RULES, Preset, Site
from linter.config.presets.probe import existing, first_file, head, is_dir
from linter.reading.frontmatter import LOOSE_FENCES

CONFIG_NAMES = ("zola.toml", "config.toml")
_BASE_URL = rb"(?m)^\s*base_url\s*="  # searched (through re's cache) only in a config.toml


def detect(folder: Path) -> Site | None:
    """A `zola.toml`, or a `config.toml` whose top level sets `base_url` (Hugo's is `baseURL`)."""
    name = first_file(folder, *CONFIG_NAMES)
    if name is None:
        return None
    config = read_config(folder / name)
    if config is None or "base_url" not in config:
        if name != "zola.toml" or not is_dir(folder / "content"):
            return None
        config = {}
    content = (*PRESET.content[:1], *ignored(config.get("ignored_content")), *PRESET.content[1:])
    site = Site("Zola", PRESET.name, name, folder, content, existing(folder, "content"))
    languages = config.get("languages")
    default = config.get("default_language", "en")
    return _with_languages(site, languages, default) if isinstance(languages, dict) else site


def read_config(path: Path) -> dict[str, Any] | None:
    """The config's top-level table (bounded read); None when it has no `base_url` line. A
    config that is not TOML (half-written) still shows `base_url`, so it counts, unread."""
    data = head(path)
    if not re.search(_BASE_URL, data):
        return None
    from linter.config.presets.hugo_config import load_toml  # only for a Zola-like config

    return load_toml(data) or {"base_url": ""}


def ignored(globs: Any) -> tuple[str, ...]:
    """`ignored_content` globs as gitignore patterns under `content/` (Zola's globs match the
    path anywhere below it, and `*` crosses folders; `{a,b}` alternatives are spelled out)."""
    if not isinstance(globs, list):
        return ()
    found: list[str] = []
    for glob in globs:
        if isinstance(glob, str) and glob.strip():
            found += [f"!content/**/{one.lstrip('/')}" for one in _alternatives(glob.strip()) if _valid(one)]
    return tuple(found)


def _valid(glob: str) -> bool:
    try:
        check_gitignore_glob(f"content/**/{glob}")
    except ValueError:
        return False
    return True


def _alternatives(glob: str) -> list[str]:
    """`a.{x,y}` as `a.x` and `a.y` (one level of braces, as config examples use them)."""
    match = re.search(r"\{([^{}]*)\}", glob)
    if match is None:
        return [glob]
    return [f"{glob[: match.start()]}{one}{glob[match.end() :]}" for one in match.group(1).split(",")]


def _with_languages(site: Site, languages: dict[str, Any], default: Any) -> Site:
    """Each declared language's pages (`name.<code>.md`) compared apart from the others; the
    default language's (`name.md`, or `name.<default>.md` since 0.13) together."""
    codes = [code for code in languages if isinstance(code, str) and re.fullmatch(r"[\w-]+", code)]
    codes = [code for code in codes if code != default]
    if not codes:
        return site
    scope = {"path": rf"^content/(?:.*/)?[^/]+\.({'|'.join(map(re.escape, codes))})\.md$"}
    return site._replace(roles={"identity-scope": scope})


PRESET = Preset(
    "zola",
    "Zola pages and sections (TOML `+++` front matter; unknown keys outside [extra] rejected)",
    "zola.schema.json",
    {
        "published": "/date",
        "dates": ["/date", "/updated"],
        "date-order": [["/date", "/updated"]],
        "date-forms": "zola",
        "links": ["/path", "/aliases/*", "/redirect_to"],
        "identity": ["/path", "/aliases/*", "/slug"],
        # A `slug` replaces the file name within the page's section (`post/index.md`: the folder).
        "relative-identity": {
            "path": r"^content/(?!(?:.*/)?_index\.[^/]+$)",
            "keys": ["/slug"],
            "bundles": True,
        },
        "title": "/title",
        "description": "/description",
        "texts": ["/taxonomies/*/*"],
        "tags": ["/taxonomies/*"],
    },
    rules=dict(SITE_RULES),
    framework="Zola",
    include=("*.md",),
    content=("content/**", *NOT_IN_CONTENT),
    fences=("toml", "yaml", LOOSE_FENCES),
    front_matter_optional=False,
    detect=detect,
)
