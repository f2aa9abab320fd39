"""The Jekyll preset on a repository that keeps its GitHub Pages site in `docs/`: found with no
config from the repository root, exactly the files Jekyll renders checked (its `_config.yml`
read for collections, `exclude` and `include`), every kind of page clean, and each planted
defect found at its line and column."""

from __future__ import annotations

import json

from helpers import NOW_TEXT, write
from helpers import check_json as check
from helpers import shown_files as shown

from linter.cli import main

CONFIG = """\
title: Harbour club
permalink: pretty
collections:
  members:
    output: true
exclude:
  - drafts-notes/
  - Rakefile
include:
  - _pages
"""

SITE = {
    "README.md": "# Harbour club\n\nThe site lives in docs/.\n",
    "CHANGELOG.md": "---\ntitle: [not closed\n---\n",
    "LICENSE.md": "MIT\n",
    "docs/_config.yml": CONFIG,
    "docs/Gemfile": "source 'https://rubygems.org'\n",
    "docs/README.md": "# The docs folder\n\nNo front matter: a static file to Jekyll.\n",
    "docs/index.md": "---\nlayout: home\ntitle: Harbour club\n---\nWelcome.\n",
    "docs/about.md": "---\nlayout: page\ntitle: About\npermalink: /about/\n---\n",
    "docs/contact.html": "---\nlayout: page\ntitle: Contact\n---\n<p>Moorings.</p>\n",
    "docs/spaced.md": "---  \nlayout: page\ntitle: Tides\nredirect_from:\n  - /tide-tables/\n---\t\n",
    "docs/raw.md": "{% raw %}\n{{ not a variable }}\n{% endraw %}\n",
    "docs/plain.md": "Just text: copied as it is.\n",
    "docs/_posts/2016-03-01-season-opens.md": (
        "---\nlayout: post\ntitle: The season opens\ndate: 2016-03-01 09:00:00 +0000\n"
        "last_modified_at: 2016-03-02\ntags: [season]\n---\n"
    ),
    "docs/news/_posts/2016-04-01-regatta.markdown": (
        "---\nlayout: post\ntitle: Regatta\ncategories: [news]\nredirect_from: /regatta/\n---\n"
    ),
    "docs/_drafts/winter-works.md": "---\nlayout: post\ntitle: Winter works\n---\n",
    "docs/_pages/faq.md": "---\nlayout: page\ntitle: FAQ\npermalink: /faq/\n---\n",
    "docs/_members/ada.md": "---\nname: Ada\ntitle: Ada\nposition: Commodore\n---\n",
    "docs/_layouts/page.html": "---\nlayout: default\n---\n{{ content }}\n",
    "docs/_includes/nav.html": "<nav>{{ site.title }}</nav>\n",
    "docs/_data/crew.md": "---\ntitle: [broken\n---\n",
    "docs/_sass/main.md": "---\ntitle: [broken\n---\n",
    "docs/_site/index.html": "---\ntitle: [broken\n---\n",
    "docs/.jekyll-cache/page.md": "---\ntitle: [broken\n---\n",
    "docs/drafts-notes/todo.md": "---\ntitle: [broken\n---\n",
    "docs/vendor/bundle/gems/theme/README.md": "---\ntitle: [broken\n---\n",
    "docs/node_modules/pkg/page.md": "---\ntitle: [broken\n---\n",
    "docs/_unlisted/page.md": "---\ntitle: [broken\n---\n",
}

BROKEN_PAGE = "---\ntitle: [not closed\n---\n"

RENDERED = [
    "docs/README.md",
    "docs/about.md",
    "docs/contact.html",
    "docs/index.md",
    "docs/plain.md",
    "docs/raw.md",
    "docs/spaced.md",
    "docs/_drafts/winter-works.md",
    "docs/_members/ada.md",
    "docs/_pages/faq.md",
    "docs/_posts/2016-03-01-season-opens.md",
    "docs/news/_posts/2016-04-01-regatta.markdown",
]


