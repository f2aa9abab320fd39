"""The Eleventy preset on a repository that keeps its site in `website/`: found with no config
from the repository root, exactly the templates Eleventy renders checked (its config read as
text for the input, includes, data and output folders and the template formats, and its
`.eleventyignore`), every kind of page clean, and each planted defect found at its line and
column."""

from __future__ import annotations

import os
from pathlib import Path

from helpers import NOW_TEXT, write
from helpers import check_json as check
from helpers import shown_files as shown

from linter.cli import main

CONFIG = """\
module.exports = function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy("content/img");
  return {
    dir: { input: "content", includes: "_partials", data: "_data", output: "dist" },
    templateFormats: ["md", "njk", "html", "liquid", "11ty.js"],
  };
};
"""
BROKEN = "---\ntitle: [not closed\n---\n"

SITE = {
    "README.md": "# Pond notes\n\nThe site is in website/.\n",
    "CHANGELOG.md": BROKEN,
    "LICENSE": "MIT\n",
    "website/package.json": '{"devDependencies": {"@11ty/eleventy": "^3.0.0"}, "scripts": {"build": "eleventy"}}\n',
    "website/.eleventy.js": CONFIG,
    "website/.eleventyignore": "# not published yet\ncontent/drafts/\nREADME.md\n",
    "website/README.md": BROKEN,
    "website/content/README.md": "# Content\n\nEleventy renders this too: no front matter, nothing to check.\n",
    "website/content/index.md": "---\nlayout: base.njk\ntitle: Pond notes\n---\nFrogs.\n",
    "website/content/blog/first.md": (
        "---\nlayout: post.njk\ntitle: First frogspawn\ndate: Last Modified\ntags: [posts, frogs]\n---\n"
    ),
    "website/content/blog/second.md": "---  \ntitle: Newts\ndate: 2024-03-01\ntags: posts\n---\t\nBody.\n",
    "website/content/blog/blog.11tydata.json": '{"layout": "post.njk"}\n',
    "website/content/about.njk": (
        "---\ntitle: About\neleventyNavigation:\n  key: About\n  order: 2\n  url: false\npermalink: /about/\n---\n"
    ),
    "website/content/tags.njk": (
        "---\npagination:\n  data: collections\n  size: 1\n  alias: tag\npermalink: /tags/{{ tag | slugify }}/\n"
        "eleventyExcludeFromCollections: true\n---\n"
    ),
    "website/content/archive.liquid": "---\ntitle: Archive\npermalink: /tags/{{ tag | slugify }}/\n---\n",
    "website/content/sitemap.njk": "---\npermalink: false\neleventyExcludeFromCollections: true\n---\n",
    "website/content/robots.njk": "---\npermalink: false\n---\n",
    "website/content/computed.md": (
        '---\ntitle: Computed\ndescription:\neleventyComputed:\n  description: "About {{ title }}"\n---\n'
    ),
    "website/content/js-front.md": "---js\n{ title: 'Built by JavaScript', permalink: '/about/' }\n---\n",
    "website/content/raw.html": "{% raw %}\n<p>{{ kept }}</p>\n{% endraw %}\n",
    "website/content/plain.md": "No front matter: a page all the same.\n",
    "website/content/feed.11ty.js": "export const data = { permalink: '/feed.json' };\n",
    "website/content/widget.webc": BROKEN,
    "website/content/_partials/base.njk": "---\ntitle: [a layout, not a page\n---\n",
    "website/content/_data/site.json": '{"title": "Pond notes"}\n',
    "website/content/drafts/wip.md": BROKEN,
    "website/content/.obsidian/note.md": BROKEN,
    "website/content/node_modules/pkg/page.md": BROKEN,
    "website/dist/index.html": BROKEN,
}

RENDERED = [
    "website/content/README.md",
    "website/content/about.njk",
    "website/content/archive.liquid",
    "website/content/blog/first.md",
    "website/content/blog/second.md",
    "website/content/computed.md",
    "website/content/index.md",
    "website/content/js-front.md",
    "website/content/plain.md",
    "website/content/raw.html",
    "website/content/robots.njk",
    "website/content/sitemap.njk",
    "website/content/tags.njk",
]


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    write(tmp_path, files)
    (tmp_path / ".git").mkdir()
    return tmp_path


def test_the_site_in_website_is_found_and_only_its_templates_are_checked(tmp_path, capsys, monkeypatch):
    root = site(tmp_path, SITE)
    assert shown(capsys, root, monkeypatch, ".") == sorted(RENDERED)
    assert check(capsys, root, monkeypatch, ".") == (0, [])
    assert main(["check", "--no-cache", "--reference-time", NOW_TEXT, "."]) == 0
    assert "checked as an Eleventy site (website/content)" in capsys.readouterr().err


