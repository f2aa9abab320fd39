"""The trie of a format's role bindings, and the plans the field view walks documents by.

A node stands for one position in the bound patterns (`/related/*/webUrl`): its children by
exact key or by wildcard, the roles bound right there, and whether an item (a nested record)
starts there. Documents of one format repeat their structure, so how a mapping or a list is
read is worked out once per node, parent pointer, key order and record (its *plan*: the keys
some role names, their pointers, the spots of the roles bound there and the nodes below) and
then reused: the walk of a document is a few dictionary lookups per container, not a look at
every key (linter.rules.fields).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, get_args

from linter.config.roles import RoleSet
from linter.reading.pointers import Pattern, Token, escape
from linter.records import NamedTuple

#: A role the walk collects (a `RoleSet` field), as rules ask the field view for it: mypy
#: checks each name; `date_order` is looked up per record instead, `items` starts records.
WalkedRole = Literal[
    "published",
    "dates",
    "future",
    "urls",
    "links",
    "identity",
    "images",
    "title",
    "description",
    "texts",
    "tags",
    "provider_domain",
    "provider_url",
    "secured",
]

#: The walked roles in slot order.
WALKED: tuple[WalkedRole, ...] = get_args(WalkedRole)

#: A role's slot in `FieldView.lists`: the walk appends by index, rules ask by name.
SLOTS: dict[WalkedRole, int] = {role: slot for slot, role in enumerate(WALKED)}

#: The (role slot, binding index) of every role bound at one place.
Hits = tuple[tuple[int, int], ...]


class Spot(NamedTuple):
    """Where a bound value is: the record (its index in `FieldView.records`) and the binding
    (its pattern's index in the role's tuple) that found it, and its JSON Pointer. Made once
    per plan, not per document: the walk pairs it with each document's value (see `Hit`)."""

    record: int
    binding: int
    pointer: str


#: The (role slot, spot) of every role bound at one planned place.
Spots = tuple[tuple[int, Spot], ...]

#: (key, spots) of each plain key of a flat mapping (see `Node.flat`), read in place.
Flat = tuple[tuple[str, Spots], ...]

#: (key, pointer, spots, nodes below, flat) of one key or index a plan reads: the spots of
#: every role bound to it, the matched nodes with more below, and the keys of the mapping
#: under it when that is flat (its node is then not among those below). A plain tuple, not a
#: NamedTuple: the walk unpacks one per bound key of every document, and CPython unpacks
#: only exact tuples fast (a NamedTuple here made the walk ~2 µs slower).
Entry = tuple[str | int, str, Spots, tuple["Node", ...], Flat]


class Wildcard(NamedTuple):
    """A child for the keys with this prefix and suffix (`*` is both empty)."""

    prefix: str
    suffix: str
    node: Node

    def matches(self, key: str) -> bool:
        prefix, suffix = self.prefix, self.suffix
        return len(key) >= len(prefix) + len(suffix) and key.startswith(prefix) and key.endswith(suffix)


#: Plan entries and mapping keys a trie keeps in all: enough for every shape of a real format, while a run over
#: files full of made-up keys (or a long language-server session) stays bounded; past it,
#: containers are planned each time, as the first document of a shape is.
MAX_KEPT_ENTRIES = 20_000


class Node:
    """One position of the bound patterns; see the module docstring."""

    __slots__ = ("exact", "flat", "hits", "inner", "item", "plans", "wild")

    def __init__(self) -> None:
        self.exact: dict[str, Node] = {}
        self.wild: list[Wildcard] = []
        self.hits: list[tuple[int, int]] = []
        self.item = False
        #: Whether the walk goes on below a value this node matches (children, or an item).
        self.inner = False
        #: Plans by (parent pointer, the mapping's keys in order or the list's length, record).
        self.plans: dict[tuple[str, Any, int], tuple[Entry, ...]] = {}
        #: (key, hits) of each child when the node is flat: only plain keys below it (no
        #: wildcard, no index, no item, nothing further down), no two bound to one role. The hits of
        #: a flat mapping are the same in whatever order its keys come, so the walk looks its
        #: keys up in place instead of planning it (a provider's name and domain, an image's url).
        self.flat: tuple[tuple[str, Hits], ...] | None = None

    def child(self, token: Token) -> Node:
        self.inner = True
        if token.exact is not None:
            return self.exact.setdefault(token.exact, Node())
        for wild in self.wild:
            if (wild.prefix, wild.suffix) == (token.prefix, token.suffix):
                return wild.node
        node = Node()
        self.wild.append(Wildcard(token.prefix, token.suffix, node))
        return node

    def below(self, key: str | int) -> list[Node]:
        """The children a mapping key or a list index matches: the exact one first, then the
        wildcards in binding order (a list index matches an exact index or a bare `*`)."""
        if isinstance(key, int):
            token = str(key)
            found = [self.exact[token]] if token in self.exact else []
            return found + [wild.node for wild in self.wild if not wild.prefix and not wild.suffix]
        found = [self.exact[key]] if key in self.exact else []
        return found + [wild.node for wild in self.wild if wild.matches(key)]


