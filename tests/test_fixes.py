"""--fix, --unsafe-fixes and --diff: the bytes of fixed files, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import NOW_TEXT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.cli import main
from linter.config.settings import config_from_table
from linter.running.engine import build_engine
from linter.running.fixing import fix_files
from tests.helpers import ARTICLE, NOW
from tests.reporters.reporter_samples import sarif_schema_errors

SCHEMA = {
    "type": "object",
    "properties": {"title": {"type": "string"}, "status": {"enum": ["draft", "published"]}},
    "additionalProperties": False,
}

UNTIDY = ARTICLE.replace(
    'title: "Harbour council approves new sea wall"', 'title: "Harbour  council approves new sea wall "'
).replace("  - Infrastructure\n", "  - Infrastructure\n  - local   # again\n")


def _write(tmp_path: Path, text: str, name: str = "a.md", newline: str = "\n", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode())
    return path


def _check(tmp_path: Path, *args: str) -> int:
    return main(["check", "--no-cache", "--preset", "news-article", "--reference-time", NOW_TEXT, *args])


@pytest.mark.parametrize(("newline", "bom"), [("\n", False), ("\r\n", False), ("\r\n", True)])
def test_safe_fixes_keep_every_other_byte(tmp_path: Path, newline: str, bom: bool) -> None:
    path = _write(tmp_path, UNTIDY + "\xff body bytes\n", newline=newline, bom=bom)
    path.chmod(0o640)
    assert _check(tmp_path, "--fix", str(path)) == 0
    expected = ARTICLE + "\xff body bytes\n"
    assert path.read_bytes() == (b"\xef\xbb\xbf" if bom else b"") + expected.replace("\n", newline).encode()
    assert path.stat().st_mode & 0o777 == 0o640


def test_fix_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    path = _write(tmp_path, UNTIDY)
    _check(tmp_path, "--fix", str(path))
    once = path.read_bytes()
    _check(tmp_path, "--fix", str(path))
    assert path.read_bytes() == once


def test_check_without_fix_never_writes(tmp_path: Path) -> None:
    path = _write(tmp_path, UNTIDY)
    assert _check(tmp_path, str(path)) == 1
    assert path.read_text() == UNTIDY


def test_diff_prints_and_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, UNTIDY)
    assert _check(tmp_path, "--diff", str(path)) == 1
    out = capsys.readouterr().out
    assert f"--- a/{path}\n+++ b/{path}\n" in out
    assert (
        '-title: "Harbour  council approves new sea wall "\n+title: "Harbour council approves new sea wall"\n'
        in out
    )
    assert "-  - local   # again\n" in out
    assert path.read_text() == UNTIDY
    clean = _write(tmp_path, ARTICLE, "clean.md")
    assert _check(tmp_path, "--diff", str(clean)) == 0
    assert capsys.readouterr().out == ""


def _schema(tmp_path: Path) -> str:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(SCHEMA))
    return str(path)


def test_unsafe_fixes_rename_keys_and_enum_values_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "---\ntittle: 'Sea wall'  # the headline\nstatus: publishd\n---\n"
    path = _write(tmp_path, text)
    assert _check(tmp_path, "--schema", _schema(tmp_path), "--output-format", "concise", str(path)) == 1
    out = capsys.readouterr().out
    assert "a.md:2:1: FM100 [error] unknown key `tittle`: not allowed here; did you mean `title`?" in out
    assert "did you mean `published`?" in out
    _check(tmp_path, "--schema", _schema(tmp_path), "--fix", str(path))
    assert path.read_text() == text
    assert _check(tmp_path, "--schema", _schema(tmp_path), "--fix", "--unsafe-fixes", str(path)) == 0
    assert path.read_text() == "---\ntitle: 'Sea wall'  # the headline\nstatus: published\n---\n"


def test_http_and_zone_fixes_are_unsafe(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.content-lint]\ntimezone = "Europe/Berlin"\n')
    text = ARTICLE.replace("2024-04-02T09:30:00Z", "2024-04-02T09:30:00").replace(
        '"https://cdn.coastline.example', '"http://cdn.coastline.example'
    )
    path = _write(tmp_path, text)
    config = ["--config", str(tmp_path / "pyproject.toml")]
    assert _check(tmp_path, *config, "--fix", "--unsafe-fixes", str(path)) == 0
    assert path.read_text() == ARTICLE.replace("2024-04-02T09:30:00Z", "2024-04-02T09:30:00+02:00")


def test_a_zoneless_date_time_of_a_month_that_does_not_exist_gets_no_zone_fix(tmp_path: Path, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.content-lint]\ntimezone = "Europe/Berlin"\n')
    text = ARTICLE.replace("2024-04-02T09:30:00Z", "2024-13-02T09:30:00")
    path = _write(tmp_path, text)
    config = ["--config", str(tmp_path / "pyproject.toml")]
    assert _check(tmp_path, *config, "--fix", "--unsafe-fixes", str(path)) == 1
    assert path.read_text() == text
    out = capsys.readouterr().out
    assert "FM100" in out
    assert "FM000" not in out


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("title: x  # content-lint: disable=FM502\n", "title: x\n"),
        ("# content-lint: disable-file=FM301\ntitle: x\n", "title: x\n"),
        ("name: x  # content-lint: disable=FM100,FM301\n", "name: x  # content-lint: disable=FM100\n"),
        ("topics: [a, b, A]  # list\n", "topics: [a, b]  # list\n"),
        ("title: |\n  block  text\n", "title: |\n  block  text\n"),  # a block scalar: no safe rewrite
    ],
)
def test_fix_bytes(tmp_path: Path, before: str, after: str) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.content-lint]\nselect = ["FM100", "FM009", "FM502", "FM506"]\n')
    schema = tmp_path / "s.json"
    schema.write_text('{"type": "object", "required": ["title"]}')
    path = _write(tmp_path, f"---\n{before}---\nbody\n")
    _check(tmp_path, "--config", str(config), "--schema", str(schema), "--fix", str(path))
    assert path.read_text() == f"---\n{after}---\nbody\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            '+++\ntitle = "a  b"\ntopics = ["x", "y", "X"]\n+++\n',
            '+++\ntitle = "a b"\ntopics = ["x", "y"]\n+++\n',
        ),
        ('{\n"title": "a  b",\n"topics": ["x", "X"]\n}\n', '{\n"title": "a b",\n"topics": ["x"]\n}\n'),
    ],
)
def test_toml_and_json_front_matter(tmp_path: Path, before: str, after: str) -> None:
    path = _write(tmp_path, before)
    _check(tmp_path, "--select", "FM502,FM506", "--fix", str(path))
    assert path.read_text() == after


def test_json_and_sarif_carry_the_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, UNTIDY)
    _check(tmp_path, "--output-format", "json", str(path))
    found = {f["code"]: f["fix"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert found["FM506"] == {
        "applicability": "safe",
        "edits": [{"line": 18, "column": 1, "end_line": 19, "end_column": 1, "content": ""}],
        "title": "Remove the repeated topic `local`",
    }
    _check(tmp_path, "--output-format", "sarif", str(path))
    log = json.loads(capsys.readouterr().out)
    assert sarif_schema_errors(log) == []
    fixes = [r["fixes"] for r in log["runs"][0]["results"] if "fixes" in r]
    assert fixes and fixes[0][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]


def test_a_file_changed_between_read_and_write_is_left_alone(tmp_path: Path) -> None:
    path = _write(tmp_path, UNTIDY)
    engine = build_engine(config_from_table({}, tmp_path), now=NOW)
    findings = engine.run([str(path)]).findings
    outcomes = fix_files(
        engine, findings, ("safe",), write=True, after_read=lambda p: Path(p).write_text("edited meanwhile")
    )
    assert path.read_text() == "edited meanwhile"
    assert [o.skipped for o in outcomes] == ["it changed on disk while being fixed; run again"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


_WORDS = st.sampled_from(["Sea", "wall", "AI", "ai", "Local", "x'y", 'q"t', "#5", "a: b", "é"])
_SPACE = st.sampled_from([" ", "  ", "\t", " \u00a0 "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.tuples(_WORDS, _SPACE), min_size=1, max_size=4),
    quote=st.sampled_from(["'", '"']),
    topics=st.lists(_WORDS, min_size=1, max_size=5),
)
def test_fixing_never_adds_a_finding_and_is_idempotent(
    tmp_path: Path, words: list[tuple[str, str]], quote: str, topics: list[str]
) -> None:
    title = "".join(w + s for w, s in words)
    rendered = json.dumps(title) if quote == '"' else "'" + title.replace("'", "''") + "'"
    items = "".join(f"  - {json.dumps(t)}\n" for t in topics)
    text = ARTICLE.replace('"Harbour council approves new sea wall"', rendered, 1).replace(
        "  - Local\n  - Infrastructure\n", items
    )
    path = _write(tmp_path, text, "p.md")
    engine = build_engine(config_from_table({}, tmp_path), now=NOW)
    before = {(f.code, f.message) for f in engine.run([str(path)]).findings}
    fix_files(engine, engine.run([str(path)]).findings, ("safe", "unsafe"), write=True)
    after = engine.run([str(path)]).findings
    assert {(f.code, f.message) for f in after} - before <= {
        (f.code, f.message) for f in after if "line" in f.message
    }
    assert not [f for f in after if f.fix is not None and f.code != "FM009"]
    once = path.read_bytes()
    fix_files(engine, after, ("safe", "unsafe"), write=True)
    assert path.read_bytes() == once


def test_no_zone_is_added_unless_a_timezone_is_configured(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.content-lint]\n")
    path = _write(tmp_path, ARTICLE.replace("2024-04-02T09:30:00Z", "2024-04-02T09:30:00"))
    before = path.read_bytes()
    config = ["--config", str(tmp_path / "pyproject.toml")]
    assert _check(tmp_path, *config, "--fix", "--unsafe-fixes", str(path)) == 1
    assert path.read_bytes() == before


def test_fixable_findings_are_marked_and_counted_and_statistics_print_the_table_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, UNTIDY)
    _check(tmp_path, "--output-format", "concise", "--select", "FM502,FM506", str(path))
    out, err = capsys.readouterr()
    marked = [line for line in out.splitlines() if "] [*] " in line]
    assert marked and len(marked) == len(out.splitlines())  # every FM502/FM506 has a safe fix
    assert err.splitlines()[-1] == f"[*] {len(marked)} fixable with `--fix`"
    _check(tmp_path, "--output-format", "concise", "--select", "FM502,FM506", "--statistics", str(path))
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["count", "code", "name", "severity", "fixable"]
    assert ":" not in out  # the table alone: no finding lines


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_a_file_saved_after_the_check_is_not_fixed_with_stale_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """An editor saves the page between the check and the fix: a line inserted above the
    duplicate topic must not make the fix cut the line that now sits where it was."""
    import linter.cli_fix

    path = _write(tmp_path, UNTIDY)
    saved = UNTIDY.replace("category: news\n", "category: news\nsubtitle: added in the editor\n")
    real = linter.cli_fix.fix_files

    def save_then_fix(*args, **kwargs):  # type: ignore[no-untyped-def]
        path.write_text(saved)
        return real(*args, **kwargs)

    monkeypatch.setattr(linter.cli_fix, "fix_files", save_then_fix)
    _check(tmp_path, mode, str(path))
    out, err = capsys.readouterr()
    assert path.read_text() == saved
    assert f"{path}: not fixed: it changed on disk since it was checked; run again" in err
    assert "@@" not in out


def test_diff_escapes_a_page_name_that_would_forge_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, UNTIDY, name="x\n::error file=a::forged.md")
    assert _check(tmp_path, "--diff", str(path)) == 1
    out = capsys.readouterr().out
    assert not any(line.startswith("::error") for line in out.splitlines())
    assert any(
        "x\\n::error file=a::forged.md" in line for line in out.splitlines() if line.startswith("--- ")
    )


def test_diff_says_what_each_fix_does_above_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, UNTIDY)
    assert _check(tmp_path, "--diff", "--select", "FM502,FM506", str(path)) == 1
    head = capsys.readouterr().out.split("--- ", 1)[0].splitlines()
    assert head == ["# Tidy the whitespace in `title`", "# Remove the repeated topic `local`"]


def test_a_fix_title_quoting_page_text_cannot_forge_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forged = ARTICLE.replace("  - Infrastructure\n", '  - "a\\n::error::b"\n  - "a\\n::error::b"\n')
    path = _write(tmp_path, forged)
    assert _check(tmp_path, "--diff", "--select", "FM506", str(path)) == 1
    out = capsys.readouterr().out
    assert not any(line.startswith("::error") for line in out.splitlines())
    assert "# Remove the repeated topic `a\\n::error::b`" in out.splitlines()
