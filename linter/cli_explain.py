"""The text of `content-lint rule X` and `content-lint presets NAME`: what is in force under
the config or preset, worked out as a run would (presets' rules included), never guessed."""

from __future__ import annotations

import json
from typing import Any

from linter.config.presets import Preset, find_preset
from linter.config.presets.model import NOT_PAGES
from linter.config.settings import Config, ConfigError
from linter.rules.base import Rule
from linter.rules.options import checked_settings
from linter.rules.registry import find_rule
from linter.running.setup import Scope, scopes, selection_in_force

_LONGEST = 100  # characters of a role's binding shown on its line


def rule_in_force(config: Config, rule: type[Rule]) -> list[str]:
    """The rule's severity under `config`, and its options at the top level and in each type."""
    severity = selection_in_force(config).severity(rule.code) or "off"
    found = scopes(config)
    lines = [f"In force: {severity}{_why(rule, severity, found)}"]
    if not rule.options:
        return lines
    where = str(config.source) if config.source else "command line"
    for scope in found if config.types else found[:1]:
        settings = checked_settings(rule, scope.rules.get(rule.name, {}))
        if isinstance(settings, str):
            raise ConfigError(f"{where}: {settings}")
        label = f"type `{scope.type_name}`, " if scope.type_name else ""
        options = ", ".join(f"{name} = {_value(value)}" for name, value in settings.items())
        lines.append(f"Options ({label}preset `{scope.preset}`): {options}")
    return lines


def _why(rule: type[Rule], severity: str, found: list[Scope]) -> str:
    """Why an opt-in rule is on: the presets or config tables that give it options."""
    if rule.default_severity != "off" or severity == "off":
        return ""
    presets = sorted({scope.preset for scope in found if rule.name in _preset_rules(scope.preset)})
    if presets:
        return f" (switched on by preset {', '.join(f'`{name}`' for name in presets)})"
    return " (switched on by the config)"


def preset_text(preset: Preset) -> list[str]:
    """A preset as a user checks it: schema, roles, and the rules it switches on or sets."""
    lines = [f"{preset.name}: {preset.summary}", f"schema: {preset.schema} (shipped with content-lint)"]
    content = [p for p in preset.content if p not in NOT_PAGES]
    lines.append(f"pages: {', '.join(preset.include)} in {', '.join(content) or 'every folder'}")
    fences = ", ".join(preset.fences)
    optional = "optional" if preset.front_matter_optional else "required"
    lines.append(f"front matter: {optional} ({fences})")
    lines.append("roles:")
    lines += [f"  {role:<18} {_role_value(value)}" for role, value in preset.roles.items()]
    lines.append(
        "rules it switches on or sets:" if preset.rules or preset.severity else "rules: the defaults"
    )
    named = [(rule, options) for key, options in preset.rules.items() if (rule := find_rule(key))]
    for rule, options in sorted(named, key=lambda pair: pair[0].code):
        given = ", ".join(f"{name} = {_value(value)}" for name, value in options.items())
        on = f"on ({rule.opt_in_severity}; off by default)" if rule.default_severity == "off" else ""
        lines.append(f"  {rule.code} {rule.name:<24} {'; '.join(part for part in (on, given) if part)}")
    lines += [f"  {key}: severity {level}" for key, level in preset.severity.items()]
    return lines


def _preset_rules(name: str) -> set[str]:
    """The names of the rules a preset's own table configures."""
    return {rule.name if (rule := find_rule(key)) else key for key in find_preset(name).rules}


def _role_value(value: Any) -> str:
    """A binding as one line; a long one (a language-tag pattern) cut, with its length."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        text = ", ".join(value)
    else:
        text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _LONGEST else f"{text[:_LONGEST]}... ({len(text):,} characters)"


def _value(value: Any) -> str:
    """An option's value as it is written in TOML."""
    return json.dumps(value, ensure_ascii=False)
