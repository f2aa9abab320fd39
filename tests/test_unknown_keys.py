"""Unknown keys per framework: where the framework ignores or strips them, only a slip of a known
key is a warning (FM101); where it rejects them, an error (FM100)."""

from __future__ import annotations

import pytest
from helpers import check_json as run
from helpers import write

from linter.cli import main

HUGO_PAGES = {
    # Hugo lower-cases keys: `linktitle` and `PublishDate` are its own keys.
    "content/notes.md": (
        "+++\ntitle = 'Notes'\nlinktitle = 'Notes'\nPublishDate = 2024-05-01\n"
        "image = '/img/card.png'\nheight = 3\n[params]\ndescripton = 'mine'\n+++\n"
    ),
    "content/typo.md": "---\ntitle: Typo\ndescripton: Set up the tool.\nsumary: Short.\n---\n",
}


def test_hugo_reports_slips_only(tmp_path, capsys, monkeypatch):
    write(tmp_path, HUGO_PAGES)
    status, found = run(capsys, tmp_path, monkeypatch, "--preset", "hugo", "content")
    assert status == 0
    assert found == [
        ("content/typo.md", 3, 1, "FM101", "unknown key `descripton`: did you mean `description`?"),
        ("content/typo.md", 4, 1, "FM101", "unknown key `sumary`: did you mean `summary`?"),
    ]


def test_jekyll_page_variables_are_free_but_a_slip_is_named(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "about.md": "---\nlayout: page\ntitle: About\nauthor_bio: Writes docs.\ntag: one\n---\n",
            "team.md": "---\nlayout: page\ntitle: Team\npermalnk: /team/\nRedirect_From: /people/\n---\n",
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "--preset", "jekyll", ".")
    assert status == 0
    assert found == [
        ("team.md", 4, 1, "FM101", "unknown key `permalnk`: did you mean `permalink`?"),
        ("team.md", 5, 1, "FM101", "unknown key `Redirect_From`: did you mean `redirect_from`?"),
    ]


def test_docusaurus_lets_unknown_keys_pass_at_every_level(tmp_path, capsys, monkeypatch):
    """Docusaurus validates front matter with Joi's `allowUnknown: true`, which reaches into
    `last_update` too: its slips are warnings as well."""
    write(
        tmp_path,
        {
            "docs/intro.md": (
                "---\ntitle: Intro\nsidebar-label: Start\nhide_title: true\nteam: docs\n"
                "last_update:\n  date: 2024-05-01\n  autor: Ada\n---\n"
            ),
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "--preset", "docusaurus", "docs")
    assert status == 0
    assert found == [
        ("docs/intro.md", 3, 1, "FM101", "unknown key `sidebar-label`: did you mean `sidebar_label`?"),
        ("docs/intro.md", 8, 3, "FM101", "unknown key `last_update.autor`: did you mean `author`?"),
    ]


STARLIGHT_HOME = """\
---
title: Home
template: splash
hero:
  title: Lint it
  facepile:
    tagline: Made by people
  image:
    file: ../../assets/hero.png
    html: <svg></svg>
  actions:
    - text: Start
      link: /start/
      varient: primary
tableOfContents:
  minHeadingLevel: 2
  depth: 3
---
"""


def test_starlight_strips_unknown_keys_and_reports_slips(tmp_path, capsys, monkeypatch):
    """Starlight's zod objects strip unknown keys (`hero.facepile`, a site's own extension);
    its hero image takes the first form that fits; `prev` and `next` are strict."""
    write(
        tmp_path,
        {
            "src/content/docs/index.mdx": STARLIGHT_HOME,
            "src/content/docs/next.md": "---\ntitle: Next\nnext:\n  link: /b/\n  text: B\n---\n",
        },
    )
    status, found = run(capsys, tmp_path, monkeypatch, "--preset", "starlight", "--ignore", "FM303", "src")
    assert status == 1
    assert found == [
        (
            "src/content/docs/index.mdx",
            14,
            7,
            "FM101",
            "unknown key `hero.actions[0].varient`: did you mean `variant`?",
        ),
        (
            "src/content/docs/next.md",
            5,
            3,
            "FM100",
            "unknown key `next.text`: not allowed here (at /next/text)",
        ),
    ]


def test_the_unsafe_fix_renames_the_key(tmp_path, capsys, monkeypatch):
    write(tmp_path, {"content/typo.md": HUGO_PAGES["content/typo.md"]})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--preset", "hugo", "--no-cache", "--fix", "--unsafe-fixes", "content"]) == 0
    text = (tmp_path / "content/typo.md").read_text(encoding="utf-8")
    assert text == "---\ntitle: Typo\ndescription: Set up the tool.\nsummary: Short.\n---\n"


@pytest.mark.parametrize(
    "front",
    [
        "title: T\ndescription: D\nDescription: E\n",  # both spellings: the second is taken as meant
        "title: T\nimages: [/a.png]\nimage: /b.png\n",  # a plural beside its singular
        "title: T\ndata: x\nweight: 2\nheight: 3\n",  # other words, not slips
        "title: T\n_slug: draft-name\n",  # a leading `_` marks a key of its own
    ],
)
def test_keys_that_are_other_words_are_quiet(tmp_path, capsys, monkeypatch, front):
    write(tmp_path, {"docs/a.md": f"---\n{front}---\n"})
    assert run(capsys, tmp_path, monkeypatch, "--preset", "docusaurus", "--select", "FM101", "docs") == (
        0,
        [],
    )


def test_a_closed_schema_reports_unknown_keys_as_errors_only(tmp_path, capsys, monkeypatch):
    """news-article's schema is closed: an unknown key is FM100, never FM101 as well."""
    write(tmp_path, {"a.md": "---\ntitle: T\nexcerpt: E\nexcerp: F\n---\n"})
    _, found = run(
        capsys, tmp_path, monkeypatch, "--preset", "news-article", "--select", "FM100,FM101", "a.md"
    )
    assert [(line, code) for _, line, _, code, message in found if "excerp`" in message] == [(4, "FM100")]
