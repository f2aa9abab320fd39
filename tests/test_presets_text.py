"""Text rules under the docs presets: titles and descriptions are rendered as HTML, where a line
break is a space and a description may expand its title; news articles keep the strict rules."""

from __future__ import annotations

import pytest
from helpers import check_json as run
from helpers import write

HUGO_PAGE = """\
---
title: "Configure page"
description: {description}
date: 2024-05-01
---
Body.
"""


@pytest.mark.parametrize(
    "description",
    [
        '"Configure page behavior."',  # expands the title
        '"Configure page: front matter, cascade and build options."',
        ">\n  Set the options of one page\n  in its front matter.\n",  # a folded block's last line break
        "|-\n  Set the options of one page.\n  Each option is a key.",  # literal block's breaks
    ],
)
def test_hugo_descriptions_that_expand_or_wrap_are_quiet(tmp_path, capsys, monkeypatch, description):
    write(tmp_path, {"content/docs/page.md": HUGO_PAGE.format(description=description)})
    assert run(capsys, tmp_path, monkeypatch, "--preset", "hugo", "content") == (0, [])


@pytest.mark.parametrize(
    ("description", "message"),
    [
        ('"Configure page"', "`description` repeats the title word for word"),
        ('"configure  page."', "`description` repeats the title word for word"),
    ],
)
def test_hugo_description_that_is_the_title_again(tmp_path, capsys, monkeypatch, description, message):
    write(tmp_path, {"content/docs/page.md": HUGO_PAGE.format(description=description)})
    _, found = run(capsys, tmp_path, monkeypatch, "--preset", "hugo", "--select", "FM504", "content")
    assert found == [("content/docs/page.md", 3, 14, "FM504", message)]


def test_docs_presets_still_report_stray_and_doubled_spaces(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "docs/a.md": '---\ntitle: "Install  the CLI"\ndescription: "Set up the tool. "\n---\n',
            "docs/b.md": "---\ntitle: Upgrade\ndescription: |-\n  Move to version two.\n  \tThen rebuild.\n---\n",
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "--preset", "docusaurus", "docs")
    assert status == 0
    assert found == [
        ("docs/a.md", 2, 8, "FM502", "`title` has a doubled space at character 8"),
        ("docs/a.md", 3, 14, "FM502", "`description` ends with whitespace"),
        ("docs/b.md", 3, 14, "FM502", "`description` has a tab at character 22"),
    ]


STARLIGHT_SPLASH = """\
---
title: Welcome
description: |-
  Lint the front matter of every page
  before it ships.
template: splash
hero:
  title: |-
    Ship <span class="accent">tidy</span>
    front matter
  tagline: Checks for <abbr>YAML</abbr>,  TOML and JSON.
---
"""


def test_starlight_hero_copy_is_not_the_title_and_descriptions_may_wrap(tmp_path, capsys, monkeypatch):
    write(tmp_path, {"src/content/docs/index.mdx": STARLIGHT_SPLASH})
    assert run(capsys, tmp_path, monkeypatch, "--preset", "starlight", "src") == (0, [])


def test_news_articles_keep_the_strict_text_rules(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "a.md": '---\ntitle: "Sea wall approved"\nexcerpt: |-\n  Sea wall approved.\n  Work starts in spring.\n---\n'
        },
    )
    _, found = run(
        capsys, tmp_path, monkeypatch, "--preset", "news-article", "--select", "FM502,FM504", "a.md"
    )
    assert found == [
        ("a.md", 3, 10, "FM502", "`excerpt` has a line break at character 19"),
        ("a.md", 3, 10, "FM504", "`excerpt` starts by repeating the title"),
    ]


def test_a_project_can_set_the_text_options_itself(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "content-lint.toml": (
                'preset = "hugo"\n[rules.untidy-whitespace]\nline-breaks = true\n'
                "[rules.excerpt-repeats-title]\nallow-expansion = false\n"
            ),
            "content/page.md": HUGO_PAGE.format(description='"Configure page behavior."'),
            "content/wrap.md": HUGO_PAGE.format(description=">\n  Set the options.\n"),
        },
    )
    _, found = run(capsys, tmp_path, monkeypatch, "--select", "FM502,FM504", "content")
    assert [(path, code) for path, _, _, code, _ in found] == [
        ("content/page.md", "FM504"),
        ("content/wrap.md", "FM502"),
    ]
