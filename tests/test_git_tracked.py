"""In a git work tree a walk never skips a file git ships: a `.gitignore` a pull request plants
beside a page it broke does not hide the page (git and the site generator still ship it)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import ARTICLE, git_on_path, line_of

from linter.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BROKEN = ARTICLE.replace("quality: 50", "quality: 150")
FM100 = f"content/posts/tides.md:{line_of(BROKEN, 'quality: 150')}:10: FM100"


def _git(repo: Path, *args: str) -> None:
    identity = ("-c", "user.name=Test", "-c", "user.email=test@example.invalid")
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A committed site with one page, checked from its root."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "content" / "posts" / "tides.md").write_text(ARTICLE)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "site")
    return tmp_path


def _check(capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, str]:
    status = main(["check", "--no-cache", "--output-format", "concise", *(paths or ("content",))])
    return status, capsys.readouterr().out


@pytest.mark.parametrize("committed", [True, False])
def test_a_planted_gitignore_does_not_hide_a_tracked_page(site, capsys, committed):
    (site / "content" / "posts" / "tides.md").write_text(BROKEN)
    (site / "content" / "posts" / ".gitignore").write_text("tides.md\n")
    if committed:
        _git(site, "add", "-A")
        _git(site, "commit", "-qm", "break tides and hide it")
    assert _check(capsys) == (1, f"{FM100} [error] `quality` must be at most 100, got 150 (at /quality)\n")


def test_an_ignored_folder_holding_a_tracked_page_is_walked(site, capsys):
    (site / "content" / "posts" / "tides.md").write_text(BROKEN)
    (site / ".gitignore").write_text("/content/posts/\n")
    status, out = _check(capsys)
    assert status == 1 and out.startswith(FM100)


def test_untracked_files_follow_the_ignore_rules(site, capsys):
    (site / ".gitignore").write_text("drafts/\n")
    (site / "content" / "drafts").mkdir()
    (site / "content" / "drafts" / "wip.md").write_text(BROKEN)
    (site / "content" / "posts" / "new.md").write_text(BROKEN)
    status, out = _check(capsys)
    assert status == 1
    assert out.startswith("content/posts/new.md:") and "drafts" not in out


def test_a_nested_repository_is_asked_on_its_own(site, capsys):
    nested = site / "content" / "theme"
    nested.mkdir()
    (nested / "page.md").write_text(BROKEN)
    _git(nested, "init", "-q")
    _git(nested, "add", "-A")
    _git(nested, "commit", "-qm", "theme")
    (nested / ".gitignore").write_text("page.md\n")
    status, out = _check(capsys)
    assert status == 1 and f"content/theme/page.md:{line_of(BROKEN, 'quality: 150')}:10: FM100" in out


def test_the_repositorys_config_runs_no_command(site, capsys):
    """A shared repository's `.git/config` can name a file-system monitor: it is never run."""
    marker = site / "ran"
    with (site / ".git" / "config").open("a") as config:
        config.write(f'[core]\n\tfsmonitor = "touch {marker}"\n\tpager = "touch {marker}"\n')
    (site / "content" / "posts" / "tides.md").write_text(BROKEN)
    (site / "content" / "posts" / ".gitignore").write_text("tides.md\n")
    status, out = _check(capsys)
    assert status == 1 and out.startswith(FM100)
    assert not marker.exists()


def test_git_variables_of_a_calling_hook_are_not_inherited(site, capsys, monkeypatch, tmp_path_factory):
    other = tmp_path_factory.mktemp("other")
    _git(other, "init", "-q")
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    (site / "content" / "posts" / "tides.md").write_text(BROKEN)
    (site / "content" / "posts" / ".gitignore").write_text("tides.md\n")
    status, out = _check(capsys)
    assert status == 1 and out.startswith(FM100)


@pytest.mark.parametrize("how", ["no git", "not a work tree"])
def test_without_git_the_walk_reads_gitignore_files_itself(site, capsys, monkeypatch, how):
    if how == "no git":
        monkeypatch.setenv("PATH", os.defpath if shutil.which("git", path=os.defpath) is None else "")
    else:
        shutil.rmtree(site / ".git")
    (site / "content" / "posts" / "new.md").write_text(BROKEN)
    (site / "content" / "posts" / ".gitignore").write_text("new.md\n")
    assert _check(capsys) == (0, "")


def test_a_linked_work_tree_is_asked_about_too(site, capsys, monkeypatch):
    """`git worktree add` leaves a `.git` file, not a folder, in the new work tree."""
    (site / "content" / "posts" / "tides.md").write_text(BROKEN)
    _git(site, "commit", "-qam", "break tides")
    _git(site, "worktree", "add", "-q", "linked")
    (site / "linked" / "content" / "posts" / ".gitignore").write_text("tides.md\n")
    monkeypatch.chdir(site / "linked" / "content")
    status, out = _check(capsys, "posts")
    assert status == 1 and out.startswith("posts/tides.md:")


def _fake_git(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `git` first on PATH that only says it ran, and fails as outside a repository."""
    marker = folder / "git-ran"
    git_on_path(folder, f"touch '{marker}'\nexit 128\n", monkeypatch)
    return marker


def test_git_is_not_started_outside_a_repository(tmp_path, capsys, monkeypatch, tmp_path_factory):
    if any((folder / mark).exists() for folder in tmp_path.parents for mark in (".git", "HEAD")):
        pytest.skip("the temporary folder is inside a git repository")
    marker = _fake_git(tmp_path_factory.mktemp("tools"), monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tides.md").write_text(ARTICLE)
    (tmp_path / "content" / "new.md").write_text(BROKEN)
    (tmp_path / "content" / ".gitignore").write_text("new.md\n")
    assert _check(capsys) == (0, "")
    assert not marker.exists()
    (tmp_path / ".git").mkdir()  # now git is asked (this one fails, and the walk falls back)
    assert _check(capsys) == (0, "")
    assert marker.exists()
