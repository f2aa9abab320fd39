"""The field view: every value a document's roles bind, found in one walk, in file order.

Rules read documents only through this view (`view_of(document, roles)`). The walk follows
a trie of the bound patterns, so it visits only the keys some role names, and it sees the
values in the order they are written (mappings keep their keys in file order): "the first
of two equal URLs" is the one written first, whichever role or record holds it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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

#: A role's slot in `FieldView.lists`: the walk appends by index, rules ask by name.
SLOTS = {role: slot for slot, role in enumerate(WALKED)}


class _Step(NamedTuple):
    """Where one key leads from a trie node, worked out once: the key as a pointer token,
    the (role slot, binding index) of every role bound to a child it matches, and the
    matched children with more below (the exact child first, then wildcards in binding order)."""

    token: str
    hits: tuple[tuple[int, int], ...]
    inner: tuple[_Node, ...]


#: The step of a key no binding names: the walk skips it.
_NOWHERE = _Step("", (), ())


class _Node:
    """A trie node: children by exact key, wildcard children as (prefix, suffix, node), the
    roles bound here, whether an item starts here, and the step of each key seen so far."""

    __slots__ = ("exact", "hits", "inner", "item", "leaves", "steps", "wild")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.wild: list[tuple[str, str, _Node]] = []
        self.hits: list[tuple[int, int]] = []
        self.item = False
        #: Whether the walk goes on below a value this node matches (children, or an item).
        self.inner = False
        #: Keys (str) and list indexes (int: never equal to a str) seen so far, and their steps.
        self.steps: dict[str | int, _Step] = {}
        #: (key, token, hits) of each child, when all children are plain keys with nothing
        #: below and no role is bound twice among them (see `_settle`); else None.
        self.leaves: tuple[tuple[str, str, tuple[tuple[int, int], ...]], ...] | None = None

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
        hits = tuple(hit for node in nodes for hit in node.hits)
        inner = tuple(node for node in nodes if node.inner)
        found = _Step(token, hits, inner) if hits or inner else _NOWHERE
        if len(self.steps) < _MAX_STEPS:
            self.steps[key] = found
        return found


def _trie(roles: RoleSet, with_items: bool) -> _Node:
    root = _Node()
    for slot, role in enumerate(WALKED):
        for index, entry in enumerate(getattr(roles, role)):
            pattern: Pattern = entry if isinstance(entry, Pattern) else entry.at
            node = root
            for token in pattern.tokens:
                node = node.child(token)
            node.hits.append((slot, index))
    if with_items:
        for pattern in roles.items:
            node = root
            for token in pattern.tokens:
                node = node.child(token)
            node.item = node.inner = True
    _settle(root)
    return root


def _settle(node: _Node) -> None:
    """Mark the nodes whose mapping can be read by looking its bound keys up, instead of
    walking all its keys (an image's `url`, a provider's `name` and `domain`). The hits then
    come in binding order, not file order: the same within each role, as no role is bound to
    two of the keys."""
    children = list(node.exact.values()) + [child for _, _, child in node.wild]
    for child in children:
        _settle(child)
    slots = [slot for child in children for slot, _ in child.hits]
    if (
        children
        and not node.wild
        and not any(child.inner for child in children)
        and len(set(slots)) == len(slots)
    ):
        node.leaves = tuple((key, escape(key), tuple(child.hits)) for key, child in node.exact.items())


class Record(NamedTuple):
    """The document (`base` "") or one nested item (`base` its pointer) and its roles."""

    base: str
    data: Mapping[str, Any]
    roles: RoleSet


class FieldView:
    """What one document's roles bind: each role's hits in file order, and per-document memos."""

    __slots__ = ("files_read", "lists", "memo", "moments", "records", "rfc3339", "zone")

    def __init__(self, zone: tzinfo = timezone.utc, rfc3339: bool = False) -> None:
        self.zone = zone
        self.rfc3339 = rfc3339
        self.records: list[Record] = []
        #: The hits of each role, by its slot (`SLOTS`).
        self.lists: list[list[Hit]] = [[] for _ in WALKED]
        #: The date at each pointer a rule asked for (see `moment`).
        self.moments: dict[str, Moment | None] = {}
        #: Other views built on this one, once per document (see `derived`).
        self.memo: dict[Any, Any] = {}
        #: The stamp of every file a rule looked at for this document (image headers, and images
        #: looked for and missing): the cached result is stale when one of them changes.
        self.files_read: list[FileStamp] = []

    def role(self, name: str) -> list[Hit]:
        return self.lists[SLOTS[name]]

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
        lists, steps = view.lists, node.steps
        for key, child in pairs:
            step = steps.get(key) or node.step(key)
            if step is _NOWHERE:
                continue
            here = f"{pointer}/{step.token}"
            for slot, index in step.hits:
                lists[slot].append((record, index, here, child))
            if step.inner and isinstance(child, (dict, list)):
                for below in step.inner:
                    if below.item and isinstance(child, dict):
                        view.records.append(Record(here, child, self.roles.item))
                        self._walk(view, child, self._item, here, len(view.records) - 1)
                    if below.leaves is not None and isinstance(child, dict):
                        for name, token, leaf_hits in below.leaves:
                            if name in child:
                                there, leaf = f"{here}/{token}", child[name]
                                for slot, index in leaf_hits:
                                    lists[slot].append((record, index, there, leaf))
                    elif below.exact or below.wild:
                        self._walk(view, child, below, here, record)


def derived(view: FieldView, build: Any) -> Any:
    """`build(view)`, once per document however many rules ask for it."""
    memo = view.memo
    if build in memo:
        return memo[build]
    found = memo[build] = build(view)
    return found
