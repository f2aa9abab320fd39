"""The `junit` format: one test case per file, one failure per error, counts that add up."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reporter_samples import ERRORS, FILES, FINDINGS, Render

from linter.findings import Finding
from linter.reporting import RunSummary
from linter.reporting.junit import JunitReporter


def parse(render: Render, summary: RunSummary) -> ET.Element:
    return ET.fromstring(render(JunitReporter, summary).encode("utf-8"))


def test_counts_and_one_case_per_file(render: Render, summary: RunSummary) -> None:
    root = parse(render, summary)
    suite = root.find("testsuite")
    assert suite is not None
    assert root.tag == "testsuites"
    assert suite.get("name") == "content-lint"
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == list(FILES)
    assert {case.get("classname") for case in cases} == {"content-lint"}
    for element in (root, suite):
        assert element.get("tests") == "3"
        assert element.get("failures") == "2"  # test cases that failed: a.md and b.md
        assert element.get("errors") == "0"
    assert len(suite.findall("testcase/failure")) == ERRORS


def test_clean_file_is_a_passing_case(render: Render, summary: RunSummary) -> None:
    clean = parse(render, summary).find("testsuite/testcase[@name='content/clean.md']")
    assert clean is not None
    assert list(clean) == []


def test_failure_carries_code_message_and_position(render: Render, summary: RunSummary) -> None:
    failures = parse(render, summary).findall("testsuite/testcase[@name='content/a.md']/failure")
    assert [f.get("type") for f in failures] == ["FM100", "FM100"]
    assert failures[0].get("message") == "FM100 `quality` must be at most 100, got 150"
    assert failures[0].text == "content/a.md:2:10: FM100 [error] `quality` must be at most 100, got 150"
    # Line breaks survive in the attribute as character references.
    assert failures[1].get("message") == "FM100 50% off: a, b\nsecond line\rthird"


def test_warnings_go_to_system_out_and_do_not_fail(render: Render) -> None:
    warning = FINDINGS[3]
    root = parse(render, RunSummary(1, [warning], files=(warning.path,)))
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.find("failure") is None
    assert (
        case.findtext("system-out") == "content/b.md:2:8: FM508 [warning] `title` « Élysée: 東京 » looks odd"
    )
    assert root.get("failures") == "0"


def test_files_only_in_findings_still_get_a_case(render: Render) -> None:
    root = parse(render, RunSummary(0, [FINDINGS[0]]))
    assert [c.get("name") for c in root.iter("testcase")] == ["content/a.md"]


def test_control_characters_are_escaped_and_what_xml_cannot_hold_dropped(render: Render) -> None:
    finding = Finding(
        "a\x01\udce9.md", 1, 1, 1, 2, "FM508", "mojibake", "error", "bad \x00\x08\x0b\x1f\ufffe end"
    )
    root = parse(render, RunSummary(1, [finding]))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "FM508 bad \\x00\\x08\\x0b\\x1f end"
    [case] = root.findall("testsuite/testcase")
    assert case.get("name") == "a\\x01\\xe9.md"


def test_declaration_first(render: Render, summary: RunSummary) -> None:
    assert render(JunitReporter, summary).startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
