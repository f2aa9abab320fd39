"""Symlinks in a checked tree: walking never follows one (like git), so a planted link cannot
send the run across the file system, and one file reached by two paths is checked once."""

from __future__ import annotations

import pytest
from helpers import ARTICLE, REFERENCE_TIME, check_json, write

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


HUGO_POSTS = (
    'preset = "hugo"\n[per-file-ignores]\n"content/posts/*" = ["FM204"]\n'
    '[[types]]\nname = "posts"\npaths = ["content/posts/"]\nrules.text-length = {max-title = 3}\n'
)
#: FM204 (lastmod before date) is ignored in content/posts; the posts type allows 3-letter titles.
LATE_EDIT = "---\ntitle: Long\ndate: 2024-05-01\nlastmod: 2024-01-01\n---\n"


@pytest.mark.parametrize(
    ("working", "given"),
    [("sub", "../linked/a.md"), ("sub", "../linked"), ("sub", "../content/posts/a.md"), (".", "linked")],
)
def test_types_and_per_file_ignores_match_one_project_path_from_any_working_folder(
    tmp_path, monkeypatch, capsys, working, given
):
    """Issue 24: named through a symlinked folder from below the project, a file got its type
    but not its per-file-ignores (and the folder walked found no page at all)."""
    (tmp_path / "content/posts").mkdir(parents=True)
    (tmp_path / "sub").mkdir()
    (tmp_path / "content-lint.toml").write_text(HUGO_POSTS)
    (tmp_path / "content/posts/a.md").write_text(LATE_EDIT)
    (tmp_path / "linked").symlink_to("content/posts")
    monkeypatch.chdir(tmp_path / working)
    assert main(["check", "--no-cache", "--output-format", "concise", given]) == 0
    lines = capsys.readouterr().out.splitlines()
    # the type's max-title applies and FM204 is ignored
    assert [line.split(" ", 2)[1] for line in lines if ": FM" in line] == ["FM503"]


def test_a_folder_linked_into_the_project_from_elsewhere_is_matched_where_its_link_is(
    tmp_path, monkeypatch, capsys
):
    project, shared = tmp_path / "site", tmp_path / "shared"
    (project / "content").mkdir(parents=True)
    shared.mkdir()
    (project / "content-lint.toml").write_text(HUGO_POSTS)
    (shared / "a.md").write_text(LATE_EDIT)
    (project / "content/posts").symlink_to(shared)
    monkeypatch.chdir(project)
    assert main(["check", "--no-cache", "--output-format", "concise", "content/posts/a.md"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" ", 2)[1] for line in lines if ": FM" in line] == ["FM503"]


def test_the_rules_see_the_same_project_path_as_the_config(tmp_path, monkeypatch, capsys):
    """A Jekyll post's URL comes from its place under `_posts/`: named through a symlinked
    folder from below the site, it is still a post (the rules ask the path the config matches)."""
    write(
        tmp_path,
        {
            "_config.yml": "title: Harbour club\n",
            "_posts/2016-03-04-moorings.md": "---\nlayout: post\ntitle: Moorings\n---\n",
            "_posts/2016-03-05-own.md": (
                "---\nlayout: post\ntitle: Own\npermalink: /2016/03/04/moorings.html\n---\n"
            ),
        },
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "linked").symlink_to("_posts")
    status, found = check_json(capsys, tmp_path / "sub", monkeypatch, "../linked")
    assert status == 1
    assert [(path, code) for path, _line, _column, code, _message in found] == [
        ("../_posts/2016-03-04-moorings.md", "FM404"),
        ("../_posts/2016-03-05-own.md", "FM404"),
    ]
