"""Date values as the framework reads them: values it cannot read, and file names it overrides."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.reading.date_reading import read_date
from linter.reading.document import Document
from linter.reading.pointers import escape
from linter.records import NamedTuple
from linter.rules.base import Option, Rule, RunContext, Violation, settings_record, zero_or_more
from linter.rules.dates import written
from linter.rules.field_trie import WalkedRole
from linter.rules.fields import FieldView, FileNameDate


def _date_values(view: FieldView) -> Iterator[tuple[str, Any]]:
    """(pointer, value) of every value some date role binds, each once, in role order."""
    seen: set[str] = set()
    roles: tuple[WalkedRole, ...] = ("published", "dates", "future")
    for role in roles:
        for spot, value in view.role(role):
            if spot.pointer not in seen:
                seen.add(spot.pointer)
                yield spot.pointer, value
    for record in view.records:
        for pair in view.pairs(record):
            for pointer, value in pair:
                if pointer not in seen:
                    seen.add(pointer)
                    yield pointer, value


class InvalidDate(Rule):
    """A value of a date role (`published`, `dates`, `future`, `date-order`) that the
    format's framework cannot read as a date, or reads as another day.

    Each preset reads dates as its framework does (its `date-forms` role key): Hugo's Go layouts, Jekyll's Ruby `Time.parse`, JavaScript's
    `Date` for Docusaurus and VitePress, Zod's `z.date()` for Starlight, TOML dates for Zola,
    Luxon's ISO 8601 for Eleventy, PyYAML dates for Material for MkDocs. A value the framework
    refuses stops its build (Zola: "Unable to parse datetime"; Jekyll on `yesterday`); an
    impossible day such as `2023-06-31` is read by some as the next month's day, silently.
    Each such value is reported once, at the value; the other date rules skip it and still
    check the page's other dates. A Jekyll post's date taken from its file name is checked
    too, at the top of the front matter. In the news-article format (`date-forms =
    "rfc3339"`) and with `date-forms = "any"` this is left to the schema's `format`, which
    reports a `publishedDateTime` that is no RFC 3339 date-time.

    Why: the page fails to build, or is dated, sorted and linked under a day nobody wrote.

    With `preset = "hugo"` (the `# preset:` line), whose Go parser refuses the day below ("the
    date front matter field is not a parsable date"):

    Bad::

        # preset: hugo
        date: 2023-02-30

    Good::

        # preset: hugo
        date: 2023-02-28
    """

    code = "FM205"
    name = "invalid-date"
    default_severity = "error"
    summary = "A date field holds a value the framework cannot read as a date, or reads as another day."

    def check(self, document: Document) -> Iterator[Violation]:
        if not self.context.binder.forms.judged:  # rfc3339, any: the schema judges
            return
        view = self.fields(document)
        for pointer, value in _date_values(view):
            problem = view.reading(pointer, value).problem
            if problem is None:
                continue
            if isinstance(value, FileNameDate):
                yield Violation("", f"the date in the file name: {problem}")
            else:
                yield Violation(pointer, problem)


class StaleFileDateSettings(NamedTuple):
    max_days: int


class StaleFileDate(Rule):
    """A post whose front-matter `date` is more than `max-days` from the date in its file name
    (the `file-date` role key: in the jekyll preset, `_posts/2024-05-06-title.md`).

    Jekyll's documentation: the front-matter `date` "overrides the date from the name of the
    post" and is "used to ensure correct sorting". Writing the time of day, or a zone that
    moves the calendar day by one, is that normal use and passes. Days apart, the file name
    no longer tells the post's date: Jekyll uses `date` for the post's URL, order and feed,
    so the name is stale (or the `date` a typo). A post without `date` takes the file
    name's date, which the other date rules then check (a future one is FM201).

    The compared date is the first key of the `published` role the `file-date` key names
    (`date`); the news-article format names no file-name date, so this never fires there.

    Options: `max-days` (default 1) is the widest gap in calendar days that passes.

    Bad::

        # _posts/2024-05-06-launch.md
        # preset: jekyll
        date: 2024-06-10 09:00:00 +0200

    Good::

        # _posts/2024-05-06-launch.md
        # preset: jekyll
        date: 2024-05-06 09:00:00 +0200
    """

    code = "FM206"
    name = "file-name-date"
    default_severity = "warning"
    summary = "A post's `date` is days away from the date in its file name (Jekyll)."
    options = (
        Option(
            "max-days",
            int,
            1,
            "Widest gap allowed between the two dates, in calendar days.",
            check=zero_or_more,
        ),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        self.given = settings_record(StaleFileDateSettings, self.settings)

    def check(self, document: Document) -> Iterator[Violation]:
        file_date = self.context.binder.roles.file_date
        if file_date is None:  # every format but Jekyll's
            return
        view = self.fields(document)
        if view.file_date is None:
            return
        value = view.records[0].data.get(file_date.at)
        if value is None or isinstance(value, FileNameDate):
            return
        pointer = f"/{escape(file_date.at)}"
        front = view.moment(pointer, value)
        named = read_date(view.forms, FileNameDate(view.file_date), lambda: "quoted", view.zone).moment
        if front is None or named is None:
            return
        gap = (front.day(view.zone) - named.day(view.zone)).days
        if abs(gap) > self.given.max_days:
            side = "after" if gap > 0 else "before"
            yield Violation(
                pointer,
                f"`{file_date.at}` {written(value)} is {abs(gap)} days {side} the date in the file name "
                f"({view.file_date}): {view.forms.framework or 'the site'} dates the post (its URL and order) by `{file_date.at}`, so the "
                "file name is stale",
            )


DATE_VALUE_RULES: tuple[type[Rule], ...] = (InvalidDate, StaleFileDate)