def test_the_site_in_docs_is_found_and_only_what_jekyll_renders_is_checked(tmp_path, capsys, monkeypatch):
    write(tmp_path, SITE)
    (tmp_path / ".git").mkdir()
    assert shown(capsys, tmp_path, monkeypatch, ".") == sorted(RENDERED)
    assert main(["check", "--no-cache", "--reference-time", NOW_TEXT, "."]) == 0
    assert "checked as a Jekyll site (docs/_posts, docs/_drafts)" in capsys.readouterr().err


def test_planted_defects_are_found_at_their_line_and_column(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            **SITE,
            "docs/_pages/faq.md": "---\nlayout: page\ntitle: FAQ\nredirect_from:\n  - /about\n---\n",
            "docs/_posts/2016-05-01-slipway.md": (
                "---   \nlayout: post\ntitle: Slipway\ndate: 2016-05-01\nlast_modified_at: 2016-04-30\n---  \n"
            ),
            "docs/_members/bo.md": '---\ntitle: Bo\npublished: "no"\n---\n',
            "docs/_drafts/mast.md": "---\nlayout: post\ntitle: Mast\n",
        },
    )
    (tmp_path / ".git").mkdir()
    status, found = check(capsys, tmp_path, monkeypatch, ".")
    assert status == 1
    assert [f[:4] for f in found] == [
        ("docs/_drafts/mast.md", 1, 1, "FM002"),
        ("docs/_members/bo.md", 3, 12, "FM100"),
        ("docs/_pages/faq.md", 5, 5, "FM404"),
        ("docs/_posts/2016-05-01-slipway.md", 5, 19, "FM204"),
        ("docs/about.md", 4, 12, "FM404"),
    ]
    messages = {f[0]: f[4] for f in found}
    assert (
        "both pages publish /about: `redirect_from[0]` here, `permalink` in docs/about.md:4"
        in messages["docs/_pages/faq.md"]
    )
    assert "`published` must be" in messages["docs/_members/bo.md"]


def test_source_and_collections_dir_move_where_posts_and_collections_are(tmp_path, capsys, monkeypatch):
    config = "source: site\ncollections_dir: my_collections\ncollections: [recipes]\nexclude: [old]\n"
    page = "---\ntitle: A page\n---\n"
    write(
        tmp_path,
        {
            "_config.yml": config,
            "site/index.md": page,
            "site/old/page.md": "---\ntitle: [broken\n---\n",
            "site/my_collections/_posts/2016-01-01-soup.md": page,
            "site/my_collections/_recipes/stew.md": page,
            "site/_posts/2016-01-02-outside.md": "---\ntitle: [broken\n---\n",
            "site/_recipes/outside.md": "---\ntitle: [broken\n---\n",
            "notes.md": "---\ntitle: [broken\n---\n",
        },
    )
    assert shown(capsys, tmp_path, monkeypatch, ".") == sorted(
        [
            "site/index.md",
            "site/my_collections/_posts/2016-01-01-soup.md",
            "site/my_collections/_recipes/stew.md",
        ]
    )
    assert check(capsys, tmp_path, monkeypatch, ".") == (0, [])


def test_a_bad_config_is_read_as_jekyll_defaults(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "_config.yml": "exclude: [unclosed\n",
            "index.md": "---\ntitle: Home\n---\n",
            "_posts/2016-01-01-a.md": "---\ntitle: A\n---\n",
            "vendor/bundle/x.md": "---\ntitle: [broken\n---\n",
        },
    )
    assert shown(capsys, tmp_path, monkeypatch, ".") == ["_posts/2016-01-01-a.md", "index.md"]


def test_init_pins_the_preset_and_leaves_the_pages_to_it(tmp_path, capsys, monkeypatch):
    write(tmp_path, {k.removeprefix("docs/"): v for k, v in SITE.items() if k.startswith("docs/")})
    (tmp_path / "_posts").rename(tmp_path / "_archive")  # no _posts/: pages only
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    capsys.readouterr()
    assert (tmp_path / "content-lint.toml").read_text(encoding="utf-8").splitlines()[1:] == [
        'preset = "jekyll"'
    ]
    assert "_pages/faq.md" in shown(capsys, tmp_path, monkeypatch, ".")


