"""Date rules: publication dates in the future, far from each other, implausibly old or out of order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from typing import Any

from linter.config import ConfigError, parse_datetime
from linter.document import Document
from linter.rules.base import Option, Rule, RunContext, Violation
from linter.rules.items import articles, child, datetime_at, once, parse_aware, shared

PUBLISHED = "publishedDateTime"
UPDATED = "updatedDateTime"
DATE_SUFFIX = "DateTime"
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


def dated(document: Document) -> list[tuple[str, Mapping[str, Any], str, datetime]]:
    """(base, article, key, moment) of every well-formed `...DateTime` value, article and related.

    One pass for the date rules (`once(document, dated)`), which otherwise each look up and
    parse the same few dates. Composed data has only string keys.
    """
    found: list[tuple[str, Mapping[str, Any], str, datetime]] = []
    for base, article in shared(document, articles):
        for key, value in article.items():
            # `in` before `endswith`: an operator, not a method call, rules out most keys faster.
            if DATE_SUFFIX in key and key.endswith(DATE_SUFFIX) and isinstance(value, str):
                moment = parse_aware(value)  # `datetime_at`, without its cache: one parse per date
                if moment is not None:
                    found.append((base, article, key, moment))
    return found


def _option_error(rule: type[Rule], option: str, expected: str) -> ConfigError:
    return ConfigError(f'option "{option}" of "{rule.name}" should be {expected}')


class FutureDate(Rule):
    """A `publishedDateTime` later than now, on the article or on a related article.

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
    summary = "`publishedDateTime` is later than now (plus a tolerance)."
    options = (Option("tolerance-days", (int, float), 1, "How far in the future a date may be, in days."),)

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        self.tolerance: float = self.settings["tolerance-days"]
        if self.tolerance < 0:
            raise _option_error(type(self), "tolerance-days", "zero or more")
        now = context.now
        self.now = now if now.tzinfo else now.replace(tzinfo=timezone.utc)

    def check(self, document: Document) -> Iterator[Violation]:
        for base, article, key, published in once(document, dated):
            if key != PUBLISHED:
                continue
            ahead = (published - self.now).total_seconds()
            if ahead > self.tolerance * DAY:
                yield Violation(
                    child(base, PUBLISHED),
                    f"`{PUBLISHED}` {article[PUBLISHED]} is {span(ahead)} in the future "
                    f"(now is {stamp(self.now)}, tolerance {_plural(self.tolerance, 'day')})",
                )


class RelatedDateWindow(Rule):
    """A related article published long before or after the article itself.

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
    options = (Option("max-days", int, 365, "Widest gap allowed between the two dates, in days."),)

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        self.max_days: int = self.settings["max-days"]
        if self.max_days < 0:
            raise _option_error(type(self), "max-days", "zero or more")

    def check(self, document: Document) -> Iterator[Violation]:
        found = once(document, dated)
        anchor = next((moment for base, _, key, moment in found if key == PUBLISHED and not base), None)
        if anchor is None:
            return
        for base, related, key, published in found:
            if key != PUBLISHED or not base:
                continue
            gap = (published - anchor).total_seconds()
            if abs(gap) > self.max_days * DAY:
                side = "after" if gap > 0 else "before"
                yield Violation(
                    child(base, PUBLISHED),
                    f"related article published {related[PUBLISHED]}, {span(gap)} {side} the article's "
                    f"{document.data[PUBLISHED]} (at most {_plural(self.max_days, 'day')} apart)",
                )


class ImplausibleDate(Rule):
    """A date before a plausible floor, such as 1970-01-01 from a broken scraper.

    Checked on the article and on each related article, for `publishedDateTime`,
    `updatedDateTime` and every other key ending in `DateTime`.

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
    summary = "A `...DateTime` value is before a plausible floor (e.g. epoch zero)."
    options = (Option("floor", str, "1995-01-01", "Earliest plausible date (YYYY-MM-DD or RFC 3339)."),)

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        try:
            self.floor = parse_datetime(self.settings["floor"])
        except ValueError:
            raise _option_error(type(self), "floor", "a date such as 1995-01-01") from None

    def check(self, document: Document) -> Iterator[Violation]:
        for base, article, key, moment in once(document, dated):
            if moment < self.floor:
                yield Violation(
                    child(base, key),
                    f"`{key}` {article[key]} is before {self.settings['floor']}, the earliest plausible date",
                )


class DateOrder(Rule):
    """Two date fields in the wrong order, e.g. `updatedDateTime` before `publishedDateTime`.

    Checked on the article and on each related article, wherever both fields of a pair are
    present. The finding points at the later field, which comes too early. Equal is fine.

    Why: an update cannot precede publication; one of the two dates is wrong, and feeds that
    show "updated" labels or sort by either date will mislead readers.

    Options: `pairs` (default `[["publishedDateTime", "updatedDateTime"]]`) lists
    `[earlier, later]` key pairs.

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
        Option("pairs", list, [[PUBLISHED, UPDATED]], "[earlier, later] key pairs that must be ordered."),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        pairs: list[Any] = self.settings["pairs"]
        if not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(k, str) for k in pair)
            for pair in pairs
        ):
            raise _option_error(type(self), "pairs", "a list of [earlier, later] key pairs of strings")
        self.pairs: list[tuple[str, str]] = [(first, second) for first, second in pairs]

    def check(self, document: Document) -> Iterator[Violation]:
        moments: dict[tuple[str, str], datetime] | None = None
        for base, article in shared(document, articles):
            for earlier, later in self.pairs:
                if later not in article or earlier not in article:
                    continue  # a missing date is no date: `datetime_at` would give None
                if moments is None:  # the dates `dated` already parsed, when some pair needs them
                    moments = {(b, key): moment for b, _, key, moment in once(document, dated)}
                first, second = (
                    _moment(moments, base, article, earlier),
                    _moment(moments, base, article, later),
                )
                if first is not None and second is not None and second < first:
                    yield Violation(
                        child(base, later),
                        f"`{later}` {article[later]} is {span((first - second).total_seconds())} "
                        f"before `{earlier}` {article[earlier]}",
                    )


def _moment(
    moments: dict[tuple[str, str], datetime], base: str, article: Mapping[str, Any], key: str
) -> datetime | None:
    """`datetime_at(article, key)`; `dated` holds every well-formed date under a `...DateTime` key."""
    return moments.get((base, key)) if key.endswith(DATE_SUFFIX) else datetime_at(article, key)


DATES_RULES: tuple[type[Rule], ...] = (FutureDate, RelatedDateWindow, ImplausibleDate, DateOrder)
