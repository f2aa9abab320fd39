"""Turn marks and nodes (PyYAML's or our scanners', see nodes.py) into file positions, only
when a finding needs one.

Positions are computed lazily: most documents have no findings, so building a table of every
key's span up front would be wasted work on the hot path. Node kinds are told apart by their
`id`, which both kinds of node have: nothing here loads PyYAML.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from linter.findings import Region
from linter.reading import pointers


def _has_exotic_line_break(text: str) -> bool:
    """YAML also breaks lines at a lone CR, NEL, LS and PS; editors and we do not."""
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return True
    return "\x85" in text or "\u2028" in text or "\u2029" in text


class Positions:
    """Map marks to 1-based file line/column; through our own line table only when needed."""

    __slots__ = ("_line_starts",)

    def __init__(self, text: str) -> None:
        self._line_starts: list[int] | None = None
        if _has_exotic_line_break(text):
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", text))]

    @property
    def exotic(self) -> bool:
        """True when the text breaks lines where editors do not (see `_has_exotic_line_break`)."""
        return self._line_starts is not None

    def at(self, mark: Any) -> tuple[int, int]:
        if self._line_starts is None:
            return mark.line + 1, mark.column + 1
        line = bisect_right(self._line_starts, mark.index)
        return line, mark.index - self._line_starts[line - 1] + 1

    def region(self, node_or_event: Any) -> Region:
        return Region(*self.at(node_or_event.start_mark), *self.at(node_or_event.end_mark))


class NodeFinder:
    """Find the nodes at a JSON Pointer; a mapping searched more than once gets a key index.

    Without the index every lookup scans its mapping, so a file with n unknown keys cost n
    scans of n pairs (131k keys: minutes). With it, a lookup is a dict access per level. The
    first search of a mapping only scans it: most documents are searched once (the position
    of one finding or fact), and a scan costs half of what building the index does.
    """

    __slots__ = ("_keys", "_root")

    def __init__(self, root: Any) -> None:
        self._root = root
        # id(mapping node) -> key -> pair; None once the mapping has been scanned once
        self._keys: dict[int, dict[str, tuple[Any, Any]] | None] = {}

    def find(self, pointer: str) -> tuple[Any, Any]:
        """(key node or None, value node) at `pointer`, or at its nearest existing ancestor."""
        key_node = None
        node = self._root
        for token in pointers.split(pointer):
            if node.id == "mapping":
                pair = self._pair(node, token)
                if pair is None:
                    break
                key_node, node = pair
            elif node.id == "sequence" and token.isdigit() and int(token) < len(node.value):
                key_node, node = None, node.value[int(token)]
            else:
                break
        return key_node, node

    def _pair(self, mapping: Any, token: str) -> tuple[Any, Any] | None:
        """The first pair of `mapping` whose key is `token` (a repeated key, FM004: its first
        place)."""
        if id(mapping) not in self._keys:
            self._keys[id(mapping)] = None
            for key_node, value_node in mapping.value:
                if key_node.id == "scalar" and key_node.value == token:
                    return key_node, value_node
            return None
        pairs = self._keys[id(mapping)]
        if pairs is None:
            pairs = self._keys[id(mapping)] = {}
            for pair in mapping.value:
                if pair[0].id == "scalar":
                    pairs.setdefault(pair[0].value, pair)
        return pairs.get(token)


def scalar_nodes(root: Any) -> list[Any]:
    """Every scalar value node (not keys), iteratively."""
    found: list[Any] = []
    stack = [root]
    while stack:
        node = stack.pop()
        kind = node.id
        if kind == "scalar":
            found.append(node)
        elif kind == "mapping":
            stack.extend(value for _, value in node.value)
        elif kind == "sequence":
            stack.extend(node.value)
    return found
