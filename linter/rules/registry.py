"""The registry: every rule class by code.

Adding a rule means writing its class in the family module (with its test module) and listing
it in that module's `*_RULES` tuple; nothing else changes.
"""

from __future__ import annotations

from linter.rules.base import Rule
from linter.rules.date_values import DATE_VALUE_RULES
from linter.rules.dates import DATES_RULES
from linter.rules.images import IMAGES_RULES
from linter.rules.markup import MARKUP_RULES
from linter.rules.mojibake import MOJIBAKE_RULES
from linter.rules.reader import READER_RULES
from linter.rules.secured import SECURED_RULES
from linter.rules.tags import TAGS_RULES
from linter.rules.text import TEXT_RULES
from linter.rules.unknown_keys import UNKNOWN_KEYS_RULES
from linter.rules.urls import URLS_RULES

ALL_RULES: tuple[type[Rule], ...] = (
    *READER_RULES,
    *UNKNOWN_KEYS_RULES,
    *DATES_RULES,
    *DATE_VALUE_RULES,
    *IMAGES_RULES,
    *URLS_RULES,
    *TEXT_RULES,
    *MARKUP_RULES,
    *TAGS_RULES,
    *MOJIBAKE_RULES,
    *SECURED_RULES,
)

RULES_BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}
RULES_BY_NAME: dict[str, type[Rule]] = {rule.name: rule for rule in ALL_RULES}


def find_rule(code_or_name: str) -> type[Rule] | None:
    return RULES_BY_CODE.get(code_or_name.upper()) or RULES_BY_NAME.get(code_or_name.lower())
