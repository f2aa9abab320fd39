"""A JSON string that escapes a lone surrogate (`\\udc80`, `\\ud800`) is FM003 at the string:
never FM000, never a traceback, and never a fix that writes a stray byte."""

from __future__ import annotations

import pytest

from linter.cli import main

TITLE = '{\n  "title": "Harbour  council %s approves",\n  "topics": ["a", "a"]\n}\nbody\n'


@pytest.mark.parametrize("escape", ["\\udc80", "\\ud800", "\\uDFFF"])
@pytest.mark.parametrize("mode", ["--fix", "--diff", "--unsafe-fixes"])
def test_a_lone_surrogate_value_is_fm003_and_nothing_is_written(tmp_path, capsys, escape, mode):
    page = tmp_path / "page.md"
    page.write_text(TITLE % escape)
    extra = ["--fix", "--unsafe-fixes"] if mode == "--unsafe-fixes" else [mode]
    main(["check", "--no-cache", "--output-format", "concise", *extra, str(page)])
    out, err = capsys.readouterr()
    assert page.read_text() == TITLE % escape
    assert "Traceback" not in err and "FM000" not in out
    if mode != "--diff":
        assert out.startswith(f"{page}:2:12: FM003 [error] the value at /title escapes a lone surrogate")


def test_a_lone_surrogate_key_is_fm003(tmp_path, capsys):
    page = tmp_path / "page.md"
    page.write_text('{\n  "title": "Tides",\n  "\\ud800": 1\n}\n')
    assert main(["check", "--no-cache", "--output-format", "concise", str(page)]) == 1
    out = capsys.readouterr().out
    assert out == (
        f"{page}:3:3: FM003 [error] the key at /\\ud800 escapes a lone surrogate (\\ud800), which is not"
        " Unicode text: site generators turn it into U+FFFD; write the character itself\n"
    )


def test_an_escaped_pair_is_one_character_and_fine(tmp_path, capsys):
    page = tmp_path / "page.md"
    page.write_text('{\n  "title": "Tides \\ud83c\\udf0a"\n}\n')
    main(["check", "--no-cache", "--output-format", "concise", "--select", "FM0", str(page)])
    assert capsys.readouterr().out == ""
