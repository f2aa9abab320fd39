"""One changed file checked against warm content roots: folders unchanged since the cache
listed them are not listed again, the files sharing a key come from the key index, and
everything that changed is still seen."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from helpers import REFERENCE_TIME, clock_ahead, folders_listed, news_and_sport, slug_article

from linter.cli import main


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Content roots `content/news` and `content/sport` with distinct articles; the clock runs
    10 s ahead, so the folders are old enough for their listings to be kept."""
    monkeypatch.chdir(tmp_path)
    news_and_sport(tmp_path, REFERENCE_TIME + 'content-roots = ["content"]\n')
    clock_ahead(monkeypatch)
    (tmp_path / "new.md").write_text(slug_article("fresh"))
    assert main(["check", ".", "-q"]) == 0
    return tmp_path


def check_new(capsys, text: str) -> tuple[int, str]:
    Path("new.md").write_text(text)
    status = main(["check", "new.md", "-q"])
    return status, capsys.readouterr().out


def test_unchanged_folders_are_not_listed_again(project, monkeypatch, capsys):
    listed = folders_listed(monkeypatch)
    status, out = check_new(capsys, slug_article("news-1"))
    assert (status, "content/news/news1.md" in out) == (1, True)
    assert "news" not in listed and "sport" not in listed


def test_a_file_added_to_an_old_folder_is_compared(project, capsys):
    (project / "content" / "sport" / "late.md").write_text(slug_article("late"))
    status, out = check_new(capsys, slug_article("late"))
    assert (status, "content/sport/late.md" in out) == (1, True)


def test_a_renamed_file_is_compared_under_its_new_name(project, capsys):
    os.rename(project / "content" / "news" / "news2.md", project / "content" / "news" / "renamed.md")
    status, out = check_new(capsys, slug_article("news-2"))
    assert (status, "content/news/renamed.md" in out, "news2.md" in out) == (1, True, False)


def test_a_file_edited_in_place_to_the_same_size_is_compared(project, capsys):
    page = project / "content" / "sport" / "sport0.md"
    with open(page, "r+") as handle:  # in place: the folder's stat does not change
        handle.write(page.read_text().replace("sport-0", "fresh"))
    status, out = check_new(capsys, slug_article("fresh"))
    assert (status, "content/sport/sport0.md" in out) == (1, True)


def test_the_duplicate_goes_with_the_deleted_file(project, capsys):
    (project / "content" / "news" / "copy.md").write_text(slug_article("news-0"))
    status, out = check_new(capsys, slug_article("news-0"))
    assert (status, "content/news/copy.md" in out) == (1, True)
    (project / "content" / "news" / "copy.md").unlink()
    (project / "content" / "news" / "news0.md").unlink()
    assert check_new(capsys, slug_article("news-0")) == (0, "")


def test_a_folder_replaced_by_a_symlink_is_not_walked(project, tmp_path_factory, capsys):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "far.md").write_text(slug_article("far"))
    os.rename(project / "content" / "sport", project / "sport-old")
    os.symlink(elsewhere, project / "content" / "sport")
    assert check_new(capsys, slug_article("far")) == (0, "")


def test_a_gitignore_added_above_an_old_folder_is_applied(project, capsys):
    (project / "content" / ".gitignore").write_text("sport1.md\n")
    assert check_new(capsys, slug_article("sport-1")) == (0, "")


def test_a_new_exclude_pattern_applies_to_old_folders(project, capsys):
    config = project / "content-lint.toml"
    config.write_text(config.read_text() + 'extend-exclude = ["sport1.md"]\n')
    assert check_new(capsys, slug_article("sport-1")) == (0, "")


def test_a_page_cached_again_is_found_by_its_new_keys_only(project, capsys):
    (project / "content" / "news" / "news1.md").write_text(slug_article("moved"))
    assert check_new(capsys, slug_article("unrelated")) == (0, "")  # news1.md linted again, cached
    status, out = check_new(capsys, slug_article("moved"))
    assert (status, "content/news/news1.md" in out) == (1, True)
    assert check_new(capsys, slug_article("news-1")) == (0, "")


