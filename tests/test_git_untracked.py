"""A warm walk in a git work tree reuses git's list of untracked files while nothing it was
made from has changed (folders, tracked names, ignore and config files), and asks git again
when anything has: every report equals the one a run without the cache gives."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import REFERENCE_TIME, clock_ahead, git_on_path, news_and_sport, slug_article

from linter.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

BROKEN = slug_article("broken").replace("quality: 50", "quality: x")


def git(*arguments: str) -> None:
    identity = ("-c", "user.email=t@example.org", "-c", "user.name=t")
    subprocess.run(["git", *identity, *arguments], check=True, capture_output=True)


@pytest.fixture
def log(tmp_path_factory, monkeypatch) -> Path:
    """A `git` first on PATH that writes each command line it is given to the returned file,
    then runs the real git; HOME and XDG_CONFIG_HOME are folders of the test's own."""
    tools = tmp_path_factory.mktemp("tools")
    written = tools / "git.log"
    git_on_path(tools, f"echo \"$*\" >> '{written}'\nexec '{shutil.which('git')}' \"$@\"\n", monkeypatch)
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    return written


@pytest.fixture
def project(tmp_path, monkeypatch, log):
    """Committed `content/news` and `content/sport` plus `content/news/extra.md`, untracked;
    the clock 10 s ahead (every stat old enough to vouch for), checked twice."""
    monkeypatch.chdir(tmp_path)
    news_and_sport(tmp_path, REFERENCE_TIME)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "site")
    (tmp_path / "content" / "news" / "extra.md").write_text(slug_article("extra"))
    clock_ahead(monkeypatch)
    for _ in range(2):
        assert main(["check", ".", "-q"]) == 0
    return tmp_path


def report(capsys, *options: str) -> dict[str, object]:
    capsys.readouterr()
    main(["check", ".", "--output-format", "json", *options])
    found = json.loads(capsys.readouterr().out)
    assert isinstance(found, dict)
    return found


def warm_run(capsys, log: Path) -> tuple[bool, tuple[object, list[tuple[str, str]]]]:
    """Whether a warm `check .` asked git for the untracked files, and the number of files it
    checked and its findings (path, code), which a run without the cache must match."""
    log.write_text("")
    warm = report(capsys)
    asked = "--others" in log.read_text()
    assert warm == report(capsys, "--no-cache")
    findings = warm["findings"]
    assert isinstance(findings, list)
    return asked, (warm["files_checked"], sorted((f["path"], f["code"]) for f in findings))


def test_an_unchanged_tree_reuses_the_untracked_answer(project, capsys, log):
    assert warm_run(capsys, log) == (False, (7, []))
    (project / "content" / "sport" / "sport1.md").write_text(BROKEN)  # edited in place
    assert warm_run(capsys, log) == (False, (7, [("content/sport/sport1.md", "FM100")]))


def test_a_new_page_is_seen(project, capsys, log):
    (project / "content" / "sport" / "new.md").write_text(BROKEN)
    assert warm_run(capsys, log) == (True, (8, [("content/sport/new.md", "FM100")]))
    assert warm_run(capsys, log) == (False, (8, [("content/sport/new.md", "FM100")]))


def test_a_page_in_a_new_folder_is_seen(project, capsys, log):
    (project / "content" / "sport" / "cup").mkdir()
    (project / "content" / "sport" / "cup" / "final.md").write_text(BROKEN)
    assert warm_run(capsys, log) == (True, (8, [("content/sport/cup/final.md", "FM100")]))


def test_a_page_deep_in_an_empty_folder_is_seen(project, capsys, log):
    """git lists nothing under an empty folder, so the walk never looks at it: while one is
    there, git's answer is not reused (a page added two levels down changes no stat the
    walk sees)."""
    deep = project / "content" / "drafts" / "2026"
    deep.mkdir(parents=True)
    assert warm_run(capsys, log) == (True, (7, []))
    assert warm_run(capsys, log) == (True, (7, []))
    (deep / "late.md").write_text(BROKEN)
    assert warm_run(capsys, log) == (True, (8, [("content/drafts/2026/late.md", "FM100")]))


