"""A baseline entry excuses exactly the text that is wrong: a file capped at 100 findings has
its hidden findings matched one by one (never by its FM010), a duplicate key or an unreadable
front matter is judged as a whole, and a missing key only by its absence."""

from __future__ import annotations

import json

import pytest
from helpers import ARTICLE, line_of

from linter.cli import main

TOPICS = "topics:\n  - Local\n  - Infrastructure\n"
CAPPED = ARTICLE.replace(TOPICS, "topics:\n" + "  - Local\n" * 120)


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "content").mkdir()
    return tmp_path / "content"


def _check(*extra: str) -> int:
    return main(
        ["check", "content", "--no-cache", "--output-format", "concise", "--baseline", "b.json", *extra]
    )


def _baselined(site, name: str, text: str, capsys) -> None:
    (site / name).write_text(text)
    assert _check("--update-baseline") == 0
    capsys.readouterr()


def test_an_error_past_the_first_100_findings_is_new(site, capsys):
    _baselined(site, "page.md", CAPPED, capsys)
    codes = {e["code"] for e in json.loads((site.parent / "b.json").read_text())["findings"]}
    assert codes == {"FM506"}  # 119 entries, one per duplicate; none for FM010
    broken = CAPPED.replace("    width: 1200\n", '    width: "wide"\n', 1)
    (site / "page.md").write_text(broken)
    assert _check() == 1
    line = line_of(broken, 'width: "wide"')
    assert capsys.readouterr().out.startswith(f"content/page.md:{line}:12: FM100 [error] `images[0].width`")


def test_more_duplicates_past_the_cap_are_each_new(site, capsys):
    _baselined(site, "page.md", CAPPED, capsys)
    (site / "page.md").write_text(CAPPED.replace("  - Local\n", "  - Local\n" * 2, 1))
    assert _check() == 1
    assert capsys.readouterr().out.count("FM506") == 1


def test_a_capped_file_unchanged_still_passes(site, capsys):
    _baselined(site, "page.md", CAPPED, capsys)
    assert _check() == 0
    assert "119 finding(s) in the baseline were not reported" in capsys.readouterr().err


def test_the_value_of_a_baselined_duplicate_key_cannot_change(site, capsys):
    duplicated = ARTICLE.replace(
        "type: article\n", 'type: article\nwebUrl: "https://www.coastline.example/x"\n', 1
    )
    _baselined(site, "page.md", duplicated, capsys)
    (site / "page.md").write_text(
        duplicated.replace('"https://www.coastline.example/x"', '"javascript:alert(1)"')
    )
    assert _check() == 1
    assert " FM004 " in capsys.readouterr().out


def test_a_baselined_syntax_error_does_not_excuse_a_rewritten_file(site, capsys):
    _baselined(site, "page.md", '---\ntitle: "Tides"\nbad: [1, 2\n---\nbody\n', capsys)
    (site / "page.md").write_text('---\nlayout: "evil"\nbad: [1, 2\n---\nbody\n')
    assert _check() == 1
    assert capsys.readouterr().out.startswith("content/page.md:4:1: FM003")


def test_a_baselined_syntax_error_survives_a_body_edit(site, capsys):
    _baselined(site, "page.md", '---\ntitle: "Tides"\nbad: [1, 2\n---\nbody\n', capsys)
    (site / "page.md").write_text('---\ntitle: "Tides"\nbad: [1, 2\n---\nanother body\n')
    assert _check() == 0


def test_a_missing_key_stays_baselined_when_other_fields_change(site, capsys):
    missing = ARTICLE.replace("category: news\n", "")
    _baselined(site, "page.md", missing, capsys)
    (site / "page.md").write_text(missing.replace("quality: 50", "quality: 60"))
    assert _check() == 0
    (site / "page.md").write_text(missing.replace("publishedDateTime: 2024-04-02T09:30:00Z\n", "", 1))
    assert _check() == 1
    assert "missing the required key `publishedDateTime`" in capsys.readouterr().out


def test_two_updates_at_once_keep_both_runs_entries(site, capsys, monkeypatch):
    """Run B updates the baseline while run A is checking: A merges with what B wrote."""
    import linter.running.runner

    (site / "a").mkdir()
    (site / "b").mkdir()
    for index in range(40):
        text = ARTICLE.replace("quality: 50", "quality: 150").replace("sea-wall", f"wall-{index}")
        (site / ("a" if index % 2 else "b") / f"p{index}.md").write_text(text)
    real = linter.running.runner.run_check  # the check imports it when it runs
    other = ["check", "content/b", "--no-cache", "--baseline", "b.json", "--update-baseline"]

    def meanwhile(*args, **kwargs):
        report = real(*args, **kwargs)
        monkeypatch.setattr(linter.running.runner, "run_check", real)
        assert main(other) == 0  # run B, started and finished while A is running
        return report

    monkeypatch.setattr(linter.running.runner, "run_check", meanwhile)
    assert main(["check", "content/a", "--no-cache", "--baseline", "b.json", "--update-baseline"]) == 0
    entries = json.loads((site.parent / "b.json").read_text())["findings"]
    assert sorted({e["path"].split("/")[1] for e in entries}) == ["a", "b"]
    assert len(entries) == 40


def test_a_baseline_in_a_missing_folder_is_one_line(site, capsys):
    (site / "page.md").write_text(CAPPED)
    assert _check_at("nofolder/b.json", "--update-baseline") == 2
    err = capsys.readouterr().err
    assert err.startswith("content-lint: error: --baseline nofolder/b.json: cannot write it: ")
    assert err.count("\n") == 1


def _check_at(baseline: str, *extra: str) -> int:
    return main(
        ["check", "content", "--no-cache", "--output-format", "concise", "--baseline", baseline, *extra]
    )
