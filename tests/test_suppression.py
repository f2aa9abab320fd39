"""Inline `# content-lint:` comments and unused-suppression reports."""

from __future__ import annotations

from helpers import ARTICLE, codes, column_of, line_of, lint_text


def _broken():
    return ARTICLE.replace("quality: 50", "quality: 150")


def test_disable_on_the_line_silences_it(tmp_path):
    text = _broken().replace("quality: 150", "quality: 150  # content-lint: disable=FM100")
    assert lint_text(tmp_path, text) == []


def test_disable_by_name_and_prefix(tmp_path):
    for selector in ("schema", "FM1", "FM100,schema"):
        text = _broken().replace("quality: 150", f"quality: 150  # content-lint: disable={selector}")
        assert lint_text(tmp_path, text) == [], selector


def test_disable_on_another_line_does_not_silence(tmp_path):
    text = _broken().replace("heat: 2", "heat: 2  # content-lint: disable=FM100")
    findings = lint_text(tmp_path, text)
    assert codes(findings) == ["FM100", "FM009"]
    unused = findings[1]
    assert (unused.line, unused.column) == (line_of(text, "heat: 2"), column_of(text, "# content-lint"))
    assert unused.severity == "warning"
    assert "silences nothing" in unused.message


def test_disable_file_anywhere(tmp_path):
    text = _broken().replace("provider:\n", "# content-lint: disable-file=FM100\nprovider:\n", 1)
    assert lint_text(tmp_path, text) == []


def test_bare_disable_silences_everything_on_its_line(tmp_path):
    text = _broken().replace("quality: 150", "quality: 150 # content-lint: disable")
    assert lint_text(tmp_path, text) == []


def test_disable_for_another_code_reports_the_unused_part(tmp_path):
    text = _broken().replace("quality: 150", "quality: 150  # content-lint: disable=FM100,FM004")
    findings = lint_text(tmp_path, text)
    assert codes(findings) == ["FM009"]
    assert "`disable=FM004` silences nothing" in findings[0].message


def test_no_unused_report_when_the_file_does_not_parse(tmp_path):
    text = "---\ntitle: [unclosed  # content-lint: disable=FM301\n---\n"
    assert codes(lint_text(tmp_path, text)) == ["FM003"]


def test_unknown_code_in_suppression_is_reported(tmp_path):
    text = ARTICLE.replace("heat: 2", "heat: 2  # content-lint: disable=FM999")
    findings = lint_text(tmp_path, text)
    assert codes(findings) == ["FM009"]
    assert "names no known rule" in findings[0].message


def test_unused_suppression_can_itself_be_ignored(tmp_path):
    text = ARTICLE.replace("heat: 2", "heat: 2  # content-lint: disable=FM301")
    assert lint_text(tmp_path, text, config={"ignore": ["FM009"]}) == []


def test_directive_inside_a_quoted_value_is_text_not_a_comment(tmp_path):
    text = ARTICLE.replace(
        'excerpt: "Construction', 'excerpt: "See #content-lint: disable=FM100 Construction'
    )
    assert lint_text(tmp_path, text) == []


def test_a_json_key_holding_a_directive_silences_nothing(tmp_path, capsys):
    """JSON has no comments: `"x # content-lint: disable"` is a key like any other."""
    from linter.cli import main

    page = tmp_path / "page.md"
    page.write_text('{\n  "title": 5, "x # content-lint: disable": 1\n}\n')
    main(
        [
            "check",
            "--no-cache",
            "--preset",
            "news-article",
            "--output-format",
            "concise",
            "--select",
            "FM100",
            str(page),
        ]
    )
    out = capsys.readouterr().out
    assert f"{page}:2:12: FM100 [error] `title` must be text, got 5 (at /title)" in out
    assert "FM009" not in out


def test_fixing_a_duplicate_topic_keeps_a_disable_file_comment_on_its_line(tmp_path):
    from linter.cli import main

    text = _broken().replace(
        "  - Infrastructure\n", "  - Infrastructure\n  - local  # content-lint: disable-file=FM100\n"
    )
    page = tmp_path / "page.md"
    page.write_text(text)
    main(["check", "--no-cache", "--fix", str(page)])
    assert page.read_text() == text