POST = "---\nlayout: post\ntitle: {title}\n{extra}---\n"


def post(title: str, extra: str = "") -> str:
    return POST.format(title=title, extra=extra)


def test_two_posts_publishing_one_url_by_their_file_names(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "_config.yml": "title: Harbour club\n",
            "_posts/2016-03-01-season-opens.md": post("Opens"),
            "_posts/2016-03-01-season-opens.markdown": post(
                "Opens again", "date: 2016-03-01 18:00:00 +0000\n"
            ),
            "_posts/2016-03-02-regatta.md": post("Regatta", "categories: News\n"),
            "news/_posts/2016-03-02-regatta.md": post("Regatta, the other one"),
            # A `date` on another day than the file name's: the day depends on the time zone.
            "_posts/2016-03-03-moorings.md": post("Moorings", "date: 2016-03-04\n"),
            "_posts/2016-03-04-moorings.md": post("Moorings again"),
            "_posts/2016-03-05-own.md": post("Own", "permalink: /2016/03/04/moorings.html\n"),
        },
    )
    status, found = check(capsys, tmp_path, monkeypatch, ".")
    assert status == 1
    assert [f[:4] for f in found] == [
        ("_posts/2016-03-01-season-opens.markdown", 1, 1, "FM404"),
        ("_posts/2016-03-01-season-opens.md", 1, 1, "FM404"),
        ("_posts/2016-03-02-regatta.md", 1, 1, "FM404"),
        ("_posts/2016-03-04-moorings.md", 1, 1, "FM404"),
        ("_posts/2016-03-05-own.md", 4, 12, "FM404"),
        ("news/_posts/2016-03-02-regatta.md", 1, 1, "FM404"),
    ]
    messages = {f[0]: f[4] for f in found}
    assert messages["_posts/2016-03-01-season-opens.md"] == (
        "both pages publish /2016/03/01/season-opens.html: this post (by its file name),"
        " the post _posts/2016-03-01-season-opens.markdown (by its file name)"
    )
    assert messages["_posts/2016-03-02-regatta.md"].startswith(
        "both pages publish /news/2016/03/02/regatta.html"
    )
    assert messages["_posts/2016-03-05-own.md"] == (
        "both pages publish /2016/03/04/moorings.html: `permalink` here,"
        " the post _posts/2016-03-04-moorings.md (by its file name)"
    )


def test_the_site_permalink_style_decides_a_posts_url_and_a_change_is_seen_through_the_cache(
    tmp_path, capsys, monkeypatch
):
    write(
        tmp_path,
        {
            "_config.yml": "permalink: pretty\n",
            "_posts/2016-03-01-Tide Tables.md": post("Tides"),
            "tides.md": post("Tides page", "permalink: /2016/03/01/Tide-Tables/\n"),
        },
    )
    monkeypatch.chdir(tmp_path)
    args = ["check", "--output-format", "json", "--reference-time", NOW_TEXT, "."]
    assert main(args) == 1
    first = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["path"], f["line"]) for f in first] == [
        ("_posts/2016-03-01-Tide Tables.md", 1),
        ("tides.md", 4),
    ]
    (tmp_path / "_config.yml").write_text("permalink: /:categories/:title/\n")
    assert main(args) == 0
    capsys.readouterr()


def test_a_style_with_a_placeholder_not_derived_compares_nothing(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "_config.yml": "permalink: ordinal\n",
            "_posts/2016-03-01-a.md": post("A"),
            "_posts/2016-03-01-a.markdown": post("A again"),
        },
    )
    assert check(capsys, tmp_path, monkeypatch, ".") == (0, [])


def test_an_unknown_page_urls_scheme_is_a_config_error(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "jekyll"\n[roles]\npage-urls = "hugo-sections"\n',
            "index.md": post("Home"),
        },
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 2
    assert "`page-urls` should be one of: jekyll-posts" in capsys.readouterr().err