def test_an_ignore_file_edited_in_place_applies(project, capsys, log):
    ignore = project / "content" / "news" / ".gitignore"
    ignore.write_text("# nothing yet\n")
    assert warm_run(capsys, log) == (True, (7, []))
    assert warm_run(capsys, log) == (False, (7, []))
    ignore.write_text("extra.md\n")  # the folder's stat is kept
    assert warm_run(capsys, log) == (True, (6, []))


def test_an_ignore_file_above_the_walked_folder_applies(project, capsys, log, monkeypatch):
    monkeypatch.chdir(project / "content")
    assert warm_run(capsys, log)[1] == (7, [])
    assert warm_run(capsys, log) == (False, (7, []))
    (project / ".gitignore").write_text("extra.md\n")
    assert warm_run(capsys, log) == (True, (6, []))


def test_the_repositorys_exclude_file_applies(project, capsys, log):
    exclude = project / ".git" / "info" / "exclude"
    exclude.parent.mkdir(exist_ok=True)
    exclude.write_text("# nothing\n")
    assert warm_run(capsys, log) == (True, (7, []))
    exclude.write_text("content/news/extra.md\n")
    assert warm_run(capsys, log) == (True, (6, []))


def test_the_users_ignore_file_applies(project, capsys, log):
    ignore = Path(os.environ["XDG_CONFIG_HOME"]) / "git" / "ignore"
    ignore.parent.mkdir()
    ignore.write_text("extra.md\n")
    assert warm_run(capsys, log) == (True, (6, []))
    assert warm_run(capsys, log) == (False, (6, []))
    ignore.write_text("# nothing\n")
    assert warm_run(capsys, log) == (True, (7, []))


def test_an_ignore_file_named_by_the_config_applies(project, capsys, log, tmp_path_factory):
    named = tmp_path_factory.mktemp("elsewhere") / "ignored-pages"
    named.write_text("# nothing\n")
    git("config", "core.excludesFile", str(named))
    assert warm_run(capsys, log) == (True, (7, []))
    assert warm_run(capsys, log) == (False, (7, []))
    named.write_text("extra.md\n")
    assert warm_run(capsys, log) == (True, (6, []))


def test_a_page_untracked_is_still_checked(project, capsys, log):
    git("rm", "-q", "--cached", "content/sport/sport1.md")
    assert warm_run(capsys, log) == (True, (7, []))
    assert warm_run(capsys, log) == (False, (7, []))


def test_a_config_that_includes_another_is_never_vouched_for(project, capsys, log, tmp_path_factory):
    included = tmp_path_factory.mktemp("included") / "more.gitconfig"
    included.write_text("[core]\n")
    git("config", "include.path", str(included))
    assert warm_run(capsys, log) == (True, (7, []))
    assert warm_run(capsys, log) == (True, (7, []))


def test_stats_too_recent_are_not_vouched_for(project, capsys, log, monkeypatch):
    """Folders changed within 2 s of git's answer could change again within the same clock
    tick and keep their stat: that answer is not kept."""
    clock_ahead(monkeypatch, 0)
    (project / "content" / "sport" / "new.md").write_text(slug_article("new"))
    assert warm_run(capsys, log) == (True, (8, []))
    assert warm_run(capsys, log) == (True, (8, []))


def test_an_ignore_file_changed_just_now_is_not_vouched_for(project, capsys, log, monkeypatch):
    """Another edit within the same clock tick could leave the file's stat as it was."""
    clock_ahead(monkeypatch, 0)
    exclude = project / ".git" / "info" / "exclude"
    exclude.parent.mkdir(exist_ok=True)
    exclude.write_text("content/news/extra.md\n")
    assert warm_run(capsys, log) == (True, (6, []))
    assert warm_run(capsys, log) == (True, (6, []))


def test_a_linked_work_tree_is_asked_in_full(project, capsys, log, monkeypatch):
    """`git worktree add` leaves a `.git` file naming git's folder elsewhere: what git reads
    there is not looked at, so its answer is never reused."""
    git("worktree", "add", "-q", "linked")
    (project / "linked" / "content" / "news" / "extra.md").write_text(BROKEN)
    monkeypatch.chdir(project / "linked")
    for _ in range(3):  # the first run makes the cache folder, the second lists the top again
        assert warm_run(capsys, log) == (True, (7, [("content/news/extra.md", "FM100")]))
