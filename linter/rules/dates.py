"""Date rules: publication dates in the future, far from each other, implausibly old or out of order."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from linter.reading import pointers
from linter.reading.dates import Moment, earlier, gap_seconds, parse_moment
from linter.reading.document import Document
from linter.reading.pointers import Pattern, key_pattern
from linter.records import NamedTuple
from linter.rules.base import Option, Rule, RunContext, Violation, settings_record, zero_or_more
from linter.rules.fields import FieldView, FileNameDate, derived

DAY = 86400.0


def stamp(moment: datetime) -> str:
    """A moment in UTC as `2026-11-26T12:00:00Z`."""
    as_utc = moment.astimezone(timezone.utc) if moment.tzinfo else moment
    return as_utc.strftime("%Y-%m-%dT%H:%M:%SZ")


def _plural(count: float, unit: str) -> str:
    number = f"{int(count):,}" if float(count).is_integer() else f"{count:g}"
    return f"{number} {unit}" + ("" if count == 1 else "s")


def span(seconds: float) -> str:
    """A duration for messages: `1,500 days`, `1 day 3 hours`, `5 hours`, `20 minutes`."""
    seconds = abs(seconds)
    days, hours, minutes = int(seconds // DAY), int(seconds % DAY // 3600), int(seconds % 3600 // 60)
    if days >= 10 or (days and not hours):
        return _plural(days, "day")
    if days:
        return f"{_plural(days, 'day')} {_plural(hours, 'hour')}"
    if hours:
        return _plural(hours, "hour")
    return _plural(minutes, "minute") if minutes else "less than a minute"


def written(value: Any) -> str:
    """A date value as the file wrote it (a string), or as a reader that parsed it shows it."""
    if isinstance(value, FileNameDate):
        return f"{value} (from the file name)"
    return value if isinstance(value, str) else str(value)


class Published(NamedTuple):
    """A record's main date: where it is, its value (`written` shows it) and the moment it names."""

    pointer: str
    value: Any
    moment: Moment


#: A Published from one tuple, without the NamedTuple constructor's Python call (each record
#: of a news file has one).
_new_published = functools.partial(tuple.__new__, Published)


def published(view: FieldView) -> dict[int, Published]:
    """Each record's main date (the first `published` binding that holds a date), by record."""
    found: dict[int, Published] = {}
    for (record, _, pointer), value in view.role("published"):
        if record not in found:
            moment = view.moment(pointer, value)
            if moment is not None:
                found[record] = _new_published((pointer, value, moment))
    return found


def _floor_problem(value: str) -> str | None:
    """A floor that reads as no date; the zone of a floor without one cannot make it unreadable."""
    return "a date such as 1995-01-01" if parse_moment(value) is None else None


def _pairs_problem(pairs: list[Any]) -> str | None:
    if not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(k, str) and k for k in pair)
        for pair in pairs
    ):
        return "a list of [earlier, later] key pairs of strings"
    try:
        for pair in pairs:
            for key in pair:
                key_pattern(key)
    except ValueError as exc:
        return f"pairs of keys or pointers ({exc})"
    return None


class FutureDateSettings(NamedTuple):
    tolerance_days: float


