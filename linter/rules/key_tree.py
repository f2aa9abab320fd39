"""The keys a JSON Schema declares, table by table, and where it lets other keys pass.

Read once per schema for FM101: `properties` name the known keys of a table; a table whose
`additionalProperties` is absent or `true` lets others pass (the framework ignores or strips
them), and is the only kind FM101 judges: a closed table's unknown keys are schema errors,
and a table of free keys (`additionalProperties` or `patternProperties` a schema) has none.
Branches (`allOf`, `anyOf`, `oneOf`, `then`, `else`) and local `$ref`s are merged: their keys
are all known, and the table is open only when no branch closes it.
"""

from __future__ import annotations

from typing import Any

from linter.reading import pointers

_BRANCHES = ("allOf", "anyOf", "oneOf")
_MAX_DEPTH = 64  # a schema deeper than this is walked no further (refs may loop)


class KeyNode:
    """One table (or list) of the schema: its known keys and the nodes of their values. A
    plain class, filled in as the schema is walked (a dataclass would import `dataclasses`)."""

    __slots__ = ("children", "free", "items", "known", "open")

    def __init__(self) -> None:
        self.known: set[str] = set()
        self.open = True  # no branch sets `additionalProperties` or `unevaluatedProperties` false
        self.free = False  # keys are data (`additionalProperties`/`patternProperties` a schema)
        self.children: dict[str, KeyNode] = {}
        self.items: KeyNode | None = None

    @property
    def judged(self) -> bool:
        """True when FM101 looks at this table's unknown keys."""
        return self.open and not self.free and bool(self.known)

    def any_judged(self) -> bool:
        """True when FM101 has a table to look at in this tree."""
        below = [*self.children.values(), *([self.items] if self.items is not None else [])]
        return self.judged or any(node.any_judged() for node in below)

    def lookup(self, key: str, ignore_case: bool) -> str | None:
        """The known key `key` is (itself, or the same but for case with `ignore_case`)."""
        if key in self.known:
            return key
        if not ignore_case:
            return None
        folded = key.casefold()
        return next((known for known in sorted(self.known) if known.casefold() == folded), None)


def key_tree(schema: Any) -> KeyNode:
    """The tree of `schema`'s tables, local `$ref`s followed."""
    root = KeyNode()
    _merge(root, schema, schema, 0, frozenset())
    return root


def _merge(node: KeyNode, root: Any, schema: Any, depth: int, seen: frozenset[str]) -> None:
    if not isinstance(schema, dict) or depth > _MAX_DEPTH:
        return
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#") and ref not in seen:
        _merge(node, root, pointers.resolve(root, ref[1:]), depth + 1, seen | {ref})
    _merge_table(node, root, schema, depth, seen)
    items = schema.get("items")
    if isinstance(items, dict):
        node.items = node.items or KeyNode()
        _merge(node.items, root, items, depth + 1, seen)
    for keyword in _BRANCHES:
        branches = schema.get(keyword)
        for branch in branches if isinstance(branches, list) else ():
            _merge(node, root, branch, depth + 1, seen)
    for keyword in ("then", "else"):
        _merge(node, root, schema.get(keyword), depth + 1, seen)


def _merge_table(node: KeyNode, root: Any, schema: dict[str, Any], depth: int, seen: frozenset[str]) -> None:
    """The table keywords of one schema object: its known keys and whether others pass."""
    for keyword in ("additionalProperties", "unevaluatedProperties"):
        value = schema.get(keyword)
        if value is False:
            node.open = False
        elif isinstance(value, dict) and value:
            node.free = True
    if schema.get("patternProperties"):
        node.free = True
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
    for key, sub in properties.items():
        node.known.add(key)
        if isinstance(sub, dict):
            _merge(node.children.setdefault(key, KeyNode()), root, sub, depth + 1, seen)
