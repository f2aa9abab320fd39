"""Content types: `[[types]]` entries that give a part of a site its own format.

Each entry has a `name`, `paths` (gitignore-style patterns relative to the project root), and
any of `schema`, `preset`, `roles`, `rules`, and the reading options `allow-aliases` and
`case-insensitive-keys` (which override the top-level ones for the type's files). A file takes the first type whose `paths`
match it. A file that matches none is not a page and is skipped (the types' `paths` are the
config's `content` when it names none); one that `content` names is checked with the
top-level settings (`schema`, `preset`, `[roles]`, `[rules]`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from linter.config.gitignore import GitIgnore
from linter.config.globs import check_gitignore_glob
from linter.records import NamedTuple

_KEYS = ("name", "paths", "schema", "preset", "roles", "rules", "allow-aliases", "case-insensitive-keys")


class TypeEntry(NamedTuple):
    """A `[[types]]` entry as written (what applies to its files, resolved, is
    linter.running.content_type.ContentType). A NamedTuple: no `dataclasses` import at
    start-up; its mappings are never changed, so one empty default serves every entry."""

    name: str
    paths: tuple[str, ...]
    schema: Path | None = None
    preset: str | None = None
    roles: Mapping[str, Any] = {}
    rules: Mapping[str, Mapping[str, Any]] = {}
    #: Reading options of the type; None: the top-level setting applies.
    allow_aliases: bool | None = None
    case_insensitive_keys: bool | None = None


def parse_types(value: Any, root: Path) -> tuple[TypeEntry, ...]:
    """The `[[types]]` array; ValueError with a one-line reason for a bad or conflicting one."""
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise ValueError("should be an array of tables ([[types]])")
    found: list[TypeEntry] = []
    for number, entry in enumerate(value, 1):
        kind = _parse_type(entry, number, root)
        for earlier in found:
            if earlier.name == kind.name:
                raise ValueError(f"entry {number} repeats the type name {kind.name!r}")
            if earlier.paths == kind.paths:
                raise ValueError(
                    f"type {kind.name!r} has the same `paths` as {earlier.name!r}, so it never applies"
                )
        found.append(kind)
    return tuple(found)


def _parse_type(entry: Mapping[str, Any], number: int, root: Path) -> TypeEntry:
    unknown = sorted(set(entry) - set(_KEYS))
    if unknown:
        raise ValueError(f"entry {number} has an unknown key `{unknown[0]}` (known: {', '.join(_KEYS)})")
    name = entry.get("name")
    if not isinstance(name, str) or not name:
        raise ValueError(f"entry {number} needs a `name` string")
    paths = entry.get("paths")
    if isinstance(paths, str):
        paths = [paths]
    if not isinstance(paths, list) or not paths or not all(isinstance(p, str) and p for p in paths):
        raise ValueError(f"type {name!r} needs `paths`, a list of gitignore-style patterns")
    for pattern in paths:
        check_gitignore_glob(pattern)
    schema = entry.get("schema")
    if schema is not None and (not isinstance(schema, str) or not schema):
        raise ValueError(f"type {name!r}: `schema` should be a file name")
    preset = entry.get("preset")
    if preset is not None and not isinstance(preset, str):
        raise ValueError(f"type {name!r}: `preset` should be a preset name")
    for key in ("roles", "rules"):
        if not isinstance(entry.get(key, {}), dict):
            raise ValueError(f"type {name!r}: `{key}` should be a table")
    schema_path = (root / schema).resolve() if schema else None
    if schema_path is not None and root not in schema_path.parents:
        raise ValueError(f"type {name!r}: `schema` points outside the project folder {root}")
    for key in ("allow-aliases", "case-insensitive-keys"):
        if key in entry and not isinstance(entry[key], bool):
            raise ValueError(f"type {name!r}: `{key}` should be true or false")
    return TypeEntry(
        name,
        tuple(paths),
        schema_path,
        preset,
        dict(entry.get("roles", {})),
        dict(entry.get("rules", {})),
        entry.get("allow-aliases"),
        entry.get("case-insensitive-keys"),
    )


class TypeMatcher:
    """Which type a file is: the first whose `paths` match its project path (the path from the
    root that linter.config.project_paths works out)."""

    def __init__(self, types: tuple[TypeEntry, ...]) -> None:
        self.specs = [(kind, GitIgnore(kind.paths)) for kind in types]

    def match(self, project_path: str) -> TypeEntry | None:
        for kind, spec in self.specs:
            if spec.match_file(project_path):
                return kind
        return None
