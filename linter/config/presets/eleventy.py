"""Eleventy templates (11ty.dev, Eleventy 3.x): the front matter of Markdown, HTML, Nunjucks,
Liquid and WebC templates.

Pages: every file of a template format under the input folder (`.` by default, `dir.input`
in the config), except `_includes/`, `_data/` and the layouts folder under it, the output
folder (`_site/`), `node_modules/`, dot folders, what `.eleventyignore` and `.gitignore` name
(see `eleventy_config`; content-lint honours `.gitignore` even where a config turns
Eleventy's `setUseGitIgnore` off). README.md is not ignored by Eleventy: in the input folder
it is a page. `.11ty.js` templates are JavaScript (their data is an exported object): not checked.

Front matter: gray-matter's, YAML between `---` lines by default, optional. `---json` and
`---js` open JSON and JavaScript front matter: a JavaScript block is code, never run here,
and neither is read as YAML: such a file is taken as one without front matter (not reported,
not checked). A first line starting with `{%` is body.

Keys: `permalink` is a string (a template when it holds `{{`/`{%`), or `false` for no output;
`date` is a date or one of "Last Modified", "Created", "git Last Modified", "git Created";
`tags`, `layout`, `eleventyExcludeFromCollections`, `eleventyNavigation`, `pagination`,
`eleventyComputed` as documented; custom keys are data for templates, so any is allowed.
Identity: `permalink` site-wide; a templated permalink is known only when built and `false`
publishes nothing, so neither is compared. A page's URL from its file path is not derived.
"""

from __future__ import annotations

from pathlib import Path

from linter.config.presets.eleventy_files import FRONT_MATTER_FORMATS, config_file, depends_on_eleventy
from linter.config.presets.model import Preset, Site
from linter.config.presets.probe import is_dir

#: The templates of a site whose config changes nothing Eleventy reads by default: what
#: `eleventy_config.site_pages` gives such a site (a test holds them equal), written out so
#: that no run loads the config reader before it finds an Eleventy site.
PAGES = (
    "/**/*.md",
    "/**/*.html",
    "/**/*.njk",
    "/**/*.liquid",
    "!/**/.*",
    "!/**/.*/**",
    "!**/node_modules/**",
    "!/_includes/**",
    "!/_data/**",
    "!/_site/**",
)


def site_pages(root: Path) -> tuple[str, ...]:
    """Gitignore-style patterns (from `root`) of the templates Eleventy renders (its config read)."""
    from linter.config.presets.eleventy_config import site_pages as read_pages  # an Eleventy site

    return read_pages(root)


def detect(folder: Path) -> Site | None:
    """An Eleventy config file, or a package.json depending on `@11ty/eleventy`."""
    evidence = config_file(folder)
    if evidence is None and depends_on_eleventy(folder):
        evidence = "package.json (@11ty/eleventy)"
    if evidence is None:
        return None
    pages = site_pages(folder)
    top = pages[0].removeprefix("/").split("**", 1)[0].rstrip("/")
    folders = (top,) if top and is_dir(folder / top) else (".",)
    return Site("Eleventy", PRESET.name, evidence, folder, pages, folders)


PRESET = Preset(
    "eleventy",
    "Eleventy templates (Markdown, HTML, Nunjucks, Liquid, WebC front matter)",
    "eleventy.schema.json",
    {
        "published": "/date",
        "dates": ["/date"],
        "date-forms": "eleventy",
        "identity": ["/permalink"],
        # eleventyNavigation's title and excerpt are not bound: sites put markup (icons,
        # <code>) there on purpose, as the plugin renders them into the navigation as HTML.
        "title": "/title",
        "description": "/description",
        "texts": ["/tags/*"],
        "tags": ["/tags"],
    },
    framework="Eleventy",
    include=tuple(f"*.{ext}" for ext in FRONT_MATTER_FORMATS),
    content=PAGES,
    fences=("yaml",),
    front_matter_optional=True,
    detect=detect,
    fence_spaces=True,
    site_content=site_pages,
)
