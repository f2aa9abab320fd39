"""The command as users run it: exit codes, the printed lines, the JSON shape."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers import ARTICLE, EXAMPLES, NOW_TEXT, REPO, line_of

from linter.cli import main

QUALITY_LINE = line_of(ARTICLE, "quality: 50")
HEAT_LINE = line_of(ARTICLE, "heat: 2")


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    return tmp_path


def test_clean_folder_exits_zero_with_summary(project, capsys):
    (project / "content" / "a.md").write_text(ARTICLE)
    (project / "content" / "b.md").write_text(ARTICLE.replace("sea-wall-approved", "other"))
    assert main(["check", "content", "--select", "FM0,FM1"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "All checks passed (2 files)"


def test_broken_file_exits_one_with_file_line_col(project, capsys):
    (project / "content" / "bad.md").write_text(ARTICLE.replace("quality: 50", "quality: 150"))
    assert main(["check", "content"]) == 1
    out, err = capsys.readouterr()
    assert (
        out
        == f"content/bad.md:{QUALITY_LINE}:10: FM100 [error] `quality` must be at most 100, got 150 (at /quality)\n"
    )
    assert "1 error(s)" in err


def test_warnings_alone_exit_zero(project, capsys):
    (project / "content" / "a.md").write_text(ARTICLE)
    (project / "content-lint.toml").write_text('[severity]\nschema = "warning"\n')
    (project / "content" / "a.md").write_text(ARTICLE.replace("quality: 50", "quality: 150"))
    assert main(["check", "content"]) == 0
    assert "[warning]" in capsys.readouterr().out


def test_output_is_sorted_by_path_and_position(project, capsys):
    for name in ("z.md", "a.md"):
        (project / "content" / name).write_text(
            ARTICLE.replace("quality: 50", "quality: 150").replace("heat: 2", "heat: -5")
        )
    main(["check", "content", "--select", "FM1"])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0:2] for line in lines] == [
        ["content/a.md", str(QUALITY_LINE)],
        ["content/a.md", str(HEAT_LINE)],
        ["content/z.md", str(QUALITY_LINE)],
        ["content/z.md", str(HEAT_LINE)],
    ]


def test_json_output_shape(project, capsys):
    (project / "content" / "bad.md").write_text(ARTICLE.replace("quality: 50", "quality: 150"))
    assert main(["check", "content", "--output-format", "json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["version"] == 1 and payload["files_checked"] == 1
    [finding] = payload["findings"]
    assert finding == {
        "path": "content/bad.md",
        "line": QUALITY_LINE,
        "column": 10,
        "end_line": QUALITY_LINE,
        "end_column": 13,
        "code": "FM100",
        "rule": "schema",
        "severity": "error",
        "message": "`quality` must be at most 100, got 150 (at /quality)",
        "pointer": "/quality",
        "fix": None,
    }


def test_missing_path_is_a_usage_error_naming_it(project, capsys):
    assert main(["check", "content", "nope.md"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "content-lint: error: no such file or folder: nope.md\n"
    assert captured.out == ""


def test_bad_schema_exits_two_with_one_line(project, capsys):
    (project / "s.json").write_text('{"type": 12}')
    assert main(["check", "content", "--schema", "s.json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("content-lint: error: ") and err.count("\n") == 1


def test_unknown_config_key_exits_two_naming_file_and_key(project, capsys):
    (project / "pyproject.toml").write_text('[tool.content-lint]\nincldue = ["*.md"]\n')
    assert main(["check", "content"]) == 2
    err = capsys.readouterr().err
    assert "pyproject.toml: [tool.content-lint] unknown key `incldue`" in err and err.count("\n") == 1


def test_bad_value_exits_two(project, capsys):
    (project / "content-lint.toml").write_text("max-depth = -3\n")
    assert main(["check", "content"]) == 2
    assert "key `max-depth` should be a positive integer" in capsys.readouterr().err


def test_invalid_toml_exits_two(project, capsys):
    (project / "content-lint.toml").write_text("max-depth = = 3\n")
    assert main(["check", "content"]) == 2
    assert "invalid TOML" in capsys.readouterr().err


def test_unknown_selector_exits_two(project, capsys):
    assert main(["check", "content", "--select", "XX9"]) == 2
    assert "`XX9` matches no rule" in capsys.readouterr().err


def test_usage_error_exits_two(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--no-such-flag"])
    assert exc.value.code == 2


def test_rules_lists_every_code(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for code in ("FM001", "FM008", "FM100"):
        assert code in out


def test_rule_shows_documentation_by_code_and_name(capsys):
    assert main(["rule", "FM006"]) == 0
    by_code = capsys.readouterr().out
    assert main(["rule", "yaml-alias"]) == 0
    assert capsys.readouterr().out == by_code
    assert "billion laughs" in by_code and "Bad::" in by_code
    assert main(["rule", "FM999"]) == 2


def test_examples_content_is_clean_and_broken_is_not(capsys):
    assert main(["check", str(EXAMPLES / "content"), "--reference-time", NOW_TEXT]) == 0
    assert main(["check", str(EXAMPLES / "broken"), "--reference-time", NOW_TEXT]) == 1


def test_python_dash_m_works_the_same(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text(ARTICLE.replace("quality: 50", "quality: 150"))
    result = subprocess.run(
        [sys.executable, "-m", "linter", "check", str(bad)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.startswith(f"{bad}:{QUALITY_LINE}:10: FM100 [error]")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("word", ["--extend-exclude=bad.md", "--config=x.md", "-x.md"])
def test_an_option_that_is_also_a_file_name_is_refused(tmp_path, monkeypatch, capsys, word):
    """A hook that passes file names without `--` must not obey a committed `--config=x.md`."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.md").write_text("---\ntitle: [\n---\n")
    (tmp_path / word).write_text("")
    assert main(["check", "--no-cache", word, "bad.md"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert (
        err
        == f"content-lint: error: {word} is a file here, not an option: put file names after `--` (as the pre-commit hook does)\n"
    )
    assert main(["check", "--no-cache", "--", word, "bad.md"]) == 1


def test_no_page_among_files_found_says_why_they_were_skipped(tmp_path, monkeypatch, capsys):
    """Files are there but match no `[[types]]` paths: the error names that, not the include."""
    (tmp_path / "content-lint.toml").write_text('[[types]]\nname = "posts"\npaths = ["content/posts/"]\n')
    (tmp_path / "content" / "pages").mkdir(parents=True)
    for name in ("a.md", "b.md"):
        (tmp_path / "content" / "pages" / name).write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "content"]) == 2
    assert capsys.readouterr().err == (
        "content-lint: error: no file to check in content (2 files skipped: matches no [[types]]"
        " paths; see --show-files); pass --allow-no-files if that is expected\n"
    )


@pytest.mark.parametrize("words", [["check", "--bogus"], ["check", ".", "--bogus"], ["rules", "--bogus"]])
def test_an_unknown_option_prints_a_usage_naming_every_command(project, capsys, words):
    """A run that starts with `check` builds only that command's options; its usage line
    still lists all the commands `--help` does."""
    with pytest.raises(SystemExit) as stop:
        main(words)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out.split("\n")[1].strip()  # `{check,clean,...} ...`
    assert listed.startswith("{check,")
    assert listed in err
    assert "error: unrecognized arguments: --bogus" in err
