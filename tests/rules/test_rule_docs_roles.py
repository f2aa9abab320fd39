"""The documentation of every semantic rule (FM2xx-FM6xx) speaks of the roles it reads, with
the news-article names as the example, as `content-lint rule CODE` prints it."""

from __future__ import annotations

import re

import pytest

from linter.cli import main
from linter.config.roles import ROLE_NAMES
from linter.rules.registry import ALL_RULES

SEMANTIC = [rule for rule in ALL_RULES if re.fullmatch(r"FM[2-6]\d\d", rule.code)]


@pytest.mark.parametrize("rule", SEMANTIC, ids=lambda rule: rule.code)
def test_rule_docs_name_a_role_and_the_news_article_example(rule, capsys):
    assert main(["rule", rule.code]) == 0
    text = capsys.readouterr().out
    roles = {name for name in ROLE_NAMES if f"`{name}`" in text}
    assert roles, f"{rule.code} names no role"
    assert "role" in text
    assert "news-article" in text, f"{rule.code} gives no news-article example"


def test_every_semantic_code_is_covered():
    assert [rule.code for rule in SEMANTIC] == [
        "FM201", "FM202", "FM203", "FM204", "FM205", "FM206", "FM301", "FM302", "FM303", "FM401", "FM402", "FM403",
        "FM404", "FM405", "FM501", "FM502", "FM503", "FM504", "FM505", "FM506", "FM507", "FM508",
        "FM601",
    ]  # fmt: skip
