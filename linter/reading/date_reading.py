"""A date value read as a framework reads it (its `DateForms`): a moment, or why there is none."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import datetime, timezone, tzinfo
from typing import Literal

from linter.reading.date_forms import DateForms
from linter.reading.date_grammar import (
    YAML_TIMESTAMP,
    Parts,
    calendar_problem,
    compiled,
    first_parts,
    parts,
    rolled_over,
)
from linter.reading.dates import Moment, parse_moment
from linter.records import NamedTuple

#: How the value is written: an unquoted YAML scalar, quoted (or block) text, or a TOML/JSON
#: literal (in TOML, a date).
Style = Literal["plain", "quoted", "typed"]


class Reading(NamedTuple):
    """A value read as a framework reads it: a date, or why it is none (problem None: the
    value is no date and no mistake, such as Eleventy's `Last Modified`)."""

    moment: Moment | None
    problem: str | None = None


#: A Reading from one tuple, without the NamedTuple constructor's Python call (a news
#: article's every date is read here).
_new_reading = functools.partial(tuple.__new__, Reading)

_NUMBER = r"[+-]?\d+(?:\.\d+)?"  # matched (through re's cache) only where numbers are dates


def read_date(forms: DateForms, value: object, style: Callable[[], Style], zone: tzinfo) -> Reading:
    """`value` as `forms`' framework reads it; `style` tells how it is written (asked only
    when that matters: most values are settled by their text)."""
    if not isinstance(value, str) or not forms.judged:
        return _new_reading((parse_moment(value, zone, forms.name == "rfc3339"), None))
    text = value.strip()
    if not text or text.lower() in forms.specials:  # a blank value is the schema's to judge
        return Reading(None)
    if forms.common is not None and compiled(forms.common).fullmatch(text):
        common = parse_moment(text, zone)  # the commonest forms, without the framework's grammar
        if common is not None:
            return Reading(common)
    found = first_parts(forms.text, text) if forms.text is not None else None
    if found is not None and calendar_problem(found) is None:
        return Reading(moment(found, zone))
    written = style()
    if written == "typed":  # a TOML date: tomllib has checked it, and every TOML framework reads it
        return Reading(parse_moment(text, zone))
    stamp = compiled(YAML_TIMESTAMP).fullmatch(text) if forms.yaml_dates and written == "plain" else None
    native = parts(stamp) if stamp is not None else None
    if native is not None:
        return _checked(forms, text, native, forms.yaml_rolls, zone)
    if found is not None:
        return _checked(forms, text, found, forms.text_rolls, zone)
    return Reading(None, _unreadable(forms, text, written))


def moment(found: Parts, zone: tzinfo) -> Moment:
    """`found` (a real moment) as a Moment; naive in `zone`."""
    at = timezone(found.offset) if found.offset is not None else zone
    if found.hour is None:
        return Moment(datetime(found.year, found.month, found.day, tzinfo=zone), True)
    return Moment(
        datetime(found.year, found.month, found.day, found.hour, found.minute, found.second, found.micro, at),
        False,
    )


def _checked(forms: DateForms, text: str, found: Parts, rolls: bool, zone: tzinfo) -> Reading:
    problem = calendar_problem(found)
    if problem is None:
        return Reading(moment(found, zone))
    day = rolled_over(found) if rolls else None
    if day is not None:
        return Reading(
            None, f"`{text}` is not a date ({problem}): {forms.framework} reads it as {day.isoformat()}"
        )
    return Reading(None, f"{forms.framework} cannot read `{text}` as a date: {problem}")


def _unreadable(forms: DateForms, text: str, written: Style) -> str:
    if forms.numbers_are_ms and re.fullmatch(_NUMBER, text):
        return (
            f"{forms.framework} reads `{text}` as a number of milliseconds after 1970-01-01, not as a "
            f"year or a day: write it as {forms.example}"
        )
    if forms.guesser and any(c.isdigit() for c in text):
        return (
            f"{forms.framework} reads `{text}` only by guessing ({forms.guesser}), and content-lint "
            f"cannot tell which date it makes of it: write it as {forms.example}"
        )
    if forms.text is None and written == "quoted" and compiled(YAML_TIMESTAMP).fullmatch(text):
        return f"{forms.framework} cannot read `{text}` as a date: quoted, it is text; write it unquoted"
    return f"{forms.framework} cannot read `{text}` as a date (it reads {forms.example})"
