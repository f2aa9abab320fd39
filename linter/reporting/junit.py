"""JUnit XML, the test-report format most CI dashboards show without a plugin.

One `<testcase classname="content-lint" name=PATH>` per checked file, so clean files show as
passing tests; one `<failure>` per error finding. Warnings do not fail a test: they are
listed in the test case's `<system-out>`. The `failures` counts are failing test cases
(files with an error), as JUnit defines them, so `tests - failures` is what passed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from linter.findings import Finding
from linter.reporting.base import Reporter, RunSummary
from linter.reporting.escape import shown_name, shown_text

SUITE_NAME = "content-lint"
#: Characters XML 1.0 cannot hold even escaped (and lone surrogates, which cannot be encoded).
ILLEGAL_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class JunitReporter(Reporter):
    machine_readable = True

    def report(self, summary: RunSummary) -> None:
        by_path: dict[str, list[Finding]] = defaultdict(list)
        for finding in summary.findings:
            by_path[finding.path].append(finding)
        paths = sorted({*summary.files, *by_path})
        failed = sum(1 for path in paths if any(f.severity == "error" for f in by_path[path]))
        counts = {"tests": str(len(paths)), "failures": str(failed), "errors": "0", "skipped": "0"}
        root = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
        suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts})
        for path in paths:
            suite.append(_testcase(path, by_path[path]))
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")


def _testcase(path: str, findings: list[Finding]) -> ET.Element:
    case = ET.Element("testcase", {"classname": SUITE_NAME, "name": shown_name(path)})
    for f in findings:
        if f.severity == "error":
            attributes = {"message": _clean(f"{f.code} {shown_text(f.message)}"), "type": f.code}
            ET.SubElement(case, "failure", attributes).text = _clean(_line(f))
    warnings = [_line(f) for f in findings if f.severity != "error"]
    if warnings:
        ET.SubElement(case, "system-out").text = _clean("\n".join(warnings))
    return case


def _line(f: Finding) -> str:
    return f"{shown_name(f.path)}:{f.line}:{f.column}: {f.code} [{f.severity}] {shown_text(f.message)}"


def _clean(text: str) -> str:
    return ILLEGAL_XML.sub("", text)
