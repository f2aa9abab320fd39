"""TOML (`+++`) and JSON (`{`) front matter: every key and value is found where an independent
reader (tomllib, json) says it is, and errors are findings with positions, never tracebacks."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from helpers import codes, lint_text
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.reading.compose import Limits, compose_document
from linter.reading.document import Document
from linter.reading.frontmatter import FrontMatter, split_front_matter
from linter.reading.pointers import from_path as pointer_from_path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _document(text: str) -> tuple[Document | None, list[Any]]:
    front = split_front_matter(text.encode(), 1 << 20)
    assert isinstance(front, FrontMatter), front
    return compose_document("page.md", front, Limits())


def _slice(text: str, region: Any) -> str:
    lines = text.split("\n")
    if region.line == region.end_line:
        return lines[region.line - 1][region.column - 1 : region.end_column - 1]
    middle = lines[region.line : region.end_line - 1]
    return "\n".join(
        [
            lines[region.line - 1][region.column - 1 :],
            *middle,
            lines[region.end_line - 1][: region.end_column - 1],
        ]
    )


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in _leaves(item, (*path, index))]
    return [(path, value)]


def _check_against(text: str, reference: dict[str, Any], read_one: Any) -> None:
    """Each scalar found at its position, read alone by the independent reader, is the value
    that reader gives for the whole block; each key's region holds the key."""
    document, problems = _document(text)
    assert problems == [] and document is not None
    for path, value in _leaves(reference):
        pointer = pointer_from_path(path)
        assert read_one(_slice(text, document.locate(pointer))) == value, pointer
        if isinstance(path[-1], str):
            assert path[-1] in _slice(text, document.locate(pointer, "key")), pointer


HUGO_TOML = """+++
title = "Trail \\"Loop\\" guide"
'literal key' = 'C:\\path'
date = 1979-05-27 07:32:00Z
when = 07:32:00
count = 1_000
ratio = -0.5e3
hex = 0xDEAD_BEEF
tags = [ "a", 'b',  # a comment
  2, [3, 4], ]
inline = { name = "x", nested.deep = true }
notes = \"\"\"
Two lines,
"quoted".\"\"\"
site.params.colour = "green"

[params]
  author = "Ana"   # trailing comment
  [params.social]
  handle = '@ana'

[[menu.main]]
name = "Home"
weight = 1

[[menu.main]]
name = "About"
+++
body
"""


def _toml_value(token: str) -> Any:
    return tomllib.loads(f"v = {token}")["v"]


def test_hugo_toml_positions_match_tomllib():
    reference = tomllib.loads(HUGO_TOML.split("+++")[1])
    _check_against(HUGO_TOML, reference, _toml_value)


def test_toml_dates_are_the_text_as_written():
    document, _ = _document(HUGO_TOML)
    assert document is not None
    assert document.data["date"] == "1979-05-27 07:32:00Z"
    assert document.data["when"] == "07:32:00"
    assert document.data["menu"]["main"][1] == {"name": "About"}


_KEYS = st.from_regex(r"[a-z][a-z0-9_-]{0,6}", fullmatch=True)
_SCALARS = st.one_of(
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12).filter(lambda t: "\x7f" not in t),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=12,
)


