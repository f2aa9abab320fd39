"""The values of a node graph, PyYAML's or our scanners' (nodes.py), with its duplicate keys
and depth checked: the one builder every flavour's document goes through.

Kept apart from yaml_compose.py so that a TOML or JSON run never loads PyYAML.
"""

from __future__ import annotations

from typing import Any

from linter.findings import Problem
from linter.reading import pointers
from linter.reading.nodes import graph_kinds, too_deep
from linter.reading.positions import Positions
from linter.reading.scalars import MAYBE_SPECIAL as _MAYBE_SPECIAL
from linter.reading.scalars import resolve_plain


def build(root: Any, positions: Positions, max_depth: int) -> tuple[dict[str, Any], list[Problem], bool]:
    """Values from nodes, iteratively. Keeps the first of duplicate keys and reports the rest.

    The hot loop of every file: scalars are resolved inline (a call per scalar costs ~15% of
    the walk), and a container's JSON Pointer is kept as (parent, token) and spelled out only
    when a problem needs it.
    """
    data: dict[str, Any] = {}
    problems: list[Problem] = []
    stack: list[tuple[Any, Any, int, _Where]] = [(root, data, 1, None)]
    special = _MAYBE_SPECIAL
    scalar_kind, mapping_kind = kinds = graph_kinds(root)  # locals: the cheapest test per node
    while stack:
        node, container, depth, where = stack.pop()
        if depth > max_depth:
            return data, [*problems, Problem("FM008", too_deep(max_depth), positions.region(node))], True
        if container.__class__ is list:
            _fill_list(node, container, depth, where, stack, kinds)
            continue
        for key_node, child in node.value:
            key = key_node.value
            if (
                key_node.__class__ is not scalar_kind
                or key in container
                or (key == "<<" and not key_node.style)
            ):
                problems.append(_bad_key(key_node, node, _pointer(where), positions))
                continue
            if child.__class__ is scalar_kind:
                value = child.value
                container[key] = (
                    value if child.style or (value and value[0] not in special) else resolve_plain(value)
                )
            else:
                value = container[key] = {} if child.__class__ is mapping_kind else []
                stack.append((child, value, depth + 1, (where, key)))
    return data, problems, False


def _fill_list(
    node: Any, items: list[Any], depth: int, where: _Where, stack: list[Any], kinds: tuple[Any, Any]
) -> None:
    """A sequence's items into `items`; containers are pushed on `stack` for `build` (one call
    per list, a handful per document)."""
    special = _MAYBE_SPECIAL
    scalar_kind, mapping_kind = kinds
    append = items.append
    for index, child in enumerate(node.value):
        if child.__class__ is scalar_kind:
            value = child.value
            append(value if child.style or (value and value[0] not in special) else resolve_plain(value))
        else:
            value = {} if child.__class__ is mapping_kind else []
            stack.append((child, value, depth + 1, (where, index)))
            append(value)


#: Where a container sits: None for the root, else (where its parent sits, its key or index).
_Where = tuple[Any, "str | int"] | None


def _pointer(where: _Where) -> str:
    tokens: list[str | int] = []
    while where is not None:
        where, token = where
        tokens.append(token)
    return pointers.from_path(reversed(tokens))


def _bad_key(key_node: Any, parent: Any, pointer: str, positions: Positions) -> Problem:
    region = positions.region(key_node)
    if key_node.id != "scalar":
        return Problem("FM003", "a key must be a plain word, not a list or mapping", region)
    key = key_node.value
    if key == "<<" and not key_node.style:
        return Problem("FM006", "merge key `<<` refused: write the keys out instead", region)
    first = next(k for k, _ in parent.value if k.id == "scalar" and k.value == key)
    line = positions.at(first.start_mark)[0]
    return Problem(
        "FM004", f"duplicate key `{key}`: first defined on line {line}", region, pointers.join(pointer, key)
    )
