"""Refuse, at start-up, schemas that would exhaust memory, hang or loop: a schema file that is
not a regular file, too large or nested too deep; references that loop without descending into
the document (through `$ref`, `$dynamicRef`, `$anchor`, `$id`); the classic catastrophic regular
expressions. The schema is trusted, but a mistake in it must be one line and exit status 2.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from linter.reading import pointers
from linter.reading.bounded import NotRegularFile, RefusedFile, read_regular_file

MAX_SCHEMA_BYTES = 8 << 20  # the largest real schemas we know are well under 1 MiB
MAX_SCHEMA_DEPTH = 128  # nesting of objects and arrays; real schemas stay under ~30

_ATOM = r"(?:\\.|\[(?:\\.|[^\]])*\]|[^()\\\[\]|*+?{}])"
#: A group of one atom under a quantifier, quantified again (searched only in a schema's patterns).
_CLASSIC = r"\((?:\?:)?" + _ATOM + r"(?:[*+]|\{\d*,\})\??\)(?:[*+]|\{\d*,\})"


class SchemaError(Exception):
    """The schema cannot be used; the CLI prints it as one line and exits 2."""


def read_schema_file(path: Path) -> Any:
    """The JSON in `path`: a regular file, at most MAX_SCHEMA_BYTES, nested at most
    MAX_SCHEMA_DEPTH; opened without blocking, so a FIFO cannot hang start-up."""
    try:
        raw = read_regular_file(path, MAX_SCHEMA_BYTES)
    except NotRegularFile:
        raise SchemaError(f"{path}: cannot read schema: not a regular file") from None
    except RefusedFile:
        raise SchemaError(f"{path}: schema is larger than {MAX_SCHEMA_BYTES >> 20} MiB") from None
    except OSError as exc:
        raise SchemaError(f"{path}: cannot read schema: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
        too_deep = _deeper_than(text, MAX_SCHEMA_DEPTH)
        if too_deep is None:
            return json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SchemaError(f"{path}: schema is not valid JSON: {exc}") from None
    raise SchemaError(f"{path}: schema is nested deeper than {MAX_SCHEMA_DEPTH} levels (at byte {too_deep})")


def _deeper_than(text: str, limit: int) -> int | None:
    """The offset where brackets outside strings nest deeper than `limit`, or None; measured
    before parsing, so no parser or validator ever recurses that deep."""
    depth = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif token in "]}":
            depth -= 1
    return None


def pattern_problem(documents: Mapping[str, Any]) -> str | None:
    """A catastrophic `pattern` or `patternProperties` key in any document, as one line."""
    for name, document in documents.items():
        for pointer, node in subschemas(document):
            patterns = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
            if isinstance(node.get("patternProperties"), dict):
                patterns.extend(node["patternProperties"])
            for pattern in patterns:
                if re.search(_CLASSIC, pattern):
                    return (
                        f"{name}#{pointer}: regular expression {pattern!r} nests unbounded quantifiers "
                        "(catastrophic backtracking); rewrite it"
                    )
    return None


def subschemas(document: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object in `document` that may be a schema, with its JSON pointer (values of
    `enum`, `const`, `examples` and `default` are data, not schemas)."""
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            yield pointer, node
            stack.extend(
                (pointers.join(pointer, k), v)
                for k, v in node.items()
                if k not in ("enum", "const", "examples", "default")
            )
        elif isinstance(node, list):
            stack.extend((f"{pointer}/{i}", v) for i, v in enumerate(node))


# Keywords whose subschemas apply to the *same* instance: a cycle through these never ends.
_SAME_INSTANCE_LISTS = ("allOf", "anyOf", "oneOf")
_SAME_INSTANCE_ONE = ("not", "if", "then", "else")
_SAME_INSTANCE_MAPS = ("dependentSchemas", "dependencies")
_LEGACY_DIALECTS = ("draft-04", "draft-06", "draft-07")  # `$ref` hides its siblings, `$id` too

Node = tuple[str, str]  # (document URI, JSON pointer)


class _Index:
    """Where each URI, pointer and anchor of the loaded documents leads, and each node's references."""

    def __init__(self) -> None:
        self.nodes: dict[tuple[str, str], Node] = {}  # (resource URI, pointer in it) -> node
        self.anchors: dict[str, Node] = {}  # absolute URI with anchor fragment -> node
        self.dynamic: dict[str, list[Node]] = {}  # `$dynamicAnchor` name -> nodes
        self.refs: dict[Node, list[tuple[str, bool]]] = {}  # node -> (absolute target, dynamic)
        self.same_instance: dict[Node, list[Node]] = {}

    def target(self, uri: str) -> Node | None:
        resource, _, fragment = uri.partition("#")
        fragment = unquote(fragment)
        if not fragment or fragment.startswith("/"):
            return self.nodes.get((resource, fragment))
        return self.anchors.get(uri)