def test_planted_defects_are_found_at_their_line_and_column(tmp_path, capsys, monkeypatch):
    root = site(
        tmp_path,
        {
            **SITE,
            "website/content/heron.njk": "---\ntitle: Heron\npermalink: blog/heron/index.html\n---\n",
            "website/content/blog/heron.md": "---\ntitle: Heron again\npermalink: /blog/heron/\n---\n",
            "website/content/blog/lily.md": '---\ntitle: Lily\neleventyExcludeFromCollections: "yes"\n---\n',
            "website/content/blog/pike.md": "---\ntitle: Pike\npermalink: true\n---\n",
            "website/content/blog/blank.md": '---\ntitle: "  "\n---\n',
            "website/content/blog/open.md": "---\ntitle: Open\n",
            "website/content/nav.njk": "---\ntitle: Nav\neleventyNavigation:\n  key: Nav\n  order: first\n---\n",
        },
    )
    status, found = check(capsys, root, monkeypatch, ".")
    assert status == 1
    assert [f[:4] for f in found] == [
        ("website/content/blog/blank.md", 2, 8, "FM501"),
        ("website/content/blog/heron.md", 3, 12, "FM404"),
        ("website/content/blog/lily.md", 3, 33, "FM100"),
        ("website/content/blog/open.md", 1, 1, "FM002"),
        ("website/content/blog/pike.md", 3, 12, "FM100"),
        ("website/content/heron.njk", 3, 12, "FM404"),
        ("website/content/nav.njk", 5, 10, "FM100"),
    ]
    messages = {f[0]: f[4] for f in found}
    assert (
        "`permalink` is the same article as `permalink` in website/content/heron.njk:3"
        in (messages["website/content/blog/heron.md"])
    )
    assert "eleventyNavigation.order" in messages["website/content/nav.njk"]


def test_setters_and_the_webc_plugin_are_read_from_an_esm_config(tmp_path, capsys, monkeypatch):
    config = (
        'import webc from "@11ty/eleventy-plugin-webc";\n'
        "export default function (eleventyConfig) {\n"
        '  eleventyConfig.setInputDirectory("pages");\n'
        '  eleventyConfig.setIncludesDirectory("layouts");\n'
        "  eleventyConfig.addPlugin(webc);\n"
        "}\n"
    )
    page = "---\ntitle: A page\n---\n"
    root = site(
        tmp_path,
        {
            "eleventy.config.mjs": config,
            "pages/index.webc": page,
            "pages/about.liquid": page,
            "pages/layouts/base.webc": BROKEN,
            "pages/_includes/not-the-includes.md": page,
            "other/page.md": BROKEN,
        },
    )
    assert shown(capsys, root, monkeypatch, ".") == [
        "pages/_includes/not-the-includes.md",
        "pages/about.liquid",
        "pages/index.webc",
    ]


def test_package_json_alone_reveals_the_site_and_its_input_folder(tmp_path, capsys, monkeypatch):
    package = (
        '{"dependencies": {"@11ty/eleventy": "3.0.0"}, "scripts": {"start": "eleventy --serve --input=docs"}}'
    )
    root = site(
        tmp_path,
        {
            "package.json": package,
            "docs/index.md": "---\ntitle: Docs\n---\n",
            "docs/.eleventyignore": "old\n",
            "docs/old/page.md": BROKEN,
            "notes.md": BROKEN,
        },
    )
    assert shown(capsys, root, monkeypatch, ".") == ["docs/index.md"]
    assert check(capsys, root, monkeypatch, ".") == (0, [])


def test_hostile_config_files_are_read_as_eleventy_defaults(tmp_path, capsys, monkeypatch):
    nested = "[" * 100_000 + "]" * 100_000
    root = site(
        tmp_path,
        {
            "package.json": '{"devDependencies": {"@11ty/eleventy": "3.0.0"}}',
            "eleventy.config.js": "// " + "dir: { " * 50_000 + "\n",
            "index.md": "---\ntitle: Home\n---\n",
            "_site/index.html": BROKEN,
        },
    )
    assert shown(capsys, root, monkeypatch, ".") == ["index.md"]
    os.mkfifo(root / ".eleventyignore")  # never opened for reading
    assert shown(capsys, root, monkeypatch, ".") == ["index.md"]
    (root / "package.json").write_text(nested)
    (root / "eleventy.config.js").unlink()
    assert main(["check", "--no-cache", "."]) == 0
    assert "Eleventy" not in capsys.readouterr().err  # no config and no dependency: not revealed


def test_the_written_out_default_pages_are_what_the_reader_gives_a_site_without_config(tmp_path):
    """The preset's pages are spelled out so that no run loads the reader before it finds a site."""
    from linter.config.presets import eleventy
    from linter.config.presets.eleventy_config import site_pages

    assert site_pages(tmp_path) == eleventy.PAGES
    assert eleventy.PRESET.content == eleventy.PAGES
