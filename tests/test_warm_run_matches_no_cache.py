"""Adversarial warm runs: whatever changes between two runs (folders swapped, recreated with
their old times, files replaced by links, the config or a schema edited, another project
sharing the cache folder), a warm run reports what a run without the cache reports."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from helpers import REFERENCE_TIME, clock_ahead, news_and_sport, slug_article, warm_and_cold_reports

from linter.cli import main


@pytest.fixture
def project(tmp_path, monkeypatch):
    """`content/news` and `content/sport`, three clean articles each; the clock runs 10 s
    ahead (stamps are not racy) and the cache is warm (two runs: entries, then listings)."""
    monkeypatch.chdir(tmp_path)
    news_and_sport(tmp_path, REFERENCE_TIME + 'content-roots = ["content"]\n')
    clock_ahead(monkeypatch)
    for _ in range(2):
        assert main(["check", ".", "-q"]) == 0
    return tmp_path


def codes(report: object) -> set[tuple[str, str]]:
    return {(f["path"], f["code"]) for f in report["findings"]}  # type: ignore[index]


def test_folders_swapped_by_renames_are_listed_again(project, capsys):
    content = project / "content"
    (content / "news").rename(content / "old")
    (content / "sport").rename(content / "news")
    (content / "old" / "news0.md").write_text(slug_article("news-0").replace("quality: 50", "quality: x"))
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold
    assert ("content/old/news0.md", "FM100") in codes(warm)


def test_a_folder_made_again_with_its_old_times_is_listed_again(project, capsys):
    news = project / "content" / "news"
    before = news.stat()
    shutil.rmtree(news)
    news.mkdir()
    for name in ("news0.md", "news1.md", "late.md"):
        (news / name).write_text(slug_article(name).replace("quality: 50", "quality: x"))
    os.utime(news, ns=(before.st_atime_ns, before.st_mtime_ns))
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold
    assert ("content/news/late.md", "FM100") in codes(warm)


@pytest.mark.skipif(os.name != "posix", reason="Windows has no inode change time to stamp")
@pytest.mark.parametrize("how", ["in place", "hardlink"])
def test_an_edit_that_restores_size_and_mtime_is_checked(project, capsys, how):
    page = project / "content" / "news" / "news1.md"
    before = page.stat()
    text = page.read_text().replace("quality: 50", "quality: 5x")  # the same size
    if how == "in place":
        page.write_text(text)
        target = page
    else:
        target = project / "linked.md"
        target.write_text(text)
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    if how == "hardlink":
        page.unlink()
        os.link(target, page)
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold


def test_a_file_replaced_by_a_symlink_is_treated_as_without_the_cache(project, tmp_path_factory, capsys):
    outside = tmp_path_factory.mktemp("outside") / "page.md"
    outside.write_text(slug_article("sport-1").replace("quality: 50", "quality: x"))
    page = project / "content" / "sport" / "sport1.md"
    page.unlink()
    page.symlink_to(outside)
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold


def test_a_rule_turned_off_in_the_config_applies_to_cached_files(project, capsys):
    page = project / "content" / "news" / "news2.md"
    page.write_text(slug_article("news-2").replace("quality: 50", "quality: x"))
    assert main(["check", ".", "-q"]) == 1
    config = project / "content-lint.toml"
    config.write_text(config.read_text() + 'ignore = ["FM100"]\n')
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold


def test_a_warm_run_with_two_jobs_reports_as_one_without_the_cache(project, capsys):
    (project / "content" / "sport" / "sport2.md").write_text(slug_article("news-1"))
    warm, cold = warm_and_cold_reports(capsys, "--jobs", "2")
    assert warm == cold
    assert codes(warm)


def test_two_projects_sharing_one_cache_folder_keep_their_own_verdicts(project, tmp_path_factory, capsys):
    shared = tmp_path_factory.mktemp("shared") / "cache"
    other = tmp_path_factory.mktemp("other")
    shutil.copytree(project / "content", other / "content")
    shutil.copy(project / "content-lint.toml", other)
    (other / "content" / "news" / "news0.md").write_text(
        slug_article("news-0").replace("quality: 50", "quality: x")
    )
    for _ in range(2):
        for folder in (project, other):
            os.chdir(folder)
            main(["check", ".", "-q", "--cache-dir", str(shared)])
    for folder, bad in ((project, False), (other, True)):
        os.chdir(folder)
        warm, cold = warm_and_cold_reports(capsys, "--cache-dir", str(shared))
        assert (warm == cold, ("content/news/news0.md", "FM100") in codes(warm)) == (True, bad)


def test_a_config_added_in_an_old_folder_governs_its_subfolders(project, capsys):
    deep = project / "content" / "news" / "deep"
    deep.mkdir()
    (deep / "page.md").write_text(slug_article("deep").replace("quality: 50", "quality: x"))
    assert main(["check", ".", "-q"]) == 1
    assert main(["check", ".", "-q"]) == 1
    (project / "content" / "news" / "content-lint.toml").write_text(REFERENCE_TIME + 'ignore = ["FM100"]\n')
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_git_exclude_made_after_the_listings_applies(project, capsys):
    (project / "content" / "news" / "news0.md").write_text(
        slug_article("x").replace("quality: 50", "quality: x")
    )
    assert main(["check", ".", "-q"]) == 1
    assert main(["check", ".", "-q"]) == 1
    subprocess.run(["git", "init", "-q"], check=True)
    (project / ".git" / "info").mkdir(exist_ok=True)
    (project / ".git" / "info" / "exclude").write_text("content/news/\n")
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold
    assert not codes(warm)


@pytest.mark.parametrize("edited", ["schema.json", "defs.json"])
def test_a_schema_edited_with_its_size_and_mtime_restored_applies(project, capsys, edited):
    (project / "schema.json").write_text('{"properties": {"quality": {"$ref": "defs.json#/q"}}}\n')
    (project / "defs.json").write_text('{"q": {"type": "integer", "maximum": 90}}\n')
    config = project / "content-lint.toml"
    config.write_text(config.read_text() + 'schema = "schema.json"\n')
    assert main(["check", ".", "-q"]) == 0
    assert main(["check", ".", "-q"]) == 0
    target = project / edited
    before = target.stat()
    target.write_text(target.read_text().replace("90", "10").replace("quality", "qualitY"))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold
    assert codes(warm)


@pytest.mark.parametrize("change", ['preset = "hugo"\n', "max-depth = 2\n", "case-insensitive-keys = true\n"])
def test_a_config_change_between_runs_applies(project, capsys, change):
    (project / "content" / "sport" / "sport0.md").write_text(
        slug_article("s").replace("quality: 50", "Quality: 50")
    )
    assert main(["check", ".", "-q"]) in (0, 1)
    config = project / "content-lint.toml"
    config.write_text(config.read_text() + change)
    warm, cold = warm_and_cold_reports(capsys)
    assert warm == cold