def _toml(value: Any) -> str:
    """A TOML inline value, written differently from any reader under test."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON's escapes are TOML's too
    if isinstance(value, list):
        return "[\n  " + ",\n  ".join(_toml(item) for item in value) + "\n]"
    return "{ " + ", ".join(f"{key} = {_toml(item)}" for key, item in value.items()) + " }"


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=5), st.dictionaries(_KEYS, _VALUES, max_size=3))
def test_toml_positions_match_tomllib_property(top: dict[str, Any], table: dict[str, Any]):
    lines = [f"{key} = {_toml(value)}" for key, value in top.items()]
    if table:
        lines += ["", "[section]  # a table", *(f"  {key} = {_toml(value)}" for key, value in table.items())]
    text = "+++\n" + "\n".join(lines) + "\n+++\n"
    reference = tomllib.loads("\n".join(lines))  # not split at "+++": a string may hold it
    _check_against(text, reference, _toml_value)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, max_size=6), st.sampled_from([None, 2, 4]))
def test_json_positions_match_json_property(data: dict[str, Any], indent: int | None):
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    if not text.startswith("{\n"):
        text = "{ " + text[1:]
    _check_against(text + "\nbody\n", json.loads(text), json.loads)


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "words"),
    [
        ('+++\ntitle = "a"\ntitle = "b"\n+++\n', "FM004", 3, 1, "first defined on line 2"),
        ("+++\n[params]\nx = 1\n[params]\ny = 2\n+++\n", "FM004", 4, 2, "duplicate key `params`"),
        ("+++\nparams = 1\nparams.x = 2\n+++\n", "FM004", 3, 1, "duplicate key `params`"),
        ('+++\ntitle = "never closed\n+++\n', "FM003", 2, 22, "TOML syntax error"),
        ("+++\ntitle = \n+++\n", "FM003", 2, 9, "TOML syntax error"),
        ('{\n  "a": 1,\n  "a": 2\n}\n', "FM004", 3, 3, "first defined on line 2"),
        ('{\n  "a": 1\n  "b": 2\n}\n', "FM003", 3, 3, "JSON syntax error: Expecting ',' delimiter"),
        ('{\n  "a": NaN\n}\n', "FM003", 2, 8, "JSON syntax error"),
        ('{\n  "a": "}"\n', "FM002", 1, 1, "no matching `}`"),
        ("+++\ntitle = 1\n", "FM002", 1, 1, "add a line `+++`"),
    ],
)
def test_reader_findings_with_positions(tmp_path, text, code, line, column, words):
    findings = [f for f in lint_text(tmp_path, text, config={"select": ["FM0"]})]
    assert [(f.code, f.line, f.column) for f in findings] == [(code, line, column)]
    assert words in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "+++\na = " + "[" * 5000 + "]" * 5000 + "\n+++\n",
        "+++\na = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n+++\n",
        "{\n" + '"a": ' + "[" * 5000 + "]" * 5000 + "\n}\n",
    ],
    ids=["toml-arrays", "toml-inline-tables", "json-arrays"],
)
@pytest.mark.timeout(10)
def test_deep_nesting_is_too_deep_not_a_crash(tmp_path, text):
    assert codes(lint_text(tmp_path, text, config={"select": ["FM0"]})) == ["FM008"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="+{}[]\"'=.,#\n \\abc1:-", max_size=60))
def test_garbage_never_raises(body: str):
    for opening in ("+++\n", "{"):
        front = split_front_matter((opening + body + "\n+++\n").encode(), 1 << 20)
        if isinstance(front, FrontMatter):
            document, problems = compose_document("x", front, Limits())
            assert document is not None or problems


def test_json_braces_inside_strings_do_not_end_the_block():
    front = split_front_matter(b'{\n  "title": "a } and a \\" {",\n  "b": {"c": 1}\n}\nbody {\n', 1 << 20)
    assert isinstance(front, FrontMatter) and front.flavour == "json" and front.closing_line == 4


def test_crlf_toml_keeps_positions(tmp_path):
    text = '+++\r\ntitle = "a"\r\nweight = "heavy"\r\n+++\r\n'
    findings = lint_text(tmp_path, text, config={"select": ["FM0"]})
    assert findings == []
    document, _ = _document(text)
    assert document is not None and document.data == {"title": "a", "weight": "heavy"}
    assert (document.locate("/weight").line, document.locate("/weight").column) == (3, 10)


def test_a_dotted_key_may_extend_a_table_a_deeper_header_made(tmp_path, capsys):
    """`[a.b.c]` makes `a.b` on the way; `b.d = 2` under `[a]` extends it (tomllib agrees)."""
    from linter.cli import main

    page = tmp_path / "page.md"
    page.write_text('+++\ntitle = "x"\n[a.b.c]\nx = 1\n[a]\nb.d = 2\n+++\n')
    main(["check", "--no-cache", "--select", "FM0", "--output-format", "concise", str(page)])
    assert capsys.readouterr().out == ""
    page.write_text('+++\ntitle = "x"\n[a.b.c]\nx = 1\n[a]\nb.d = 2\n[a.b]\ne = 1\n+++\n')
    main(["check", "--no-cache", "--select", "FM0", "--output-format", "concise", str(page)])
    assert (
        capsys.readouterr().out == f"{page}:7:4: FM004 [error] duplicate key `b`: first defined on line 3\n"
    )


@pytest.mark.parametrize("tail", ["", "n = 1\n"], ids=["alone", "then-a-duplicate"])
def test_a_toml_integer_of_4301_digits_is_fm003(tmp_path, capsys, tail):
    from linter.cli import main

    page = tmp_path / "page.md"
    page.write_text(f'+++\ntitle = "x"\nn = {"1" * 4301}\n{tail}+++\n')
    main(["check", "--no-cache", "--select", "FM0", "--output-format", "concise", str(page)])
    assert capsys.readouterr().out == (
        f"{page}:3:5: FM003 [error] TOML syntax error: an integer of thousands of digits (TOML's are 64-bit)\n"
    )
