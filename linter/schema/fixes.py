"""Unsafe fixes for schema errors, where the intended value is all but certain: a key or an
enum value one typing slip away from an allowed one, and a date-time that only lacks its zone.

They are unsafe because a guess is still a guess: `tittle` is surely `title`, but a rename can
meet a key the schema allows for another reason.
"""

from __future__ import annotations

import re
from datetime import tzinfo
from typing import Any

from linter.fixes import Rewrite
from linter.reading import pointers
from linter.reading.dates import parse_moment
from linter.rules.slips import closest
from linter.schema.validator import SchemaViolation

# RFC 3339 without the zone: what appending an offset turns into a valid `date-time` (matched,
# through re's cache, only where the schema refused a date-time).
_ZONELESS = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?"


def known_keys(schema: Any, violation: SchemaViolation) -> list[str]:
    """The keys the (sub)schema that refused a key declares under `properties`."""
    node = schema
    for step in violation.schema_path[:-1]:
        if step == "$ref" and isinstance(node, dict) and str(node.get("$ref", "")).startswith("#/"):
            node = pointers.resolve(schema, node["$ref"][1:])
        elif isinstance(node, dict):
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
        else:
            return []
    properties = node.get("properties") if isinstance(node, dict) else None
    return [key for key in properties if isinstance(key, str)] if isinstance(properties, dict) else []


def enum_fix(violation: SchemaViolation, pointer: str) -> Rewrite | None:
    written = violation.instance
    if violation.keyword != "enum" or not isinstance(written, str):
        return None
    near = closest(written, violation.details.get("options") or [])
    return None if near is None else Rewrite(pointer, near, "unsafe")


def zone_fix(violation: SchemaViolation, pointer: str, zone: tzinfo | None) -> Rewrite | None:
    """Append the configured zone's offset (at that moment) to a date-time written without one."""
    written = violation.instance
    if zone is None or violation.details.get("format") != "date-time" or not isinstance(written, str):
        return None
    if not re.fullmatch(_ZONELESS, written):
        return None
    moment = parse_moment(written, zone)  # None for a day or month that does not exist
    offset = moment.instant.utcoffset() if moment is not None else None
    if offset is None:
        return None
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    suffix = "Z" if minutes == 0 else f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return Rewrite(pointer, written + suffix, "unsafe", title=f"Add the zone `{suffix}` (timezone setting)")