class FutureDate(Rule):
    """A date of the `future` role later than now: in the news-article format the
    `publishedDateTime` of the article or of a related article; in Hugo `date`, `publishDate`
    and `lastmod`. A date-only value counts from the start of its day.

    Why: a future date is almost always a time-zone or parsing mistake (or a scheduled item
    published too early); feeds sorted by date would pin it to the top until that day comes.
    "Now" is `--reference-time` (or `reference-time` in config), else the clock.

    Options: `tolerance-days` (default 1) forgives small clock and time-zone differences.

    Bad::

        publishedDateTime: 2031-01-01T00:00:00Z

    Good::

        publishedDateTime: 2024-04-02T09:30:00Z
    """

    code = "FM201"
    name = "future-date"
    default_severity = "error"
    summary = "A date is later than now plus a tolerance (e.g. `publishedDateTime`)."
    options = (
        Option(
            "tolerance-days",
            (int, float),
            1,
            "How far in the future a date may be, in days.",
            check=zero_or_more,
        ),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        self.given = settings_record(FutureDateSettings, self.settings)
        now = context.now
        self.now = now if now.tzinfo else now.replace(tzinfo=timezone.utc)
        #: A date up to here is surely not reported (see `_window`); the rest are measured as
        #: the message says them.
        try:
            self.near = self.now + _window(self.given.tolerance_days)
        except OverflowError:  # past the calendar's end: no date is that far ahead
            self.near = datetime.max.replace(tzinfo=timezone.utc)

    def check(self, document: Document) -> Iterator[Violation]:
        view = self.fields(document)
        near = self.near
        for (record, _, pointer), value in view.role("future"):
            moment = view.moment(pointer, value)
            if moment is None or moment.instant <= near:
                continue
            ahead = (moment.instant - self.now).total_seconds()
            if ahead > self.given.tolerance_days * DAY:
                yield Violation(
                    pointer,
                    f"`{field_name(view.records[record].base, pointer)}` {written(value)} is {span(ahead)} in the future "
                    f"(now is {stamp(self.now)}, tolerance {_plural(self.given.tolerance_days, 'day')})",
                )


def _window(days: float) -> timedelta:
    """`days` less a second: a gap up to this is surely within `days` (one comparison, where
    seconds as floats are more work); the longest gap there is for more (or NaN) days."""
    try:
        return timedelta(days=days) - timedelta(seconds=1)
    except (OverflowError, ValueError):
        return timedelta.max


class RelatedDateWindowSettings(NamedTuple):
    max_days: int


class RelatedDateWindow(Rule):
    """A related item (a record of the `items` role; news-article: `related[]`) whose
    `published` date (news-article: `publishedDateTime`) is long before or after the
    document's own.

    Why: "related" items are meant to be contemporary coverage; one years apart is usually a
    stale link, a recycled URL or a wrong date on one side.

    Options: `max-days` (default 365) is the widest gap allowed, in either direction.

    Bad::

        publishedDateTime: 2024-04-02T09:30:00Z
        related:
          - title: "Storm surge maps updated"
            publishedDateTime: 2019-03-28T14:00:00Z

    Good::

        publishedDateTime: 2024-04-02T09:30:00Z
        related:
          - title: "Storm surge maps updated"
            publishedDateTime: 2024-03-28T14:00:00Z
    """

    code = "FM202"
    name = "related-date-window"
    default_severity = "warning"
    summary = "A related article was published too long before or after the article."
    options = (
        Option(
            "max-days", int, 365, "Widest gap allowed between the two dates, in days.", check=zero_or_more
        ),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        self.given = settings_record(RelatedDateWindowSettings, self.settings)
        #: A gap up to this is surely allowed (see `_window`).
        self.near = _window(self.given.max_days)

    def check(self, document: Document) -> Iterator[Violation]:
        view = self.fields(document)
        if len(view.records) < 2:
            return
        dates = derived(view, published)
        anchor = dates.get(0)
        if anchor is None:
            return
        near, at = self.near, anchor.moment.instant
        for record, date in dates.items():
            if not record or -near <= date.moment.instant - at <= near:
                continue
            gap = gap_seconds(anchor.moment, date.moment)
            if abs(gap) > self.given.max_days * DAY:
                side = "after" if gap > 0 else "before"
                yield Violation(
                    date.pointer,
                    f"related article published {written(date.value)}, {span(gap)} {side} the article's "
                    f"{written(anchor.value)} (at most {_plural(self.given.max_days, 'day')} apart)",
                )


class ImplausibleDateSettings(NamedTuple):
    floor: str


class ImplausibleDate(Rule):
    """A date before a plausible floor, such as 1970-01-01 from a broken scraper.

    Checked on every date of the `dates` role: in the news-article format every key ending
    in `DateTime`, in the article and in each related article.

    Why: epoch zero (or year 1, or 1900) is what a failed conversion leaves behind; the
    item then sorts to the very end of every feed and archive.

    Options: `floor` (default "1995-01-01") is the earliest plausible date, as a date or an
    RFC 3339 date-time.

    Bad::

        publishedDateTime: 1970-01-01T00:00:00Z

    Good::

        publishedDateTime: 2024-04-02T09:30:00Z
    """

    code = "FM203"
    name = "implausible-date"
    default_severity = "error"
    summary = "A date is before a plausible floor (e.g. epoch zero)."
    options = (
        Option(
            "floor",
            str,
            "1995-01-01",
            "Earliest plausible date (YYYY-MM-DD or RFC 3339).",
            check=_floor_problem,
        ),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        self.given = settings_record(ImplausibleDateSettings, self.settings)
        floor = parse_moment(self.given.floor, context.zone)
        assert floor is not None  # _floor_problem let it through
        self.floor = floor.instant

    def check(self, document: Document) -> Iterator[Violation]:
        view = self.fields(document)
        for spot, value in view.role("dates"):
            pointer = spot.pointer
            moment = view.moment(pointer, value)
            if moment is not None and moment.instant < self.floor:
                yield Violation(
                    pointer,
                    f"`{pointers.last_token(pointer)}` {written(value)} is before {self.given.floor}, "
                    "the earliest plausible date",
                )


class DateOrderSettings(NamedTuple):
    #: [earlier, later] pairs of keys or pointers (`_pairs_problem` checked them); None: unset.
    pairs: list[list[str]] | None


class DateOrder(Rule):
    """Two dates of a `date-order` pair in the wrong order, e.g. `updatedDateTime` before
    `publishedDateTime` (news-article), `lastmod` before `date` (Hugo).

    Checked on the document and on each related item, wherever both dates of a pair are
    present. The finding points at the later field, which comes too early. Equal is fine; a
    date-only value and a date-time are compared by calendar day.

    Why: an update cannot precede publication; one of the two dates is wrong, and feeds that
    show "updated" labels or sort by either date will mislead readers.

    Options: `pairs` (default unset: the `date-order` role, which for news-article is
    `[["/publishedDateTime", "/updatedDateTime"]]`) lists `[earlier, later]` pairs of keys or
    JSON Pointers (relative to the document and to each item); when set, even to `[]`, it
    replaces the role.

    Bad::

        publishedDateTime: 2024-04-02T09:30:00Z
        updatedDateTime: 2024-04-01T08:00:00Z

    Good::

        publishedDateTime: 2024-04-02T09:30:00Z
        updatedDateTime: 2024-04-03T08:00:00Z
    """

    code = "FM204"
    name = "date-order"
    default_severity = "error"
    summary = "A pair of date fields is out of order (e.g. updated before published)."
    options = (
        Option(
            "pairs",
            list,
            None,
            "[earlier, later] keys or pointers; unset: the `date-order` role.",
            check=_pairs_problem,
        ),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        pairs = settings_record(DateOrderSettings, self.settings).pairs
        if pairs is None:
            self.pairs: tuple[tuple[Pattern, Pattern], ...] | None = None
            return
        self.pairs = tuple((key_pattern(a), key_pattern(b)) for a, b in pairs)

    def check(self, document: Document) -> Iterator[Violation]:
        view = self.fields(document)
        zone = view.zone
        for record in view.records:
            for (first, first_value), (second, second_value) in view.pairs(record, self.pairs):
                before, after = view.moment(first, first_value), view.moment(second, second_value)
                if before is not None and after is not None and earlier(after, before, zone):
                    yield Violation(
                        second,
                        f"`{field_name(record.base, second)}` {written(second_value)} is "
                        f"{span(gap_seconds(after, before))} before `{field_name(record.base, first)}` "
                        f"{written(first_value)}",
                    )


def field_name(base: str, pointer: str) -> str:
    """The field as messages name it, relative to its record: `last_update.date` in a
    document, `publishedDateTime` in a related item."""
    return pointers.label(pointer[len(base) :])


DATES_RULES: tuple[type[Rule], ...] = (FutureDate, RelatedDateWindow, ImplausibleDate, DateOrder)
