"""A file with very many findings is checked quickly and reported as 100 findings plus FM010.
Time is bounded by pytest-timeout, never asserted."""

from __future__ import annotations

import itertools
import json
import string

import pytest
from helpers import ARTICLE, codes, lint_text

from linter.cli import main


def _unknown_keys(count: int) -> str:
    names = ("".join(p) for p in itertools.product(string.ascii_lowercase, repeat=4))
    return "".join(f"{name}: 0\n" for name in itertools.islice(names, count))


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "count",
    [
        1_000,
        # ~1 MiB of `aaaa: 0` lines, quadratic to locate before the key index: a scale guard
        pytest.param(130_000, marks=pytest.mark.slow, id="1MiB"),
    ],
)
def test_many_unknown_keys_are_checked_and_capped(tmp_path, monkeypatch, capsys, count):
    article = ARTICLE.replace("category: news\n", "category: news\n" + _unknown_keys(count))
    (tmp_path / "a.md").write_text(article)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.md", "--no-cache", "--preset", "news-article", "--output-format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert len(findings) == 101
    summary = findings[0]
    assert (summary["code"], summary["line"], summary["column"], summary["severity"]) == (
        "FM010",
        1,
        1,
        "error",
    )
    assert (
        summary["message"] == f"{count - 100} more finding(s) in this file not shown (at most 100 per file)"
    )
    assert [f["line"] for f in findings[1:]] == list(range(3, 103))  # the first 100, in line order
    assert findings[1]["message"] == "unknown key `aaaa`: not allowed here (at /aaaa)"


def test_up_to_100_findings_are_all_shown_without_a_summary(tmp_path):
    article = ARTICLE.replace("category: news\n", "category: news\n" + _unknown_keys(100))
    assert codes(lint_text(tmp_path, article)) == ["FM100"] * 100


def test_101_findings_become_100_and_a_summary_of_one(tmp_path):
    article = ARTICLE.replace("category: news\n", "category: news\n" + _unknown_keys(101))
    findings = lint_text(tmp_path, article)
    assert codes(findings) == ["FM010"] + ["FM100"] * 100
    assert findings[0].message == "1 more finding(s) in this file not shown (at most 100 per file)"


def test_summary_of_warnings_only_is_a_warning_and_keeps_exit_zero(tmp_path, monkeypatch, capsys):
    article = ARTICLE.replace("category: news\n", "category: news\n" + _unknown_keys(150))
    (tmp_path / "a.md").write_text(article)
    (tmp_path / "content-lint.toml").write_text('[severity]\nschema = "warning"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.md", "--no-cache", "--output-format", "concise"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 101
    assert (
        out[0] == "a.md:1:1: FM010 [warning] 50 more finding(s) in this file not shown (at most 100 per file)"
    )


def test_suppressed_and_ignored_findings_do_not_count(tmp_path):
    article = ARTICLE.replace("category: news\n", "category: news\n" + _unknown_keys(150))
    article = article.replace("aaaa: 0\n", "aaaa: 0  # content-lint: disable-file=FM100\n")
    assert lint_text(tmp_path, article) == []