def test_a_hostile_config_is_read_as_jekyll_defaults(tmp_path, capsys, monkeypatch):
    bomb = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 12))
    write(
        tmp_path,
        {
            # Eleven levels of nine aliases (a billion-laughs expansion if walked), then an
            # `exclude` that names them: read in no time, no entry taken from it.
            "_config.yml": "l0: &l0 [x]\n" + bomb + "exclude: *l11\ncollections: *l11\n",
            "index.md": "---\ntitle: Home\n---\n",
            "vendor/bundle/x.md": BROKEN_PAGE,
        },
    )
    assert shown(capsys, tmp_path, monkeypatch, ".") == ["index.md"]
    (tmp_path / "_config.yml").write_text("exclude: [index.md]\n" + "#" * (300 * 1024) + "\n")
    assert shown(capsys, tmp_path, monkeypatch, ".") == ["index.md"]  # too large: defaults


def test_a_config_that_is_not_a_regular_file_reveals_no_site(tmp_path, capsys, monkeypatch):
    write(tmp_path, {"elsewhere.yml": "exclude: [index.md]\n", "index.md": "---\ntitle: Home\n---\n"})
    (tmp_path / "_config.yml").symlink_to(tmp_path / "elsewhere.yml")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "."]) == 0
    assert "Jekyll" not in capsys.readouterr().err


def test_front_matter_defaults_and_a_posts_own_permalink_template_give_its_url(tmp_path, capsys, monkeypatch):
    config = (
        "permalink: date\n"
        "defaults:\n"
        "  - scope: {path: ''}\n"
        "    values: {layout: default, permalink: /:year/:title/}\n"
        "  - scope: {path: '', type: pages}\n"
        "    values: {permalink: /:basename/}\n"
        "  - scope: {path: notes/_posts, type: posts}\n"
        "    values: {permalink: /notes/:title/}\n"
    )
    write(
        tmp_path,
        {
            "_config.yml": config,
            "_posts/2016-03-01-tides.md": post("Tides"),
            "_posts/2016-09-01-tides.md": post("Tides in autumn"),  # /2016/tides/ as well
            "notes/_posts/2016-03-01-tides.md": post("Tide notes"),  # /notes/tides/
            "_posts/2017-01-01-ropes.md": post("Ropes", "permalink: /notes/:title/\n"),
            "notes/_posts/2017-02-01-ropes.md": post("Rope notes"),
        },
    )
    status, found = check(capsys, tmp_path, monkeypatch, ".")
    assert status == 1
    assert [f[:4] for f in found] == [
        ("_posts/2016-03-01-tides.md", 1, 1, "FM404"),
        ("_posts/2016-09-01-tides.md", 1, 1, "FM404"),
        ("_posts/2017-01-01-ropes.md", 4, 12, "FM404"),
        ("notes/_posts/2017-02-01-ropes.md", 1, 1, "FM404"),
    ]
    messages = {f[0]: f[4] for f in found}
    assert messages["_posts/2017-01-01-ropes.md"] == (
        "both pages publish /notes/ropes/: `permalink` here,"
        " the post notes/_posts/2017-02-01-ropes.md (by its file name)"
    )


def test_a_default_scoped_by_a_glob_leaves_post_urls_underived(tmp_path, capsys, monkeypatch):
    config = "defaults:\n  - scope: {path: '_posts/*/*.md'}\n    values: {permalink: /:path/}\n"
    write(
        tmp_path,
        {
            "_config.yml": config,
            "_posts/a/2016-03-01-tides.md": post("Tides"),
            "_posts/b/2016-03-01-tides.md": post("Tides again"),
        },
    )
    assert check(capsys, tmp_path, monkeypatch, ".") == (0, [])


def test_the_written_out_default_pages_are_what_the_reader_gives_a_site_without_config(tmp_path):
    """The preset's pages are spelled out so that no run loads the reader before it finds a site."""
    from linter.config.presets import jekyll
    from linter.config.presets.jekyll_config import site_pages

    assert site_pages(tmp_path) == jekyll.PAGES
    assert jekyll.PRESET.content == jekyll.PAGES
