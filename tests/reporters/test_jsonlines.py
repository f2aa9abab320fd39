"""The `json-lines` format: exactly one JSON object per finding per line, nothing else."""

from __future__ import annotations

import json

from reporter_samples import FINDINGS, Render

from linter.findings import Finding
from linter.reporting import RunSummary
from linter.reporting.jsonlines import JsonLinesReporter


def test_one_object_per_line_with_the_finding_keys(render: Render, summary: RunSummary) -> None:
    output = render(JsonLinesReporter, summary)
    lines = output.splitlines()
    assert output.endswith("\n")
    assert [json.loads(line) for line in lines] == [f.to_dict() for f in FINDINGS]


def test_line_breaks_inside_messages_stay_inside_the_json(render: Render) -> None:
    message = "a\nb\rc\u2028d\u2029e\x85f"
    finding = Finding("x.md", 1, 1, 1, 2, "FM508", "mojibake", "warning", message)
    output = render(JsonLinesReporter, RunSummary(1, [finding]))
    assert len(output.splitlines()) == 1
    assert json.loads(output)["message"] == message


def test_clean_run_prints_nothing(render: Render) -> None:
    assert render(JsonLinesReporter, RunSummary(2, [], files=("a.md", "b.md"))) == ""


def test_is_a_machine_format() -> None:
    assert JsonLinesReporter.machine_readable
