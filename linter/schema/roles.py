"""Role bindings a JSON Schema gives: its `x-content-lint-role` annotations, and its formats.

`"x-content-lint-role": "published"` (or a list of role names) on a property binds that
property's pointer to the role; inside arrays the pointer gets a `*` for the index. Where no
role is bound otherwise, `format` is inferred: `date-time` and `date` are dates, `uri` a URL,
`uri-reference` a link. Only local `$ref`s (`#/...`) are followed, each once per path.
"""

from __future__ import annotations

from typing import Any

from linter.reading import pointers
from linter.rules.field_trie import WALKED

ROLE_KEYWORD = "x-content-lint-role"
_FORMAT_ROLES = {"date-time": "dates", "date": "dates", "uri": "urls", "uri-reference": "links"}
_MAX_DEPTH = 12
#: Roles an annotation may name: those the field view walks, bound by a plain list of
#: patterns (the provider's two are bound as one `provider` table, never by annotation).
ANNOTATABLE = frozenset(WALKED) - {"provider_domain", "provider_url"}


def schema_roles(schema: dict[str, Any]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(annotated, inferred): role name -> pointer patterns, in schema order."""
    annotated: dict[str, list[str]] = {}
    inferred: dict[str, list[str]] = {}
    _visit(schema, schema, "", annotated, inferred, 0, frozenset())
    return annotated, inferred


def _visit(
    root: dict[str, Any],
    node: Any,
    pointer: str,
    annotated: dict[str, list[str]],
    inferred: dict[str, list[str]],
    depth: int,
    seen: frozenset[str],
) -> None:
    if not isinstance(node, dict) or depth > _MAX_DEPTH:
        return
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/") and ref not in seen:
        _visit(root, pointers.resolve(root, ref[1:]), pointer, annotated, inferred, depth + 1, seen | {ref})
    if pointer:
        names = node.get(ROLE_KEYWORD)
        for name in [names] if isinstance(names, str) else names if isinstance(names, list) else []:
            if isinstance(name, str):
                _add(annotated, name, pointer)
        role = _FORMAT_ROLES.get(node.get("format", ""))
        if role is not None:
            _add(inferred, role, pointer)
    properties = node.get("properties")
    if isinstance(properties, dict):
        for key, sub in properties.items():
            _visit(root, sub, pointers.join(pointer, key), annotated, inferred, depth + 1, seen)
    items = node.get("items")
    if isinstance(items, dict):
        _visit(root, items, f"{pointer}/*", annotated, inferred, depth + 1, seen)
    for keyword in ("allOf", "anyOf", "oneOf"):
        for sub in node.get(keyword, []) if isinstance(node.get(keyword), list) else []:
            _visit(root, sub, pointer, annotated, inferred, depth + 1, seen)


def _add(found: dict[str, list[str]], role: str, pointer: str) -> None:
    bucket = found.setdefault(role, [])
    if pointer not in bucket:
        bucket.append(pointer)
