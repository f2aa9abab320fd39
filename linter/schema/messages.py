"""Sentences a content editor understands, one per kind of error the schema engine reports."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from linter.reading import pointers
from linter.schema.validator import SchemaViolation, Step

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys to values",
    "null": "empty",
}
_FORMAT_NAMES = {
    "date-time": "a date and time with a time zone (RFC 3339, e.g. 2021-05-21T13:40:00Z)",
    "date": "a date (YYYY-MM-DD)",
    "uri": "an absolute URI",
    "email": "an email address",
}
_MAX_SHOWN = 60


def shown(value: Any) -> str:
    """A short rendering of a value for messages: mappings and lists by kind."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return exact(value)


def exact(value: Any) -> str:
    """Compact JSON of any value, cut at _MAX_SHOWN characters: for comparing with a wanted value."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def field_name(path: tuple[Step, ...]) -> str:
    """The whole path, as an editor reads it: `hero.actions[1].variant`, `front matter` at the root."""
    return f"`{pointers.path_label(path)}`" if path else "front matter"


def _count(value: Any) -> str:
    """`1` for a limit written `1.0`: counts of keys, items and characters are whole numbers."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _type(v: SchemaViolation, name: str) -> str:
    names = " or ".join(_TYPE_NAMES.get(str(t), str(t)) for t in v.details.get("types", []))
    return f"{name} must be {names}, got {shown(v.instance)}"


def _required(v: SchemaViolation, name: str) -> str:
    where = "the front matter" if not v.path else name
    return f"{where} is missing the required key `{v.details['property']}`"


def _format(v: SchemaViolation, name: str) -> str:
    fmt = str(v.details.get("format"))
    return f"{name} must be {_FORMAT_NAMES.get(fmt, fmt)}, got {shown(v.instance)}"


def _min_length(v: SchemaViolation, name: str) -> str:
    if v.details["limit"] == 1:
        return f"{name} must not be empty"
    return f"{name} must be at least {_count(v.details['limit'])} characters long"


def _enum(v: SchemaViolation, name: str) -> str:
    options = v.details.get("options") or []
    if not options:
        return f"{name} cannot have any value: the schema's `enum` is empty"
    return f"{name} must be one of {', '.join(exact(o) for o in options)}; got {exact(v.instance)}"


def _one_of(v: SchemaViolation, name: str) -> str:
    if v.details.get("several"):
        return f"{name} matches more than one of the allowed forms (it must match exactly one)"
    return f"{name} matches none of the allowed forms"


def _contains(v: SchemaViolation, name: str) -> str:
    if v.schema_path and v.schema_path[-1] == "maxContains":
        return f"{name} has too many items of the form the schema counts"
    return f"{name} has too few items of the form the schema requires"


def _false(v: SchemaViolation, name: str) -> str:
    return "the front matter is not allowed by the schema" if not v.path else f"{name} is not allowed here"


_DESCRIBERS: dict[str, Callable[[SchemaViolation, str], str]] = {
    "type": _type,
    "required": _required,
    "format": _format,
    "pattern": lambda v, n: (
        f"{n} has the wrong form: {shown(v.instance)} does not match `{v.details['pattern']}`"
    ),
    "minLength": _min_length,
    "maxLength": lambda v, n: f"{n} must be at most {_count(v.details['limit'])} characters long",
    "minimum": lambda v, n: f"{n} must be at least {v.details['limit']}, got {shown(v.instance)}",
    "maximum": lambda v, n: f"{n} must be at most {v.details['limit']}, got {shown(v.instance)}",
    "exclusiveMinimum": lambda v, n: f"{n} must be more than {v.details['limit']}, got {shown(v.instance)}",
    "exclusiveMaximum": lambda v, n: f"{n} must be less than {v.details['limit']}, got {shown(v.instance)}",
    "enum": _enum,
    "const": lambda v, n: f"{n} must be {exact(v.details['expected_value'])}, got {exact(v.instance)}",
    "minItems": lambda v, n: f"{n} must have at least {_count(v.details['limit'])} item(s)",
    "maxItems": lambda v, n: f"{n} must have at most {_count(v.details['limit'])} item(s)",
    "uniqueItems": lambda v, n: f"{n} must not repeat items",
    "minProperties": lambda v, n: f"{n} must have at least {_count(v.details['limit'])} key(s)",
    "maxProperties": lambda v, n: f"{n} must have at most {_count(v.details['limit'])} key(s)",
    "multipleOf": lambda v, n: (
        f"{n} must be a multiple of {v.details['multiple_of']}, got {shown(v.instance)}"
    ),
    "anyOf": _one_of,
    "oneOf": _one_of,
    "not": lambda v, n: f"{n} has a form that is not allowed",
    "falseSchema": _false,
    "contains": _contains,
    "additionalItems": lambda v, n: f"{n} has more items than the schema allows",
    "unevaluatedItems": lambda v, n: f"{n} has more items than the schema allows",
    "backtrackLimitExceeded": lambda v, n: f"{n} is too costly to match against the schema's pattern",
}


def describe(violation: SchemaViolation) -> str:
    """One sentence for one error; the engine's own words only for rare kinds."""
    name = field_name(violation.path)
    describer = _DESCRIBERS.get(violation.keyword)
    if describer is not None:
        return describer(violation, name)
    return f"{name}: {violation.message.splitlines()[0][:200]}"


def unexpected_keys(violation: SchemaViolation) -> Iterator[tuple[str, str]]:
    """(key, sentence) for each key an `additionalProperties`, `unevaluatedProperties` or
    `propertyNames` error names."""
    if violation.keyword == "propertyNames":
        key = str(violation.details["key"])
        name = field_name((*violation.path, key))
        yield key, f"key {name} is not allowed here: {violation.details['message'][:200]}"
        return
    for key in violation.details.get("unexpected", []):
        yield key, f"unknown key {field_name((*violation.path, key))}: not allowed here"
