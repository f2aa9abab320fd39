"""Hostile configuration and schemas: one line on stderr, exit status 2, no traceback, nothing fetched."""

from __future__ import annotations

import json

import pytest
from helpers import refused

from linter.cli import main

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def project(article_dir):
    return article_dir


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("bogus = 1", "unknown key `bogus`"),
        ('include = "*.md"\nmax-depth = "deep"', "key `max-depth` should be a positive integer"),
        ('exclude = ["drafts/["]', "unclosed `[`"),
        ('include = ["[z-a].md"]', "reversed range"),
        ('exclude = ["!"]', "is invalid"),
        ('schema = "/etc/hostname"', "points outside the project folder"),
        ('schema = "../x.json"', "points outside the project folder"),
        ('[rules.image-size]\nmin-width = "wide"', 'option "min-width" of "image-size" should be'),
        ("[rules.image-size]\ncolour = 1", 'option "colour" of "image-size" is unknown'),
        ("[rules.no-such-rule]\nx = 1", "[rules.no-such-rule] names no rule"),
        ('select = ["FM9999"]', "matches no rule"),
        ("[severity]\nFM301 = 3", "should be"),
        ("\x00", "invalid TOML"),
    ],
)
def test_bad_config(project, capsys, toml, expected):
    (project / "content-lint.toml").write_text(toml)
    assert expected in refused(capsys)


def _schema(project, schema, name="s.json"):
    (project / name).write_text(json.dumps(schema) if not isinstance(schema, str) else schema)
    return name


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"properties": {"title": {"$ref": "https://schemas.example/t.json"}}}, "remote $ref"),
        ({"$ref": "#"}, "refers to itself in a loop"),
        (
            {
                "$defs": {"a": {"allOf": [{"$ref": "#/$defs/b"}]}, "b": {"$ref": "#/$defs/a"}},
                "$ref": "#/$defs/a",
            },
            "loop",
        ),
        ({"properties": {"title": {"pattern": "(unclosed"}}}, "is not a 'regex'"),
        ({"properties": {"title": {"pattern": "^(a+)+$"}}}, "catastrophic backtracking"),
        ({"patternProperties": {"^(x*)*$": {}}}, "catastrophic backtracking"),
        ({"type": "objekt"}, "invalid schema at /type"),
        ("[1, 2", "not valid JSON"),
        ("[]", "must be a JSON object"),
    ],
)
def test_bad_schema(project, capsys, schema, expected):
    assert expected in refused(capsys, "--schema", _schema(project, schema))


def test_loop_through_another_file(project, capsys):
    _schema(project, {"$ref": "main.json#/$defs/x"}, "other.json")
    _schema(
        project,
        {"$defs": {"x": {"$ref": "other.json"}}, "properties": {"title": {"$ref": "#/$defs/x"}}},
        "main.json",
    )
    assert "loop" in refused(capsys, "--schema", "main.json")


def test_recursion_that_descends_is_fine(project, capsys):
    name = _schema(project, {"properties": {"related": {"items": {"$ref": "#"}}}})
    assert main(["check", "a.md", "--no-cache", "--schema", name]) == 0


@pytest.mark.timeout(10)
def test_backtracking_pattern_on_a_hostile_value_is_bounded(project, capsys):
    """`(a|aa)+` is legal and not refused, but matching uses a bounded engine."""
    name = _schema(project, {"properties": {"title": {"pattern": "^(a|aa)+$"}}})
    (project / "a.md").write_text("---\ntitle: " + "a" * 5000 + "!\n---\n")
    assert main(["check", "a.md", "--no-cache", "--schema", name, "--select", "FM1"]) == 1
    assert "does not match" in capsys.readouterr().out
