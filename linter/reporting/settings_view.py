"""`check --show-settings FILE`: what applies to one file and where each setting came from,
as ruff's `--show-settings` answers "why is this rule on here?"."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from linter.records import NamedTuple


class RoleSource(NamedTuple):
    """One layer of role bindings, lowest precedence first: a preset, `[roles]`, a type."""

    source: str
    table: Mapping[str, Any]


class FileSettings(NamedTuple):
    """What applies to one file, as `--show-settings` prints it."""

    path: str
    config: str  # the config file, or how the settings were chosen without one
    root: str
    content_type: str
    preset: str
    schema: str
    pages: Sequence[str]
    fences: Sequence[str]
    front_matter: str
    roles: Sequence[RoleSource]
    rules: Sequence[tuple[str, str, str, Mapping[str, Any]]]  # code, name, severity, options


def render_settings(settings: FileSettings, stream: TextIO) -> None:
    write = stream.write
    write(f"file: {settings.path}\n")
    write(f"config: {settings.config}\n")
    write(f"project root: {settings.root}\n")
    write(f"content type: {settings.content_type}\n")
    write(f"preset: {settings.preset}\n")
    write(f"schema: {settings.schema}\n")
    write(f"pages: {', '.join(settings.pages) or 'every included file'}\n")
    write(f"front matter: {settings.front_matter}; fences: {', '.join(settings.fences)}\n")
    write("roles:\n")
    for role, (value, source) in _merged_roles(settings.roles).items():
        write(f"  {role} = {json.dumps(value, ensure_ascii=False)}  # {source}\n")
    write("rules:\n")
    for code, name, severity, options in settings.rules:
        shown = f" {json.dumps(dict(options), ensure_ascii=False, sort_keys=True)}" if options else ""
        write(f"  {code} {name}: {severity}{shown}\n")


def _merged_roles(layers: Sequence[RoleSource]) -> dict[str, tuple[Any, str]]:
    """Each role's binding in force and the layer that set it (a later layer wins)."""
    merged: dict[str, tuple[Any, str]] = {}
    for layer in layers:
        for role, value in layer.table.items():
            merged[role] = (value, layer.source)
    return dict(sorted(merged.items()))
