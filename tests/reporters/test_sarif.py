"""The `sarif` format: valid SARIF 2.1.0 by the official schema, with rules and locations."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from reporter_samples import FINDINGS, SARIF_SCHEMA, Render, sarif_schema_errors

from linter import __version__
from linter.findings import Finding
from linter.reporting import RunSummary
from linter.reporting.sarif import SarifReporter
from linter.rules.registry import ALL_RULES

SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
ROOT = "/repo"


def sarif(render: Render, findings: list[Finding], root: str = ROOT) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render(SarifReporter, RunSummary(1, findings), root=root))
    return log


def test_schema_copy_is_the_published_one() -> None:
    assert hashlib.sha256(SARIF_SCHEMA.read_bytes()).hexdigest() == SCHEMA_SHA256
    assert json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))["id"].startswith(
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
    )


def test_output_validates_against_the_official_schema(render: Render) -> None:
    log = sarif(render, FINDINGS)
    assert sarif_schema_errors(log) == []
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1


def test_the_validator_has_teeth(render: Render) -> None:
    log = sarif(render, FINDINGS)
    log["runs"][0]["results"][0]["level"] = "fatal"
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    log["runs"][0]["results"][2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a b"
    assert len(sarif_schema_errors(log)) == 3


def test_clean_run_is_valid_with_no_results(render: Render) -> None:
    log = sarif(render, [])
    assert sarif_schema_errors(log) == []
    assert log["runs"][0]["results"] == []


def test_driver_lists_every_registered_rule(render: Render) -> None:
    driver = sarif(render, [])["runs"][0]["tool"]["driver"]
    assert driver["name"] == "content-lint"
    assert driver["version"] == __version__
    assert [r["id"] for r in driver["rules"]] == [rule.code for rule in ALL_RULES]
    for descriptor, rule in zip(driver["rules"], ALL_RULES, strict=True):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"]
        assert descriptor["help"]["text"] == rule.documentation()
        level = {"error": "error", "warning": "warning", "off": "none"}[rule.default_severity]
        assert descriptor["defaultConfiguration"]["level"] == level
        assert descriptor["defaultConfiguration"].get("enabled", True) is (rule.default_severity != "off")


def test_results_point_at_their_rule_and_region(render: Render) -> None:
    run = sarif(render, FINDINGS)["runs"][0]
    assert len(run["results"]) == len(FINDINGS)
    for result, finding in zip(run["results"], FINDINGS, strict=True):
        assert result["ruleId"] == finding.code
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding.code
        assert result["level"] == finding.severity
        assert result["message"]["text"] == finding.message
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": finding.path, "uriBaseId": "%SRCROOT%"}
        assert location["region"] == {
            "startLine": finding.line,
            "startColumn": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
        }
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///repo/"}}
    assert run["columnKind"] == "unicodeCodePoints"


def test_fingerprints_are_unique(render: Render) -> None:
    results = sarif(render, [*FINDINGS, FINDINGS[0]])["runs"][0]["results"]
    prints = [r["partialFingerprints"]["contentLint/v1"] for r in results]
    assert len(set(prints)) == len(prints)


@pytest.mark.parametrize(
    ("path", "artifact"),
    [
        ("content/café menu.md", {"uri": "content/caf%C3%A9%20menu.md", "uriBaseId": "%SRCROOT%"}),
        ("./content/#1?.md", {"uri": "content/%231%3F.md", "uriBaseId": "%SRCROOT%"}),
        ("/repo/content/a.md", {"uri": "content/a.md", "uriBaseId": "%SRCROOT%"}),
        ("/elsewhere/a b.md", {"uri": "file:///elsewhere/a%20b.md"}),
        ("../sibling/a.md", {"uri": "file:///sibling/a.md"}),
    ],
)
def test_uris(render: Render, path: str, artifact: dict[str, str]) -> None:
    finding = Finding(path, 1, 1, 1, 2, "FM001", "missing-front-matter", "error", "m")
    log = sarif(render, [finding])
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == artifact
    assert sarif_schema_errors(log) == []


def test_unknown_code_has_no_rule_index(render: Render) -> None:
    finding = Finding("a.md", 1, 1, 1, 2, "XX999", "plugin", "warning", "m")
    result = sarif(render, [finding])["runs"][0]["results"][0]
    assert "ruleIndex" not in result
    assert result["ruleId"] == "XX999"


def test_root_uri_ends_with_a_slash(render: Render, tmp_path: Path) -> None:
    run = sarif(render, [], root=str(tmp_path))["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
