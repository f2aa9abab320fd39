"""FM011: a role pattern the user wrote that matches nothing in the run is reported once, at
the config line that writes it, with the cache off and on."""

from __future__ import annotations

from pathlib import Path

from helpers import NOW_TEXT, check_report, fields, write

from linter.cli import main

PAGE = "---\ntitle: {title}\ndate: 2024-01-01\nparams:\n  reviewed: 2024-02-01\n---\n"
CONFIG = """\
preset = "hugo"

[roles]
dates = ["/date", "/params/reviewd"]
date-order = [["/date", "/params/reviewed"]]
"""


def check(
    capsys, root: Path, monkeypatch, *args: str
) -> tuple[int, list[tuple[str, int, int, str, str, str]]]:
    monkeypatch.chdir(root)
    status, findings, _ = check_report(capsys, *args)
    return status, fields(findings, "path", "line", "column", "code", "severity", "message")


EXPECTED = (
    "content-lint.toml",
    4,
    19,
    "FM011",
    "warning",
    "role binding `/params/reviewd` matches nothing in the 2 checked files",
)


def test_a_pattern_that_matches_nothing_is_one_warning_at_its_config_line(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "content-lint.toml": CONFIG,
            "content/a.md": PAGE.format(title="A"),
            "content/b.md": PAGE.format(title="B"),
        },
    )
    assert check(capsys, tmp_path, monkeypatch, "--no-cache", "content") == (0, [EXPECTED])
    assert main(["check", "--no-cache", "--fail-on", "warning", "--reference-time", NOW_TEXT, "content"]) == 1


def test_the_verdict_is_the_same_from_the_cache_and_follows_a_changed_file(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "content-lint.toml": CONFIG,
            "content/a.md": PAGE.format(title="A"),
            "content/b.md": PAGE.format(title="B"),
        },
    )
    assert check(capsys, tmp_path, monkeypatch, "content") == (0, [EXPECTED])
    assert check(capsys, tmp_path, monkeypatch, "content") == (0, [EXPECTED])  # both from the cache
    write(
        tmp_path, {"content/b.md": "---\ntitle: B\ndate: 2024-01-01\nparams:\n  reviewd: 2024-01-05\n---\n"}
    )
    assert check(capsys, tmp_path, monkeypatch, "content") == (0, [])  # a.md still from the cache


def test_a_pattern_matched_by_one_file_of_the_run_is_not_reported(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "hugo"\n[roles]\ndates = ["/date", "/params/reviewed"]\n',
            "content/a.md": PAGE.format(title="A"),
            "content/b.md": "---\ntitle: B\ndate: 2024-01-01\n---\n",
        },
    )
    assert check(capsys, tmp_path, monkeypatch, "--no-cache", "content") == (0, [])


def test_preset_bindings_that_match_nothing_are_never_reported(tmp_path, capsys, monkeypatch):
    # The hugo preset binds lastmod, expiryDate, aliases, images...: this page has none.
    write(tmp_path, {"content-lint.toml": 'preset = "hugo"\n', "content/a.md": "---\ntitle: A\n---\n"})
    assert check(capsys, tmp_path, monkeypatch, "--no-cache", "content") == (0, [])


def test_a_type_pattern_is_judged_over_the_files_of_the_run(tmp_path, capsys, monkeypatch):
    config = """\
[[types]]
name = "docs"
paths = ["docs/"]
preset = "docusaurus"
roles = { identity = ["/slug", '/legacy_url'] }
"""
    write(tmp_path, {"content-lint.toml": config, "docs/a.md": "---\ntitle: A\nslug: /a\n---\n"})
    assert check(capsys, tmp_path, monkeypatch, "--no-cache", "docs") == (
        0,
        [
            (
                "content-lint.toml",
                5,
                32,
                "FM011",
                "warning",
                "role binding `/legacy_url` matches nothing in the 1 checked file",
            )
        ],
    )