@pytest.mark.parametrize("damage", ["'{not json'", "'[1, 2]'", "'\"news0.md\"'"])
def test_a_damaged_listing_is_listed_again(project, capsys, damage):
    [cache_file] = (project / ".content-lint-cache").glob("*.sqlite3")
    with sqlite3.connect(cache_file) as connection:
        connection.execute(f"UPDATE folders SET files = {damage}")
    status, out = check_new(capsys, slug_article("news-0"))
    assert (status, "content/news/news0.md" in out) == (1, True)


def test_a_file_cached_again_is_not_judged_by_its_folders_old_stamps(project, capsys):
    page = project / "content" / "news" / "news1.md"
    old = page.stat()
    page.write_text(slug_article("other-story"))
    assert check_new(capsys, slug_article("unrelated")) == (0, "")  # news1.md linted again, cached
    page.write_text(slug_article("abcd-9"))  # the size it had, and then its old stat
    os.utime(page, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert page.stat().st_size == old.st_size
    status, out = check_new(capsys, slug_article("abcd-9"))
    assert (status, "content/news/news1.md" in out) == (1, True)


def test_a_checked_file_touched_drops_its_folders_stamps(project, capsys):
    page = project / "content" / "news" / "news1.md"
    old = page.stat()
    os.utime(page, ns=(old.st_atime_ns, old.st_mtime_ns - 5 * 10**9))  # same bytes, new stat
    Path("new.md").write_text(slug_article("unrelated"))
    assert main(["check", "new.md", str(page.relative_to(project)), "-q"]) == 0  # its stat trusted again
    capsys.readouterr()
    page.write_text(slug_article("abcd-9"))  # same size, and back to the stat its folder held
    os.utime(page, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert page.stat().st_size == old.st_size
    status, out = check_new(capsys, slug_article("abcd-9"))
    assert (status, "content/news/news1.md" in out) == (1, True)


@pytest.mark.parametrize("damage", ["'{not json'", "'[[1], [2]]'", "'[[0, 0, 0], [0, 0, 0]]'", "'7'"])
def test_damaged_file_stamps_are_never_trusted(project, capsys, damage):
    (project / "content" / "news" / "news0.md").write_text(slug_article("news-x"))
    [cache_file] = (project / ".content-lint-cache").glob("*.sqlite3")
    with sqlite3.connect(cache_file) as connection:
        connection.execute(f"UPDATE folders SET stamps = {damage}")
    status, out = check_new(capsys, slug_article("news-x"))
    assert (status, "content/news/news0.md" in out) == (1, True)


def test_overlapping_content_roots_judge_each_file_once(project, capsys):
    config = project / "content-lint.toml"
    config.write_text(config.read_text().replace('["content"]', '["content", "content/news"]'))
    assert main(["check", ".", "-q"]) == 0
    capsys.readouterr()
    (project / "content" / "news" / "news0.md").write_text(slug_article("news-x"))  # changed: linted
    status, out = check_new(capsys, slug_article("news-x"))
    assert (status, out.count("content/news/news0.md")) == (1, 1)
    status, out = check_new(capsys, slug_article("news-1"))  # unchanged: from the cache
    assert (status, out.count("content/news/news1.md")) == (1, 1)


def test_a_file_stored_again_and_then_edited_in_place_is_compared(project, capsys):
    page = project / "content" / "news" / "news1.md"
    page.write_text(slug_article("abcd-1"))  # linted and stored below: its folder's row stamped anew
    Path("new.md").write_text(slug_article("unrelated"))
    assert main(["check", "new.md", "content/news/news1.md", "-q"]) == 0
    stamp = page.stat()
    with open(page, "r+") as handle:  # in place: the same size, the folder's stat unchanged
        handle.write(page.read_text().replace("abcd-1", "abcd-2"))
    os.utime(page, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 10**9))
    status, out = check_new(capsys, slug_article("abcd-2"))
    assert (status, "content/news/news1.md" in out) == (1, True)
    assert check_new(capsys, slug_article("abcd-1")) == (0, "")
