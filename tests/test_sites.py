"""Small sites in the layouts of Hugo, Starlight, Jekyll and OpenTelemetry's docs, checked
through the command line as their users would (tests/data/sites)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import REPO, check_report

from linter.cli import main

SITES = REPO / "tests" / "data" / "sites"


@pytest.fixture
def site(tmp_path, monkeypatch):
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(SITES / name, target)
        monkeypatch.chdir(target)
        return target

    return copy


def _findings(capsys, argv: list[str]) -> tuple[int, list[dict]]:
    return check_report(capsys, *argv)[:2]


def _at(path: Path, line: int, column: int) -> str:
    """The file's text from a finding's position to the end of that line."""
    return path.read_text().split("\n")[line - 1][column - 1 :]


def test_hugo_same_defect_same_findings_in_yaml_toml_and_json(site, capsys):
    root = site("hugo")
    status, findings = _findings(capsys, ["content/posts"])
    assert status == 1
    by_flavour: dict[str, list[tuple[str, str]]] = {}
    for finding in findings:
        flavour = finding["path"].rsplit("-", 1)[1].removesuffix(".md")
        by_flavour.setdefault(flavour, []).append((finding["code"], finding["pointer"]))
        written = _at(root / finding["path"], finding["line"], finding["column"])
        assert written.startswith({"/weight": "-3", "/params/author": "42"}[finding["pointer"]])
    expected = [("FM100", "/weight"), ("FM100", "/params/author")]
    assert by_flavour == {"yaml": expected, "toml": expected, "json": expected}


def test_hugo_toml_dates_and_case_insensitive_keys(site, capsys):
    site("hugo")
    status, findings = _findings(capsys, ["content/_index.md"])
    assert status == 1
    assert [(f["code"], f["line"], f["column"], f["pointer"]) for f in findings] == [
        ("FM100", 3, 8, "/date"),  # a TOML local date is not a date-time, as in YAML
        ("FM004", 5, 1, "/linkTitle"),
    ]
    assert "same as `linktitle` on line 4" in findings[1]["message"]


def test_starlight_mdx_and_markdoc_are_checked_by_default(site, capsys):
    site("starlight")
    assert main(["check", "--show-files"]) == 0
    listed = capsys.readouterr().out.split()
    assert listed == ["src/content/docs/index.mdoc", "src/content/docs/guides/getting-started.mdx"]
    assert main(["check", "--no-cache"]) == 0
    assert "All checks passed (2 files)" in capsys.readouterr().err


def test_no_file_to_check_is_a_usage_error_unless_allowed(site, capsys):
    site("starlight")
    assert main(["check", "src/components", "--no-cache"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("content-lint: error: no file to check in src/components")
    assert "--allow-no-files" in error
    assert main(["check", "src/components", "--no-cache", "--allow-no-files"]) == 0


def test_extend_include_and_extend_exclude_flags(site, capsys):
    site("starlight")
    assert main(["check", "--show-files", "--extend-include", "*.astro", "--extend-exclude", "guides/"]) == 0
    assert capsys.readouterr().out.split() == ["src/components/Card.astro", "src/content/docs/index.mdoc"]
    assert main(["check", "--show-files", "--include", "*.mdoc"]) == 0
    assert capsys.readouterr().out.split() == ["src/content/docs/index.mdoc"]


def test_extend_keys_in_config(site, capsys):
    root = site("starlight")
    config = root / "content-lint.toml"
    config.write_text(config.read_text() + 'extend-include = ["*.astro"]\nextend-exclude = ["guides/"]\n')
    assert main(["check", "--show-files"]) == 0
    assert capsys.readouterr().out.split() == ["src/components/Card.astro", "src/content/docs/index.mdoc"]


def test_bad_include_flag_is_a_one_line_usage_error(site, capsys):
    site("starlight")
    assert main(["check", "--include", "[md"]) == 2
    assert (
        capsys.readouterr().err.strip() == "content-lint: error: --include: pattern '[md' has an unclosed `[`"
    )


def test_jekyll_comment_only_front_matter_is_an_empty_mapping(site, capsys):
    site("jekyll")
    # lint.toml holds a [tool.content-lint] table: --config takes it whatever the file's name.
    status, findings = _findings(capsys, ["--config", "lint.toml", "_posts"])
    assert status == 1
    assert [(Path(f["path"]).name, f["code"], f["line"], f["column"]) for f in findings] == [
        ("2024-05-01-welcome.markdown", "FM100", 1, 1),
        ("2024-05-08-meeting.markdown", "FM100", 1, 1),
        ("2024-05-08-meeting.markdown", "FM009", 2, 1),
    ]
    assert "missing the required key `layout`" in findings[0]["message"]


def test_suppression_in_a_comment_only_block_silences(site, capsys):
    root = site("jekyll")
    post = root / "_posts" / "2024-05-08-meeting.markdown"
    post.write_text(post.read_text().replace("disable-file=FM005", "disable-file=FM100"))
    status, findings = _findings(capsys, ["--config", "lint.toml", str(post)])
    assert (status, findings) == (0, [])


def test_config_with_both_layouts_is_refused(site, capsys):
    root = site("jekyll")
    (root / "lint.toml").write_text('select = ["FM1"]\n[tool.content-lint]\nselect = ["FM0"]\n')
    assert main(["check", "--config", "lint.toml"]) == 2
    assert "top-level key `select` beside [tool.content-lint]" in capsys.readouterr().err


def test_otel_aliases_allowed_and_findings_point_at_the_alias(site, capsys):
    root = site("otel")
    status, findings = _findings(capsys, ["content"])
    assert status == 1
    page = root / "content/en/community/events.md"
    assert [(f["code"], f["line"], f["pointer"]) for f in findings] == [
        ("FM100", 5, "/events/0/url"),
        ("FM100", 7, "/events/1/url"),
    ]
    assert _at(page, findings[1]["line"], findings[1]["column"]) == "*eventUrl"


def test_otel_aliases_refused_by_default_but_the_file_is_still_checked(site, capsys):
    root = site("otel")
    config = root / "content-lint.toml"
    config.write_text(config.read_text().replace("allow-aliases = true\n", ""))
    status, findings = _findings(capsys, ["content"])
    assert [(f["code"], f["line"]) for f in findings] == [
        ("FM006", 5),
        ("FM100", 5),
        ("FM006", 7),
        ("FM100", 7),
    ]
    # Ignoring the reader's code hides only that code: the schema still sees the file.
    status, findings = _findings(capsys, ["content", "--ignore", "FM006"])
    assert (status, [f["code"] for f in findings]) == (1, ["FM100", "FM100"])


def test_aliases_allowed_for_one_content_type_only(site, capsys):
    root = site("otel")
    config = root / "content-lint.toml"
    text = config.read_text().replace("allow-aliases = true\n", "")
    config.write_text(
        text + '\n[[types]]\nname = "events"\npaths = ["content/en/community/"]\nallow-aliases = true\n'
        '\n[[types]]\nname = "pages"\npaths = ["content/"]\n'
    )
    other = root / "content" / "en" / "blog.md"
    other.write_text((root / "content/en/community/events.md").read_text())
    status, findings = _findings(capsys, ["content"])
    assert status == 1
    codes = sorted({(Path(f["path"]).name, f["code"]) for f in findings})
    assert codes == [("blog.md", "FM006"), ("blog.md", "FM100"), ("events.md", "FM100")]


def test_case_insensitive_keys_for_one_content_type(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(
        'select = ["FM004"]\n[[types]]\nname = "hugo"\npaths = ["content/"]\ncase-insensitive-keys = true\n'
    )
    page = "---\ntitle: A\nlinktitle: a\nlinkTitle: b\n---\n"
    for folder in ("content", "notes"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.md").write_text(page)
    assert main(["check", "content", "notes", "--no-cache", "--output-format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["path"], f["code"], f["line"]) for f in findings] == [("content/page.md", "FM004", 4)]


def test_a_type_reading_option_must_be_a_boolean(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(
        '[[types]]\nname = "a"\npaths = ["a/"]\nallow-aliases = "yes"\n'
    )
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\n")
    assert main(["check", "a.md"]) == 2
    assert "type 'a': `allow-aliases` should be true or false" in capsys.readouterr().err
