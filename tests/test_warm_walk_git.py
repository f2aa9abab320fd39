"""A warm `check .` in a git work tree: git is asked on every walk, and a folder whose stat
and git's answer for it are unchanged since the cache listed it is not listed again; when
git's answer changes (an ignore file edited in place, a page untracked or force-added), the
report is still the one a run without the cache gives."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from helpers import (
    REFERENCE_TIME,
    clock_ahead,
    folders_listed,
    news_and_sport,
    slug_article,
    warm_and_cold_reports,
)

from linter.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(*arguments: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *arguments], check=True)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """`content/news` and `content/sport`, committed, with `content/news/draft.md` (a broken
    page) ignored by `content/news/.gitignore`; the clock 10 s ahead so the folders' listings
    are kept, and checked twice: the first run makes the cache, the second its listings."""
    monkeypatch.chdir(tmp_path)
    news_and_sport(tmp_path, REFERENCE_TIME)
    news = tmp_path / "content" / "news"
    (news / "draft.md").write_text(slug_article("draft").replace("quality: 50", "quality: x"))
    (news / ".gitignore").write_text("draft.md\n")
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "site")
    clock_ahead(monkeypatch)
    for _ in range(2):
        assert main(["check", ".", "-q"]) == 0
    return tmp_path


def checked(report: dict[str, object]) -> tuple[int, list[tuple[str, str]]]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return report["files_checked"], sorted((f["path"], f["code"]) for f in findings)  # type: ignore[return-value]


def test_a_warm_run_asks_git_and_lists_no_unchanged_folder(project, monkeypatch, capsys):
    listed = folders_listed(monkeypatch)
    warm, cold = warm_and_cold_reports(capsys)
    assert listed.count("news") == 1 and listed.count("sport") == 1  # by the run without the cache
    assert warm == cold
    assert checked(warm) == (6, [])


def test_an_ignore_file_edited_in_place_applies(project, capsys):
    (project / "content" / "news" / ".gitignore").write_text("# none\n")  # the folder's stat is kept
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold
    assert checked(warm) == (7, [("content/news/draft.md", "FM100")])


def test_a_page_untracked_and_excluded_is_left_out(project, capsys):
    git("rm", "-q", "--cached", "content/sport/sport1.md")
    (project / ".git" / "info").mkdir(exist_ok=True)
    (project / ".git" / "info" / "exclude").write_text("content/sport/sport1.md\n")
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold
    assert checked(warm) == (5, [])


def test_an_ignored_page_added_by_force_is_checked(project, capsys):
    git("add", "-f", "content/news/draft.md")
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold
    assert checked(warm) == (7, [("content/news/draft.md", "FM100")])


def test_a_nested_repository_is_walked_by_its_own_git(project, capsys):
    """git lists a repository inside the work tree as one entry (`content/vendor/`) and none
    of its files: the walk asks that repository's own git, whose ignore rules apply there."""
    vendor = project / "content" / "vendor"
    vendor.mkdir()
    (vendor / "kept.md").write_text(slug_article("vendor-kept").replace("quality: 50", "quality: x"))
    (vendor / "skipped.md").write_text(slug_article("vendor-skipped").replace("quality: 50", "quality: x"))
    (vendor / ".gitignore").write_text("skipped.md\n")
    subprocess.run(["git", "init", "-q"], cwd=vendor, check=True)
    for _ in range(2):
        warm, cold = warm_and_cold_reports(capsys)
        assert warm == cold
        assert checked(warm) == (7, [("content/vendor/kept.md", "FM100")])
