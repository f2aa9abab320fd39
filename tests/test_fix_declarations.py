"""What `content-lint rule X` says about fixes is what the rule does: every fix a finding
carries on the example sites comes from a rule that declares fixes of that kind."""

from __future__ import annotations

from helpers import EXAMPLES, check_report

from linter.cli import main
from linter.rules.registry import RULES_BY_CODE


def test_every_fix_found_is_declared_by_its_rule(capsys, monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    fixed = {(f["code"], f["fix"]["applicability"]) for f in check_report(capsys, "examples")[1] if f["fix"]}
    assert {code for code, _ in fixed} >= {"FM100", "FM506"}  # the examples hold a safe and an unsafe kind
    for code, applicability in fixed:
        rule = RULES_BY_CODE[code]
        assert rule.fix_availability != "never" and applicability in rule.fix_safety, code


def test_rule_says_whether_a_fix_exists(capsys):
    assert main(["rule", "FM506"]) == 0
    assert "Fix: always (safe)" in capsys.readouterr().out.splitlines()
    assert main(["rule", "FM201"]) == 0
    assert "Fix: never" in capsys.readouterr().out.splitlines()
