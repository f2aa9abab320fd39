"""The field view: every value a document's roles bind, found in one walk, in file order.

Rules read documents only through this view (`view_of(document, roles)`). The walk follows
a trie of the bound patterns, so it visits only the keys some role names, and it sees the
values in the order they are written (mappings keep their keys in file order): "the first
of two equal URLs" is the one written first, whichever role or record holds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timezone, tzinfo
from typing import Any

from linter import pointers
from linter.dates import Moment, parse_moment
from linter.document import Document
from linter.file_stamps import FileStamp
from linter.pointers import Pattern, Token, escape, find
from linter.roles import Roles, RoleSet

#: (record, binding, pointer, value): the record's index in `FieldView.records`, the index of
#: the pattern in its role's tuple, the value's JSON Pointer and the value. A plain tuple:
#: dozens are built per document.
Hit = tuple[int, int, str, Any]

#: Roles the walk collects; `date_order` is looked up per record instead.
WALKED = (
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
)


class _Node:
    """A trie node: children by exact key, wildcard children as (prefix, suffix, node), the
    roles bound here, whether an item starts here, and whether anything lies below."""

    __slots__ = ("exact", "hits", "item", "leaf", "wild")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.wild: list[tuple[str, str, _Node]] = []
        self.hits: list[tuple[str, int]] = []
        self.item = False
        self.leaf = True

    def child(self, token: Token) -> _Node:
        self.leaf = False
        if token.exact is not None:
            return self.exact.setdefault(token.exact, _Node())
        for prefix, suffix, node in self.wild:
            if (prefix, suffix) == (token.prefix, token.suffix):
                return node
        node = _Node()
        self.wild.append((token.prefix, token.suffix, node))
        return node


def _trie(roles: RoleSet, with_items: bool) -> _Node:
    root = _Node()
    for role in WALKED:
        for index, entry in enumerate(getattr(roles, role)):
            pattern: Pattern = entry if isinstance(entry, Pattern) else entry.at
            node = root
            for token in pattern.tokens:
                node = node.child(token)
            node.hits.append((role, index))
    if with_items:
        for pattern in roles.items:
            node = root
            for token in pattern.tokens:
                node = node.child(token)
            node.item = True
            node.leaf = False
    return root


@dataclass(frozen=True)
class Record:
    """The document (`base` "") or one nested item (`base` its pointer) and its roles."""

    base: str
    data: Mapping[str, Any]
    roles: RoleSet


@dataclass
class FieldView:
    zone: tzinfo = timezone.utc
    rfc3339: bool = False
    records: list[Record] = field(default_factory=list)
    hits: dict[str, list[Hit]] = field(default_factory=lambda: {role: [] for role in WALKED})
    #: Other views built on this one, once per document (see `derived`).
    memo: dict[Any, Any] = field(default_factory=dict)
    #: The stamp of every file a rule looked at for this document (image headers, and images
    #: looked for and missing): the cached result is stale when one of them changes.
    files_read: list[FileStamp] = field(default_factory=list)

    def role(self, name: str) -> list[Hit]:
        return self.hits[name]

    def moment(self, pointer: str, value: Any) -> Moment | None:
        """The date at `pointer` (whose value is `value`), parsed once per document."""
        moments: dict[str, Moment | None] = self.memo.setdefault("moments", {})
        if pointer in moments:
            return moments[pointer]
        found = moments[pointer] = parse_moment(value, self.zone, self.rfc3339)
        return found

    def pairs(
        self, record: Record, given: tuple[tuple[Pattern, Pattern], ...] | None = None
    ) -> list[tuple[tuple[str, Any] | None, tuple[str, Any] | None]]:
        """The (earlier, later) date-order pairs of a record (`given`, else its role), each
        date as (pointer, value), or None where the record has none."""
        found = []
        for first, second in record.roles.date_order if given is None else given:
            found.append((_first(record, first), _first(record, second)))
        return found


def _first(record: Record, pattern: Pattern) -> tuple[str, Any] | None:
    tokens = pattern.tokens
    if len(tokens) == 1 and tokens[0].exact is not None:
        # One plain key, as most date pairs are: a dict lookup instead of the generator walk.
        key = tokens[0].exact
        if key not in record.data:
            return None
        return f"{record.base}/{escape(key)}", record.data[key]
    return next(find(record.data, pattern, record.base), None)


class Binder:
    """The tries of one `Roles`, built once per engine; `view` walks one document."""

    def __init__(self, roles: Roles, zone: tzinfo = timezone.utc) -> None:
        self.roles = roles
        self.zone = zone
        self._top = _trie(roles.top, with_items=True)
        self._item = _trie(roles.item, with_items=False)

    def view(self, document: Document) -> FieldView:
        """The document's view, built on first use and kept in its memo."""
        found: FieldView | None = document.memo.get(self)
        if found is None:
            found = document.memo[self] = self._walk_document(document.data)
        return found

    def _walk_document(self, data: dict[str, Any]) -> FieldView:
        view = FieldView(self.zone, self.roles.date_forms == "rfc3339")
        view.records.append(Record("", data, self.roles.top))
        self._visit(view, data, self._top, "", 0)
        return view

    def _walk(self, view: FieldView, value: Any, node: _Node, pointer: str, record: int) -> None:
        """Visit what `node`'s children match in `value` (a mapping or a list), in order.

        Hot: every document goes through here, so a child's hits are added inline and only a
        child with children of its own costs a call.
        """
        exact, wild, hits = node.exact, node.wild, view.hits
        if isinstance(value, dict):
            for key in value if wild else filter(exact.__contains__, value):
                below = exact.get(key)
                if below is None and not wild:
                    continue
                child = value[key]
                here = (
                    f"{pointer}/{key}" if "/" not in key and "~" not in key else pointers.join(pointer, key)
                )
                if below is not None:
                    for role, index in below.hits:
                        hits[role].append((record, index, here, child))
                    if not below.leaf and isinstance(child, (dict, list)):
                        self._below(view, child, below, here, record)
                for prefix, suffix, other in wild:
                    if key.endswith(suffix) and key.startswith(prefix) and len(key) >= len(prefix + suffix):
                        for role, index in other.hits:
                            hits[role].append((record, index, here, child))
                        if not other.leaf and isinstance(child, (dict, list)):
                            self._below(view, child, other, here, record)
        elif isinstance(value, list):
            for position, child in enumerate(value):
                below = exact.get(str(position)) if exact else None
                for other in (below,) if below is not None else ():
                    self._visit(view, child, other, f"{pointer}/{position}", record)
                for prefix, suffix, other in wild:
                    if not prefix and not suffix:
                        self._visit(view, child, other, f"{pointer}/{position}", record)

    def _below(self, view: FieldView, value: Any, node: _Node, pointer: str, record: int) -> None:
        if node.item and isinstance(value, dict):
            view.records.append(Record(pointer, value, self.roles.item))
            self._walk(view, value, self._item, pointer, len(view.records) - 1)
        self._walk(view, value, node, pointer, record)

    def _visit(self, view: FieldView, value: Any, node: _Node, pointer: str, record: int) -> None:
        hits = view.hits
        for role, index in node.hits:
            hits[role].append((record, index, pointer, value))
        if not node.leaf and isinstance(value, (dict, list)):
            self._below(view, value, node, pointer, record)


def derived(view: FieldView, build: Any) -> Any:
    """`build(view)`, once per document however many rules ask for it."""
    memo = view.memo
    if build in memo:
        return memo[build]
    found = memo[build] = build(view)
    return found
