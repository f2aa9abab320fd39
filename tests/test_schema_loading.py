"""Loading a schema is bounded and never fetches: each hostile schema is one line on standard
error and exit status 2, at start-up (issue 11, sections 3 and 4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import refused

from linter.cli import main

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def project(article_dir):
    return article_dir


def _schema(project, schema, name="s.json") -> str:
    (project / name).write_text(json.dumps(schema))
    return name


def test_a_device_is_refused_without_reading_it(project, capsys):
    assert "not a regular file" in refused(capsys, "--schema", "/dev/zero")


def test_a_fifo_is_refused_without_waiting_for_a_writer(project, capsys):
    os.mkfifo(project / "s.json")
    assert "not a regular file" in refused(capsys, "--schema", "s.json")


def test_a_referenced_fifo_is_refused(project, capsys):
    os.mkfifo(project / "title.json")
    name = _schema(project, {"properties": {"title": {"$ref": "title.json"}}})
    assert "not a regular file" in refused(capsys, "--schema", name)


def test_a_huge_schema_is_refused(project, capsys):
    (project / "s.json").write_text('{"description": "' + "x" * (9 << 20) + '"}')
    assert "larger than 8 MiB" in refused(capsys, "--schema", "s.json")


def test_a_deeply_nested_schema_is_refused(project, capsys):
    (project / "s.json").write_text('{"not": ' * 900 + "{}" + "}" * 900)
    assert "nested deeper than 128 levels" in refused(capsys, "--schema", "s.json")


def test_brackets_inside_strings_do_not_count_as_nesting(project, capsys):
    name = _schema(project, {"description": "[{" * 500, "type": "object"})
    assert main(["check", "a.md", "--no-cache", "--schema", name]) == 0


@pytest.mark.parametrize(
    "schema",
    [
        {"$ref": "#a", "$anchor": "a"},
        {"$defs": {"x": {"$anchor": "x", "allOf": [{"$ref": "#x"}]}}, "$ref": "#x"},
        {
            "$defs": {"x": {"$id": "https://s.example/x", "$ref": "https://s.example/x"}},
            "$ref": "https://s.example/x",
        },
        {"$dynamicAnchor": "a", "$dynamicRef": "#a"},
        {"$defs": {"n": {"$dynamicAnchor": "n", "anyOf": [{"$dynamicRef": "#n"}]}}, "$ref": "#/$defs/n"},
        {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "definitions": {"a": {"$id": "#foo", "allOf": [{"$ref": "#foo"}]}},
            "$ref": "#foo",
        },
    ],
    ids=["anchor", "anchor-allOf", "id", "dynamicRef", "dynamicRef-anyOf", "draft7-id-anchor"],
)
def test_reference_loops_are_refused_at_start_up(project, capsys, schema):
    assert "loop that never descends" in refused(capsys, "--schema", _schema(project, schema))


def test_recursion_through_an_anchor_that_descends_is_fine(project):
    schema = {"$anchor": "node", "properties": {"related": {"items": {"$ref": "#node"}}}}
    assert main(["check", "a.md", "--no-cache", "--schema", _schema(project, schema)]) == 0


def test_a_remote_dynamic_ref_is_refused_without_fetching(project, capsys):
    name = _schema(project, {"properties": {"title": {"$dynamicRef": "https://schemas.example/t.json#t"}}})
    assert "https://schemas.example/t.json" in refused(capsys, "--schema", name)


def test_nothing_is_fetched_even_for_a_reachable_address(project):
    """The refusal comes before any connection: with networking cut off in the child process
    (socket creation raises), the error is still the one-line refusal."""
    name = _schema(project, {"properties": {"title": {"$ref": "http://127.0.0.1:9/t.json"}}})
    probe = (
        "import socket, sys\n"
        "def no(*a, **k): raise SystemExit('network used')\n"
        "socket.socket = no; socket.create_connection = no\n"
        "from linter.cli import main\n"
        "sys.exit(main(['check', 'a.md', '--no-cache', '--schema', sys.argv[1]]))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe, name], capture_output=True, text=True, cwd=project)
    assert run.returncode == 2 and "remote $ref 'http://127.0.0.1:9/t.json' refused" in run.stderr
