"""python-jsonschema's `pattern` and `patternProperties`, matched with a bounded regex engine.

The schema is trusted, the content is not: a pattern like `^(a+)+$` against a long hostile
value would make Python's `re` backtrack for minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import jsonschema
from jsonschema import ValidationError

Search = Callable[[str, str], bool]


def with_bounded_patterns(cls: Any, search: Search) -> Any:
    """A validator class like `cls` whose pattern keywords use `search`."""

    def pattern(validator: Any, patrn: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
        if validator.is_type(instance, "string") and not search(patrn, instance):
            yield ValidationError(f"{instance!r} does not match {patrn!r}")

    def pattern_properties(
        validator: Any, patterns: Any, instance: Any, schema: Any
    ) -> Iterator[ValidationError]:
        if not validator.is_type(instance, "object"):
            return
        for patrn, subschema in patterns.items():
            for key, value in instance.items():
                if search(patrn, key):
                    yield from validator.descend(value, subschema, path=key, schema_path=patrn)

    keywords = {"pattern": pattern, "patternProperties": pattern_properties}
    return jsonschema.validators.extend(cls, keywords)  # type: ignore[no-untyped-call]
