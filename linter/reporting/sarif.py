"""SARIF 2.1.0, the format GitHub code scanning and other security dashboards ingest.

One run; `tool.driver.rules` lists every registered rule (so a dashboard can show the docs
of any code), and results point into it by `ruleIndex`. Paths under the working directory
are relative URIs against `%SRCROOT%`; other paths are absolute `file://` URIs.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from linter import __version__
from linter.findings import Finding
from linter.reporting.base import Reporter, RunSummary
from linter.reporting.escape import shown_text
from linter.reporting.fingerprints import fingerprints
from linter.reporting.json_text import dumps_indented
from linter.reporting.locations import display_path, relative_path
from linter.rules.base import Rule
from linter.rules.registry import ALL_RULES

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "contentLint/v1"
LEVELS = {"error": "error", "warning": "warning", "off": "none"}


class SarifReporter(Reporter):
    machine_readable = True

    def __init__(self, stream: TextIO, *, root: str | None = None) -> None:
        super().__init__(stream)
        self.root = root

    def report(self, summary: RunSummary) -> None:
        self.stream.write(dumps_indented(sarif_log(summary.findings, self.root or os.getcwd())))
        self.stream.write("\n")


def sarif_log(findings: Sequence[Finding], root: str) -> dict[str, Any]:
    root = os.path.abspath(root)
    rules = list(ALL_RULES)
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [
        _result(f, index.get(f.code), root, fingerprint)
        for f, fingerprint in zip(findings, fingerprints(findings, root), strict=True)
    ]
    driver = {"name": "content-lint", "version": __version__, "rules": [_descriptor(r) for r in rules]}
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(root)}},
        "columnKind": "unicodeCodePoints",  # our columns count characters, not UTF-16 units
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _descriptor(rule: type[Rule]) -> dict[str, Any]:
    documentation = rule.documentation()
    configuration: dict[str, Any] = {"level": LEVELS[rule.default_severity]}
    if rule.default_severity == "off":
        configuration["enabled"] = False
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(documentation.split("\n\n", 1)[0].split())},
        "help": {"text": documentation},
        "defaultConfiguration": configuration,
    }


def _result(f: Finding, rule_index: int | None, root: str, fingerprint: str) -> dict[str, Any]:
    region = {"startLine": f.line, "startColumn": f.column}
    if (f.end_line, f.end_column) >= (f.line, f.column):
        region.update(endLine=f.end_line, endColumn=f.end_column)
    result: dict[str, Any] = {"ruleId": f.code}
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    result.update(
        level=f.severity,
        message={"text": shown_text(f.message)},
        locations=[{"physicalLocation": {"artifactLocation": _artifact(f.path, root), "region": region}}],
        partialFingerprints={FINGERPRINT_KEY: fingerprint},
    )
    if f.pointer:
        result["properties"] = {"pointer": f.pointer}
    if f.fix is not None:
        result["fixes"] = [_fix(f, root)]
    return result


def _fix(f: Finding, root: str) -> dict[str, Any]:
    """SARIF's `fix`: replacements in the finding's file; applicability in `properties`."""
    assert f.fix is not None
    replacements = [
        {
            "deletedRegion": {
                "startLine": e.line,
                "startColumn": e.column,
                "endLine": e.end_line,
                "endColumn": e.end_column,
            },
            "insertedContent": {"text": e.content},
        }
        for e in f.fix.edits
    ]
    return {
        "description": {"text": f"{f.fix.applicability} fix for {f.code}"},
        "artifactChanges": [{"artifactLocation": _artifact(f.path, root), "replacements": replacements}],
        "properties": {"applicability": f.fix.applicability},
    }


def _artifact(path: str, root: str) -> dict[str, str]:
    relative = relative_path(path, root)
    if relative is None:
        return {"uri": Path(display_path(path, root)).as_uri()}
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": SRCROOT}


def _directory_uri(root: str) -> str:
    uri = Path(root).as_uri()
    return uri if uri.endswith("/") else uri + "/"
