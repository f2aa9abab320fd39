"""Rule options: each `[rules.<name>]` table checked against what its rule declares (yamllint's
CONF), each value by its option's own check (yamllint's VALIDATE), then the rules built.

A problem is returned as a message, never raised: the run's wiring puts the config file's
name before it and makes it the one-line ConfigError (exit status 2).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linter.rules.base import Rule, RunContext
from linter.rules.registry import ALL_RULES, find_rule
from linter.rules.selection import Selection


def checked_settings(rule: type[Rule], given: Mapping[str, Any]) -> dict[str, Any] | str:
    """Defaults overlaid with `given`, or what is wrong: an unknown option, a wrong type, or a
    value its option's check refuses."""
    declared = {option.name: option for option in rule.options}
    settings = rule.defaults()
    for key, value in given.items():
        option = declared.get(key)
        if option is None:
            known = ", ".join(sorted(declared)) or "none"
            return f'option "{key}" of "{rule.name}" is unknown (known: {known})'
        kinds = option.kind if isinstance(option.kind, tuple) else (option.kind,)
        wrong_bool = isinstance(value, bool) and bool not in kinds
        if wrong_bool or not isinstance(value, kinds):
            return f'option "{key}" of "{rule.name}" should be {option.type_name()}'
        expected = option.check(value) if option.check is not None else None
        if expected is not None:
            return f'[rules.{rule.name}] option "{key}" of "{rule.name}" should be {expected}'
        settings[key] = value
    return settings


def checked_options(tables: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]] | str:
    """Each configured rule's settings by code, or what is wrong with the first bad table."""
    options: dict[str, dict[str, Any]] = {}
    for key, given in tables.items():
        rule = find_rule(key)
        if rule is None:
            return f"[rules.{key}] names no rule"
        settings = checked_settings(rule, given)
        if isinstance(settings, str):
            return settings
        options[rule.code] = settings
    return options


def build_rules(
    options: Mapping[str, Mapping[str, Any]], selection: Selection, context: RunContext
) -> list[Rule]:
    """The selected rules, each with its checked settings (`checked_options`) or its defaults."""
    return [
        rule(options.get(rule.code, rule.defaults()), context)
        for rule in ALL_RULES
        if not rule.builtin and selection.severity(rule.code) is not None
    ]
