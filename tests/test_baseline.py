"""Baseline: adopt the linter on a site with findings, then fail only on new ones."""

from __future__ import annotations

import json

import pytest
from helpers import ARTICLE

from linter.cli import main

BAD_QUALITY = ARTICLE.replace("quality: 50", "quality: 150")  # FM100 at /quality
BAD_HEAT = ARTICLE.replace("heat: 2", 'heat: "hot"')  # FM100 at /heat


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text(BAD_QUALITY)
    (content / "b.md").write_text(ARTICLE.replace("sea-wall", "harbour-wall"))
    return tmp_path


def check(*extra: str) -> int:
    return main(["check", "content", "--no-cache", "--output-format", "concise", *extra])


def test_update_then_check_passes_and_writes_sorted_json(site, capsys):
    assert check() == 1
    assert check("--baseline", "baseline.json", "--update-baseline") == 0
    payload = json.loads((site / "baseline.json").read_text())
    assert payload["version"] == 1
    assert [(e["path"], e["code"], e["pointer"]) for e in payload["findings"]] == [
        ("content/a.md", "FM100", "/quality")
    ]
    capsys.readouterr()
    assert check("--baseline", "baseline.json") == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "1 finding(s) in the baseline were not reported" in err


def test_a_new_defect_is_the_only_finding_reported(site, capsys):
    assert check("--baseline", "baseline.json", "--update-baseline") == 0
    (site / "content" / "b.md").write_text(BAD_HEAT.replace("sea-wall", "harbour-wall"))
    capsys.readouterr()
    assert check("--baseline", "baseline.json") == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith("content/b.md:10:7: FM100")


def test_entries_survive_edits_that_move_the_line(site, capsys):
    assert check("--baseline", "baseline.json", "--update-baseline") == 0
    moved = BAD_QUALITY.replace("category: news\n", "category: news\n# a comment\n\n")
    (site / "content" / "a.md").write_text(moved)
    capsys.readouterr()
    assert check("--baseline", "baseline.json") == 0
    assert capsys.readouterr().out == ""


def test_a_changed_offending_value_is_new(site, capsys):
    assert check("--baseline", "baseline.json", "--update-baseline") == 0
    (site / "content" / "a.md").write_text(ARTICLE.replace("quality: 50", "quality: 999"))
    capsys.readouterr()
    assert check("--baseline", "baseline.json") == 1
    assert "FM100" in capsys.readouterr().out


def test_fixed_entries_are_reported_and_dropped_by_the_next_update(site, capsys):
    assert check("--baseline", "baseline.json", "--update-baseline") == 0
    (site / "content" / "a.md").write_text(ARTICLE)
    capsys.readouterr()
    assert check("--baseline", "baseline.json") == 0
    err = capsys.readouterr().err
    assert "1 baseline entry no longer occur (fixed)" in err
    assert "content/a.md: FM100 at /quality" in err
    assert check("--baseline", "baseline.json", "--update-baseline") == 0
    assert json.loads((site / "baseline.json").read_text())["findings"] == []


def test_a_partial_run_keeps_entries_of_files_it_did_not_check(site, capsys):
    assert check("--baseline", "baseline.json", "--update-baseline") == 0
    before = (site / "baseline.json").read_bytes()
    args = ["check", "content/b.md", "--no-cache", "--baseline", "baseline.json"]
    assert main([*args, "--update-baseline"]) == 0
    assert (site / "baseline.json").read_bytes() == before
    capsys.readouterr()
    assert main(args) == 0
    assert "no longer occur" not in capsys.readouterr().err


def test_the_file_is_stable_across_updates(site):
    (site / "content" / "b.md").write_text(BAD_HEAT.replace("sea-wall", "harbour-wall"))
    assert check("--baseline", "baseline.json", "--update-baseline") == 0
    first = (site / "baseline.json").read_bytes()
    assert check("--baseline", "baseline.json", "--update-baseline") == 0
    assert (site / "baseline.json").read_bytes() == first
    lines = first.decode().splitlines()
    assert lines[1].startswith('  {"path": "content/a.md"')
    assert lines[2].startswith('  {"path": "content/b.md"')


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("not json", "not JSON"),
        ('{"version": 9, "findings": []}', "not a content-lint baseline"),
        ('{"version": 1, "findings": [{"path": "a"}]}', "entry 1 must have exactly"),
    ],
)
def test_a_bad_baseline_is_a_one_line_usage_error(site, capsys, content, message):
    if content is not None:
        (site / "baseline.json").write_text(content)
    assert check("--baseline", "baseline.json") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert message in err[0]


def test_update_needs_a_baseline_file(site, capsys):
    assert check("--update-baseline") == 2
    assert "--update-baseline needs --baseline" in capsys.readouterr().err


def test_a_fifo_baseline_is_refused_without_hanging(site, capsys):
    import os

    os.mkfifo(site / "baseline.json")
    assert check("--baseline", "baseline.json") == 2
    assert "not a regular file" in capsys.readouterr().err
