"""The field view: every value a document's roles bind, found in one walk, in file order.

Rules read documents only through this view (`view_of(document, roles)`). The walk follows
a trie of the bound patterns, so it visits only the keys some role names, and it sees the
values in the order they are written (mappings keep their keys in file order): "the first
of two equal URLs" is the one written first, whichever role or record holds it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timezone, tzinfo
from typing import Any, NamedTuple

from linter.config.roles import Roles, RoleSet
from linter.reading.dates import Moment, parse_moment
from linter.reading.document import Document
from linter.reading.pointers import Pattern, Token, escape, find
from linter.running.file_stamps import FileStamp

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


#: Distinct keys whose step a node remembers: enough for any real format, while a run over
#: files full of made-up keys (or a long language-server session) stays bounded.
_MAX_STEPS = 1024


class _Step(NamedTuple):
    """Where one key leads from a trie node: the key as a pointer token and the children it
    matches (the exact child first, then the wildcards in binding order)."""

    token: str
    nodes: tuple[_Node, ...]


class _Node:
    """A trie node: children by exact key, wildcard children as (prefix, suffix, node), the
    roles bound here, whether an item starts here, and the step of each key seen so far."""

    __slots__ = ("exact", "hits", "inner", "item", "steps", "wild")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.wild: list[tuple[str, str, _Node]] = []
        self.hits: list[tuple[str, int]] = []
        self.item = False
        #: Whether the walk goes on below a value this node matches (children, or an item).
        self.inner = False
        #: Keys (str) and list indexes (int: never equal to a str) seen so far, and their steps.
        self.steps: dict[str | int, _Step] = {}

    def child(self, token: Token) -> _Node:
        self.inner = True
        if token.exact is not None:
            return self.exact.setdefault(token.exact, _Node())
        for prefix, suffix, node in self.wild:
            if (prefix, suffix) == (token.prefix, token.suffix):
                return node
        node = _Node()
        self.wild.append((token.prefix, token.suffix, node))
        return node

    def step(self, key: str | int) -> _Step:
        """Where a mapping key or a list index leads, worked out once per node and key and
        kept: documents of one format repeat their keys, so the walk is mostly lookups."""
        if isinstance(key, int):
            token = str(key)  # a list matches an exact index token or a bare `*`
            nodes = [self.exact[token]] if token in self.exact else []
            nodes += [node for prefix, suffix, node in self.wild if not prefix and not suffix]
        else:
            token = escape(key)
            nodes = [self.exact[key]] if key in self.exact else []
            nodes += [
                node
                for prefix, suffix, node in self.wild
                if len(key) >= len(prefix) + len(suffix) and key.startswith(prefix) and key.endswith(suffix)
            ]
        found = _Step(token, tuple(nodes))
        if len(self.steps) < _MAX_STEPS:
            self.steps[key] = found
        return found


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
            node.item = node.inner = True
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
    #: The date at each pointer a rule asked for (see `moment`).
    moments: dict[str, Moment | None] = field(default_factory=dict)
    #: Other views built on this one, once per document (see `derived`).
    memo: dict[Any, Any] = field(default_factory=dict)
    #: The stamp of every file a rule looked at for this document (image headers, and images
    #: looked for and missing): the cached result is stale when one of them changes.
    files_read: list[FileStamp] = field(default_factory=list)

    def role(self, name: str) -> list[Hit]:
        return self.hits[name]

    def moment(self, pointer: str, value: Any) -> Moment | None:
        """The date at `pointer` (whose value is `value`), parsed once per document."""
        moments = self.moments
        if pointer in moments:
            return moments[pointer]
        found = moments[pointer] = parse_moment(value, self.zone, self.rfc3339)
        return found

    def pairs(
        self, record: Record, given: tuple[tuple[Pattern, Pattern], ...] | None = None
    ) -> list[tuple[tuple[str, Any], tuple[str, Any]]]:
        """The (earlier, later) date-order pairs of a record (`given`, else its role) that
        the record has both dates of, each date as (pointer, value)."""
        found = []
        for first, second in record.roles.date_order if given is None else given:
            later = _first(record, second)  # the later date first: it is often not written
            earlier = _first(record, first) if later is not None else None
            if earlier is not None and later is not None:
                found.append((earlier, later))
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
        self._walk(view, data, self._top, "", 0)
        return view

    def _walk(self, view: FieldView, value: Any, node: _Node, pointer: str, record: int) -> None:
        """Visit what `node`'s children match in `value` (a mapping or a list), in order.

        Hot: every document goes through here, so a key's matches are looked up (`_Node.step`),
        a child's hits are added inline and only a child with more below costs a call.
        """
        if isinstance(value, dict):
            pairs: Iterable[tuple[str | int, Any]] = value.items()
        elif isinstance(value, list):
            pairs = enumerate(value)
        else:
            return
        hits, steps = view.hits, node.steps
        for key, child in pairs:
            token, nodes = steps.get(key) or node.step(key)
            if not nodes:
                continue
            here = f"{pointer}/{token}"
            for below in nodes:
                for role, index in below.hits:
                    hits[role].append((record, index, here, child))
                if below.inner and isinstance(child, (dict, list)):
                    if below.item and isinstance(child, dict):
                        view.records.append(Record(here, child, self.roles.item))
                        self._walk(view, child, self._item, here, len(view.records) - 1)
                    if below.exact or below.wild:
                        self._walk(view, child, below, here, record)


def derived(view: FieldView, build: Any) -> Any:
    """`build(view)`, once per document however many rules ask for it."""
    memo = view.memo
    if build in memo:
        return memo[build]
    found = memo[build] = build(view)
    return found
