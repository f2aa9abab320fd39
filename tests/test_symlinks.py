"""Symlinks in a checked tree: walking never follows one (like git), so a planted link cannot
send the run across the file system, and one file reached by two paths is checked once."""

from __future__ import annotations

import pytest
from helpers import ARTICLE, REFERENCE_TIME

from linter.cli import main

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """content/real/a.md (clean); the working folder is the project."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME)
    (tmp_path / "content" / "real").mkdir(parents=True)
    (tmp_path / "content" / "real" / "a.md").write_text(ARTICLE)
    return tmp_path


def _shown(capsys, *paths: str) -> list[str]:
    assert main(["check", *paths, "--show-files"]) == 0
    return capsys.readouterr().out.splitlines()


def test_a_link_to_the_file_system_root_is_not_walked(project, capsys):
    (project / "content" / "r").symlink_to("/", target_is_directory=True)
    assert _shown(capsys, "content") == ["content/real/a.md"]


def test_a_linked_file_pointing_out_of_the_tree_is_not_read(project, capsys):
    outside = project / "secret.md"
    outside.write_text("---\ntitle: not for the log\n---\n")
    (project / "content" / "leak.md").symlink_to(outside)
    assert main(["check", "content", "--no-cache", "--output-format", "full"]) == 0
    assert "not for the log" not in capsys.readouterr().out


def test_an_alias_folder_inside_the_tree_is_not_a_second_copy(project, capsys):
    (project / "content" / "alias").symlink_to(project / "content" / "real", target_is_directory=True)
    assert _shown(capsys, "content") == ["content/real/a.md"]
    assert main(["check", "content", "--no-cache", "-q"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("second", ["link.md", "content/../content/real/a.md", "content"])
def test_one_file_named_by_two_paths_is_checked_once_and_never_its_own_duplicate(project, capsys, second):
    (project / "link.md").symlink_to(project / "content" / "real" / "a.md")
    assert _shown(capsys, "content/real/a.md", second) == ["content/real/a.md"]
    assert main(["check", "content/real/a.md", second, "--no-cache", "-q"]) == 0
    assert capsys.readouterr().out == ""


def test_a_link_named_on_the_command_line_is_followed(project, capsys):
    (project / "link").symlink_to(project / "content", target_is_directory=True)
    assert _shown(capsys, "link") == ["content/real/a.md"]  # shown by the real path it is matched on


def test_two_real_copies_are_still_duplicates(project, capsys):
    (project / "content" / "b.md").write_text(ARTICLE)
    assert main(["check", "content", "--no-cache", "-q", "--select", "FM404"]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_a_file_named_through_a_symlinked_folder_gets_its_types_ignores_and_pages(
    tmp_path, monkeypatch, capsys
):
    """The real path is what per-file-ignores, [[types]] and content folders match, whichever
    spelling the command line used (issue 24: the type applied, the ignores did not)."""
    (tmp_path / "content/posts").mkdir(parents=True)
    (tmp_path / "content-lint.toml").write_text(
        'preset = "hugo"\n[per-file-ignores]\n"content/posts/*" = ["FM204"]\n'
        '[[types]]\nname = "posts"\npaths = ["content/posts/"]\n'
    )
    (tmp_path / "content/posts/a.md").write_text(
        "---\ntitle: A\ndate: 2024-05-01\nlastmod: 2024-01-01\n---\n"
    )
    (tmp_path / "linked").symlink_to("content/posts")
    monkeypatch.chdir(tmp_path)
    for given in ("linked/a.md", "linked", "content/posts/a.md"):
        assert main(["check", "--no-cache", given]) == 0, given
        assert "All checks passed (1 file)" in capsys.readouterr().err
