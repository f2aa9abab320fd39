"""Refuse schemas that would hang or crash validation: `$ref` loops that never descend into the
document (infinite recursion in any validator) and regular expressions that are invalid or
prone to catastrophic backtracking (nested unbounded quantifiers such as `(a+)+`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

# Keywords whose subschemas apply to the *same* instance: a cycle through these never ends.
_SAME_INSTANCE_LISTS = ("allOf", "anyOf", "oneOf")
_SAME_INSTANCE_ONE = ("not", "if", "then", "else")
_SAME_INSTANCE_MAPS = ("dependentSchemas",)

Node = tuple[str, str]  # (document name, JSON pointer)
_ATOM = r"(?:\\.|\[(?:\\.|[^\]])*\]|[^()\\\[\]|*+?{}])"
_CLASSIC = re.compile(r"\((?:\?:)?" + _ATOM + r"(?:[*+]|\{\d*,\})\??\)(?:[*+]|\{\d*,\})")


def find_problem(documents: Mapping[str, Any]) -> str | None:
    """A one-line reason to refuse the schema, or None. `documents` maps file name -> JSON;
    the main schema is under its own file name."""
    for name, document in documents.items():
        for pointer, node in _subschemas(document):
            for keyword in ("pattern",):
                if isinstance(node.get(keyword), str):
                    reason = regex_problem(node[keyword])
                    if reason:
                        return f"{_where(name, pointer)}/{keyword}: {reason}"
            patterns = node.get("patternProperties")
            if isinstance(patterns, dict):
                for pattern in patterns:
                    reason = regex_problem(pattern)
                    if reason:
                        return f"{_where(name, pointer)}/patternProperties: {reason}"
    loop = _ref_loop(documents)
    return (
        f"schema refers to itself in a loop that never descends into the document: {loop}" if loop else None
    )


def regex_problem(pattern: str) -> str | None:
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"invalid regular expression {pattern!r}: {exc}"
    if _nested_unbounded_quantifier(pattern):
        return f"regular expression {pattern!r} nests unbounded quantifiers (catastrophic backtracking); rewrite it"
    return None


def _nested_unbounded_quantifier(pattern: str) -> bool:
    """The classic catastrophic shapes only: an unboundedly repeated group whose whole content
    is one unboundedly repeated atom, e.g. `(a+)+`, `(\\w*)*`, `(.*)+`, `(?:[a-z]+)*`. A group
    with a mandatory separator, like `(?:-[a-z]+)*`, is fine and common, so it is not flagged.
    (Matching uses a bounded engine anyway where jsonschema-rs is installed.)"""
    return _CLASSIC.search(pattern) is not None


def _unbounded_at(pattern: str, index: int) -> bool:
    if index >= len(pattern):
        return False
    if pattern[index] in "*+":
        return True
    return re.match(r"\{\d*,\}", pattern[index:]) is not None


def _subschemas(document: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            yield pointer, node
            stack.extend(
                (f"{pointer}/{_escape(k)}", v)
                for k, v in node.items()
                if k not in ("enum", "const", "examples", "default")
            )
        elif isinstance(node, list):
            stack.extend((f"{pointer}/{i}", v) for i, v in enumerate(node))


def _edges(documents: Mapping[str, Any]) -> dict[Node, list[Node]]:
    edges: dict[Node, list[Node]] = {}
    for name, document in documents.items():
        for pointer, node in _subschemas(document):
            targets: list[Node] = []
            ref = node.get("$ref")
            if isinstance(ref, str):
                target = _ref_target(name, ref)
                if target is not None:
                    targets.append(target)
            for key in _SAME_INSTANCE_LISTS:
                if isinstance(node.get(key), list):
                    targets.extend((name, f"{pointer}/{key}/{i}") for i in range(len(node[key])))
            targets.extend(
                (name, f"{pointer}/{key}") for key in _SAME_INSTANCE_ONE if isinstance(node.get(key), dict)
            )
            for key in _SAME_INSTANCE_MAPS:
                if isinstance(node.get(key), dict):
                    targets.extend((name, f"{pointer}/{key}/{_escape(k)}") for k in node[key])
            edges[(name, pointer)] = targets
    return edges


def _ref_loop(documents: Mapping[str, Any]) -> str | None:
    edges = _edges(documents)
    state: dict[Node, int] = {}  # 1 = on the current path, 2 = done
    for start in edges:
        if state.get(start):
            continue
        path: list[Node] = [start]
        iterators = [iter(edges.get(start, []))]
        state[start] = 1
        while iterators:
            nxt = next(iterators[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                iterators.pop()
                continue
            if state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                return " -> ".join(_where(*node) or "#" for node in cycle)
            if not state.get(nxt) and nxt in edges:
                state[nxt] = 1
                path.append(nxt)
                iterators.append(iter(edges[nxt]))
    return None


def _ref_target(name: str, ref: str) -> Node | None:
    """Local refs only (`#/...`, `other.json#/...`); anchors and `$id`-based refs are skipped."""
    document, _, fragment = ref.partition("#")
    if fragment and not fragment.startswith("/"):
        return None
    return (document or name, fragment)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _where(name: str, pointer: str) -> str:
    return f"{name}#{pointer}" if name else f"#{pointer}"
