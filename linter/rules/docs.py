"""Render rule documentation from the rules' own declarations and docstrings."""

from __future__ import annotations

from typing import TextIO

from linter.rules.base import Rule
from linter.rules.registry import ALL_RULES
from linter.rules.selection import Selection


def print_rules(stream: TextIO, selection: Selection) -> None:
    """Every rule with its default and its severity under the active config."""
    stream.write(f"{'code':<6}  {'name':<27}  {'default':<7}  {'active':<7}  summary\n")
    for rule in ALL_RULES:
        active = selection.severity(rule.code) or "off"
        stream.write(
            f"{rule.code:<6}  {rule.name:<27}  {rule.default_severity:<7}  {active:<7}  {rule.summary}\n"
        )


def rule_text(rule: type[Rule], in_force: list[str] | None = None) -> str:
    """The rule's documentation; `in_force` (its severity and options under a config) after
    the heading."""
    lines = [f"{rule.code} {rule.name} (default: {rule.default_severity})", *(in_force or [])]
    lines.append(
        f"Fix: {rule.fix_availability}" + (f" ({'/'.join(rule.fix_safety)})" if rule.fix_safety else "")
    )
    lines += ["", rule.documentation(), ""]
    documented = all(option.name in rule.documentation() for option in rule.options)
    if rule.options and not documented:
        lines.append(f"Options ([tool.content-lint.rules.{rule.name}]):")
        for option in rule.options:
            lines.append(f"  {option.name} ({option.type_name()}, default {option.default!r}): {option.help}")
        lines.append("")
    return "\n".join(lines)


def rules_markdown_table() -> str:
    """The README's rule table; a test keeps the README equal to this."""
    rows = ["| code | name | default | what it catches |", "|---|---|---|---|"]
    for rule in ALL_RULES:
        rows.append(f"| {rule.code} | `{rule.name}` | {rule.default_severity} | {rule.summary} |")
    return "\n".join(rows) + "\n"
