"""Jekyll posts and pages (with jekyll-seo-tag, redirect-from and last-modified-at).

Jekyll renders every file with front matter outside the folders it skips (names starting with
`_`, except `_posts/` and `_drafts/` at any depth); a file without front matter is a static
file, copied as it is, so it is not reported. Front matter is YAML between `---` lines.
"""

from __future__ import annotations

from pathlib import Path

from linter.config.presets.model import MARKDOWN, NOT_PAGES, SITE_RULES, Preset, Site
from linter.config.presets.probe import existing, first_file

PAGES = (
    "*",
    "!**/_*",
    "_posts/**",
    "**/_posts/**",
    "_drafts/**",
    "**/_drafts/**",
    "!vendor/**",
    "!node_modules/**",
    "!Gemfile*",
)


def detect(folder: Path) -> Site | None:
    name = first_file(folder, "_config.yml", "_config.yaml")
    if name is None:
        return None
    folders = existing(folder, "_posts", "_drafts") or (".",)
    return Site("Jekyll", PRESET.name, name, folder, PRESET.content, folders)


PRESET = Preset(
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
        # jekyll-seo-tag makes `image` absolute from the site root (`absolute_url`), relative or not.
        "image-folders": ["."],
        "image-relative": "site",
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
    rules={"image-file-mismatch": {}, **SITE_RULES},
    framework="Jekyll",
    include=(*MARKDOWN, "*.html"),
    content=(*PAGES, *NOT_PAGES),
    fences=("yaml",),
    front_matter_optional=True,
    detect=detect,
)
