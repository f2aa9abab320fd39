"""The shapes of date text each framework's parser reads, as patterns with named parts.

A pattern finds the parts (`y`, `mo` or `mon`, `d`, `h`, `mi`, `s`, `f`, `ampm`, `z`); `parts`
turns a match into numbers and `calendar_problem` says why numbers name no real moment
(`2023-06-31`), so each framework can tell "cannot read" from "reads as another day". Patterns
are kept as text and compiled on first use (`compiled`): a run whose format has no framework
dates (news-article) never pays for them.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from linter.records import NamedTuple

_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_NAMED_ZONE = r"(?:utc|gmt|ut|z|[ecmp][sd]t)"
_OFFSET = r"[+-]\d{1,2}(?::?\d{2})?"
_CLOCK = r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d+))?)?(?:\s*(?P<ampm>[ap]\.?m\.?))?"
_ISO_DAY = r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"

#: YAML 1.1 timestamps, as PyYAML and js-yaml turn an unquoted value into a date (a zone's
#: minutes after a colon: `+08:00`, `-5`; Ruby's Psych also takes `+0800`, which Jekyll's
#: `Time.parse` reads anyway).
YAML_TIMESTAMP = (
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"|(?P<y2>\d{4})-(?P<mo2>\d{1,2})-(?P<d2>\d{1,2})(?:[Tt]|[ \t]+)(?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})"
    r"(?:\.(?P<f>\d*))?(?:[ \t]*(?P<z>Z|[-+]\d{1,2}(?::\d{2})?))?"
)

#: Zola's `parse_yaml_datetime`, for text TOML does not read as a date-time: its pattern wants
#: a fraction of a second (`10:00:00.0 +02:00`).
ZOLA_YAML = (
    r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})(?:[Tt]|[ \t]+)(?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})"
    r"\.(?P<f>\d*)Z?(?:[ \t](?P<z>[-+]\d{1,2}(?::\d{2})?)Z?|(?P<z2>[-+]\d{2}:\d{2}))?"
)

#: TOML's date and date-time values (RFC 3339, `T` or a space), as Zola and Hugo read them.
TOML_DATETIME = (
    _ISO_DAY
    + r"(?:[Tt ](?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})(?:\.(?P<f>\d+))?(?P<z>[Zz]|[+-]\d{2}:\d{2})?)?"
)

#: The layouts of Go's `cast.StringToDateInDefaultLocation`, which Hugo's front matter uses:
#: seconds are required in every date-time, and the zone is written as each layout has it.
GO_LAYOUTS = tuple(
    "(?i)" + pattern
    for pattern in (
        _ISO_DAY,
        _ISO_DAY + r"T(?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})(?:\.(?P<f>\d+))?(?P<z>Z|[+-]\d{2}:?\d{2})?",
        _ISO_DAY + r" (?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})(?:\.(?P<f>\d+))?"
        r"(?:(?P<z>Z|[+-]\d{2}:?\d{2})| (?P<z2>[+-]\d{2}:?\d{2})(?: [a-z]{1,5})?)?",
        r"(?P<d>\d{2}) " + _MON + r" (?P<y>\d{4})",
        # RFC 1123, 822 and 850, ANSIC, UnixDate and RubyDate: a weekday, a month name.
        _WEEKDAY + r"(?P<d>\d{1,2})[ -]" + _MON + r"[ -](?P<y>\d{2}|\d{4}) (?P<h>\d{2}):(?P<mi>\d{2})"
        r"(?::(?P<s>\d{2}))? (?:(?P<z>[+-]\d{4})|" + _NAMED_ZONE + r"|[a-z]{3,5})",
        _WEEKDAY + _MON + r" +(?P<d>\d{1,2}) (?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})"
        r"(?: (?:(?P<z>[+-]\d{4})|[a-z]{3,5}))? (?P<y>\d{4})",
    )
)

#: What Ruby's `Time.parse` and JavaScript's `Date` both read: ISO days with one or two digit
#: months, `2023/01/29`, `29 Jan 2023`, `January 29, 2023`, a weekday, a clock with am/pm, a
#: zone, and a year after the clock (Ruby's `Mon Jan 29 18:30:22 -0800 2023`, or Jekyll's
#: `2023-01-29 18:30:22 2023 -0800`).
_LOOSE_ZONE = r"(?:Z|(?:gmt|utc)?" + _OFFSET + "|" + _NAMED_ZONE + ")"
LOOSE = "".join(
    (
        "(?i)",
        _WEEKDAY,
        r"(?:(?P<y>\d{4})[-/](?P<mo>\d{1,2})[-/](?P<d>\d{1,2})",
        r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?[\s-]+" + _MON.replace("mon>", "mon2>") + r"[\s,-]+(?P<y2>\d{4})",
        r"|" + _MON.replace("mon>", "mon3>") + r"\s+(?P<d3>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y3>\d{4}))?)",
        r"(?:(?:T|\s+|,\s*)" + _CLOCK + ")?",
        rf"(?:\s*(?P<z>{_LOOSE_ZONE}))?(?:\s+(?P<y4>\d{{4}}))?(?:\s*(?P<z2>{_LOOSE_ZONE}))?",
    )
)

#: ISO 8601 as Luxon's `DateTime.fromISO` reads it (Eleventy): a year, a month or a day, in
#: the extended or basic form, then `T` and an hour, minutes, seconds and a zone, each optional.
LUXON_ISO = (
    r"(?P<y>\d{4})(?:-(?P<mo>\d{2})(?:-(?P<d>\d{2}))?|(?P<mo2>\d{2})(?P<d2>\d{2}))?"
    r"(?:T(?P<h>\d{2})(?::?(?P<mi>\d{2})(?::?(?P<s>\d{2})(?:[.,](?P<f>\d+))?)?)?"
    r"(?P<z>Z|[+-]\d{2}(?::?\d{2})?)?)?"
)

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")  # fmt: skip
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_ZONE_HOURS = {"est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7}


class Parts(NamedTuple):
    """A date's numbers as written; `offset` None when no zone was written."""

    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int = 0
    second: int = 0
    micro: int = 0
    offset: timedelta | None = None


