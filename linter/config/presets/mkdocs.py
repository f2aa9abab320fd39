"""MkDocs pages, with Material for MkDocs' keys (MkDocs 1.6, Material for MkDocs 9.6/9.7).

Pages: every Markdown file (`.md`, `.markdown`, `.mdown`, `.mkdn`, `.mkd`) under `docs_dir`
(`docs` beside `mkdocs.yml` unless the config says otherwise), except what MkDocs leaves out:
names starting with `.` at any depth, the `templates/` folder at the top of docs_dir, and the
config's `exclude_docs` lines (gitignore-style, from docs_dir). `draft_docs` and `not_in_nav`
pages are still pages (served, or built without a nav entry), so they are checked. A
`README.md` is a page, its folder's index, except beside an `index.md`, where MkDocs drops it
(detection looks through docs_dir's folders for those, up to `MAX_FOLDERS` of them). Files
outside docs_dir (the repository's README, CHANGELOG, snippets folders) are never pages.

Front matter: the YAML meta-data block, `---` to `---` or `...`, is optional. MkDocs also
reads MultiMarkdown-style meta-data (`Title: x` lines up to the first blank line, no fences);
such a page reads here as a page without front matter (no finding). Unknown keys are allowed:
MkDocs hands them all to templates as `page.meta`. A block that is not a YAML mapping is
silently ignored by MkDocs, so it is reported (FM003/FM005): its keys never reach the page.

Keys (the schema): MkDocs' `title` and `template`; Material's `description`, `hide`
(`navigation`, `toc`, `path`, `tags`, `footer`, `feedback`), `icon`, `status`, `subtitle`,
`tags`, `search` (`exclude`, `boost`), `social` (`cards`, `cards_layout`,
`cards_layout_options`) and `comments`; its blog plugin's post keys `date` (a date, or a
mapping of named dates such as `created` and `updated`), `draft`, `pin`, `authors`,
`categories`, `slug`, `links` and `readtime`.

Not told apart here: a blog post (under the blog plugin's `blog_dir`) from other pages, so
a post without the `date` the plugin requires is not reported, and a `date` on any page is
read as the blog plugin reads a post's (PyYAML dates: a quoted `"2024-01-03"` is text, which
the plugin rejects in a post; on a page outside the blog nothing reads `date`, so such a
report there is stricter than MkDocs); a renamed tags property (`tags_name_property`) is not
followed.

Identity: none. A blog post's URL is built from `post_url_format` (by default
`{date}/{slug}`, the date as `yyyy/MM/dd`), so two posts may share a `slug` on different
days; MkDocs has no front-matter key that sets a page's URL (redirects live in mkdocs.yml).
Dates: a post's `date` and its named dates; date forms are the dates module's ("mkdocs").
"""

from __future__ import annotations

from pathlib import Path

from linter.config.presets.model import SITE_RULES, Preset, Site
from linter.config.presets.probe import first_file, folder_files, literal

#: The Markdown extensions MkDocs renders as pages (mkdocs.utils.markdown_extensions).
MARKDOWN = ("*.md", "*.markdown", "*.mdown", "*.mkdn", "*.mkd")


#: How many folders of docs_dir detection looks through for a README.md beside an index.md.
MAX_FOLDERS = 5000


def pages(
    docs_dir: str, exclude_docs: tuple[str, ...] = (), dropped: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Gitignore-style patterns, from the site root, of the files MkDocs builds as pages, from
    the config's `docs_dir` and `exclude_docs` lines; `dropped` are the README.md files (from
    docs_dir) it leaves out for an index.md."""
    docs = literal(docs_dir)
    # (A folder's pattern names its files with `/**`: a bare folder pattern would not take
    # back what `/{docs}/**` includes.)
    patterns = [f"/{docs}/**", "!.*", "!**/.*/**", f"!/{docs}/templates/**"]
    for line in exclude_docs:
        keep, glob = (True, line[1:]) if line.startswith("!") else (False, line)
        # A glob with a slash before its end is anchored at docs_dir, as in a .gitignore.
        anchored = glob.startswith("/") or "/" in glob.rstrip("/")
        where = f"/{docs}/{glob.lstrip('/')}" if anchored else f"/{docs}/**/{glob}"
        # `name` is a file or a folder, `name/` a folder only.
        named = [f"{where}**"] if where.endswith("/") else [where, f"{where}/**"]
        patterns.extend(name if keep else f"!{name}" for name in named)
    patterns.extend(f"!/{docs}/{literal(readme)}" for readme in dropped)
    return tuple(patterns)


def dropped_readmes(docs: Path) -> tuple[str, ...]:
    """The README.md files MkDocs leaves out because an index.md is beside them (from `docs`,
    sorted); folders are listed by name, no link followed, dot-folders skipped as MkDocs does."""
    found = [
        f"{folder}/README.md" if folder else "README.md"
        for folder, files in folder_files(docs, [""], MAX_FOLDERS, lambda folder, names: True)
        if {"README.md", "index.md"} <= files
    ]
    return tuple(sorted(found))


def detect(folder: Path) -> Site | None:
    name = first_file(folder, "mkdocs.yml", "mkdocs.yaml")
    if name is None:
        return None
    from linter.config.presets.mkdocs_config import read_config  # only for an MkDocs site

    config = read_config(folder / name)
    content = pages(config.docs_dir, config.exclude_docs, dropped_readmes(folder / config.docs_dir))
    return Site("MkDocs", PRESET.name, name, folder, content, (config.docs_dir,))


PRESET = Preset(
    "mkdocs",
    "MkDocs pages with Material for MkDocs' keys (meta-data optional; extra keys allowed)",
    "mkdocs.schema.json",
    {
        "published": ["/date", "/date/created"],
        "dates": ["/date", "/date/*"],
        "date-forms": "mkdocs",
        "future": ["/date", "/date/created", "/date/updated"],
        "date-order": [["/date/created", "/date/updated"]],
        "images": "/social/cards_layout_options/background_image",
        # Material reads a card's background image from the folder mkdocs.yml is in.
        "image-folders": ["."],
        # A relative path is read from there too, never from the page's folder.
        "image-relative": "site",
        "title": "/title",
        "description": "/description",
        "texts": ["/subtitle", "/tags/*", "/categories/*"],
        "tags": ["/tags", "/categories"],
    },
    rules={"image-file-mismatch": {}, **SITE_RULES},
    framework="MkDocs",
    include=MARKDOWN,
    content=pages("docs"),  # MkDocs' default docs_dir (mkdocs_config.DOCS_DIR)
    fences=("yaml",),
    front_matter_optional=True,
    detect=detect,
)
