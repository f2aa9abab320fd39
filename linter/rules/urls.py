"""urls rules (to be written)."""

from __future__ import annotations

from linter.rules.base import Rule

URLS_RULES: tuple[type[Rule], ...] = ()
