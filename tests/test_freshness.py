"""Which files under the content roots a run consults: changed, uncached and vanished ones."""

from __future__ import annotations

from helpers import ARTICLE, roots_project

from linter.cli import main


def test_a_file_added_to_a_content_root_after_the_cache_was_filled_is_compared(tmp_path, monkeypatch, capsys):
    roots_project(tmp_path, monkeypatch, count=4)
    assert main(["check", "content", "-q"]) == 0
    (tmp_path / "content" / "late.md").write_text(ARTICLE.replace("sea-wall-approved", "late"))
    (tmp_path / "new.md").write_text(ARTICLE.replace("sea-wall-approved", "late"))
    assert main(["check", "new.md", "-q"]) == 1
    assert "content/late.md" in capsys.readouterr().out


def test_a_file_gone_since_it_was_cached_is_left_out(tmp_path, monkeypatch, capsys):
    roots_project(tmp_path, monkeypatch, count=4)
    assert main(["check", "content", "-q"]) == 0
    (tmp_path / "content" / "o2.md").unlink()
    (tmp_path / "new.md").write_text(ARTICLE.replace("sea-wall-approved", "old-2"))
    assert main(["check", "new.md", "-q"]) == 0
    assert capsys.readouterr().out == ""


def test_content_roots_run_is_the_same_with_workers(tmp_path, monkeypatch, capsys):
    roots_project(tmp_path, monkeypatch, count=8)
    assert main(["check", "content", "-q"]) == 0
    (tmp_path / "content" / "o2.md").write_text(ARTICLE.replace("sea-wall-approved", "old-5"))  # changed
    (tmp_path / "new.md").write_text(ARTICLE.replace("sea-wall-approved", "old-6"))
    expected = main(["check", "new.md", "-q"]), capsys.readouterr().out
    assert expected[0] == 1 and "content/o6.md" in expected[1]
    assert (main(["check", "new.md", "-q", "--jobs", "2"]), capsys.readouterr().out) == expected
