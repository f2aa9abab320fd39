"""CI gate behaviour: exit status policy, report files, file listing, format choice."""

from __future__ import annotations

import json

import pytest
from helpers import ARTICLE

from linter.cli import main

WARNING_ONLY = ARTICLE.replace("quality: 50", "quality: 150")


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "content").mkdir()
    (tmp_path / "content-lint.toml").write_text('[severity]\nschema = "warning"\n')
    (tmp_path / "content" / "a.md").write_text(WARNING_ONLY)
    return tmp_path


def test_fail_on_warning(project, capsys):
    assert main(["check", "content"]) == 0
    assert main(["check", "content", "--fail-on", "warning"]) == 1


def test_fail_on_from_config(project):
    (project / "content-lint.toml").write_text('fail-on = "warning"\n[severity]\nschema = "warning"\n')
    assert main(["check", "content"]) == 1
    assert main(["check", "content", "--fail-on", "error"]) == 0


def test_exit_zero_with_errors(project):
    (project / "content" / "b.md").write_text("no front matter\n")
    assert main(["check", "content"]) == 1
    assert main(["check", "content", "--exit-zero"]) == 0
    assert main(["check", "content", "--fail-on", "never"]) == 0


def test_output_file_gets_the_report_and_stderr_the_summary(project, capsys):
    report = project / "out" / "report.json"
    report.parent.mkdir()
    assert main(["check", "content", "--output-format", "json", "--output-file", str(report)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "1 warning(s)" in err
    payload = json.loads(report.read_text())
    assert [f["code"] for f in payload["findings"]] == ["FM100"]
    assert [p.name for p in report.parent.iterdir()] == ["report.json"]  # no temporary left behind


def test_show_files_lists_and_exits(project, capsys):
    (project / "content" / "notes.html").write_text("x")
    assert main(["check", "content", "--show-files"]) == 0
    assert capsys.readouterr().out == "content/a.md\n"


def test_quiet_prints_only_findings(project, capsys):
    main(["check", "content", "--quiet"])
    out, err = capsys.readouterr()
    assert out.count("\n") == 1 and err == ""


def test_unknown_output_format_exits_two(project, capsys):
    assert main(["check", "content", "--output-format", "xml"]) == 2
    assert "output format 'xml' is unknown" in capsys.readouterr().err


def test_output_format_from_config(project, capsys):
    (project / "content-lint.toml").write_text('output-format = "json"\n')
    main(["check", "content"])
    assert json.loads(capsys.readouterr().out)["version"] == 1
