"""Build the node graph the YAML composer would, for front matter read by our own scanners.

TOML and JSON front matter become the same PyYAML nodes (with marks at the file's line and
column), so duplicate keys, depth, JSON Pointers and every rule's positions work unchanged.
A scalar node holds its *typed* value and a non-empty `style`, which the document builder
takes as-is (see yaml_compose.py): typing was done by the flavour's own rules.

PyYAML is imported where a node is made: rules import `TYPED` from here in runs that never
load PyYAML (every page read by the line reader).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
#: Any non-empty style marks a scalar whose value is already typed.
TYPED = "="


class Marker:
    """Turn offsets in the front-matter text into PyYAML marks (0-based line and column)."""

    __slots__ = ("_mark", "_starts")

    def __init__(self, text: str) -> None:
        import yaml

        self._mark = yaml.Mark
        starts = [0]
        index = text.find("\n")
        while index >= 0:
            starts.append(index + 1)
            index = text.find("\n", index + 1)
        self._starts = starts

    def mark(self, index: int) -> yaml.Mark:
        line = bisect_right(self._starts, index) - 1
        return self._mark("<front matter>", index, line, index - self._starts[line], None, 0)

    def line_column(self, index: int) -> tuple[int, int]:
        """1-based, as findings show them."""
        mark = self.mark(index)
        return mark.line + 1, mark.column + 1


def too_deep(max_depth: int) -> str:
    return f"front matter is nested deeper than {max_depth} levels (max-depth)"


def scalar(marker: Marker, value: Any, start: int, end: int) -> yaml.ScalarNode:
    import yaml

    return yaml.ScalarNode(STR_TAG, value, marker.mark(start), marker.mark(end), style=TYPED)


def mapping(marker: Marker, start: int, end: int) -> yaml.MappingNode:
    import yaml

    return yaml.MappingNode(MAP_TAG, [], marker.mark(start), marker.mark(end))


def sequence(marker: Marker, start: int, end: int) -> yaml.SequenceNode:
    import yaml

    return yaml.SequenceNode(SEQ_TAG, [], marker.mark(start), marker.mark(end))


def close(node: yaml.Node, marker: Marker, end: int) -> None:
    """Set where a collection ends once its closing bracket is found."""
    node.end_mark = marker.mark(end)
