"""One engine decides every whole document, whatever the schema's shape, and each finding is
one error that engine found (issue 11, section 4): the attacks that fooled the old split path."""

from __future__ import annotations

import json
from typing import Any

import jsonschema_rs
import pytest
from helpers import ARTICLE, line_of, lint_text

from linter.reading.compose import Limits, compose_document
from linter.reading.frontmatter import split_front_matter
from linter.schema.check import default_schema_path

SCHEMA = "custom.schema.json"


def _findings(tmp_path, schema: Any, front_matter: str) -> list[Any]:
    (tmp_path / SCHEMA).write_text(json.dumps(schema))
    findings = lint_text(tmp_path, f"---\n{front_matter}---\n", config={"schema": SCHEMA})
    return [f for f in findings if f.code == "FM100"]


def _summary(findings: list[Any]) -> list[tuple[str, str, int, int]]:
    return [(f.pointer, f.message, f.line, f.column) for f in findings]


@pytest.mark.parametrize("key", ["2024", "007", "+1"])
def test_top_level_keys_made_of_digits_are_checked(tmp_path, key):
    schema = {"properties": {key: {"type": "integer"}}}
    findings = _findings(tmp_path, schema, f'"{key}": x\n')
    assert _summary(findings) == [
        (f"/{key}", f'`{key}` must be a whole number, got "x" (at /{key})', 2, len(key) + 5)
    ]


def test_keys_that_read_as_the_same_number_each_get_their_own_finding(tmp_path):
    schema = {"additionalProperties": {"type": "integer"}}
    findings = _findings(tmp_path, schema, '"7": x\n"007": x\n"+7": y\n')
    assert sorted(f.pointer for f in findings) == ["/+7", "/007", "/7"]
    assert sorted(f.line for f in findings) == [2, 3, 4]


def test_digit_keys_below_the_top_level_keep_their_path(tmp_path):
    schema = {"properties": {"years": {"properties": {"2024": {"type": "integer"}}}}}
    [finding] = _findings(tmp_path, schema, "years:\n  '2024': x\n")
    assert finding.message == '`years.2024` must be a whole number, got "x" (at /years/2024)'


@pytest.mark.parametrize(
    ("fmt", "value"),
    [
        ("date-time", "1998-12-31T23:59:60Z"),
        ("date-time", "2024-13-01T00:00:00Z"),
        ("hostname", "-a.example"),
    ],
)
def test_adding_an_always_true_subschema_never_changes_the_findings(tmp_path, fmt, value):
    schema = {"properties": {"v": {"type": "string", "format": fmt}}}
    plain = _summary(_findings(tmp_path, schema, f'v: "{value}"\n'))
    wrapped = _summary(_findings(tmp_path, {**schema, "allOf": [True]}, f'v: "{value}"\n'))
    assert plain == wrapped


def test_pattern_properties_and_additional_properties_use_one_regex_engine(tmp_path):
    schema = {"patternProperties": {"^\\d+$": {}}, "additionalProperties": False}
    findings = _findings(tmp_path, schema, '"42": a\n"৪২": b\n')
    assert _summary(findings) == [("/৪২", "unknown key `৪২`: not allowed here (at /৪২)", 3, 1)]


def test_ref_inside_a_subschema_with_its_own_id_resolves_from_that_id(tmp_path):
    schema = {
        "$id": "https://schemas.example/root.json",
        "properties": {"a": {"$ref": "sub/item.json"}},
        "$defs": {"item": {"$id": "sub/item.json", "$ref": "#/$defs/t", "$defs": {"t": {"type": "integer"}}}},
    }
    assert _findings(tmp_path, schema, "a: 1\n") == []
    assert [f.pointer for f in _findings(tmp_path, schema, "a: x\n")] == ["/a"]


def test_unicode_property_escapes_in_patterns_are_accepted(tmp_path):
    schema = {"properties": {"name": {"pattern": "^\\p{Letter}+$"}}}
    assert _findings(tmp_path, schema, "name: Ångström\n") == []
    [finding] = _findings(tmp_path, schema, "name: R2D2\n")
    assert finding.message == '`name` has the wrong form: "R2D2" does not match `^\\p{Letter}+$` (at /name)'


def test_boolean_root_schemas(tmp_path):
    assert _findings(tmp_path, True, "a: 1\n") == []
    [finding] = _findings(tmp_path, False, "a: 1\n")
    assert (finding.message, finding.line) == ("the front matter is not allowed by the schema (at /)", 2)


def test_false_subschema_is_reported_at_its_key(tmp_path):
    findings = _findings(tmp_path, {"properties": {"draft": False}}, "title: t\ndraft: true\n")
    assert _summary(findings) == [("/draft", "`draft` is not allowed here (at /draft)", 3, 1)]


