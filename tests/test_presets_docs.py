"""The docs-site presets (`docusaurus`, `starlight`) on small real-layout sites: planted
defects at their exact line and column, the exit status, and a clean site with nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import check_json as run
from helpers import check_report, fields, png, write

from linter.cli import main
from linter.config.presets import PRESETS

DOC = """\
---
id: {id}
title: {title}
slug: {slug}
sidebar_position: 2
---
Text.
"""

POST = """\
---
title: Release notes
slug: /releases/one
date: 2024-03-01
authors: [ada]
tags: [release, news]
last_update:
  date: 2024-03-04
image: /img/card.png
---
Text.
"""


def docusaurus_site(root: Path) -> None:
    write(
        root,
        {
            "content-lint.toml": 'preset = "docusaurus"\n',
            "static/img/card.png": png(1200, 630),
            "blog/2024-03-01-one.md": POST,
            # The same slug under blog/ is another URL space: not a duplicate of the docs one.
            "blog/2024-03-02-two.md": POST.replace("/releases/one", "/install/"),
            "docs/install.md": DOC.format(id="install", title="Install", slug="/install"),
        },
    )


def test_docusaurus_same_slug_twice_and_a_blank_title(tmp_path, capsys, monkeypatch):
    docusaurus_site(tmp_path)
    write(
        tmp_path,
        {
            "docs/guides/setup.md": DOC.format(id="setup", title="Setup", slug="/Install/"),
            "docs/blank.md": DOC.format(id="blank", title='"  "', slug="/blank"),
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "docs", "blog")
    assert status == 1
    assert found == [
        ("docs/blank.md", 3, 8, "FM501", "`title` is only whitespace"),
        (
            "docs/guides/setup.md",
            4,
            7,
            "FM404",
            "both pages publish /install: `slug` here, `slug` in docs/install.md:4",
        ),
        (
            "docs/install.md",
            4,
            7,
            "FM404",
            "both pages publish /install: `slug` here, `slug` in docs/guides/setup.md:4",
        ),
    ]


def test_docusaurus_relative_slugs_name_pages_in_their_folder(tmp_path, capsys, monkeypatch):
    """Docusaurus reads a doc's slug without a leading `/` against the doc's folder (number
    prefixes stripped); a blog post's slug is not folder-relative."""
    docusaurus_site(tmp_path)
    write(
        tmp_path,
        {
            # /guides/start and /tutorial/start: two pages.
            "docs/guides/intro.md": DOC.format(id="intro", title="Guides", slug="start"),
            "docs/tutorial/intro.md": DOC.format(id="intro", title="Tutorial", slug="start"),
            # /guides/start again, written absolute (and from a numbered folder, relative).
            "docs/moved.md": DOC.format(id="moved", title="Moved", slug="/guides/start"),
            "docs/02-guides/again.md": DOC.format(id="again", title="Again", slug="./start/"),
            # The same relative slug in two blog posts is one URL.
            "blog/2024-04-01-a.md": POST.replace("/releases/one", "spring"),
            "blog/2024-04-02-b.md": POST.replace("/releases/one", "spring"),
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "docs", "blog")
    assert status == 1
    assert [(path, line, code) for path, line, _, code, _ in found] == [
        ("blog/2024-04-01-a.md", 3, "FM404"),
        ("blog/2024-04-02-b.md", 3, "FM404"),
        ("docs/02-guides/again.md", 4, "FM404"),
        ("docs/guides/intro.md", 4, "FM404"),
        ("docs/moved.md", 4, "FM404"),
    ]
    assert "and 1 more file" in dict(((p, c), m) for p, _, _, c, m in found)[("docs/moved.md", "FM404")]


def test_docusaurus_clean_site_reports_nothing(tmp_path, capsys, monkeypatch):
    docusaurus_site(tmp_path)
    assert run(capsys, tmp_path, monkeypatch, "docs", "blog") == (0, [])


def test_docusaurus_schema_is_strict_where_the_format_is(tmp_path, capsys, monkeypatch):
    docusaurus_site(tmp_path)
    write(tmp_path, {"docs/toc.md": "---\ntitle: T\ntoc_max_heading_level: 9\nmy_key: kept\n---\n"})
    status, found = run(capsys, tmp_path, monkeypatch, "docs/toc.md")
    assert status == 1
    assert [(line, code) for _, line, _, code, _ in found] == [(3, "FM100")]


PAGE = """\
---
title: {title}
description: A page of the guide.
slug: {slug}
lastUpdated: {updated}
sidebar:
  order: 1
  badge: New
---
Text.
"""

HERO = """\
---
title: Welcome
template: splash
hero:
  tagline: Start here.
  image:
    file: {image}
  actions:
    - text: Read the guide
      link: /guides/start/
      variant: primary
---
"""


def starlight_site(root: Path) -> None:
    write(
        root,
        {
            "content-lint.toml": 'preset = "starlight"\n',
            "astro.config.mjs": "export default {};\n",
            "src/assets/hero.png": png(800, 600),
            "src/content/docs/index.mdx": HERO.format(image="../../assets/hero.png"),
            "src/content/docs/guides/start.md": PAGE.format(
                title="Start", slug="guides/start", updated="2024-05-01"
            ),
            # A translation's slug carries its locale, as Starlight reads the locale from it.
            "src/content/docs/fr/guides/start.md": PAGE.format(
                title="Commencer", slug="fr/guides/start", updated="true"
            ),
        },
    )


def test_starlight_future_last_updated_and_a_missing_hero_image(tmp_path, capsys, monkeypatch):
    starlight_site(tmp_path)
    write(
        tmp_path,
        {
            "src/content/docs/future.md": PAGE.format(title="Later", slug="later", updated="2031-01-01"),
            "src/content/docs/hero.mdx": HERO.format(image="../../assets/gone.png"),
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "src/content/docs")
    assert status == 1
    assert found == [
        (
            "src/content/docs/future.md",
            5,
            14,
            "FM201",
            "`lastUpdated` 2031-01-01 is 1,496 days in the future (now is 2026-11-26T12:00:00Z, tolerance 1 day)",
        ),
        (
            "src/content/docs/hero.mdx",
            7,
            11,
            "FM303",
            "image file `../../assets/gone.png` not found: looked in src/assets/gone.png",
        ),
    ]


def test_starlight_missing_hero_image_alone_is_a_warning(tmp_path, capsys, monkeypatch):
    starlight_site(tmp_path)
    write(tmp_path, {"src/content/docs/hero.mdx": HERO.format(image="../../assets/gone.png")})
    status, found = run(capsys, tmp_path, monkeypatch, "src/content/docs")
    assert (status, [code for *_, code, _ in found]) == (0, ["FM303"])
    assert main(["check", "--no-cache", "--fail-on", "warning", "src/content/docs"]) == 1


def test_starlight_clean_site_reports_nothing(tmp_path, capsys, monkeypatch):
    starlight_site(tmp_path)
    assert run(capsys, tmp_path, monkeypatch, "src/content/docs") == (0, [])


def test_starlight_slugs_are_compared_across_locales(tmp_path, capsys, monkeypatch):
    """Starlight reads a page's locale from its slug's first segment: a translation whose slug
    leaves the locale out is served at the English page's path, a duplicate; one that keeps
    it (fr/guides/start in the site, zh-cn/api here) is its own page."""
    starlight_site(tmp_path)
    write(
        tmp_path,
        {
            "src/content/docs/zh-cn/guides/start.md": PAGE.format(
                title="开始", slug="guides/start", updated="2024-05-01"
            ),
            "src/content/docs/zh-cn/api.md": PAGE.format(title="API", slug="zh-cn/api", updated="2024-05-01"),
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "src/content/docs")
    assert status == 1
    assert found == [
        (
            "src/content/docs/guides/start.md",
            4,
            7,
            "FM404",
            "both pages publish /guides/start: `slug` here, `slug` in src/content/docs/zh-cn/guides/start.md:4",
        ),
        (
            "src/content/docs/zh-cn/guides/start.md",
            4,
            7,
            "FM404",
            "both pages publish /guides/start: `slug` here, `slug` in src/content/docs/guides/start.md:4",
        ),
    ]


@pytest.mark.parametrize(
    ("front", "line"),
    [
        ("description: No title\n", 2),
        ("title: T\nhero:\n  image:\n    dark: ../../assets/hero.png\n", 5),  # no `light`
        ("title: T\nprev:\n  lable: Back\n", 4),  # prev's object form is strict
        ("title: T\nprev:\n  link: /a/\n  lable: A\n", 5),  # Starlight reads `prev` strictly
        ("title: T\nsidebar:\n  badge:\n    text: New\n    variant: loud\n", 6),
    ],
)
def test_starlight_schema_requires_a_title_and_checks_its_tables(tmp_path, capsys, monkeypatch, front, line):
    starlight_site(tmp_path)
    write(tmp_path, {"src/content/docs/x.md": f"---\n{front}---\n"})
    status, found = run(capsys, tmp_path, monkeypatch, "src/content/docs/x.md")
    assert status == 1
    assert [(code, found_line) for _, found_line, _, code, _ in found] == [("FM100", line)]


def test_cached_results_follow_a_change_of_the_presets_bindings(tmp_path, capsys, monkeypatch):
    """The result cache is keyed by the bindings as resolved, not only by the preset's name: a
    preset that changes between two builds of one version does not leave stale facts."""
    docusaurus_site(tmp_path)
    write(
        tmp_path,
        {
            "docs/guides/intro.md": DOC.format(id="intro", title="Guides", slug="start"),
            "docs/tutorial/intro.md": DOC.format(id="intro", title="Tutorial", slug="start"),
        },
    )
    cache = ["--cache-dir", str(tmp_path / ".content-lint-cache")]

    def checked() -> list[tuple[str, str]]:
        monkeypatch.chdir(tmp_path)
        return sorted(fields(check_report(capsys, *cache, "docs", cache=True)[1], "path", "code"))

    assert checked() == []
    preset = PRESETS["docusaurus"]
    roles = {key: value for key, value in preset.roles.items() if key != "relative-identity"}
    monkeypatch.setitem(PRESETS, "docusaurus", preset._replace(roles=roles))
    assert checked() == [("docs/guides/intro.md", "FM404"), ("docs/tutorial/intro.md", "FM404")]
