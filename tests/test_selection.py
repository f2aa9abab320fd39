"""select / ignore / severity / per-file-ignores decide which findings users see."""

from __future__ import annotations

from helpers import ARTICLE, codes, lint_text

BROKEN = ARTICLE.replace("quality: 50", "quality: 150")


def test_ignore_by_code_prefix_and_name(tmp_path):
    for selector in ("FM100", "FM1", "schema"):
        assert lint_text(tmp_path, BROKEN, config={"ignore": [selector]}) == [], selector


def test_select_restricts_rules_but_never_hides_reader_errors(tmp_path):
    assert lint_text(tmp_path, BROKEN, config={"select": ["FM2"]}) == []
    assert codes(lint_text(tmp_path, "---\n- a\n---\n", config={"select": ["FM2"]})) == ["FM005"]


def test_severity_override(tmp_path):
    [finding] = lint_text(tmp_path, BROKEN, config={"severity": {"FM100": "warning"}})
    assert finding.severity == "warning"
    assert lint_text(tmp_path, BROKEN, config={"severity": {"schema": "off"}}) == []


def test_per_file_ignores(tmp_path):
    config = {"per-file-ignores": {"archive-*.md": ["FM1"]}}
    assert lint_text(tmp_path, BROKEN, name="archive-2019.md", config=config) == []
    assert codes(lint_text(tmp_path, BROKEN, name="current.md", config=config)) == ["FM100"]