class Trie:
    """The root node of one record's roles, and the budget of plans its nodes keep."""

    def __init__(self, roles: RoleSet, with_items: bool) -> None:
        self.root = Node()
        self.kept = 0
        for slot, role in enumerate(WALKED):
            for index, entry in enumerate(getattr(roles, role)):
                pattern: Pattern = entry if isinstance(entry, Pattern) else entry.at
                self._node(pattern).hits.append((slot, index))
        if with_items:
            for pattern in roles.items:
                node = self._node(pattern)
                node.item = node.inner = True
        _mark_flat(self.root)

    def _node(self, pattern: Pattern) -> Node:
        node = self.root
        for token in pattern.tokens:
            node = node.child(token)
        return node

    def plan(self, node: Node, pointer: str, shape: tuple[str, ...] | int, record: int) -> tuple[Entry, ...]:
        """How `node` reads a container at `pointer` of `record` whose shape (a mapping's keys
        in order, or a list's length) `node.plans` does not hold yet; kept there while within
        bounds. The walk looks `node.plans[pointer, shape, record]` up itself: the hot path."""
        found = self._plan(node, pointer, shape if isinstance(shape, tuple) else range(shape), record)
        cost = len(found) + (len(shape) if isinstance(shape, tuple) else 1)
        if self.kept + cost <= MAX_KEPT_ENTRIES:
            self.kept += cost
            node.plans[pointer, shape, record] = found
        return found

    @staticmethod
    def _plan(node: Node, pointer: str, keys: Any, record: int) -> tuple[Entry, ...]:
        found: list[Entry] = []
        for key in keys:
            nodes = node.below(key)
            hits = [hit for child in nodes for hit in child.hits]
            inner = tuple(child for child in nodes if child.inner)
            if hits or inner:
                token = str(key) if isinstance(key, int) else escape(key)
                here = f"{pointer}/{token}"
                flat: Flat = ()
                if len(inner) == 1 and inner[0].flat is not None:
                    flat = tuple(
                        (name, _spots(leaf, record, f"{here}/{escape(name)}")) for name, leaf in inner[0].flat
                    )
                    inner = ()
                found.append((key, here, _spots(hits, record, here), inner, flat))
        return tuple(found)


def _spots(hits: Iterable[tuple[int, int]], record: int, pointer: str) -> Spots:
    """The (slot, spot) of each (slot, binding index) bound at `pointer` of `record`."""
    return tuple((slot, Spot(record, index, pointer)) for slot, index in hits)


def _mark_flat(node: Node) -> None:
    """Set `flat` on every node below `node` that is flat (built once per content type)."""
    if not node.inner:  # a leaf: most nodes
        return
    for child in node.exact.values():
        _mark_flat(child)
    for wild in node.wild:
        _mark_flat(wild.node)
    if not node.exact or node.wild or node.item:
        return
    leaves = node.exact.values()
    slots = [slot for leaf in leaves for slot, _ in leaf.hits]
    if (
        not any(leaf.inner for leaf in leaves)
        and len(slots) == len(set(slots))  # a role bound twice here would depend on the keys' order
        and not any(name.isdigit() for name in node.exact)  # `0` also names a list's first item
    ):
        node.flat = tuple((name, tuple(leaf.hits)) for name, leaf in node.exact.items())
