"""The JSON, SARIF and GitLab reports are written by the C encoder but keep the bytes of
`json.dumps(indent=2)`, which their readers and the byte-identical benchmark comparisons see."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.cli import main
from linter.reporting.json_text import dumps_indented

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)


@given(value=_VALUES, ensure_ascii=st.booleans())
def test_any_value_is_written_as_json_dumps_writes_it(value: Any, ensure_ascii: bool) -> None:
    assert dumps_indented(value, ensure_ascii=ensure_ascii) == json.dumps(
        value, indent=2, ensure_ascii=ensure_ascii
    )


@pytest.mark.parametrize(
    "value",
    [{}, [], (), [[], {}], {"a": {"b": [1, (2, 3)], "c": {}}}, {7: [2], True: {"x": 1}, None: [], 2.5: [3]}],
)
def test_empty_nested_and_non_string_keys_are_written_as_json_dumps_writes_them(value: Any) -> None:
    assert dumps_indented(value) == json.dumps(value, indent=2)


@pytest.mark.parametrize("output_format", ["json", "sarif", "gitlab"])
def test_a_report_is_json_dumps_indented_text(tmp_path, monkeypatch, capsys, output_format) -> None:
    """A finding with a fix nests objects and arrays: the report reads back to the same text."""
    (tmp_path / "a.md").write_text('---\ntitle: "Hello  world"\n---\n')
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-cache", "--output-format", output_format, "a.md"])
    out = capsys.readouterr().out
    assert "FM502" in out  # the doubled space, whose finding carries a fix
    assert out == json.dumps(json.loads(out), indent=2, ensure_ascii=output_format != "json") + "\n"
