"""Hostile file names in every format: each name shown the same way (control characters and
bytes that are not UTF-8 as `\\xNN`), distinct names stay distinct, the report is valid UTF-8
with no control character but its own line breaks."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest

from linter.cli import main

NAMES = {
    b"a\x01.md": "a\\x01.md",
    b"a\x02.md": "a\\x02.md",
    b"e\x1b[31m.md": "e\\x1b[31m.md",
    b"n\nl.md": "n\\nl.md",
    b"d\xff.md": "d\\xff.md",  # not UTF-8
    b"b\\x01.md": "b\\\\x01.md",  # a real backslash: doubled, so it cannot pose as a control
}
SHOWN = sorted(NAMES.values())


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    for name in NAMES:
        with open(os.path.join(os.fsencode(tmp_path), name), "wb") as handle:
            handle.write(b"---\nquality: 150\n---\n")
    return tmp_path


def _report(capfdbinary, fmt: str) -> str:
    assert (
        main(
            [
                "check",
                ".",
                "--no-cache",
                "--preset",
                "news-article",
                "--select",
                "FM100",
                "--output-format",
                fmt,
            ]
        )
        == 1
    )
    raw = capfdbinary.readouterr().out
    text = raw.decode("utf-8")  # strict: a lone surrogate or a raw byte would fail here
    assert not set(text) & {chr(c) for c in range(32) if c not in (9, 10)}, text
    return text


def _unique(paths: list[str]) -> list[str]:
    return sorted({p.removeprefix("./") for p in paths})


def test_concise(hostile, capfdbinary):
    lines = _report(capfdbinary, "concise").splitlines()
    assert _unique([line.split(":2:10: ")[0] for line in lines if ":2:10: FM100" in line]) == SHOWN


def test_full(hostile, capfdbinary):
    lines = _report(capfdbinary, "full").splitlines()
    assert _unique([line.split(":2:10: ")[0] for line in lines if ":2:10: FM100" in line]) == SHOWN


def test_github(hostile, capfdbinary):
    lines = _report(capfdbinary, "github").splitlines()
    files = [line.split("file=")[1].split(",line=")[0] for line in lines]
    assert _unique(files) == SHOWN  # no `:`, `,` or `%` in these names, so nothing more escaped


@pytest.mark.parametrize("fmt", ["json", "gitlab"])
def test_json_formats(hostile, capfdbinary, fmt):
    data = json.loads(_report(capfdbinary, fmt))
    records = data["findings"] if fmt == "json" else [issue["location"] for issue in data]
    assert _unique([r["path"] for r in records]) == SHOWN


def test_json_lines(hostile, capfdbinary):
    records = [json.loads(line) for line in _report(capfdbinary, "json-lines").splitlines()]
    assert _unique([r["path"] for r in records]) == SHOWN


def test_junit_names_are_distinct_and_valid_xml(hostile, capfdbinary):
    root = ET.fromstring(_report(capfdbinary, "junit").encode("utf-8"))
    names = [case.get("name", "") for case in root.iter("testcase")]
    assert len(names) == len(NAMES)
    assert _unique(names) == SHOWN


def test_sarif_uris_are_distinct(hostile, capfdbinary):
    run = json.loads(_report(capfdbinary, "sarif"))["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"a%01.md", "a%02.md", "e%1B%5B31m.md", "n%0Al.md", "d%FF.md", "b%5Cx01.md"}
