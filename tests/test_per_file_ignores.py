"""`per-file-ignores` keys are gitignore-style patterns from the project root, as `exclude`,
`content` and `[[types]] paths` are; an old fnmatch key whose `*` spans folders keeps that
meaning, with a one-line note naming the gitignore-style pattern that says the same."""

from __future__ import annotations

import pytest
from helpers import ARTICLE, REFERENCE_TIME, check_json_err, write

BROKEN = ARTICLE.replace("quality: 50", "quality: 150")  # one FM100 at the same place in each file
FILES = ("docs/a.md", "docs/guides/b.md", "site/docs/c.md", "drafts/d.md", "blog/drafts/e.md")


def _flagged(tmp_path, monkeypatch, capsys, key: str, *args: str) -> tuple[list[str], str]:
    """The files still reported (FM100) when `key` ignores FM100, and the notes on stderr."""
    config = REFERENCE_TIME + f'content = ["**"]\n[per-file-ignores]\n"{key}" = ["FM100"]\n'
    write(tmp_path, {"content-lint.toml": config, **dict.fromkeys(FILES, BROKEN)})
    status, found, err = check_json_err(capsys, tmp_path, monkeypatch, ".", "--select", "FM100", *args)
    flagged = sorted(path for path, _line, _column, _code, _message in found)
    assert status == (1 if flagged else 0)
    return flagged, "".join(line for line in err.splitlines(True) if line.startswith("content-lint:"))


@pytest.mark.parametrize(
    ("key", "flagged"),
    [
        ("/docs/*.md", ["blog/drafts/e.md", "docs/guides/b.md", "drafts/d.md", "site/docs/c.md"]),
        ("docs/", ["blog/drafts/e.md", "drafts/d.md"]),  # a folder of that name at any depth
        ("drafts/**", ["blog/drafts/e.md", "docs/a.md", "docs/guides/b.md", "site/docs/c.md"]),  # anchored
        ("**/drafts/*", ["docs/a.md", "docs/guides/b.md", "site/docs/c.md"]),
        ("*.md", []),
        ("b.md", ["blog/drafts/e.md", "docs/a.md", "drafts/d.md", "site/docs/c.md"]),
    ],
)
def test_keys_are_gitignore_style_patterns_from_the_root(tmp_path, monkeypatch, capsys, key, flagged):
    assert _flagged(tmp_path, monkeypatch, capsys, key) == (sorted(flagged), "")


def test_an_old_key_whose_star_spanned_folders_keeps_its_meaning_with_a_note(tmp_path, monkeypatch, capsys):
    flagged, err = _flagged(tmp_path, monkeypatch, capsys, "docs/*.md")
    assert flagged == ["blog/drafts/e.md", "drafts/d.md", "site/docs/c.md"]  # docs/guides/b.md too
    assert err == (
        'content-lint: per-file-ignores: "docs/*.md" is read as "docs/**/*.md", its meaning before keys'
        ' became gitignore-style (`*` stops at `/`): write that to keep it, or "/docs/*.md" to let `*`'
        " stop at `/`\n"
    )


def test_the_note_is_not_shown_under_quiet(tmp_path, monkeypatch, capsys):
    flagged, err = _flagged(tmp_path, monkeypatch, capsys, "*/drafts/*", "--quiet")
    assert flagged == ["docs/a.md", "docs/guides/b.md", "site/docs/c.md"]  # read as **/drafts/*
    assert err == ""
