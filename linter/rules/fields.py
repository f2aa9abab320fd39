"""The field view: every value a document's roles bind, found in one walk, in file order.

Rules read documents only through this view (`Rule.fields(document)`, built once per document
by the content type's `Binder`). The walk follows a trie of the bound patterns, reading each
mapping or list by the plan kept for its shape (linter.rules.field_trie), so it looks only at
the keys some role names, and it sees the values in the order they are written (mappings keep
their keys in file order): "the first of two equal URLs" is the one written first, whichever
role or record holds it.
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Callable, Mapping
from datetime import timezone, tzinfo
from typing import Any, TypeVar

from linter.config.roles import Roles, RoleSet
from linter.reading.date_forms import FORMS, DateForms
from linter.reading.date_reading import Reading, Style, read_date
from linter.reading.dates import Moment, parse_moment
from linter.reading.document import Document
from linter.reading.file_stamps import FileStamp
from linter.reading.pointers import Pattern, escape, find
from linter.reading.scalars import TYPED
from linter.records import NamedTuple
from linter.rules.field_trie import SLOTS, WALKED, Node, Spot, Trie, WalkedRole

#: One value a role binds, and where it is: `for spot, value in view.role("urls")`. A pair,
#: as `dict.items()` gives: its spot is made once per plan, so a document's walk builds one
#: small tuple per value (~69 a news article), not a record (a tuple subclass costs three
#: times as much to make and free: the walk took 26.4 µs a news article, now ~20).
Hit = tuple[Spot, Any]


class Record(NamedTuple):
    """The document (`base` "") or one nested item (`base` its pointer) and its roles."""

    base: str
    data: Mapping[str, Any]
    roles: RoleSet


class FileNameDate(str):
    """A date the file's name gives, standing for a key the front matter leaves out."""

    __slots__ = ()


class FieldView:
    """What one document's roles bind: each role's hits in file order, and per-document memos."""

    __slots__ = (
        "document",
        "file_date",
        "files_read",
        "forms",
        "lists",
        "memo",
        "moments",
        "records",
        "zone",
    )

    def __init__(
        self, zone: tzinfo = timezone.utc, forms: DateForms = FORMS["any"], document: Document | None = None
    ) -> None:
        self.zone = zone
        self.forms = forms
        # Weakly: the document keeps its view in its memo, and a cycle would keep both (and the
        # garbage collector busy) long after the document is checked.
        self.document = weakref.ref(document) if document is not None else None
        #: The date the file's name gives (roles' `file-date`), as written there.
        self.file_date: str | None = None
        self.records: list[Record] = []
        #: The hits of each role, by its slot (`SLOTS`).
        self.lists: list[list[Hit]] = [[] for _ in WALKED]
        #: The date at each pointer a rule asked for, read as the framework reads it (see `reading`).
        self.moments: dict[str, Reading] = {}
        #: Other views built on this one, once per document (see `derived`).
        self.memo: dict[Any, Any] = {}
        #: The stamp of every file a rule looked at for this document (image headers, and images
        #: looked for and missing): the cached result is stale when one of them changes.
        self.files_read: list[FileStamp] = []

    def role(self, name: WalkedRole) -> list[Hit]:
        return self.lists[SLOTS[name]]

    def moment(self, pointer: str, value: Any) -> Moment | None:
        """The date at `pointer` (whose value is `value`), parsed once per document."""
        found = self.moments.get(pointer)  # most dates are asked for by several rules
        return (found if found is not None else self._read(pointer, value)).moment

    def reading(self, pointer: str, value: Any) -> Reading:
        """The value at `pointer` read as the format's framework reads dates, once per document."""
        found = self.moments.get(pointer)
        return found if found is not None else self._read(pointer, value)

    def _read(self, pointer: str, value: Any) -> Reading:
        forms = self.forms
        if not forms.judged:  # the schema judges (rfc3339, any): no style to ask, as read_date does
            moment = parse_moment(value, self.zone, forms.name == "rfc3339")
            found = self.moments[pointer] = tuple.__new__(Reading, (moment, None))
            return found
        found = self.moments[pointer] = read_date(
            forms, value, functools.partial(self._style, pointer, value), self.zone
        )
        return found

    def _style(self, pointer: str, value: Any) -> Style:
        """How the value at `pointer` is written: unquoted YAML, quoted text, or a TOML literal."""
        document = self.document() if self.document is not None else None
        if document is None or isinstance(value, FileNameDate):
            return "quoted"
        node = document.nodes(pointer)[1]
        style = getattr(node, "style", None)
        if not style:  # the composer marks a plain scalar with "" (a mapping has no style)
            return "plain"
        if style != TYPED:
            return "quoted"
        start = node.start_mark.index
        return "quoted" if document.text[start : start + 1] in ("'", '"') else "typed"

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
        self.forms = FORMS[roles.date_forms]
        self._file_date = re.compile(roles.file_date.path) if roles.file_date is not None else None
        self._top = Trie(roles.top, with_items=True)
        self._item = Trie(roles.item, with_items=False)

    def view(self, document: Document) -> FieldView:
        """The document's view, built on first use and kept in its memo."""
        found: FieldView | None = document.memo.get(self)
        if found is None:
            found = document.memo[self] = self._walk_document(document)
        return found

    def _walk_document(self, document: Document) -> FieldView:
        view = FieldView(self.zone, self.forms, document)
        data = document.data
        file_date = self.roles.file_date
        if file_date is not None and self._file_date is not None:
            match = self._file_date.search(document.path.replace("\\", "/"))
            if match is not None:
                view.file_date = match.group(1)
                if data.get(file_date.at) is None:  # absent or empty: Jekyll takes the name's date
                    data = {**data, file_date.at: FileNameDate(view.file_date)}
        view.records.append(Record("", data, self.roles.top))
        self._walk(view, data, self._top, self._top.root, "", 0)
        return view

    def _walk(self, view: FieldView, value: Any, trie: Trie, node: Node, pointer: str, record: int) -> None:
        """Add the hits of what `node`'s children match in `value` (a mapping or a list), in
        order, and walk on below them. Hot: every document goes through here, by plans."""
        lists = view.lists
        shape = tuple(value) if isinstance(value, dict) else len(value)
        plan = node.plans.get((pointer, shape, record))
        if plan is None:
            plan = trie.plan(node, pointer, shape, record)
        for key, here, spots, inner, flat in plan:
            child = value[key]
            for slot, spot in spots:
                lists[slot].append((spot, child))
            if flat and isinstance(child, dict):  # a flat mapping: its keys in place, no walk
                for name, leaf in flat:
                    if name in child:
                        for slot, spot in leaf:
                            lists[slot].append((spot, child[name]))
            if inner and isinstance(child, (dict, list)):
                for below in inner:
                    if below.item and isinstance(child, dict):
                        # tuple.__new__, not Record(...): its Python __new__ costs ~150 ns
                        view.records.append(tuple.__new__(Record, (here, child, self.roles.item)))
                        self._walk(view, child, self._item, self._item.root, here, len(view.records) - 1)
                    if below.exact or below.wild:
                        self._walk(view, child, trie, below, here, record)


_Built = TypeVar("_Built")


def derived(view: FieldView, build: Callable[[FieldView], _Built]) -> _Built:
    """`build(view)`, once per document however many rules ask for it."""
    memo = view.memo
    found: _Built
    if build in memo:
        found = memo[build]  # what `build` gave: the memo is keyed by the builder
        return found
    found = memo[build] = build(view)
    return found