@pytest.mark.parametrize(
    ("schema", "front_matter", "message"),
    [
        (
            {"properties": {"m": {"const": {"a": 1}}}},
            "m:\n  a: 2\n",
            '`m` must be {"a":1}, got {"a":2} (at /m)',
        ),
        (
            {"properties": {"m": {"enum": [{"a": 1}, [1]]}}},
            "m:\n  a: 2\n",
            '`m` must be one of {"a":1}, [1]; got {"a":2} (at /m)',
        ),
        (
            {"properties": {"m": {"enum": []}}},
            "m: 1\n",
            "`m` cannot have any value: the schema's `enum` is empty (at /m)",
        ),
        ({"properties": {"m": {"minProperties": 1.0}}}, "m: {}\n", "`m` must have at least 1 key(s) (at /m)"),
        (
            {"properties": {"m": {"maxLength": 2.0}}},
            "m: abc\n",
            "`m` must be at most 2 characters long (at /m)",
        ),
        (
            {"properties": {"m": {"oneOf": [{}, {"type": "integer"}]}}},
            "m: 1\n",
            "`m` matches more than one of the allowed forms (it must match exactly one) (at /m)",
        ),
    ],
)
def test_messages_say_what_is_wrong(tmp_path, schema, front_matter, message):
    assert [f.message for f in _findings(tmp_path, schema, front_matter)] == [message]


def test_messages_name_the_whole_path(tmp_path):
    schema = {
        "properties": {
            "params": {
                "properties": {"functions_and_methods": {"properties": {"returnType": {"type": "string"}}}}
            },
            "hero": {
                "properties": {
                    "actions": {"items": {"properties": {"variant": {"enum": ["primary", "minimal"]}}}}
                }
            },
        }
    }
    text = (
        "params:\n  functions_and_methods:\n    returnType: 3\n"
        "hero:\n  actions:\n    - variant: primary\n    - variant: loud\n"
    )
    findings = _findings(tmp_path, schema, text)
    assert [f.message for f in findings] == [
        "`params.functions_and_methods.returnType` must be text, got 3 (at /params/functions_and_methods/returnType)",
        '`hero.actions[1].variant` must be one of "primary", "minimal"; got "loud" (at /hero/actions/1/variant)',
    ]
    assert [f.line for f in findings] == [4, 8]


def test_unevaluated_and_property_names_point_at_each_key(tmp_path):
    schema = {"properties": {"a": {}}, "unevaluatedProperties": False, "propertyNames": {"maxLength": 3}}
    findings = _findings(tmp_path, schema, "a: 1\nbb: 2\ncccc: 3\n")
    assert sorted((f.pointer, f.line, f.column) for f in findings) == [
        ("/bb", 3, 1),
        ("/cccc", 4, 1),
        ("/cccc", 4, 1),
    ]
    assert any(f.message.startswith("key `cccc` is not allowed here: ") for f in findings)


def _engine_errors(schema: Any, data: Any) -> int:
    """Errors jsonschema-rs itself reports, one per unexpected key where it names several."""
    errors = jsonschema_rs.validator_for(schema, validate_formats=True).iter_errors(data)
    return sum(len(e.kind.as_dict().get("unexpected", [None])) for e in errors)


def test_findings_are_exactly_the_engines_errors(tmp_path):
    """Never fewer, never more: a broken article gets one finding per engine error."""
    schema = json.loads(default_schema_path().read_text())
    text = (
        ARTICLE.replace("quality: 50", "quality: 150")
        .replace("published: true", "published: yes")
        .replace("    width: 1200\n", "")
        .replace("type: article\n", "type: article\nautor: A\nlang: en\n", 1)
    )
    findings = [f for f in lint_text(tmp_path, text) if f.code == "FM100"]
    front = split_front_matter(text.encode(), 1 << 20)
    document, _ = compose_document("a.md", front, Limits())
    data = document.data  # as the reader builds it: `yes` stays text, timestamps stay text
    assert len(findings) == _engine_errors(schema, data) == 5
    assert line_of(text, "autor: A") in [f.line for f in findings]


def test_no_run_imports_python_jsonschema(tmp_path):
    """One engine: python `jsonschema` (~80 ms to import) is not needed, clean or broken."""
    import subprocess
    import sys

    (tmp_path / "ok.md").write_text(ARTICLE)
    (tmp_path / "bad.md").write_text(ARTICLE.replace("quality: 50", "quality: 150"))
    probe = (
        "import sys; from linter.cli import main; status = main(['check', '--no-cache', '-q', *sys.argv[1:]]);"
        "print(status, 'jsonschema' in sys.modules)"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, "ok.md", "bad.md"], cwd=tmp_path, capture_output=True, text=True
    )
    assert "`quality` must be at most 100, got 150 (at /quality)" in run.stdout
    assert run.stdout.split()[-2:] == ["1", "False"], run.stderr
