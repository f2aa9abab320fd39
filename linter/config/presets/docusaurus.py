"""Docusaurus 3.x docs, blog posts and Markdown pages (plugin-content-docs, -blog and -pages).

Content folders: pages are the `.md`/`.mdx` files of each content plugin instance, read from
`docusaurus.config.*` as text (`linter.config.presets.docusaurus_config`): the docs `path`
(default `docs`, possibly outside the site root, as `../docs`), the blog `path` (`blog`),
`src/pages`, extra `plugin-content-docs` instances, the versions `versions.json` lists in
`versioned_docs/version-<name>/` (`<id>_versioned_docs/` for another instance) and the
translations in `i18n/<locale>/docusaurus-plugin-content-<plugin>[-<id>]/`. A path the config
computes (a variable, a call) cannot be read without running it: the default is assumed and
the notice says so. As the plugins' default `exclude` says, files and folders whose name
starts with `_` are partials and `__tests__` folders hold tests, never pages (`*.test.*` there
means JavaScript tests, not Markdown). A README.md inside a docs folder is a page (a category's
index), so none of the usual repository files is left out inside the content folders.

Front matter: YAML, optional (a doc's title then comes from its first heading). Routing: a
doc's URL is its `slug`, by default its folder (number prefixes such as `01-` stripped) plus its
`id`; a `slug` without a leading `/` is relative to the doc's folder. Slugs are compared within
one plugin instance and version (`docs`, `versioned_docs/version-2.0`, a translation under
`i18n/<locale>/<plugin>/<version>`, `blog`), each its own URL space. A doc's id (its `id`,
else the file name without its number prefix, with its folder: `guides/setup`; names that start
like a date or a version keep their digits) must be unique per instance and version too
(since Docusaurus 3.8, pull request 11251, a repeat stops the build; before, one doc silently
replaced the other): the `implied-identity` role compares them, the
file name standing in for a missing `id`. Not compared: a doc without any front matter (it
never reaches the rules), `parse_number_prefixes: false`, and a slug against another doc's
default URL. Blog posts: `slug` unique in the blog (its URL is the blog's route plus the slug,
with or without a leading `/`). `routeBasePath` only moves a whole instance's URLs, so it
changes no comparison; `routeBasePath: '/'` (docs-only mode) puts docs beside pages, which are
not compared. Front matter: an `id` holds no `/`, and a page is not both `draft` and
`unlisted` (both stop the build). Dates: see the dates rules ("docusaurus" forms).
"""

from __future__ import annotations

import re
from pathlib import Path

from linter.config.presets.docusaurus_layout import DEFAULT_ID, Instance, Layout
from linter.config.presets.model import SITE_RULES, Preset, Site
from linter.config.presets.probe import existing, first_file

CONFIG_NAMES = tuple(f"docusaurus.config.{s}" for s in ("js", "ts", "mjs", "cjs", "mts"))
#: What the plugins' default `exclude` leaves out, and folders never holding a site's pages
#: (a README inside a docs folder is a page there).
NOT_PAGES = ("!**/_*", "!**/_*/**", "!**/__tests__/**", "!**/node_modules/**", "!**/.github/**")
DEFAULT_LAYOUT = Layout(
    (
        Instance("docs", DEFAULT_ID, "docs"),
        Instance("blog", DEFAULT_ID, "blog"),
        Instance("pages", DEFAULT_ID, "src/pages"),
    ),
    None,
)


def detect(folder: Path) -> Site | None:
    name = first_file(folder, *CONFIG_NAMES)
    if name is None:
        return None
    from linter.config.presets.docusaurus_config import read_layout, versions  # a Docusaurus site

    layout = read_layout(folder / name)
    content = tuple(
        pattern for instance in layout.instances for pattern in _patterns(folder, instance, layout)
    )
    places = [instance.path for instance in layout.instances]
    places += [f"{_prefix(i)}versioned_docs" for i in layout.instances if versions(folder, i)]
    outside = tuple(p for p in places if p.startswith("../"))
    folders = outside + existing(folder, *dict.fromkeys(p for p in places if p not in outside), "i18n")
    note = "; ".join(layout.notes)
    return Site(
        "Docusaurus", PRESET.name, name, folder, (*content, *NOT_PAGES), folders, outside, roles(layout), note
    )


