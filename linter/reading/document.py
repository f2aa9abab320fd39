"""A parsed front matter: plain JSON-like values, and the node graph to find where each sits
(composed only when a position is asked for, for a block read without it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from linter.findings import Region
from linter.fixes import Target as Target  # the part of a node that `locate` finds
from linter.reading import pointers
from linter.reading.positions import NodeFinder, Positions, scalar_nodes

if TYPE_CHECKING:
    from linter.reading.block_values import BlockSpots


class Document:
    """What rules and the schema see: `data` is the front matter as JSON-compatible values.

    Only the document turns a JSON Pointer into a line and column (`locate`), so no rule does
    position arithmetic. A plain class (a dataclass would import `dataclasses` at start-up):
    its value is its path, data, text, closing line, node graph and positions, never the
    caches it fills.
    """

    __slots__ = (
        "__weakref__",
        "_finder",
        "closing_line",
        "data",
        "memo",
        "path",
        "positions",
        "root",
        "spots",
        "text",
    )

    def __init__(
        self,
        path: str,
        data: dict[str, Any],
        text: str,
        closing_line: int,
        root: Any,
        positions: Positions,
        spots: BlockSpots | None = None,
    ) -> None:
        self.path = path
        self.data = data
        self.text = text
        self.closing_line = closing_line
        #: The node graph; None until a position needs it when `spots` is given.
        self.root = root
        self.positions = positions
        #: A block read without its node graph (linter.reading.block_values): the top-level
        #: positions it knows, and how to compose the rest.
        self.spots = spots
        #: Views of `data` that several rules read, built once per document (`fields.derived`).
        self.memo: dict[Any, Any] = {}
        #: Built on the first `locate`: most documents have no findings and never need it.
        self._finder: NodeFinder | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return self._value() == other._value()

    def _value(self) -> tuple[Any, ...]:
        return (self.path, self.data, self.text, self.closing_line, self.root, self.positions)

    def locate(self, pointer: str, target: Target = "value") -> Region:
        """The region of the key or value at `pointer`; the nearest existing ancestor otherwise.

        A key target falls back to the value for list items and the root, which have no key.
        """
        if self.root is None and self.spots is not None:
            region = self.spots.region(pointer, target == "key")
            if region is not None:
                return region
        key_node, value_node = self.nodes(pointer)
        node = key_node if target == "key" and key_node is not None else value_node
        return self.positions.region(node)

    def nodes(self, pointer: str) -> tuple[Any, Any]:
        """(key node or None, value node) at `pointer`, or at its nearest existing ancestor."""
        if self.root is None and self.spots is not None:
            from linter.reading.line_nodes import scalar_at  # loaded when a position is asked

            found = scalar_at(self.text, self.data, pointer)  # a scalar needs no graph
            if found is not None:
                return found
        finder = self._finder
        if finder is None:
            finder = self._finder = NodeFinder(self.node_graph())
        return finder.find(pointer)

    def resolve(self, pointer: str) -> Any:
        """The value at `pointer`, or None when there is none."""
        return pointers.resolve(self.data, pointer)

    def node_graph(self) -> Any:
        """The root node, composed on first use for a block read without it."""
        if self.root is None and self.spots is not None:
            self.root = self.spots.compose()  # a cache, as `_finder` is
        return self.root

    def scalar_regions(self) -> Iterator[Region]:
        return (self.positions.region(node) for node in scalar_nodes(self.node_graph()))
