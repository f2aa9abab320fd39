"""Jekyll posts and pages (with jekyll-seo-tag, redirect-from and last-modified-at), as Jekyll
4.3 (jekyllrb.com/docs, jekyll/jekyll) reads them.

Pages: Jekyll renders every file with front matter it walks into from its `source` folder:
names starting with `.`, `_`, `#` or ending in `~` are skipped, except `_posts/` and
`_drafts/` (at any depth) and the folders of the collections `_config.yml` declares (`_foo/`
for a collection `foo`, under `collections_dir`); `exclude` and `include` apply, with Jekyll's
own excludes (Gemfile, node_modules, vendor/bundle/, ...); `_layouts/`, `_includes/`,
`_data/`, `_sass/` and `_site/` never hold pages (see `jekyll_config`). A collection with
`output: false` renders no page, but Jekyll still reads its documents' front matter into
`site.<name>`: they are checked too. Only `.md`, `.markdown` and `.html` files are looked at
(Jekyll also renders other extensions that carry front matter: `.mkd`, `.xml`, `.txt`...).

Front matter: YAML between `---` lines; either fence line may end in spaces (Jekyll's
`\\A(---\\s*\\n.*?\\n?)^((---|\\.\\.\\.)\\s*$\\n?)`); a first line starting with `{%` is body.
A file without front matter is a static file, copied as it is: never reported. README.md is
no exception: Jekyll renders it as a page when it has front matter (unless `exclude` names
it), and GitHub Pages' jekyll-optional-front-matter and jekyll-readme-index plugins render it
even without; so its front matter, when it has one, is checked like any page's.

Identity: `permalink` and `redirect_from` (jekyll-redirect-from) are the URLs a page claims,
and a post's URL follows from its file name and the site's `permalink` style where nothing
overrides it (see `jekyll_urls`): two pages publishing one URL are FM404. A page's or a
collection document's URL from its path is not derived.
Dates: `date` (`YYYY-MM-DD HH:MM:SS +/-TTTT`) overrides the date in a post's file name.
"""

from __future__ import annotations

from pathlib import Path

from linter.config.presets.model import MARKDOWN, SITE_RULES, Preset, Site
from linter.config.presets.probe import existing, first_file

#: The pages of a site whose `_config.yml` changes nothing Jekyll reads by default: what
#: `jekyll_config.site_pages` gives such a site (a test holds them equal), written out so
#: that no run loads the config reader before it finds a Jekyll site.
PAGES = (
    "/**",
    "!/**/_*",
    "!/**/_*/**",
    "!/**/.*",
    "!/**/.*/**",
    "!/**/#*",
    "!/**/#*/**",
    "!/**/*~",
    "!/**/*~/**",
    "/**/_posts/**",
    "/**/_drafts/**",
    "!/.sass-cache*",
    "!/.sass-cache*/**",
    "!/.jekyll-cache*",
    "!/.jekyll-cache*/**",
    "!/gemfiles*",
    "!/gemfiles*/**",
    "!/Gemfile*",
    "!/Gemfile*/**",
    "!/Gemfile.lock*",
    "!/Gemfile.lock*/**",
    "!/node_modules*",
    "!/node_modules*/**",
    "!/vendor/bundle*",
    "!/vendor/bundle*/**",
    "!/vendor/cache*",
    "!/vendor/cache*/**",
    "!/vendor/gems*",
    "!/vendor/gems*/**",
    "!/vendor/ruby*",
    "!/vendor/ruby*/**",
    "!/_layouts/**",
    "!/_includes/**",
    "!/_data/**",
    "!/_sass/**",
    "!/_site/**",
    "!/_plugins/**",
    "!/.jekyll-cache/**",
)


def site_pages(root: Path) -> tuple[str, ...]:
    """Gitignore-style patterns (from `root`) of the files Jekyll reads as pages or posts."""
    from linter.config.presets.jekyll_config import site_pages as read_pages  # a Jekyll site

    return read_pages(root)


def detect(folder: Path) -> Site | None:
    name = first_file(folder, "_config.yml", "_config.yaml")  # jekyll_config.CONFIG_NAMES
    if name is None:
        return None
    folders = existing(folder, "_posts", "_drafts") or (".",)
    return Site("Jekyll", PRESET.name, name, folder, site_pages(folder), folders)


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
        # A post's URL from its file name and the site's `permalink` style (jekyll_urls).
        "page-urls": "jekyll-posts",
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
    content=PAGES,
    fences=("yaml",),
    front_matter_optional=True,
    detect=detect,
    fence_spaces=True,
    site_content=site_pages,
)
