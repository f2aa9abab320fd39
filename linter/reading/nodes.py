"""The node graph of front matter read by our own scanners (TOML, JSON), without PyYAML.

Our nodes carry what every consumer of a graph reads (`id`, `tag`, `value`, `start_mark`,
`end_mark`, a scalar's `style`, a collection's `flow_style`; marks with `index`, `line` and
`column`, 0-based), as PyYAML's nodes do, so duplicate keys, depth, JSON Pointers, positions
and fixes work on both. Consumers tell kinds apart by `node.id` ("scalar", "mapping",
"sequence"), which PyYAML's node classes define too. PyYAML's graph is still what a YAML block
the line reader does not take becomes; a TOML or JSON run never loads PyYAML (90 M
instructions, a fifth of a one-file run).

A scalar node holds its *typed* value and a non-empty `style`, which the document builder
takes as-is (see graph_values.py): typing was done by the flavour's own rules.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from linter.reading.scalars import TYPED

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"


class Mark:
    """Where a node starts or ends: offset, line and column in the front-matter text (0-based)."""

    __slots__ = ("column", "index", "line")

    def __init__(self, index: int, line: int, column: int) -> None:
        self.index = index
        self.line = line
        self.column = column


class ScalarNode:
    """A key or a value: `value` typed by a scanner (`style` TYPED), or a YAML scalar's text as
    libyaml's composer gives it, with its style (`""` plain, `'` or `"`; see line_nodes.py)."""

    __slots__ = ("end_mark", "start_mark", "style", "tag", "value")
    id = "scalar"

    def __init__(self, value: Any, start_mark: Mark, end_mark: Mark, style: str = TYPED) -> None:
        self.tag = STR_TAG
        self.value = value
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.style = style


class MappingNode:
    """A table or object: `value` is its (key node, value node) pairs, duplicates kept."""

    __slots__ = ("end_mark", "flow_style", "start_mark", "tag", "value")
    id = "mapping"

    def __init__(self, start_mark: Mark, end_mark: Mark) -> None:
        self.tag = MAP_TAG
        self.value: list[tuple[ScalarNode, Node]] = []
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.flow_style = None  # neither a YAML block nor a YAML flow collection


class SequenceNode:
    """An array: `value` is its item nodes."""

    __slots__ = ("end_mark", "flow_style", "start_mark", "tag", "value")
    id = "sequence"

    def __init__(self, start_mark: Mark, end_mark: Mark) -> None:
        self.tag = SEQ_TAG
        self.value: list[Node] = []
        self.start_mark = start_mark
        self.end_mark = end_mark
        self.flow_style = None


Node = ScalarNode | MappingNode | SequenceNode


class Marker:
    """Turn offsets in the front-matter text into marks (0-based line and column)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        index = text.find("\n")
        while index >= 0:
            starts.append(index + 1)
            index = text.find("\n", index + 1)
        self._starts = starts

    def mark(self, index: int) -> Mark:
        line = bisect_right(self._starts, index) - 1
        return Mark(index, line, index - self._starts[line])

    def line_column(self, index: int) -> tuple[int, int]:
        """1-based, as findings show them."""
        mark = self.mark(index)
        return mark.line + 1, mark.column + 1


def too_deep(max_depth: int) -> str:
    return f"front matter is nested deeper than {max_depth} levels (max-depth)"


def scalar(marker: Marker, value: Any, start: int, end: int) -> ScalarNode:
    return ScalarNode(value, marker.mark(start), marker.mark(end))


def mapping(marker: Marker, start: int, end: int) -> MappingNode:
    return MappingNode(marker.mark(start), marker.mark(end))


def sequence(marker: Marker, start: int, end: int) -> SequenceNode:
    return SequenceNode(marker.mark(start), marker.mark(end))


def close(node: MappingNode | SequenceNode, marker: Marker, end: int) -> None:
    """Set where a collection ends once its closing bracket is found."""
    node.end_mark = marker.mark(end)


def graph_kinds(root: Any) -> tuple[Any, Any]:
    """The scalar and mapping classes of the graph under `root`: ours, or PyYAML's (a graph
    PyYAML composed, so it is loaded already). The builder's hot loop compares classes, the
    cheapest test there is, and one graph never mixes the two."""
    if root.__class__ is MappingNode:
        return ScalarNode, MappingNode
    import yaml

    return yaml.ScalarNode, yaml.MappingNode
