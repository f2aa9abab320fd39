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


def test_github_format_is_chosen_in_github_actions(project, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    main(["check", "content"])
    out = capsys.readouterr().out
    assert out.startswith("::warning file=content/a.md,line=") and "title=FM100" in out
    main(["check", "content", "--output-format", "concise"])
    assert capsys.readouterr().out.startswith("content/a.md:")


def test_statistics_table(project, capsys):
    (project / "content" / "b.md").write_text(WARNING_ONLY.replace("heat: 2", "heat: -9"))
    main(["check", "content", "--statistics", "--quiet"])
    out = capsys.readouterr().out
    table = [line for line in out.splitlines() if "FM100" in line and "content/" not in line]
    assert table and table[0].split()[0] == "3"


class _Tty:
    def __init__(self):
        self.written = []

    def isatty(self):
        return True

    def write(self, text):
        self.written.append(text)

    def flush(self):
        pass


def test_progress_only_on_a_terminal_and_for_many_files():
    from linter.running.progress import Progress

    tty = _Tty()
    assert Progress.wanted(tty, machine_format=False, quiet=False)
    assert not Progress.wanted(tty, machine_format=True, quiet=False)
    assert not Progress.wanted(tty, machine_format=False, quiet=True)
    big = Progress(tty, 1000, True)
    for _ in range(1000):
        big.advance()
    big.close()
    assert any("1000/1000 files" in text for text in tty.written)
    small_tty = _Tty()
    small = Progress(small_tty, 10, True)
    small.advance()
    assert small_tty.written == []