def _patterns(root: Path, instance: Instance, layout: Layout) -> list[str]:
    """The gitignore-style patterns of one instance's pages: its folder, versions, translations."""
    from linter.config.presets.docusaurus_config import versions  # loaded by detect already

    found = [f"{_glob(instance.path)}/**"]
    named = versions(root, instance)
    found += [f"{_prefix(instance)}versioned_docs/version-{_glob(v)}/**" for v in named]
    plugin = _i18n_folder(instance)
    for locale in layout.locales if layout.locales is not None else ("*",):
        where = f"i18n/{_glob(locale)}/{plugin}"
        if instance.plugin != "docs":
            found.append(f"{where}/**")
            continue
        found += [f"{where}/current/**", *(f"{where}/version-{_glob(v)}/**" for v in named)]
    return found


def roles(layout: Layout) -> dict[str, object]:
    """Where slugs are compared (one plugin instance and version), and where a slug without
    a leading `/` is relative to the doc's folder (docs folders, not blogs)."""
    docs = [i for i in layout.instances if i.plugin == "docs"]
    relative = [
        r"i18n/[^/]+/docusaurus-plugin-content-docs(?:-[^/]+)?/[^/]+",
        r"(?:[^/]+_)?versioned_docs/[^/]+",
        *(_folder(i.path) for i in sorted(docs, key=lambda i: -len(i.path))),
    ]
    blogs = [i for i in layout.instances if i.plugin == "blog"]
    scope = [
        r"i18n/[^/]+/docusaurus-plugin-content-blog(?:-[^/]+)?",
        *relative,
        *(_folder(i.path) for i in sorted(blogs, key=lambda i: -len(i.path))),
        r"[^/]+",  # any other folder (a config's own `content`): its own space
    ]
    return {
        "identity-scope": {"path": f"^({'|'.join(scope)})/"},
        "relative-identity": f"^({'|'.join(relative)})/",
    }


def _folder(path: str) -> str:
    """A content folder in a pattern on paths from the project root; a config that `init`
    wrote keeps its root at the site, so a docs folder beside it is `../docs` there too."""
    return re.escape(path) if path.startswith("../") else rf"(?:\.\./)*{re.escape(path)}"


def _prefix(instance: Instance) -> str:
    return "" if instance.id == DEFAULT_ID else f"{instance.id}_"


def _i18n_folder(instance: Instance) -> str:
    suffix = "" if instance.id == DEFAULT_ID else f"-{instance.id}"
    return f"docusaurus-plugin-content-{instance.plugin}{suffix}"


def _glob(name: str) -> str:
    """A folder name as a literal in a gitignore-style pattern."""
    return re.sub(r"([\[\]*?!#\\])", r"\\\1", name)


PRESET = Preset(
    "docusaurus",
    "Docusaurus docs, blog posts and Markdown pages (plugin-content-docs, -blog and -pages front matter)",
    "docusaurus.schema.json",
    {
        "published": "/date",
        "dates": ["/date", "/last_update/date"],
        "future": ["/date", "/last_update/date"],
        "date-order": [["/date", "/last_update/date"]],
        "links": ["/slug"],
        "identity": ["/slug"],
        # A doc's id, by default its file name without number prefix, with its folder.
        "implied-identity": "/id",
        **roles(DEFAULT_LAYOUT),
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
    # Without the site's config (a config file naming the preset): the default folders, every
    # version and every translation.
    content=(
        "docs/**",
        "blog/**",
        "src/pages/**",
        "*versioned_docs/version-*/**",
        "i18n/*/docusaurus-plugin-content-docs*/current/**",
        "i18n/*/docusaurus-plugin-content-docs*/version-*/**",
        "i18n/*/docusaurus-plugin-content-blog*/**",
        "i18n/*/docusaurus-plugin-content-pages/**",
        *NOT_PAGES,
    ),
    fences=("yaml",),
    front_matter_optional=True,
    detect=detect,
)
