"""The one date parser of the package: dates as sites write them, read in one time zone.

Accepted, after stripping surrounding whitespace:

- RFC 3339 date-times: `2019-01-01T10:00:00Z`, `2019-01-01T10:00:00.5+02:00`;
- the same with a space for the `T`, and a zone written `+0000`, `+00` or after a space
  (YAML's form, as Jekyll writes it): `2019-01-01 10:00:00 +0000`;
- zone-less date-times, with or without seconds: `2019-01-01T10:00`, `2019-01-01 10:00:00`;
- date-only values: `2019-01-01`.

A value without a zone is read in the configured `timezone` (default UTC). A date-only value
stands for its whole calendar day: compared with another date it is equal on the same day;
compared with a date-time, only the calendar days (in the configured zone) are compared, so
`date: 2024-05-01` and `lastmod: 2024-05-01T18:00:00Z` are in order either way round. As a
single moment (is it in the future? before the floor?) a date-only value is the start of
its day.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone, tzinfo

from linter.records import NamedTuple


@functools.cache
def _date_time() -> re.Pattern[str]:
    """Every form of the module docstring; compiled on first use (0.2 ms, 0.4 % of a one-file
    run), as most sites write every date in one of the forms `_PLAIN_UTC` and `_PLAIN_DAY` read."""
    return re.compile(
        r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
        r"(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?"
        r" ?(?:([Zz])|([+-])([0-9]{2})(?::?([0-9]{2}))?)?)?"
    )


#: `2024-04-02T09:30:00Z`, the commonest form, which `fromisoformat` reads with its zone. Not
#: hour 24: newer Pythons read `T24:00:00` as the next midnight, which `_date_time` refuses.
_PLAIN_UTC = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-9]{2}:[0-9]{2}Z")
#: `2024-04-02`, a day alone: the form of most framework sites' `date:`, and of FM203's floor.
_PLAIN_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Moment(NamedTuple):
    """A parsed date: an aware instant, and whether only the calendar day was written."""

    instant: datetime
    date_only: bool

    def day(self, zone: tzinfo) -> date:
        return self.instant.astimezone(zone).date() if not self.date_only else self.instant.date()


#: A Moment from one tuple, without the NamedTuple constructor's Python call (the commonest
#: form is parsed for every date of every file).
_new_moment = functools.partial(tuple.__new__, Moment)


def parse_moment(value: object, zone: tzinfo = timezone.utc, rfc3339: bool = False) -> Moment | None:
    """`value` (a string, or a date/datetime a non-YAML reader produced) as a Moment, or None
    when it is not a date in one of the accepted forms; with `rfc3339`, only an RFC 3339
    date-time with a `T` and a zone is accepted (a format whose schema demands exactly that
    leaves every other form to the schema)."""
    if isinstance(value, str):
        if len(value) == 20 and _PLAIN_UTC.match(value) is not None:
            try:  # the commonest form, RFC 3339 in UTC, in one call (our pattern accepted it)
                return _new_moment((_utc_instant(value), False))
            except ValueError:  # month 13, second 60 ...: left to the general parser below
                pass
        if rfc3339 and (len(value) < 20 or value[10:11] not in ("T", "t")):
            return None
        if len(value) == 10 and _PLAIN_DAY.match(value) is not None:
            return _day(value, zone)
        moment = _parse_text(value, zone)
        if rfc3339 and moment is not None and (moment.date_only or not _has_zone(value)):
            return None
        return moment
    if isinstance(value, datetime):
        return Moment(value if value.tzinfo else value.replace(tzinfo=zone), False)
    if isinstance(value, date):
        return Moment(datetime(value.year, value.month, value.day, tzinfo=zone), True)
    return None


def _utc_instant_before_3_11(text: str) -> datetime:
    return datetime.fromisoformat(text[:-1] + "+00:00")


#: `2024-04-02T09:30:00Z` as an aware datetime, parsed with its zone (`replace(tzinfo=...)`
#: costs 5 times the parse). Only for text `_PLAIN_UTC` accepted: `fromisoformat` reads more
#: than RFC 3339 (`2024-W14-2T09:30:00Z`, `00:00:006+00:00`); before 3.11 it does not read `Z`.
_utc_instant: Callable[[str], datetime] = (
    datetime.fromisoformat if sys.version_info >= (3, 11) else _utc_instant_before_3_11
)


def _day(text: str, zone: tzinfo) -> Moment | None:
    """A `_PLAIN_DAY` text as `_parse_text` reads it: its day in `zone`, None for no such day."""
    try:
        return _new_moment((datetime(int(text[:4]), int(text[5:7]), int(text[8:]), tzinfo=zone), True))
    except ValueError:  # month 13, February 30, year 0
        return None


def _has_zone(text: str) -> bool:
    tail = text.rstrip()[-6:]
    return tail[-1:] in ("Z", "z") or tail[:1] in ("+", "-")


def _parse_text(text: str, zone: tzinfo) -> Moment | None:
    match = _date_time().fullmatch(text.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, utc, sign, zh, zm = match.groups()
    try:
        if hour is None:
            return Moment(datetime(int(year), int(month), int(day), tzinfo=zone), True)
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        at = _zone(utc, sign, zh, zm) or zone
        moment = datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro, at
        )
    except ValueError:  # day 31 of April, hour 25, offset 24:00 ...
        return None
    return Moment(moment, False)


def _zone(utc: str | None, sign: str | None, hours: str | None, minutes: str | None) -> tzinfo | None:
    if utc:
        return timezone.utc
    if sign is None or hours is None:
        return None
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    return timezone(-offset if sign == "-" else offset)  # raises ValueError past 24 hours


def earlier(first: Moment, second: Moment, zone: tzinfo) -> bool:
    """True when `first` is strictly before `second`; by calendar day if either is date-only."""
    if first.date_only or second.date_only:
        return first.day(zone) < second.day(zone)
    return first.instant < second.instant


def gap_seconds(first: Moment, second: Moment) -> float:
    """`second - first` in seconds, for messages and windows."""
    return (second.instant - first.instant).total_seconds()


def parse_datetime(text: str) -> datetime:
    """A date or date-time for config and command-line values; naive ones are UTC. Raises
    ValueError for anything else."""
    moment = _parse_text(text, timezone.utc)
    if moment is None:
        raise ValueError(f"not a date or date-time: {text!r}")
    return moment.instant


def load_zone(name: str) -> tzinfo:
    """An IANA zone (`Europe/Berlin`), `UTC`, or a fixed offset (`+02:00`); ValueError if unknown."""
    if name.upper() in ("UTC", "Z"):
        return timezone.utc
    fixed = re.fullmatch(r"([+-])([0-9]{2}):?([0-9]{2})", name)
    if fixed is not None:
        zone = _zone(None, fixed.group(1), fixed.group(2), fixed.group(3))
        assert zone is not None
        return zone
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only a configured zone pays the import

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"is not a known time zone: {name!r}") from None
