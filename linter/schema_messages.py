"""Sentences a content editor understands, one per JSON Schema keyword."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema import ValidationError

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
    """A short, JSON-like rendering of a value for messages."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + '…"'


def field_name(pointer: str) -> str:
    """`quality` for /quality, `images[0].width` for /images/0/width."""
    if not pointer:
        return "front matter"
    parts: list[str] = []
    for token in pointer[1:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if token.isdigit() and parts:
            parts[-1] += f"[{token}]"
        else:
            parts.append(token)
    return "`" + ".".join(parts[-2:] if len(parts) > 2 else parts) + "`"


def _items(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _type(e: ValidationError, name: str) -> str:
    wanted = e.validator_value if isinstance(e.validator_value, list) else [e.validator_value]
    names = " or ".join(_TYPE_NAMES.get(str(t), str(t)) for t in wanted)
    return f"{name} must be {names}, got {shown(e.instance)}"


def _required(e: ValidationError, name: str) -> str:
    wanted: Any = e.validator_value
    missing = [k for k in wanted if isinstance(e.instance, dict) and k not in e.instance]
    # jsonschema reports one error per missing key; its message names which one.
    key = next((k for k in missing if repr(k) in e.message), missing[0] if missing else e.message)
    where = "the front matter" if name == "front matter" else name
    return f"{where} is missing the required key `{key}`"


def _format(e: ValidationError, name: str) -> str:
    fmt = str(e.validator_value)
    return f"{name} must be {_FORMAT_NAMES.get(fmt, fmt)}, got {shown(e.instance)}"


def _pattern(e: ValidationError, name: str) -> str:
    return f"{name} has the wrong form: {shown(e.instance)} does not match `{e.validator_value}`"


def _min_length(e: ValidationError, name: str) -> str:
    if e.validator_value == 1:
        return f"{name} must not be empty"
    return f"{name} must be at least {e.validator_value} characters long"


_DESCRIBERS: dict[str, Callable[[ValidationError, str], str]] = {
    "type": _type,
    "required": _required,
    "format": _format,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": lambda e, n: f"{n} must be at most {e.validator_value} characters long",
    "minimum": lambda e, n: f"{n} must be at least {e.validator_value}, got {shown(e.instance)}",
    "maximum": lambda e, n: f"{n} must be at most {e.validator_value}, got {shown(e.instance)}",
    "exclusiveMinimum": lambda e, n: f"{n} must be more than {e.validator_value}, got {shown(e.instance)}",
    "exclusiveMaximum": lambda e, n: f"{n} must be less than {e.validator_value}, got {shown(e.instance)}",
    "enum": lambda e, n: (
        f"{n} must be one of {', '.join(shown(v) for v in _items(e.validator_value))}; got {shown(e.instance)}"
    ),
    "const": lambda e, n: f"{n} must be {shown(e.validator_value)}, got {shown(e.instance)}",
    "minItems": lambda e, n: f"{n} must have at least {e.validator_value} item(s)",
    "maxItems": lambda e, n: f"{n} must have at most {e.validator_value} item(s)",
    "uniqueItems": lambda e, n: f"{n} must not repeat items",
    "minProperties": lambda e, n: f"{n} must have at least {e.validator_value} key(s)",
    "maxProperties": lambda e, n: f"{n} must have at most {e.validator_value} key(s)",
    "multipleOf": lambda e, n: f"{n} must be a multiple of {e.validator_value}, got {shown(e.instance)}",
}


def describe(error: ValidationError, pointer: str) -> str:
    """One sentence for one validation error; the raw message only for rare keywords."""
    name = field_name(pointer)
    describer = _DESCRIBERS.get(str(error.validator))
    if describer is not None:
        return describer(error, name)
    if error.validator in ("anyOf", "oneOf"):
        return f"{name} matches none of the allowed forms"
    if error.validator == "not":
        return f"{name} has a form that is not allowed"
    return f"{name}: {error.message[:200]}"
