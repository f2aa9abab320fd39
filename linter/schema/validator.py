"""The one schema validator: jsonschema-rs gives the verdict on every whole document and reports
every error; messages and positions are built from exactly those errors.

One validator, because two disagree: on formats, on regular expressions (ECMA-262 in Rust, `re` in
python) and on `$ref` resolution, so any split between them flips verdicts. jsonschema-rs is
the one: it is ~50x faster than python `jsonschema` on our documents and matches patterns with a
regex engine bounded against backtracking (SECURITY.md relies on it).

Its error paths turn mapping keys made of digits (`"2024"`, `"007"`, `"+1"`) into integers, so
every path is resolved again against the document itself: mapping keys stay strings.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from typing import Any

from linter.records import NamedTuple
from linter.schema.engine import jsonschema_rs

Step = str | int
# The mapping keys jsonschema-rs reports as integers (Rust's `usize` parser accepts these).
_AS_INTEGER = re.compile(r"\+?[0-9]+")
_MAX_READINGS = 64  # ambiguous digit keys: readings of one path tried at most


class SchemaViolation(NamedTuple):
    """One error the engine found, located in the document."""

    #: Steps from the root: str for mapping keys, int for list indices.
    path: tuple[Step, ...]
    #: The keyword's kind, e.g. `type`, `required`, `additionalProperties`.
    keyword: str
    #: The kind's details (`limit`, `property`, `unexpected`, `types`, ...).
    details: dict[str, Any]
    schema_path: tuple[Step, ...]
    #: The offending value as the document holds it.
    instance: Any
    #: The engine's own sentence, used only for kinds without a sentence of ours.
    message: str


class SchemaValidator:
    """A compiled validator and the errors it finds, located in the document."""

    def __init__(self, validator: Any) -> None:
        self._validator = validator

    def is_valid(self, data: Any) -> bool:
        try:
            return bool(self._validator.is_valid(data))
        except ValueError:  # a value JSON has no type for (a date, bytes): judge its JSON form
            return bool(self._validator.is_valid(jsonable(data)))

    def violations(self, data: Any) -> list[SchemaViolation]:
        try:
            errors = list(self._validator.iter_errors(data))
        except ValueError:
            data = jsonable(data)
            errors = list(self._validator.iter_errors(data))
        claimed: set[tuple[Step, ...]] = set()
        return [_violation(error, data, claimed) for error in errors]


def jsonable(value: Any) -> Any:
    """`value` with dates and times as ISO 8601 text and other odd values as text, as JSON sees them."""
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float)):
        return value
    return str(value)


def _violation(error: Any, data: Any, claimed: set[tuple[Step, ...]]) -> SchemaViolation:
    kind = error.kind
    path = resolve_path(data, error.instance_path, error.instance, claimed)
    return SchemaViolation(
        path,
        kind.name,
        _details(kind),
        tuple(error.schema_path),
        _value_at(data, path),
        error.message,
    )


def _details(kind: Any) -> dict[str, Any]:
    if kind.name == "propertyNames":  # the key that failed, and the sentence of its error
        inner = kind.error
        return {"key": inner.instance, "inner": inner.kind.name, "message": inner.message}
    if kind.name in ("anyOf", "oneOf"):
        return {"several": type(kind).__name__ == "OneOfMultipleValid"}
    details: dict[str, Any] = kind.as_dict()
    return details


def resolve_path(
    data: Any, steps: list[Step], instance: Any, claimed: set[tuple[Step, ...]] | None = None
) -> tuple[Step, ...]:
    """The engine's `steps` as keys and indices of `data`. An integer step in a mapping is read
    as each key it may stand for (`"7"`, `"007"`, `"+7"`); of several readings the one whose
    value equals `instance` is taken, and among equals one not yet `claimed` by another error."""
    readings = list(_readings(data, steps))
    if not readings:  # the document changed under us or the engine spoke of no place: the root
        return ()
    fitting = [path for path, value in readings if _same(value, instance)] or [p for p, _ in readings]
    chosen = next((path for path in fitting if claimed is None or path not in claimed), fitting[0])
    if claimed is not None and len(readings) > 1:
        claimed.add(chosen)
    return chosen


def _readings(data: Any, steps: list[Step]) -> Iterator[tuple[tuple[Step, ...], Any]]:
    partial: list[tuple[tuple[Step, ...], Any]] = [((), data)]
    for step in steps:
        partial = [((*path, key), value) for path, node in partial for key, value in _children(node, step)][
            :_MAX_READINGS
        ]
    yield from partial


def _children(node: Any, step: Step) -> list[tuple[Step, Any]]:
    if isinstance(node, dict):
        if isinstance(step, str):
            return [(step, node[step])] if step in node else []
        return [(key, node[key]) for key in node if _AS_INTEGER.fullmatch(key) and int(key) == step]
    if isinstance(node, (list, tuple)) and isinstance(step, int) and 0 <= step < len(node):
        return [(step, node[step])]
    return []


def _same(value: Any, instance: Any) -> bool:
    try:
        return bool(value == instance) or bool(jsonable(value) == instance)
    except Exception:  # values that cannot be compared never match
        return False


def _value_at(data: Any, path: tuple[Step, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def build_validator(schema: Any, base_uri: str, retrieve: Callable[[str], Any]) -> SchemaValidator:
    """The compiled validator; raises `jsonschema_rs.ValidationError` for a schema that does
    not match its metaschema or a reference it cannot resolve, or what `retrieve` raised."""
    validator = jsonschema_rs.validator_for(
        schema,
        validate_formats=True,
        retriever=retrieve,
        base_uri=base_uri,
    )
    return SchemaValidator(validator)
