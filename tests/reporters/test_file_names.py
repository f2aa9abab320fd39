"""Hostile file names in every format: each name shown the same way (control characters and
bytes that are not UTF-8 as `\\xNN`), distinct names stay distinct, the report is valid UTF-8
with no control character but its own line breaks."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from urllib.parse import unquote_to_bytes

import pytest

from linter.cli import main
from linter.reporting import REPORTERS

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


def _lines_before(text: str, mark: str) -> list[str]:
    return [line.split(mark)[0] for line in text.splitlines() if mark in line]


def _junit(text: str) -> list[str]:
    return [case.get("name", "") for case in ET.fromstring(text.encode("utf-8")).iter("testcase")]


def _sarif(text: str) -> list[str]:
    """The names the URIs decode to, as the other formats show them."""
    results = json.loads(text)["runs"][0]["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    return [NAMES[unquote_to_bytes(uri)] for uri in uris]


#: How each output format shows the paths of its findings: a new format needs its line here.
SHOWN_PATHS: dict[str, Callable[[str], list[str]]] = {
    "concise": lambda text: _lines_before(text, ":2:10: FM100"),
    "full": lambda text: _lines_before(text, ":2:10: FM100"),
    # no `:`, `,` or `%` in these names, so nothing more is escaped
    "github": lambda text: [line.split("file=")[1].split(",line=")[0] for line in text.splitlines()],
    "json": lambda text: [finding["path"] for finding in json.loads(text)["findings"]],
    "json-lines": lambda text: [json.loads(line)["path"] for line in text.splitlines()],
    "gitlab": lambda text: [issue["location"]["path"] for issue in json.loads(text)],
    "junit": _junit,
    # a list item; Markdown escapes punctuation with a backslash: `a\\x01\.md` is `a\x01.md`
    "markdown": lambda text: [
        re.sub(r"\\(.)", r"\1", name[2:]) for name in _lines_before(text, ":2:10 FM100")
    ],
    "sarif": _sarif,
}


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_every_format_shows_each_name_once_and_escaped(hostile, capfdbinary, fmt):
    assert fmt in SHOWN_PATHS, f"add how the `{fmt}` format shows a finding's path to SHOWN_PATHS"
    assert _unique(SHOWN_PATHS[fmt](_report(capfdbinary, fmt))) == SHOWN


def test_junit_has_one_case_a_file(hostile, capfdbinary):
    assert len(_junit(_report(capfdbinary, "junit"))) == len(NAMES)


def test_sarif_uris_are_distinct(hostile, capfdbinary):
    run = json.loads(_report(capfdbinary, "sarif"))["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"a%01.md", "a%02.md", "e%1B%5B31m.md", "n%0Al.md", "d%FF.md", "b%5Cx01.md"}
