"""Which values each framework reads as a date, named by framework for the `date-forms` role key.

A value of a date role is read as its framework reads it (`read_date`): a date it accepts is
a `Moment` (naive values in the configured `timezone`); any other text gets a `problem` that
names the framework: it cannot read the value (`Zola cannot read "2023-02-30" as a date: February
2023 has 28 days`), or it silently reads another day (`"2023-06-31" ...: Docusaurus reads it as
2023-07-01`). What each framework reads, from its own code:

- `hugo` (0.123+): Go's `cast` layouts (`2006-01-02`, RFC 3339 with or without a zone, a space
  for the `T`, RFC 1123/822/850, ANSIC, Ruby and Unix dates); seconds are required in a
  date-time; TOML dates. Go rejects an impossible day.
- `jekyll` (4.x): an unquoted YAML timestamp (Psych), else Ruby's `Time.parse`, which guesses
  (`2023-01-29 18:30:22 2023 -0800`, `Jan 29 2023`): the shapes here are its common ones; text
  with no date in it (`yesterday`) stops the build; an impossible day rolls over (Feb 30 is
  Mar 2). A post without `date` takes it from its file name (see `file-date` in roles).
- `docusaurus` (3.x) and `vitepress` (1.x): an unquoted YAML timestamp (js-yaml, which rolls an
  impossible day over), else JavaScript's `Date` (via Joi for Docusaurus): ISO forms and the
  common English ones; `Invalid Date` fails the build.
- `starlight` (0.x): `lastUpdated` is Zod's `z.date()` (or a boolean): only an unquoted YAML
  timestamp is a date; quoted text is refused.
- `zola` (0.19): a TOML date, or text in TOML's date-time form or YAML's (Zola's
  `parse_yaml_datetime`); anything else is "Unable to parse datetime".
- `eleventy` (2.x/3.x): an unquoted YAML timestamp (js-yaml), else Luxon's `DateTime.fromISO`
  (ISO 8601 only: no space for the `T`), or one of `Last Modified`, `Created`, `git Last
  Modified`, `git Created` (any case), which name a file's dates and are accepted as they are.
- `mkdocs` (Material's blog plugin, 9.x): PyYAML's date or date-time, written unquoted (a
  quoted date is text, which the plugin refuses; PyYAML itself fails on an impossible day).
- `rfc3339` (news-article) and `any` (every form `linter.reading.dates` reads): no framework
  behind them; values are left to the schema's `format` (no problem is ever reported).

Values that are not text (numbers, booleans, lists) and blank text are no dates and no
problem here: the schema judges types and blanks (Starlight's `lastUpdated: false` is valid;
Hugo and Eleventy take an empty `date` as none, Jekyll and Zola refuse it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from typing import Literal, NamedTuple

from linter.reading.date_grammar import (
    GO_LAYOUTS,
    LOOSE,
    LUXON_ISO,
    TOML_DATETIME,
    YAML_TIMESTAMP,
    ZOLA_YAML,
    Parts,
    calendar_problem,
    parts,
    rolled_over,
)
from linter.reading.dates import Moment, parse_moment

#: How the value is written: an unquoted YAML scalar, quoted (or block) text, or a TOML/JSON
#: literal (in TOML, a date).
Style = Literal["plain", "quoted", "typed"]


class Reading(NamedTuple):
    """A value read as a framework reads it: a date, or why it is none (problem None: the
    value is no date and no mistake, such as Eleventy's `Last Modified`)."""

    moment: Moment | None
    problem: str | None = None


def _first(patterns: tuple[re.Pattern[str], ...]) -> Callable[[str], Parts | None]:
    def read(text: str) -> Parts | None:
        for pattern in patterns:
            match = pattern.fullmatch(text)
            if match is not None:
                return parts(match)
        return None

    return read


#: JavaScript's ISO forms the loose shapes miss: a year and month (`2023-06`), a minute
#: without seconds; Docusaurus' Joi reads a bare number as milliseconds, so only VitePress
#: takes a bare year.
_JS_MONTH = re.compile(r"(?P<y>\d{4})-(?P<mo>\d{2})")
_JS_YEAR = re.compile(r"(?P<y>\d{4})")


@dataclass(frozen=True)
class DateForms:
    """One framework's reading of dates (see the module docstring)."""

    name: str
    framework: str
    #: The framework's parser of text; None when text is never a date.
    text: Callable[[str], Parts | None] | None
    example: str
    #: An unquoted YAML timestamp is a date before any text parser sees it.
    yaml_dates: bool = True
    #: An impossible day (June 31) is carried into the next month instead of failing, by
    #: the YAML reader and by the text parser.
    yaml_rolls: bool = False
    text_rolls: bool = False
    #: The text parser guesses (Ruby, JavaScript): text with digits it may read otherwise.
    guesser: str = ""
    #: Values taken as they are, lower-cased (Eleventy's `last modified`).
    specials: frozenset[str] = frozenset()
    #: False: values are left to the schema (no framework parser to follow).
    judged: bool = True


FORMS: dict[str, DateForms] = {
    forms.name: forms
    for forms in (
        DateForms("any", "", None, "", judged=False),
        DateForms("rfc3339", "", None, "", judged=False),
        DateForms(
            "hugo", "Hugo", _first(GO_LAYOUTS), "2006-01-02 or 2006-01-02T15:04:05-07:00", yaml_dates=False
        ),
        DateForms(
            "jekyll",
            "Jekyll",
            _first((LOOSE,)),
            "YYYY-MM-DD HH:MM:SS +/-TTTT",
            yaml_rolls=True,
            text_rolls=True,
            guesser="Ruby's Time.parse",
        ),
        DateForms(
            "docusaurus",
            "Docusaurus",
            _first((_JS_MONTH, LOOSE)),
            "YYYY-MM-DD",
            yaml_rolls=True,
            text_rolls=True,
            guesser="JavaScript's Date",
        ),
        DateForms(
            "vitepress",
            "VitePress",
            _first((_JS_MONTH, _JS_YEAR, LOOSE)),
            "YYYY-MM-DD",
            yaml_rolls=True,
            text_rolls=True,
            guesser="JavaScript's Date",
        ),
        DateForms("starlight", "Starlight", None, "an unquoted YYYY-MM-DD", yaml_rolls=True),
        DateForms(
            "zola",
            "Zola",
            _first((TOML_DATETIME, ZOLA_YAML)),
            "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
            yaml_dates=False,
        ),
        DateForms(
            "eleventy",
            "Eleventy",
            _first((LUXON_ISO,)),
            "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
            yaml_rolls=True,
            specials=frozenset({"last modified", "created", "git last modified", "git created"}),
        ),
        DateForms("mkdocs", "Material for MkDocs", None, "an unquoted YYYY-MM-DD"),
    )
}


def read_date(forms: DateForms, value: object, style: Callable[[], Style], zone: tzinfo) -> Reading:
    """`value` as `forms`' framework reads it; `style` tells how it is written (asked only
    when that matters: most values are settled by their text)."""
    if not isinstance(value, str) or not forms.judged:
        return Reading(parse_moment(value, zone, forms.name == "rfc3339"))
    text = value.strip()
    if not text or text.lower() in forms.specials:  # a blank value is the schema's to judge
        return Reading(None)
    found = forms.text(text) if forms.text is not None else None
    if found is not None and calendar_problem(found) is None:
        return Reading(moment(found, zone))
    written = style()
    if written == "typed":  # a TOML date: tomllib has checked it, and every TOML framework reads it
        return Reading(parse_moment(text, zone))
    stamp = YAML_TIMESTAMP.fullmatch(text) if forms.yaml_dates and written == "plain" else None
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
    if forms.guesser and any(c.isdigit() for c in text):
        return (
            f"{forms.framework} reads `{text}` only by guessing ({forms.guesser}), and content-lint "
            f"cannot tell which date it makes of it: write it as {forms.example}"
        )
    if forms.text is None and written == "quoted" and YAML_TIMESTAMP.fullmatch(text):
        return f"{forms.framework} cannot read `{text}` as a date: quoted, it is text; write it unquoted"
    return f"{forms.framework} cannot read `{text}` as a date (it reads {forms.example})"


def find_forms(name: str) -> DateForms:
    """The forms called `name`; ValueError naming the known ones otherwise."""
    forms = FORMS.get(name)
    if forms is None:
        raise ValueError(f"`date-forms` should be one of {', '.join(sorted(FORMS))}")
    return forms