def reference_loop(documents: Mapping[str, Any]) -> str | None:
    """A cycle of references and same-instance keywords that never descends into the document
    (every validator would loop on it), as one line; None when there is none. `documents` maps
    each loaded file's URI to its JSON."""
    index = _Index()
    for uri, document in documents.items():
        legacy = isinstance(document, dict) and any(
            d in str(document.get("$schema", "")) for d in _LEGACY_DIALECTS
        )
        _index_document(index, uri, document, legacy)
    edges: dict[Node, list[Node]] = {}
    for node, following in index.same_instance.items():
        targets = list(following)
        for uri, dynamic in index.refs.get(node, []):
            found = index.target(uri)
            targets.extend([found] if found is not None else [])
            if dynamic:  # any `$dynamicAnchor` of that name may be the target at run time
                targets.extend(index.dynamic.get(unquote(uri.partition("#")[2]), []))
        edges[node] = targets
    cycle = _cycle(edges)
    if cycle is None:
        return None
    shown = " -> ".join(f"{uri.rsplit('/', 1)[-1]}#{pointer}" for uri, pointer in cycle)
    return f"schema refers to itself in a loop that never descends into the document: {shown}"


def _index_document(index: _Index, uri: str, document: Any, legacy: bool) -> None:
    # (pointer, node, base URI, enclosing resources as (URI, pointer of their root))
    stack: list[tuple[str, Any, str, tuple[tuple[str, str], ...]]] = [("", document, uri, ((uri, ""),))]
    while stack:
        pointer, node, base, resources = stack.pop()
        if isinstance(node, list):
            stack.extend((f"{pointer}/{i}", item, base, resources) for i, item in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        here: Node = (uri, pointer)
        ref_only = legacy and isinstance(node.get("$ref"), str)
        if isinstance(node.get("$id"), str) and not ref_only:
            identified, anchor = _absolute(base, node["$id"]).partition("#")[::2]
            if anchor:  # draft 7's `"$id": "#name"` is an anchor
                index.anchors[f"{identified}#{anchor}"] = here
            if identified != base.partition("#")[0]:
                base = identified
                resources = (*resources, (base, pointer))
        for resource, root in resources:
            index.nodes[(resource, pointer[len(root) :])] = here
        _index_keywords(index, here, node, base, ref_only)
        stack.extend(
            (pointers.join(pointer, key), value, base, resources)
            for key, value in node.items()
            if key not in ("enum", "const", "examples", "default")
        )


def _index_keywords(index: _Index, here: Node, node: dict[str, Any], base: str, ref_only: bool) -> None:
    uri, pointer = here
    for keyword in ("$anchor", "$dynamicAnchor"):
        if isinstance(node.get(keyword), str):
            index.anchors[f"{base}#{node[keyword]}"] = here
    if isinstance(node.get("$dynamicAnchor"), str):
        index.dynamic.setdefault(node["$dynamicAnchor"], []).append(here)
    refs = [
        (_absolute(base, node[k]), k == "$dynamicRef")
        for k in ("$ref", "$dynamicRef")
        if isinstance(node.get(k), str)
    ]
    index.refs[here] = refs
    following: list[Node] = []
    if not ref_only:
        for key in _SAME_INSTANCE_LISTS:
            if isinstance(node.get(key), list):
                following.extend((uri, f"{pointer}/{key}/{i}") for i in range(len(node[key])))
        following.extend((uri, f"{pointer}/{key}") for key in _SAME_INSTANCE_ONE if key in node)
        for key in _SAME_INSTANCE_MAPS:
            if isinstance(node.get(key), dict):
                following.extend((uri, pointers.join(f"{pointer}/{key}", k)) for k in node[key])
    index.same_instance[here] = following


def _absolute(base: str, reference: str) -> str:
    if reference.startswith("#"):
        return base.partition("#")[0] + reference
    if urlsplit(reference).scheme:
        return reference
    return urljoin(base, reference)


def _cycle(edges: dict[Node, list[Node]]) -> list[Node] | None:
    state: dict[Node, int] = {}  # 1 = on the current path, 2 = done
    for start in edges:
        if state.get(start):
            continue
        path: list[Node] = [start]
        iterators = [iter(edges[start])]
        state[start] = 1
        while iterators:
            following = next(iterators[-1], None)
            if following is None:
                state[path.pop()] = 2
                iterators.pop()
            elif state.get(following) == 1:
                return [*path[path.index(following) :], following]
            elif not state.get(following) and following in edges:
                state[following] = 1
                path.append(following)
                iterators.append(iter(edges[following]))
    return None
