"""Which values each framework reads as a date, named by framework for the `date-forms` role key.

A value of a date role is read as its framework reads it (`linter.reading.date_reading`): a
date it accepts is a `Moment` (naive values in the configured `timezone`); any other text gets
a problem that names the framework: it cannot read the value (`Zola cannot read "2023-02-30"
as a date: February 2023 has 28 days`), or it silently reads another day (`"2023-06-31" ...:
Docusaurus reads it as 2023-07-01`). What each framework reads, from its own code (where a
parser guesses, as Ruby's and JavaScript's do, the common shapes are followed and other text
with digits is reported as "cannot tell"):

- `hugo` (0.123+): Go's `cast` layouts (`2006-01-02`, RFC 3339 with or without a zone, a space
  for the `T`, RFC 1123/822/850, ANSIC, Ruby and Unix dates); seconds are required in a
  date-time; TOML dates. Go rejects an impossible day.
- `jekyll` (4.x): an unquoted YAML timestamp (Psych), else Ruby's `Time.parse`, which guesses
  (`2023-01-29 18:30:22 2023 -0800`, `Jan 29 2023`): the shapes here are its common ones; text
  with no date in it (`yesterday`) stops the build; an impossible day rolls over (Feb 30 is
  Mar 2). A post without `date` takes it from its file name (see `file-date` in roles).
- `docusaurus` (3.x): the blog's `date` and `last_update.date` are Joi's `date()`: an unquoted
  YAML timestamp (js-yaml, which rolls an impossible day over), else JavaScript's `Date` (ISO
  forms and the common English ones; `Invalid Date` fails the build), except that text that
  is a number (`2023`) is taken as milliseconds since 1970.
- `vitepress` (1.x): its own `lastUpdated` is a boolean (any other value only switches the Git
  date on), so it is no date role; a blog theme's `date` is read as JavaScript's `Date` reads
  it (as above, a bare year included).
- `starlight` (0.x): `lastUpdated` is Zod's `z.date()` (or a boolean): only an unquoted YAML
  timestamp is a date; quoted text is refused.
- `zola` (0.19): a TOML date, or text in TOML's date-time form or YAML's (Zola's
  `parse_yaml_datetime`, which wants a fraction of a second); anything else is "Unable to
  parse datetime". Zone-less values are read in `timezone` here (Zola takes UTC).
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

from linter.reading.date_grammar import GO_LAYOUTS, LOOSE, LUXON_ISO, TOML_DATETIME, ZOLA_YAML
from linter.records import NamedTuple

#: JavaScript's ISO forms the loose shapes miss: a year and month (`2023-06`), a bare year
#: (VitePress only: Docusaurus' Joi reads a number as milliseconds).
_JS_MONTH = r"(?P<y>\d{4})-(?P<mo>\d{2})"
_JS_YEAR = r"(?P<y>\d{4})"
_DAY, _CLOCK = r"[0-9]{4}-[0-9]{2}-[0-9]{2}", r"[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?"
#: A day, or a day and a clock after `T` or a space, with a zone as Go reads it (Ruby's and
#: JavaScript's parsers read these too).
_GO_COMMON = (
    rf"{_DAY}(?:T{_CLOCK}(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}})?| {_CLOCK}(?:Z| ?[+-][0-9]{{2}}:?[0-9]{{2}})?)?"
)
_TOML_COMMON = rf"{_DAY}(?:[T ]{_CLOCK}(?:Z|[+-][0-9]{{2}}:[0-9]{{2}})?)?"
_ISO_COMMON = rf"{_DAY}(?:T{_CLOCK}(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}})?)?"


class DateForms(NamedTuple):
    """One framework's reading of dates (see the module docstring)."""

    name: str
    framework: str
    #: The patterns of the framework's parser of text, tried in turn (`linter.reading.date_grammar`);
    #: None when text is never a date.
    text: tuple[str, ...] | None
    example: str
    #: An unquoted YAML timestamp is a date before any text parser sees it.
    yaml_dates: bool = True
    #: An impossible day (June 31) is carried into the next month instead of failing, by
    #: the YAML reader and by the text parser.
    yaml_rolls: bool = False
    text_rolls: bool = False
    #: The text parser guesses (Ruby, JavaScript): text with digits it may read otherwise.
    guesser: str = ""
    #: Text that is a number is a count of milliseconds since 1970 (Joi's date, Docusaurus).
    numbers_are_ms: bool = False
    #: Values taken as they are, lower-cased (Eleventy's `last modified`).
    specials: frozenset[str] = frozenset()
    #: False: values are left to the schema (no framework parser to follow).
    judged: bool = True
    #: The commonest forms the text parser reads, which `linter.reading.dates` reads the same
    #: way (a shortcut past the grammar: most dates are one of these).
    common: str | None = None


FORMS: dict[str, DateForms] = {
    forms.name: forms
    for forms in (
        DateForms("any", "", None, "", judged=False),
        DateForms("rfc3339", "", None, "", judged=False),
        DateForms(
            "hugo",
            "Hugo",
            GO_LAYOUTS,
            "2006-01-02 or 2006-01-02T15:04:05-07:00",
            yaml_dates=False,
            common=_GO_COMMON,
        ),
        DateForms(
            "jekyll",
            "Jekyll",
            (LOOSE,),
            "YYYY-MM-DD HH:MM:SS +/-TTTT",
            yaml_rolls=True,
            text_rolls=True,
            guesser="Ruby's Time.parse",
            common=_GO_COMMON,
        ),
        DateForms(
            "docusaurus",
            "Docusaurus",
            (_JS_MONTH, LOOSE),
            "YYYY-MM-DD",
            yaml_rolls=True,
            text_rolls=True,
            guesser="JavaScript's Date",
            numbers_are_ms=True,
            common=_GO_COMMON,
        ),
        DateForms(
            "vitepress",
            "VitePress",
            (_JS_MONTH, _JS_YEAR, LOOSE),
            "YYYY-MM-DD",
            yaml_rolls=True,
            text_rolls=True,
            guesser="JavaScript's Date",
            common=_GO_COMMON,
        ),
        DateForms("starlight", "Starlight", None, "an unquoted YYYY-MM-DD", yaml_rolls=True),
        DateForms(
            "zola",
            "Zola",
            (TOML_DATETIME, ZOLA_YAML),
            "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
            yaml_dates=False,
            common=_TOML_COMMON,
        ),
        DateForms(
            "eleventy",
            "Eleventy",
            (LUXON_ISO,),
            "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
            yaml_rolls=True,
            specials=frozenset({"last modified", "created", "git last modified", "git created"}),
            common=_ISO_COMMON,
        ),
        DateForms("mkdocs", "Material for MkDocs", None, "an unquoted YYYY-MM-DD"),
    )
}


def find_forms(name: str) -> DateForms:
    """The forms called `name`; ValueError naming the known ones otherwise."""
    forms = FORMS.get(name)
    if forms is None:
        raise ValueError(f"`date-forms` should be one of {', '.join(sorted(FORMS))}")
    return forms
