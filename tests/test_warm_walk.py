"""A warm `check .`: folders unchanged since the cache listed them are not listed again, and
the report is still the one a run without the cache gives, whatever changed in between."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

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


@pytest.fixture
def project(tmp_path, monkeypatch):
    """`content/news` and `content/sport` with three articles each (one of them a duplicate
    and one with a finding); the clock runs 10 s ahead, so the folders are old enough for their
    listings to be kept. Checked twice: the first run makes the cache, the second its listings."""
    monkeypatch.chdir(tmp_path)
    news_and_sport(tmp_path, REFERENCE_TIME)
    (tmp_path / "content" / "sport" / "sport2.md").write_text(slug_article("news-1"))
    (tmp_path / "content" / "news" / "news2.md").write_text(
        slug_article("news-2").replace("quality: 50", "quality: x")
    )
    clock_ahead(monkeypatch)
    for _ in range(2):
        assert main(["check", ".", "-q"]) == 1
    return tmp_path


def test_a_warm_run_lists_no_unchanged_folder(project, monkeypatch, capsys):
    listed = folders_listed(monkeypatch)
    capsys.readouterr()
    assert main(["check", ".", "--output-format", "json"]) == 1
    warm = json.loads(capsys.readouterr().out)
    assert "news" not in listed and "sport" not in listed
    assert warm["files_checked"] == 6
    assert main(["check", ".", "--output-format", "json", "--no-cache"]) == 1
    assert json.loads(capsys.readouterr().out) == warm


def test_a_file_edited_in_place_in_an_old_folder_is_checked(project, capsys):
    page = project / "content" / "sport" / "sport0.md"
    with open(page, "r+") as handle:  # in place: the folder's stat does not change
        handle.write(page.read_text().replace("sport-0", "news-0"))
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold
    assert "content/sport/sport0.md" in {f["path"] for f in warm["findings"]}  # type: ignore[attr-defined, index]


def test_a_file_added_to_an_old_folder_is_checked(project, capsys):
    (project / "content" / "news" / "late.md").write_text(
        slug_article("late").replace("quality: 50", "quality: y")
    )
    warm, cold = warm_and_cold_reports(capsys)
    assert (warm == cold, warm["files_checked"]) == (True, 7)
    assert "content/news/late.md" in {f["path"] for f in warm["findings"]}  # type: ignore[attr-defined, index]


def test_a_file_removed_from_an_old_folder_is_gone(project, capsys):
    (project / "content" / "news" / "news2.md").unlink()
    warm, cold = warm_and_cold_reports(capsys)
    assert (warm == cold, warm["files_checked"]) == (True, 5)
    assert "content/news/news2.md" not in {f["path"] for f in warm["findings"]}  # type: ignore[attr-defined, index]


def test_a_folder_replaced_by_a_symlink_is_not_walked(project, tmp_path_factory, capsys):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "far.md").write_text(slug_article("far"))
    os.rename(project / "content" / "sport", elsewhere / "sport-old")
    os.symlink(elsewhere, project / "content" / "sport")
    warm, cold = warm_and_cold_reports(capsys)
    assert (warm == cold, warm["files_checked"]) == (True, 3)


@pytest.mark.parametrize("damage", ["'{not json'", "'[1, 2]'", "'\"news0.md\"'"])
def test_a_damaged_listing_is_listed_again(project, capsys, damage):
    [cache_file] = (project / ".content-lint-cache").glob("*.sqlite3")
    with sqlite3.connect(cache_file) as connection:
        assert connection.execute("SELECT count(*) FROM folders").fetchone()[0] > 0
        connection.execute(f"UPDATE folders SET files = {damage}")
    warm, cold = warm_and_cold_reports(capsys)
    assert (warm == cold, warm["files_checked"]) == (True, 6)


def test_a_cache_made_without_the_secret_lists_every_folder(project, capsys):
    [cache_file] = (project / ".content-lint-cache").glob("*.sqlite3")
    with sqlite3.connect(cache_file) as connection:  # a listing planted with a forged token
        connection.execute("UPDATE meta SET value = 'forged' WHERE name = 'token'")
        connection.execute("""UPDATE folders SET files = '["ghost.md"]'""")
    warm, cold = warm_and_cold_reports(capsys)
    assert (warm == cold, warm["files_checked"]) == (True, 6)


def test_a_new_exclude_pattern_applies_to_old_folders(project, capsys):
    config = project / "content-lint.toml"
    config.write_text(config.read_text() + 'extend-exclude = ["news2.md"]\n')
    warm, cold = warm_and_cold_reports(capsys)
    assert (warm == cold, warm["files_checked"]) == (True, 5)


def test_show_files_opens_no_cache(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(slug_article("a"))
    assert main(["check", ".", "--show-files"]) == 0
    assert capsys.readouterr().out == "a.md\n"
    assert not (tmp_path / ".content-lint-cache").exists()


@pytest.mark.parametrize("enabled", [True, False])
def test_a_check_leaves_the_garbage_collector_as_it_found_it(project, capsys, enabled):
    import gc

    (gc.enable if enabled else gc.disable)()
    try:
        assert main(["check", ".", "-q"]) == 1
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_a_check_called_in_process_freezes_nothing(project, capsys):
    import gc

    assert main(["check", ".", "-q"]) == 1
    assert gc.get_freeze_count() == 0  # the cycles garbage by then are still collected
