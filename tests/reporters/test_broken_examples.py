"""Every format reports the same number of findings for `examples/broken`."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import EXAMPLES, NOW, REPO
from reporter_samples import sarif_schema_errors

from linter.config.settings import config_from_table
from linter.reporting import REPORTERS, RunSummary
from linter.running.discovery import FileFilter, discover
from linter.running.engine import build_engine

BROKEN = EXAMPLES / "broken"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> RunSummary:
    config = config_from_table({}, tmp_path_factory.mktemp("cfg") / "content-lint.toml")
    filters = FileFilter.build(*config.file_patterns, config.root, config.respect_gitignore)
    sources = list(discover([str(BROKEN)], filters))
    files = [s.path for s in sources if s.problem is None]
    report = build_engine(config, now=NOW).run(files, [(s.path, s.problem) for s in sources if s.problem])
    return RunSummary(report.files_checked, report.findings, files=tuple(files))


def junit_count(output: str) -> int:
    root = ET.fromstring(output)
    warnings = sum(len((out.text or "").splitlines()) for out in root.iter("system-out"))
    return len(list(root.iter("failure"))) + warnings


def sarif_count(output: str) -> int:
    log = json.loads(output)
    assert sarif_schema_errors(log) == []
    return len(log["runs"][0]["results"])


def gitlab_count(output: str) -> int:
    issues = json.loads(output)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    return len(issues)


def markdown_count(output: str) -> int:
    """The rule table's counts, which every finding is in (the list stops at 50)."""
    return sum(int(row.split("|")[1]) for row in output.splitlines() if re.match(r"^\| \d+ \|", row))


HEADER = re.compile(r"^\S.*:\d+:\d+: FM\d{3} \[(error|warning)\] ", re.MULTILINE)
COUNTERS: dict[str, Callable[[str], int]] = {
    "full": lambda out: len(HEADER.findall(out)),
    "concise": lambda out: len(out.splitlines()),
    "json": lambda out: len(json.loads(out)["findings"]),
    "json-lines": lambda out: len([json.loads(line) for line in out.splitlines()]),
    "github": lambda out: len(re.findall(r"^::(?:error|warning) file=", out, re.MULTILINE)),
    "sarif": sarif_count,
    "junit": junit_count,
    "gitlab": gitlab_count,
    "markdown": markdown_count,
}


def test_every_registered_format_is_counted_here() -> None:
    assert set(COUNTERS) == set(REPORTERS)


def test_the_examples_do_find_errors_and_warnings(broken: RunSummary) -> None:
    assert broken.errors > 10
    assert broken.warnings > 5
    assert len(broken.files) == len(list(BROKEN.glob("*.md")))


@pytest.mark.parametrize("name", sorted(COUNTERS))
def test_same_number_of_findings_in_every_format(
    name: str, broken: RunSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)  # relative SARIF/GitLab paths, and `full` reads the sources
    stream = io.StringIO()
    REPORTERS[name](stream).report(broken)
    assert COUNTERS[name](stream.getvalue()) == len(broken.findings)


def test_junit_lists_clean_files_too(broken: RunSummary) -> None:
    stream = io.StringIO()
    REPORTERS["junit"](stream).report(broken)
    suite = ET.fromstring(stream.getvalue()).find("testsuite")
    assert suite is not None
    assert suite.get("tests") == str(len(broken.files))
    with_findings = {f.path for f in broken.findings}
    clean = [c for c in suite.iter("testcase") if c.get("name") not in with_findings]
    assert clean, "examples/broken has files whose rules are off by default"
    assert all(len(case) == 0 for case in clean)


def test_full_quotes_real_source_lines(broken: RunSummary, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    stream = io.StringIO()
    REPORTERS["full"](stream).report(broken)
    quoted = re.findall(r"^(\d+) \| (.*)$", stream.getvalue(), re.MULTILINE)
    assert len(quoted) >= len(broken.findings) - 3  # a few files have no quotable line
    first = broken.findings[0]
    source = Path(first.path).read_text(encoding="utf-8").split("\n")[first.line - 1]
    assert (str(first.line), source) in quoted
