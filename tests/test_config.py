"""Config discovery and validation: one precise line per mistake."""

from __future__ import annotations

import pytest

from linter.config.settings import ConfigError, config_from_table, find_config_file, load_config


def test_nearest_pyproject_with_table_upward(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.content-lint]\nmax-depth = 10\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = load_config(None, nested)
    assert config.max_depth == 10 and config.root == tmp_path.resolve()


def test_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.content-lint]\nmax-depth = 10\n")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config_file(inner) == tmp_path / "pyproject.toml"


def test_content_lint_toml_wins_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.content-lint]\nmax-depth = 10\n")
    (tmp_path / "content-lint.toml").write_text("max-depth = 20\n")
    assert load_config(None, tmp_path).max_depth == 20


def test_no_config_gives_defaults(tmp_path):
    config = load_config(None, tmp_path)
    assert config.source is None and config.file_patterns[0] == (
        "*.md",
        "*.markdown",
        "*.mdx",
        "*.markdoc",
        "*.mdoc",
        "*.txt",
    )


def test_schema_path_is_relative_to_the_config_file(tmp_path):
    config = config_from_table({"schema": "schemas/x.json"}, tmp_path / "content-lint.toml")
    assert config.schema == (tmp_path / "schemas" / "x.json").resolve()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"bogus": 1}, "unknown key `bogus`"),
        ({"include": "*.md "}, None),
        ({"include": [1]}, "key `include` should be a list of strings"),
        ({"max-front-matter-bytes": "big"}, "key `max-front-matter-bytes` should be a positive integer"),
        ({"max-depth": True}, "key `max-depth` should be a positive integer"),
        ({"severity": {"FM301": "loud"}}, "key `severity` entry 'FM301' should be"),
        ({"reference-time": "yesterday"}, "key `reference-time` should be an RFC 3339 date-time"),
        ({"respect-gitignore": "yes"}, "key `respect-gitignore` should be true or false"),
        ({"schema": 3}, "key `schema` should be a non-empty string"),
        ({"fail-on": "sometimes"}, "key `fail-on` should be"),
    ],
)
def test_validation_messages(tmp_path, table, message):
    source = tmp_path / "content-lint.toml"
    if message is None:
        config_from_table(table, source)
        return
    with pytest.raises(ConfigError) as exc:
        config_from_table(table, source)
    text = str(exc.value)
    assert text.startswith(f"{source}: ") and message in text and "\n" not in text


def test_reference_time_accepts_toml_datetime(tmp_path):
    (tmp_path / "content-lint.toml").write_text("reference-time = 2025-01-01T00:00:00Z\n")
    assert load_config(None, tmp_path).reference_time.year == 2025


def test_a_mistyped_key_gets_did_you_mean(tmp_path, capsys, monkeypatch):
    from linter.cli import main

    (tmp_path / "content-lint.toml").write_text('preset = "hugo"\nexlude = ["drafts/"]\n')
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.md"]) == 2
    assert capsys.readouterr().err == (
        f"content-lint: error: {tmp_path / 'content-lint.toml'}: unknown key `exlude`; did you mean `exclude`?\n"
    )


def test_show_settings_names_the_type_preset_schema_roles_and_rules(tmp_path, capsys, monkeypatch):
    from linter.cli import main

    (tmp_path / "content-lint.toml").write_text(
        'preset = "hugo"\n[roles]\ntitle = "/heading"\n'
        '[[types]]\nname = "posts"\npaths = ["content/posts/"]\nrules = {text-length = {max-title = 60}}\n'
        'roles = {tags = ["/labels"]}\n'
    )
    (tmp_path / "content/posts").mkdir(parents=True)
    (tmp_path / "content/posts/a.md").write_text("---\nheading: A\n---\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--show-settings", "content/posts/a.md"]) == 0
    lines = capsys.readouterr().out.splitlines()
    config = tmp_path / "content-lint.toml"
    assert lines[1:5] == [
        f"config: {config}",
        f"project root: {tmp_path}",
        "content type: posts",
        "preset: hugo",
    ]
    assert lines[5].endswith("schemas/hugo.schema.json")
    assert f'  title = "/heading"  # {config} [roles]' in lines
    assert f'  tags = ["/labels"]  # {config} [[types]] posts' in lines
    assert '  dates = ["/date", "/lastmod", "/publishDate", "/expiryDate"]  # preset hugo' in lines
    assert '  FM503 text-length: warning {"max-excerpt": 1000, "max-title": 60}' in lines
