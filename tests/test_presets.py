"""Presets on small real-layout sites: planted defects are found at their exact lines, and a
clean site reports nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import NOW_TEXT, check_report, fields, png, write

from linter.cli import main


def run(capsys, root: Path, monkeypatch, *args: str) -> tuple[int, list[tuple[str, int, str]]]:
    monkeypatch.chdir(root)
    status, findings, _ = check_report(capsys, *args)
    return status, sorted(fields(findings, "path", "line", "code"))


HUGO_CLEAN = """\
---
title: "Tides and tables"
date: 2024-05-01T10:00:00+02:00
lastmod: 2024-05-03
tags: [Go, Hugo]
cover:
  image: /images/tide.png
aliases: [/old/tides/]
---
Body.
"""


def test_hugo_site_planted_defects_at_exact_lines(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "hugo"\n',
            "static/images/tide.png": png(800, 400),
            "static/images/icon.png": png(40, 40),
            "content/posts/clean.md": HUGO_CLEAN,
            "content/posts/order.md": "---\ntitle: Order\ndate: 2024-05-02\nlastmod: 2024-05-01T09:00:00Z\n---\n",
            "content/posts/alias.md": "---\ntitle: Alias\ndate: 2024-01-01\naliases:\n  - /old/tides\n---\n",
            "content/posts/future.md": "---\ntitle: Future\ndate: 2024-01-01\npublishDate: 2031-01-01\n---\n",
            "content/posts/expiry.md": "---\ntitle: Expiry\ndate: 2024-03-01\nexpiryDate: 2024-02-18\n---\n",
            "content/posts/cover.md": "---\ntitle: Cover\ndate: 2024-01-01\ncover:\n  image: /images/icon.png\n---\n",
            "content/posts/tags.md": "---\ntitle: Tags\ndate: 2024-01-01\ntags: [Go, go]\n---\n",
            "content/posts/missing.md": "---\ntitle: Missing\ndate: 2024-01-01\nimages:\n  - /images/gone.png\n---\n",
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "content")
    assert status == 1
    assert found == [
        ("content/posts/alias.md", 5, "FM404"),
        ("content/posts/clean.md", 8, "FM404"),
        ("content/posts/cover.md", 5, "FM301"),
        ("content/posts/cover.md", 5, "FM301"),
        ("content/posts/expiry.md", 4, "FM204"),
        ("content/posts/future.md", 4, "FM201"),
        ("content/posts/missing.md", 5, "FM303"),
        ("content/posts/order.md", 4, "FM204"),
        ("content/posts/tags.md", 4, "FM506"),
    ]


def test_hugo_translations_keep_their_own_aliases(tmp_path, capsys, monkeypatch):
    """Hugo puts a translation's aliases under its language prefix, so two translations may
    list the same alias; within one language it is a duplicate. The language comes from the
    configured languages only: `content/de/` without a `contentDir` is a folder of English."""
    page = "---\ntitle: {title}\ndate: 2024-01-01\naliases: [/old/about/]\n---\n"
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "hugo"\n',
            "hugo.toml": "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[languages.de]\nweight = 3\n",
            "content/about.md": page.format(title="About"),
            "content/about.fr.md": page.format(title="À propos"),
            "content/de/about.md": page.format(title="Über uns"),
            "content/posts/team.de.md": page.format(title="Team"),
            "content/api/about.md": page.format(title="API"),
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "content")
    assert status == 1
    assert found == [
        ("content/about.md", 4, "FM404"),
        ("content/api/about.md", 4, "FM404"),
        ("content/de/about.md", 4, "FM404"),
    ]


def test_hugo_clean_site_reports_nothing(tmp_path, capsys, monkeypatch):
    write(tmp_path, {"static/images/tide.png": png(800, 400), "content/a.md": HUGO_CLEAN})
    assert run(capsys, tmp_path, monkeypatch, "--preset", "hugo", "content") == (0, [])


def test_jekyll_site_planted_defects_at_exact_lines(tmp_path, capsys, monkeypatch):
    post = "---\nlayout: post\ntitle: {title}\ndate: {date}\nlast_modified_at: {modified}\npermalink: {link}\n---\n"
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "jekyll"\n',
            "_posts/2016-01-01-a.md": post.format(
                title="A", date="2016-01-01 10:00:00 +0000", modified="2015-12-31", link="/blog/same/"
            ),
            "_posts/2016-02-01-b.md": post.format(
                title="B", date="2016-02-01 10:00", modified="2016-02-02", link="/blog/same"
            ),
            "_posts/2016-03-01-c.md": post.format(
                title="C", date="2016-03-01", modified="2016-03-01 18:00:00 +0100", link="/:year/:title/"
            ),
            "_posts/2016-04-01-d.md": post.format(
                title="D", date="2016-04-01", modified="2016-04-02", link="/:year/:title/"
            ),
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "_posts")
    assert status == 1
    assert found == [
        ("_posts/2016-01-01-a.md", 5, "FM204"),
        ("_posts/2016-01-01-a.md", 6, "FM404"),
        ("_posts/2016-02-01-b.md", 6, "FM404"),
    ]


def test_jekyll_pages_that_publish_one_path_are_named_by_it(tmp_path, capsys, monkeypatch):
    """A permalink and a redirect_from entry of three pages name one path: each finding says
    which path they both publish and where the other page says so."""
    write(
        tmp_path,
        {
            "about.md": "---\ntitle: About\npermalink: /about/\n---\n",
            "team.md": "---\ntitle: Team\npermalink: /team/\nredirect_from:\n  - /people/\n  - /About\n---\n",
            "staff.md": "---\ntitle: Staff\nredirect_from: /about/index.html\n---\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--preset", "jekyll", "--no-cache", "--output-format", "concise", "."]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "about.md:3:12: FM404 [error] both pages publish /about: `permalink` here, "
        "`redirect_from` in staff.md:3, and 1 more file",
        "staff.md:3:16: FM404 [error] both pages publish /about: `redirect_from` here, "
        "`permalink` in about.md:3, and 1 more file",
        "team.md:6:5: FM404 [error] both pages publish /about: `redirect_from[1]` here, "
        "`permalink` in about.md:3, and 1 more file",
    ]


def test_types_apply_the_first_matching_preset_and_compare_identity_within_a_type(
    tmp_path, capsys, monkeypatch
):
    config = """\
