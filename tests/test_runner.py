"""Whole runs: worker processes give the same output; content roots feed cross-file rules."""

from __future__ import annotations

import pytest
from helpers import ARTICLE, REFERENCE_TIME, line_of, roots_project

from linter.cli import main
from linter.running.parallel import MIN_FILES_PER_WORKER, effective_jobs, lint_many


def test_small_runs_stay_in_one_process():
    assert effective_jobs(8, 10) == 1
    assert effective_jobs(2, MIN_FILES_PER_WORKER * 2) == 2
    assert effective_jobs(2, MIN_FILES_PER_WORKER * 100) == 2


def test_a_run_leaves_the_garbage_collector_as_it_found_it(tmp_path, monkeypatch, capsys):
    import gc

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(ARTICLE)
    before = gc.get_threshold()
    assert main(["check", "a.md", "--no-cache", "-q"]) == 0
    assert gc.get_threshold() == before


@pytest.fixture
def big_project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME)
    count = MIN_FILES_PER_WORKER * 2 + 7
    for index in range(count):
        folder = tmp_path / "content" / f"part{index % 5}"
        folder.mkdir(parents=True, exist_ok=True)
        text = ARTICLE.replace("sea-wall-approved", f"story-{index}").replace("surge-maps", f"surge-{index}")
        if index % 50 == 0:
            text = text.replace("quality: 50", f"quality: {150 + index}")
        if index % 97 == 0:  # the same article twice: a cross-file finding between workers
            text = text.replace(f"story-{index}", "story-dup")
        (folder / f"a{index:04}.md").write_text(text)
    return tmp_path, count


def test_workers_give_one_result_per_file_in_order(big_project):
    from linter.config.settings import config_from_table
    from linter.running.engine import build_engine

    root, _count = big_project
    paths = sorted(str(p) for p in (root / "content").rglob("*.md"))
    engine = build_engine(config_from_table({}, root / "pyproject.toml"))
    results = list(lint_many(engine, paths, 2))
    assert [r.path for r in results] == paths
    assert [r.findings for r in results] == [r.findings for r in lint_many(engine, paths, 1)]


def test_output_is_identical_whatever_the_number_of_workers(big_project, capsys):
    _, count = big_project
    outputs = []
    for jobs in ("1", "2"):
        status = main(["check", "content", "--no-cache", "--jobs", jobs])
        out, err = capsys.readouterr()
        outputs.append((status, out))
        assert f"of {count} files" in err
    assert outputs[0] == outputs[1]
    assert outputs[0][1].count("FM100") == len(range(0, count, 50))
    assert outputs[0][1].count("FM404") == len(range(0, count, 97))


def test_workers_filling_the_cache_give_the_same_findings_and_reuse_them(big_project, capsys):
    expected = (main(["check", "content", "--no-cache", "--jobs", "1"]), capsys.readouterr()[0])
    for _run in ("fill", "warm"):
        assert (main(["check", "content", "--jobs", "2"]), capsys.readouterr()[0]) == expected


def test_content_roots_compare_one_changed_file_with_all(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME + 'content-roots = ["content"]\n')
    (tmp_path / "content" / "old").mkdir(parents=True)
    for index in range(5):
        (tmp_path / "content" / "old" / f"o{index}.md").write_text(
            ARTICLE.replace("sea-wall-approved", f"old-{index}")
        )
    assert main(["check", "content", "-q"]) == 0  # fills the cache
    capsys.readouterr()
    new = tmp_path / "content" / "new.md"
    new.write_text(ARTICLE.replace("sea-wall-approved", "old-3/"))  # same article as o3.md, trailing slash
    assert main(["check", "content/new.md", "-q"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"content/new.md:{line_of(ARTICLE, 'webUrl:')}:9: FM404 [error] `webUrl` is the same article as "
        f"`webUrl` in content/old/o3.md:{line_of(ARTICLE, 'webUrl:')}"
    ]


def test_without_content_roots_only_the_given_files_are_compared(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "b.md").write_text(ARTICLE)
    assert main(["check", "a.md", "-q", "--select", "FM404"]) == 0
    assert main(["check", "a.md", "b.md", "-q", "--select", "FM404"]) == 1


def test_a_file_reached_through_a_symlinked_folder_is_not_its_own_duplicate(tmp_path, monkeypatch, capsys):
    roots_project(tmp_path, monkeypatch)
    (tmp_path / "alias").symlink_to(tmp_path / "content", target_is_directory=True)
    assert main(["check", "alias/o1.md", "-q"]) == 0
    assert main(["check", "alias/o1.md", "-q"]) == 0  # and again from the cache
    assert capsys.readouterr().out == ""


def test_an_unchecked_file_changed_since_it_was_cached_gives_fresh_facts(tmp_path, monkeypatch, capsys):
    roots_project(tmp_path, monkeypatch)
    new = tmp_path / "content" / "new.md"
    new.write_text(ARTICLE.replace("sea-wall-approved", "old-2"))
    assert main(["check", "content", "-q"]) == 1  # fills the cache; new.md and o2.md collide
    capsys.readouterr()
    old = tmp_path / "content" / "o2.md"
    old.write_text(old.read_text().replace("old-2", "renamed-2") + "\n")  # another size: not fresh by stat
    assert main(["check", "content/new.md", "-q"]) == 0
    assert capsys.readouterr().out == ""


def test_a_content_root_given_on_the_command_line_reports_each_duplicate_once(tmp_path, monkeypatch, capsys):
    roots_project(tmp_path, monkeypatch)
    (tmp_path / "content" / "new.md").write_text(ARTICLE.replace("sea-wall-approved", "old-0"))
    for _run in range(2):  # cold, then from the cache
        assert main(["check", "content", "-q", "--select", "FM404"]) == 1
        lines = capsys.readouterr().out.splitlines()
        assert [line.split(":")[0] for line in lines] == ["content/new.md", "content/o0.md"]


def test_under_pre_commit_the_project_root_is_the_content_root(tmp_path, monkeypatch, capsys):
    """pre-commit may split the changed files into several calls: each call compares against
    the whole project when `content-roots` is not set."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "old.md").write_text(ARTICLE)
    (tmp_path / "news" / "new.md").write_text(ARTICLE)
    assert main(["check", "news/new.md", "-q", "--no-cache"]) == 0  # alone, as before
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert main(["check", "news/new.md", "-q", "--no-cache", "--output-format", "concise"]) == 1
    assert capsys.readouterr().out.startswith("news/new.md:7:9: FM404 [error] `webUrl` is the same article")


def test_under_pre_commit_configured_content_roots_still_win(tmp_path, monkeypatch, capsys):
    roots_project(tmp_path, monkeypatch)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "copy.md").write_text(ARTICLE.replace("sea-wall-approved", "new"))
    (tmp_path / "content" / "new.md").write_text(ARTICLE.replace("sea-wall-approved", "new"))
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert main(["check", "content/new.md", "-q", "--no-cache"]) == 0
    assert capsys.readouterr().out == ""
