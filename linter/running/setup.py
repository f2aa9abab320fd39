"""Per content type: which schema, which role bindings and which rule options apply.

Precedence, lowest first: the preset (news-article when none is named), the schema's
`x-content-lint-role` annotations, the top-level `[roles]`/`[rules]`, the type's own
`roles`/`rules`; last, roles still unbound are inferred from the schema's `format`s.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from linter.config.content_types import TypeEntry
from linter.config.presets import DEFAULT_PRESET, find_preset, preset_roles
from linter.config.project_paths import ProjectPaths
from linter.config.roles import Roles, parse_roles, with_inferred
from linter.config.settings import Config, ConfigError
from linter.reading.compose import Limits
from linter.reading.dates import load_zone
from linter.reading.pointers import parse_pattern
from linter.records import NamedTuple
from linter.rules.base import Rule, RunContext
from linter.rules.fields import Binder
from linter.rules.options import build_rules, checked_options
from linter.rules.registry import find_rule
from linter.rules.selection import Selection
from linter.running.content_type import TOP, ContentType
from linter.schema.check import SchemaChecker, SchemaError, default_schema_path, load_schema
from linter.schema.roles import ANNOTATABLE, ROLE_KEYWORD, schema_roles


class Setup:
    """Builds what applies to each content type, the top level included, once per engine
    (schemas are loaded once)."""

    def __init__(self, config: Config, now: datetime, paths: ProjectPaths | None = None) -> None:
        self.config = config
        self.now = now
        self.zone = load_zone(config.timezone or "UTC")
        self._schemas: dict[Path | None, SchemaChecker] = {}
        #: One memo of where files are in the project, for the engine and every type's rules.
        self.paths = paths if paths is not None and paths.root == config.root else ProjectPaths(config.root)

    def content_type(self, entry: TypeEntry, selection: Selection) -> ContentType:
        """The record of `entry` (TOP: the top level), each of its settings over the top level's."""
        config = self.config
        preset = entry.preset or config.preset or DEFAULT_PRESET
        schema_path = entry.schema or (_shipped(entry.preset) if entry.preset else None)
        schema_path = schema_path or config.schema or (_shipped(preset) if config.preset else None)
        schema = self._schema(schema_path)
        limits = self.limits(entry)
        context = RunContext(
            now=self.now,
            root=str(config.root),
            zone=self.zone,
            type_name=entry.name,
            binder=Binder(_roles(preset, schema, [config.roles, entry.roles]), self.zone),
            schema=schema.schema,
            case_insensitive_keys=limits.case_insensitive_keys,
            paths=self.paths,
        )
        options = _merged_rules(preset, [config.rules, entry.rules])
        rules = self.rules(options, selection, context)
        found = find_preset(preset)
        return ContentType(
            entry,
            preset,
            schema,
            rules,
            context,
            limits,
            found.fences,
            found.front_matter_optional,
            found.fence_spaces,
        )

    def rules(
        self, tables: dict[str, dict[str, Any]], selection: Selection, context: RunContext
    ) -> list[Rule]:
        """The selected rules with the options in force here; a bad option is the one-line error."""
        options = checked_options(tables)
        if isinstance(options, str):
            raise ConfigError(f"{self.config.source or 'command line'}: {options}")
        return build_rules(options, selection, context)

    def limits(self, entry: TypeEntry) -> Limits:
        """How files are read: the top-level options, or a type's where it sets its own."""
        config = self.config
        aliases = entry.allow_aliases
        keys = entry.case_insensitive_keys
        return Limits(
            max_depth=config.max_depth,
            allow_aliases=config.allow_aliases if aliases is None else aliases,
            case_insensitive_keys=config.case_insensitive_keys if keys is None else keys,
        )

    def _schema(self, path: Path | None) -> SchemaChecker:
        if path not in self._schemas:
            self._schemas[path] = load_schema(path)
        return self._schemas[path]


class Scope(NamedTuple):
    """The top level or one content type: its name ("" for the top), preset and rule tables."""

    type_name: str
    preset: str
    rules: dict[str, dict[str, Any]]


def scopes(config: Config) -> list[Scope]:
    """The top level, then each type, with the rule options each configures (preset first)."""
    found = []
    for entry in (TOP, *config.types):
        preset = entry.preset or config.preset or DEFAULT_PRESET
        found.append(Scope(entry.name, preset, _merged_rules(preset, [config.rules, entry.rules])))
    return found


def configured_rules(config: Config) -> list[str]:
    """Every rule some preset, `[rules]` or type configures (opt-in rules come on)."""
    return [name for scope in scopes(config) for name in scope.rules]


def selection_in_force(config: Config) -> Selection:
    """Which rules run at what severity under `config`, its presets' rules included."""
    return Selection.build(config.select, config.ignore, config.severity, configured_rules(config))


def _shipped(preset: str) -> Path:
    return default_schema_path().parent / find_preset(preset).schema


def _roles(preset: str, schema: SchemaChecker, tables: list[Any]) -> Roles:
    annotated, inferred = schema_roles(schema.schema)
    unknown = sorted(set(annotated) - ANNOTATABLE)
    if unknown:
        raise SchemaError(f"{schema.path}: `{ROLE_KEYWORD}` names no role `{unknown[0]}`")
    roles = preset_roles(preset)
    try:
        if annotated:
            roles = parse_roles(annotated, roles)._replace(explicit=roles.explicit)
        for table in tables:
            roles = parse_roles(table, roles)
    except ValueError as exc:
        raise ConfigError(f"roles: {exc}") from None
    return with_inferred(roles, {role: tuple(map(parse_pattern, found)) for role, found in inferred.items()})


def _merged_rules(preset: str, tables: list[Any]) -> dict[str, dict[str, Any]]:
    """Rule options, preset first, each later table's options over the earlier ones."""
    merged: dict[str, dict[str, Any]] = {}
    for table in [find_preset(preset).rules, *tables]:
        for key, options in table.items():
            rule = find_rule(key)
            name = rule.name if rule is not None else key  # an unknown rule is reported by build_rules
            merged[name] = {**merged.get(name, {}), **options}
    return merged
