"""Adversarial one-file runs against warm content roots (`check new.md`, as pre-commit runs):
whatever changed since the cache listed the folders, the duplicates found are the ones a run
without the cache finds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers import REFERENCE_TIME, clock_ahead, news_and_sport, slug_article

from linter.cli import main


def make(root: Path) -> None:
    root.mkdir(exist_ok=True)
    news_and_sport(root, REFERENCE_TIME + 'content-roots = ["content"]\n')
    (root / "new.md").write_text(slug_article("fresh"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Content roots `content/news` and `content/sport`, and `new.md`; the clock runs 10 s
    ahead (stamps are not racy) and the cache holds the folders' listings."""
    monkeypatch.chdir(tmp_path)
    make(tmp_path)
    clock_ahead(monkeypatch)
    assert main(["check", ".", "-q"]) == 0
    return tmp_path


def both(capsys, *arguments: str) -> tuple[tuple[int, str], tuple[int, str]]:
    """(status, output) of a warm one-file run, and of the same run without the cache."""
    capsys.readouterr()
    warm = main(["check", *arguments, "-q"]), capsys.readouterr().out
    cold = main(["check", *arguments, "-q", "--no-cache"]), capsys.readouterr().out
    return warm, cold


def test_folders_swapped_by_renames_are_compared_where_they_are_now(project, capsys):
    content = project / "content"
    (content / "news").rename(content / "old")
    (content / "sport").rename(content / "news")
    Path("new.md").write_text(slug_article("sport-1"))
    warm, cold = both(capsys, "new.md")
    assert warm == cold
    assert "content/news/sport1.md" in warm[1]


def test_a_folder_made_again_with_its_old_times_is_compared(project, capsys):
    news = project / "content" / "news"
    before = news.stat()
    shutil.rmtree(news)
    news.mkdir()
    (news / "news0.md").write_text(slug_article("copied"))
    os.utime(news, ns=(before.st_atime_ns, before.st_mtime_ns))
    Path("new.md").write_text(slug_article("copied"))
    warm, cold = both(capsys, "new.md")
    assert warm == cold
    assert "content/news/news0.md" in warm[1]


def test_a_page_in_the_roots_checked_by_name_or_through_an_alias(project, capsys):
    os.symlink(project / "content" / "news", project / "alias")
    page = project / "content" / "news" / "news0.md"
    page.write_text(slug_article("sport-2"))
    for named in ("content/news/news0.md", "alias/news0.md"):
        warm, cold = both(capsys, named)
        assert warm == cold
        assert "content/sport/sport2.md" in warm[1]


def test_a_hardlink_made_in_another_old_folder_is_compared(project, capsys):
    os.link(project / "content" / "sport" / "sport1.md", project / "content" / "news" / "linked.md")
    Path("new.md").write_text(slug_article("sport-1"))
    warm, cold = both(capsys, "new.md", "--jobs", "2")
    assert warm == cold
    assert "content/news/linked.md:7 and 1 more file" in warm[1]


def test_two_projects_sharing_one_cache_folder_compare_their_own_files(tmp_path, monkeypatch, capsys):
    shared = tmp_path / "cache"
    clock_ahead(monkeypatch)
    for name in ("one", "two"):
        make(tmp_path / name)
    (tmp_path / "two" / "content" / "news" / "news1.md").write_text(slug_article("fresh"))
    for name in ("one", "two", "one", "two"):
        monkeypatch.chdir(tmp_path / name)
        main(["check", ".", "-q", "--cache-dir", str(shared)])
    for name, duplicate in (("one", False), ("two", True)):
        monkeypatch.chdir(tmp_path / name)
        warm, cold = both(capsys, "new.md", "--cache-dir", str(shared))
        assert (warm == cold, "content/news/news1.md" in warm[1]) == (True, duplicate)
