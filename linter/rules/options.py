"""Validate `[tool.content-lint.rules.<name>]` against what each rule declares, then build rules."""

from __future__ import annotations

from typing import Any

from linter.config.settings import Config, ConfigError
from linter.rules.base import Rule, RunContext
from linter.rules.registry import ALL_RULES, find_rule
from linter.rules.selection import Selection


def validate_rule_options(rule: type[Rule], given: dict[str, Any], where: str) -> dict[str, Any]:
    """Defaults overlaid with `given`; an unknown option or a wrong type is a ConfigError."""
    declared = {option.name: option for option in rule.options}
    settings = rule.defaults()
    for key, value in given.items():
        option = declared.get(key)
        if option is None:
            known = ", ".join(sorted(declared)) or "none"
            raise ConfigError(f'{where}: option "{key}" of "{rule.name}" is unknown (known: {known})')
        kinds = option.kind if isinstance(option.kind, tuple) else (option.kind,)
        wrong_bool = isinstance(value, bool) and bool not in kinds
        if wrong_bool or not isinstance(value, kinds):
            raise ConfigError(f'{where}: option "{key}" of "{rule.name}" should be {option.type_name()}')
        settings[key] = value
    return settings


def build_rules(config: Config, selection: Selection, context: RunContext) -> list[Rule]:
    where = str(config.source) if config.source else "command line"
    options: dict[str, dict[str, Any]] = {}
    for key, given in config.rules.items():
        rule = find_rule(key)
        if rule is None:
            raise ConfigError(f"{where}: [rules.{key}] names no rule")
        options[rule.code] = validate_rule_options(rule, dict(given), where)
    rules: list[Rule] = []
    for rule in ALL_RULES:
        if rule.builtin or selection.severity(rule.code) is None:
            continue
        try:
            rules.append(rule(options.get(rule.code, rule.defaults()), context))
        except ConfigError as exc:  # a rule's own check of an option's value
            raise ConfigError(f"{where}: [rules.{rule.name}] {exc}") from None
    return rules
