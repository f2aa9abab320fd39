"""The documentation of every semantic rule (FM2xx-FM6xx) speaks of the roles it reads, with
the news-article names as the example, as `content-lint rule CODE` prints it."""

from __future__ import annotations

import re

import pytest

from linter.cli import main
from linter.config.roles import ROLE_NAMES
from linter.rules.registry import ALL_RULES
from linter.rules.unknown_keys import UNKNOWN_KEYS_RULES

#: Every rule the registry runs but FM101, which reads the keys a schema declares, not roles.
SEMANTIC = [rule for rule in ALL_RULES if not rule.builtin and rule not in UNKNOWN_KEYS_RULES]


@pytest.mark.parametrize("rule", SEMANTIC, ids=lambda rule: rule.code)
def test_rule_docs_name_a_role_and_the_news_article_example(rule, capsys):
    assert main(["rule", rule.code]) == 0
    text = capsys.readouterr().out
    roles = {name for name in ROLE_NAMES if f"`{name}`" in text}
    assert roles, f"{rule.code} names no role"
    assert "role" in text
    assert "news-article" in text, f"{rule.code} gives no news-article example"


def test_the_semantic_rules_are_the_families_fm2xx_to_fm6xx():
    # A rule that reads roles belongs to a family from FM2xx (dates) to FM6xx; one given
    # another code, or left out of the registry's semantic rules, fails here.
    assert SEMANTIC
    assert [rule.code for rule in SEMANTIC if not re.fullmatch(r"FM[2-6]\d\d", rule.code)] == []
    assert [
        rule.code for rule in ALL_RULES if re.fullmatch(r"FM[2-6]\d\d", rule.code) and rule not in SEMANTIC
    ] == []
