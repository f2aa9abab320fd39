"""The `gitlab` format: Code Quality issues with fingerprints that survive line shifts."""

from __future__ import annotations

import json
from typing import Any

from reporter_samples import FINDINGS, Render

from linter.findings import Finding
from linter.reporting import RunSummary
from linter.reporting.gitlab import GitlabReporter


def issues(render: Render, findings: list[Finding], root: str = "/repo") -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = json.loads(render(GitlabReporter, RunSummary(1, findings), root=root))
    return result


def test_shape(render: Render) -> None:
    found = issues(render, FINDINGS)
    assert len(found) == len(FINDINGS)
    assert found[0] == {
        "description": "FM100 `quality` must be at most 100, got 150",
        "check_name": "FM100",
        "fingerprint": found[0]["fingerprint"],
        "severity": "major",
        "location": {"path": "content/a.md", "lines": {"begin": 2}},
    }
    assert [i["severity"] for i in found] == ["major", "major", "minor", "minor", "major"]
    assert found[1]["description"] == "FM100 50% off: a, b\nsecond line\rthird"


def test_fingerprints_are_unique_hex(render: Render) -> None:
    prints = [i["fingerprint"] for i in issues(render, FINDINGS)]
    assert len(set(prints)) == len(prints)
    assert all(len(p) == 64 and int(p, 16) >= 0 for p in prints)


def test_fingerprints_survive_lines_moving(render: Render) -> None:
    moved = [f._replace(line=f.line + 7, end_line=f.end_line + 7) for f in FINDINGS]
    before = [i["fingerprint"] for i in issues(render, FINDINGS)]
    after = [i["fingerprint"] for i in issues(render, moved)]
    assert before == after


def test_fingerprints_do_not_depend_on_how_the_path_was_given(render: Render) -> None:
    relative = issues(render, [FINDINGS[0]])
    absolute = issues(render, [FINDINGS[0]._replace(path="/repo/./content/a.md")])
    assert relative == absolute


def test_identical_findings_get_an_occurrence_number(render: Render) -> None:
    twice = [FINDINGS[0], FINDINGS[0]._replace(line=9, end_line=9)]
    first, second = (i["fingerprint"] for i in issues(render, twice))
    assert first != second
    assert first == issues(render, [FINDINGS[0]])[0]["fingerprint"]


def test_a_change_of_message_or_pointer_is_a_new_issue(render: Render) -> None:
    base = issues(render, [FINDINGS[0]])[0]["fingerprint"]
    assert issues(render, [FINDINGS[0]._replace(message="other")])[0]["fingerprint"] != base
    assert issues(render, [FINDINGS[0]._replace(pointer="/heat")])[0]["fingerprint"] != base


def test_clean_run_is_an_empty_array(render: Render) -> None:
    assert issues(render, []) == []