#: A pattern's compiled form, made on first use.
compiled = functools.cache(re.compile)


def first_parts(patterns: tuple[str, ...], text: str) -> Parts | None:
    """The parts of `text` by the first of `patterns` it matches whole; None if none does."""
    for pattern in patterns:
        match = compiled(pattern).fullmatch(text)
        if match is not None:
            return parts(match)
    return None


@functools.cache
def _part_names(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The part each group of `pattern` holds, by group number (`mo2` and `mo` are both `mo`)."""
    names = [""] * pattern.groups
    for name, index in pattern.groupindex.items():
        names[index - 1] = name.rstrip("234")
    return tuple(names)


def parts(match: re.Match[str]) -> Parts | None:
    """The numbers a pattern's match holds (its alternatives' groups folded together, the
    first written winning); None without a year, which the frameworks take from the clock."""
    found: dict[str, str] = {}
    for name, value in zip(_part_names(match.re), match.groups(), strict=True):
        if value is not None and name not in found:
            found[name] = value
    if "y" not in found:
        return None
    year = int(found["y"])
    if len(found["y"]) == 2:
        year += 1900 if year >= 69 else 2000  # Go's two-digit years
    month = _MONTHS.index(found["mon"][:3].lower()) + 1 if "mon" in found else int(found.get("mo", 1))
    hour = int(found["h"]) if "h" in found else None
    if hour is not None and found.get("ampm"):
        hour = hour % 12 + (12 if found["ampm"][0] in "pP" else 0)
    micro = int((found.get("f") or "0")[:6].ljust(6, "0"))
    return Parts(
        year,
        month,
        int(found.get("d", 1)),
        hour,
        int(found.get("mi", 0)),
        int(found.get("s", 0)),
        micro,
        _offset(found.get("z")),
    )


def _offset(zone: str | None) -> timedelta | None:
    if zone is None:
        return None
    text = zone.lower().removeprefix("gmt").removeprefix("utc")
    if text in ("", "z", "ut", "gmt", "utc"):
        return timedelta(0)
    if text in _ZONE_HOURS:
        return timedelta(hours=_ZONE_HOURS[text])
    digits = text[1:].replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    return -offset if text[0] == "-" else offset


def calendar_problem(found: Parts) -> str | None:
    """Why `found` names no moment ("June has 30 days"), or None when it does."""
    if not 1 <= found.year <= 9999:  # year 0 (Go and JavaScript have one) is past what we can compare
        return f"year {found.year} is out of range"
    if not 1 <= found.month <= 12:
        return f"there is no month {found.month}"
    days = days_in_month(found.year, found.month)
    if not 1 <= found.day <= days:
        name = _MONTH_NAMES[found.month - 1]
        return f"{name} {found.year if found.month == 2 else ''}".rstrip() + f" has {days} days"
    if found.hour is not None and (found.hour > 23 or found.minute > 59 or found.second > 59):
        return f"there is no time {found.hour:02}:{found.minute:02}:{found.second:02}"
    if found.offset is not None and abs(found.offset) >= timedelta(hours=24):
        return "a zone offset is less than 24 hours"
    return None


def days_in_month(year: int, month: int) -> int:
    """As `calendar.monthrange(year, month)[1]` (month 1-12), without loading calendar (and
    locale) on every run."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS_IN_MONTH[month - 1]


def rolled_over(found: Parts) -> date | None:
    """The day a parser that carries an impossible day into the next month reads (June 31 is
    July 1), for days up to 31 of a real month; None otherwise."""
    if not 1 <= found.year <= 9999 or not 1 <= found.month <= 12 or not 1 <= found.day <= 31:
        return None
    return date(found.year, found.month, 1) + timedelta(days=found.day - 1)