[[types]]
name = "docs"
paths = ["content/docs/"]
preset = "hugo"

[[types]]
name = "blog"
paths = ["content/blog/"]
preset = "hugo"
"""
    page = "---\ntitle: {t}\ndate: 2024-01-01\nlastmod: {m}\nurl: /same/\n---\n"
    write(
        tmp_path,
        {
            "content-lint.toml": config,
            "content/docs/a.md": page.format(t="A", m="2023-01-01"),
            "content/blog/b.md": page.format(t="B", m="2024-02-01"),
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "content")
    assert status == 1
    assert found == [("content/docs/a.md", 4, "FM204")]  # the same url in two types is fine


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('preset = "wordpress"\n', "unknown preset 'wordpress'"),
        ('[roles]\ndates = "date"\n', "is not a JSON Pointer pattern"),
        ('[roles]\nwhen = "/date"\n', "names no role `when`"),
        ('timezone = "Mars/Olympus"\n', "is not a known time zone"),
        ('[roles]\nrelative-identity = "(docs"\n', "`relative-identity` is not a regular expression"),
        ('[[types]]\nname = "a"\npaths = ["x/"]\n[[types]]\nname = "b"\npaths = ["x/"]\n', "never applies"),
        (
            '[[types]]\nname = "a"\npaths = ["x/"]\n[[types]]\nname = "a"\npaths = ["y/"]\n',
            "repeats the type name",
        ),
    ],
)
def test_bad_roles_presets_and_types_are_one_line_config_errors(
    tmp_path, capsys, monkeypatch, config, message
):
    write(tmp_path, {"content-lint.toml": config, "a.md": "---\ntitle: A\n---\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "a.md"]) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


def test_unknown_preset_on_the_command_line_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--preset", "nope", "."]) == 2
    assert "unknown preset 'nope'" in capsys.readouterr().err


def test_presets_command_lists_every_preset(capsys):
    assert main(["presets"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert {"news-article", "hugo", "jekyll"} <= set(names)


def test_an_image_change_is_seen_with_the_cache_on(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "hugo"\n',
            "static/images/tide.png": png(800, 400),
            "content/a.md": HUGO_CLEAN,
        },
    )
    monkeypatch.chdir(tmp_path)
    args = ["check", "--output-format", "json", "--reference-time", NOW_TEXT, "content"]
    assert main(args) == 0
    capsys.readouterr()
    (tmp_path / "static/images/tide.png").write_bytes(png(20, 20))
    assert main(args) == 0  # FM301 is a warning
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["code"], f["line"], f["message"]) for f in findings] == [
        ("FM301", 7, "image file is 20 px in height, below the minimum of 50 px"),
        ("FM301", 7, "image file is 20 px in width, below the minimum of 100 px"),
    ]
