"""Decide, from config and flags, which rules run and at what severity."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from linter.findings import Severity
from linter.records import NamedTuple
from linter.rules.base import Rule
from linter.rules.registry import ALL_RULES, find_rule


def matches(selector: str, rule: type[Rule]) -> bool:
    """A selector is a code (`FM301`), a code prefix (`FM3`, `FM`) or a rule name."""
    text = selector.strip()
    return rule.code.startswith(text.upper()) or text.lower() == rule.name


def unknown_selector(selectors: Iterable[str]) -> str | None:
    """The first selector that matches no rule, for the config's one-line error; None if all match."""
    for selector in selectors:
        if not any(matches(selector, rule) for rule in ALL_RULES):
            return f"`{selector}` matches no rule code, prefix or name"
    return None


class Selection(NamedTuple):
    """The effective severity of every code; codes that are off are absent. A NamedTuple: a
    run never imports `dataclasses`."""

    severities: Mapping[str, Severity]

    @classmethod
    def build(
        cls,
        select: Sequence[str],
        ignore: Sequence[str],
        overrides: Mapping[str, str],
        configured: Iterable[str] = (),
    ) -> Selection:
        configured = {rule.name for key in configured if (rule := find_rule(key)) is not None}
        result: dict[str, Severity] = {}
        for rule in ALL_RULES:
            level = _level(rule, select, ignore, overrides, configured)
            if level != "off":
                result[rule.code] = level  # type: ignore[assignment]
        return cls(result)

    def severity(self, code: str) -> Severity | None:
        return self.severities.get(code)


def _level(
    rule: type[Rule],
    select: Sequence[str],
    ignore: Sequence[str],
    overrides: Mapping[str, str],
    configured: set[str],
) -> str:
    explicit = [key for key in overrides if find_rule(key) is rule]
    level: str = rule.default_severity
    if explicit:
        level = overrides[explicit[0]]
    selected = any(matches(s, rule) for s in select)
    if select and not selected and not rule.fatal:
        return "off"
    if any(matches(s, rule) for s in ignore):
        return "off"
    if (
        level == "off"
        and not explicit
        and ((selected and any(_exact(s, rule) for s in select)) or rule.name in configured)
    ):
        # Opt-in rules come on when named exactly or given options in config.
        level = rule.opt_in_severity
    return level


def _exact(selector: str, rule: type[Rule]) -> bool:
    return selector.upper() == rule.code or selector.lower() == rule.name
