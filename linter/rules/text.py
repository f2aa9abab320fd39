"""Rules for the plain-text fields: blank, untidy, long, repeated and marked-up text
(FM501-FM504); markup is in `markup.py` (FM505), tag lists in `tags.py` (FM506-FM507), garbled text in `mojibake.py` (FM508).

The fields are the `title`, `description` and `texts` roles (news-article: title, excerpt,
category, type, provider name and each topic, in the article and in each related article);
the tag lists are the `tags` role (news-article: `topics`). Values are judged after YAML decoding, so an escape such as
`"\\n"` or a folded block counts as the characters it produces. "Character N" in a message
is the 1-based position in that decoded value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from linter.fixes import Rewrite
from linter.reading import pointers
from linter.reading.document import Document
from linter.records import NamedTuple
from linter.rules.base import Option, Rule, RunContext, Violation, settings_record
from linter.rules.field_trie import WalkedRole
from linter.rules.fields import FieldView, Hit, derived

# Searched (through re's cache) only in a value found untidy: most runs never compile them.
_LINE_BREAK = "[\n\r\v\f\x85\u2028\u2029]"
_TAB = "\t"
_DOUBLED_SPACE = "[ \u00a0]{2}"
_UNTIDY_RUN = "[ \t\n\r\v\f\x85\u2028\u2029\u00a0]+"
# What the three patterns above look for, as characters that plain `in` scans find much faster.
_INNER_WHITESPACE = ("\n", "\r", "\v", "\f", "\x85", "\u2028", "\u2029", "\t", "\u00a0")
_WORD = re.compile(r"[^\W_]+")
_BREAKS = "\n\r\v\f\x85\u2028\u2029"  # what _LINE_BREAK matches, for str.strip


def normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def text_fields(view: FieldView) -> list[tuple[str, str]]:
    """(pointer, value) of every string the `title`, `description` and `texts` roles bind."""
    found: list[tuple[str, str]] = []
    roles: tuple[WalkedRole, ...] = ("title", "description", "texts")
    for role in roles:
        found += [(spot.pointer, value) for spot, value in view.role(role) if isinstance(value, str)]
    return found


class Texts(NamedTuple):
    """The string values of the text roles, without pointers."""

    titles: list[str]
    descriptions: list[str]
    #: Every text field's value: the titles, the descriptions, then the `texts` role's.
    values: list[str]
    #: Those values joined by spaces.
    joined: str


def all_texts(view: FieldView) -> Texts:
    """The cheap view for the clean majority of documents: several rules clear all fields with
    one scan; a rule that finds something walks the fields again with pointers."""
    titles = [value for _, value in view.role("title") if isinstance(value, str)]
    excerpts = [value for _, value in view.role("description") if isinstance(value, str)]
    values = titles + excerpts + [value for _, value in view.role("texts") if isinstance(value, str)]
    return Texts(titles, excerpts, values, " ".join(values))


def _titles_and_excerpts(view: FieldView) -> list[tuple[str, str, str]]:
    """(kind, pointer, value) of every string title ("title") and description ("excerpt")."""
    found = []
    kinds: tuple[tuple[WalkedRole, str], ...] = (("title", "title"), ("description", "excerpt"))
    for role, kind in kinds:
        found += [(kind, spot.pointer, value) for spot, value in view.role(role) if isinstance(value, str)]
    return found


class BlankText(Rule):
    """A value of the `title`, `description` or `texts` role that is empty or holds only
    whitespace.

    Checked in the document and in each item; in news-article: title, excerpt, category, type,
    provider name and each topic, in the article and in each related article.

    Why: a blank headline or topic renders as an empty link or an empty tag chip, and search
    and feeds treat it as missing data. Remove the key, or write the text.

    Bad::

        title: "   "
        topics:
          - ""

    Good::

        title: "Harbour council approves new sea wall"
        topics:
          - Local
    """

    code = "FM501"
    name = "blank-text"
    summary = "A text field is empty or only whitespace."

    def check(self, document: Document) -> Iterator[Violation]:
        values = derived(self.fields(document), all_texts).values
        if "" not in values and not any(map(str.isspace, values)):
            return  # no blank field: (`str.isspace` is False for "")
        for pointer, value in derived(self.fields(document), text_fields):
            if not value:
                yield Violation(pointer, f"`{pointers.label(pointer)}` is empty")
            elif value.isspace():
                yield Violation(pointer, f"`{pointers.label(pointer)}` is only whitespace")


def _surely_tidy(value: str) -> bool:
    """True when `_untidy` finds nothing: no outer whitespace (so `strip()` changes nothing),
    no two spaces in a row and none of the inner whitespace its patterns match."""
    if value[0].isspace() or value[-1].isspace() or "  " in value:
        return False
    return not [char for char in _INNER_WHITESPACE if char in value]  # (a list: faster than all())


def _all_surely_tidy(values: list[str]) -> bool:
    """`_surely_tidy` of every value, with one scan of them all for what may lie inside.

    Joined by `|`, which is not whitespace, the values make no doubled space or inner
    whitespace that none of them had; only the ends of each value need a look of their own.
    """
    for value in values:
        if not value or value[0].isspace() or value[-1].isspace():
            return False
    return not values or _surely_tidy("|".join(values))


def tidy(value: str) -> str:
    """`value` stripped, each run of whitespace one space (a lone no-break space stays)."""
    return re.sub(_UNTIDY_RUN, lambda run: run[0] if run[0] in (" ", "\u00a0") else " ", value.strip())


def _untidy(value: str, line_breaks: bool = True) -> Iterator[str]:
    """What is untidy about a non-blank value, each as the end of a sentence; without
    `line_breaks`, line breaks (inside or at either end) are not reported."""
    start = 0 if line_breaks else len(value) - len(value.lstrip(_BREAKS))
    value = value if line_breaks else value.strip(_BREAKS)
    if value[0].isspace():
        yield "starts with a line break" if re.match(_LINE_BREAK, value) else "starts with whitespace"
    if value[-1].isspace():
        if re.match(_LINE_BREAK, value[-1]):
            yield "ends with a line break (a `>` or `|` block keeps its last one; write `>-`)"
        else:
            yield "ends with whitespace"
    offset = start + len(value) - len(value.lstrip()) + 1
    inner = value.strip()
    for pattern, what in (
        (_LINE_BREAK if line_breaks else None, "a line break"),
        (_TAB, "a tab"),
        (_DOUBLED_SPACE, "a doubled space"),
    ):
        found = None if pattern is None else re.search(pattern, inner)
        if found is not None:
            yield f"has {what} at character {offset + found.start()}"


class UntidyWhitespaceSettings(NamedTuple):
    line_breaks: bool


class UntidyWhitespace(Rule):
    """Leading or trailing whitespace, doubled spaces, tabs or line breaks in a value of the
    `title` or `description` role (news-article: `title`, `excerpt`).

    Checked in the document and in each item (news-article: each related article). The value is judged after YAML
    decoding: a folded (`>`) or literal (`|`) block keeps its final newline, a literal block
    keeps every line break, and a double-quoted `"\\n"` is a real line break. Each kind of
    problem is reported once per field, at its first occurrence.

    Why: headlines and excerpts are shown on one line; stray whitespace shows up as odd gaps,
    breaks layouts and defeats duplicate detection.

    Options: `line-breaks` (default true) reports line breaks. The docs presets (every preset
    but news-article) set it to false: their title and description are rendered into HTML
    (`<title>`, `<meta name="description" content="...">`), where a line break is a space, so
    a `description: |-` block that wraps its lines is fine there. Leading, trailing and doubled
    spaces and tabs are still reported.

    Bad::

        title: "Harbour council  approves new sea wall "
        excerpt: |
          Construction starts in spring.

    Good::

        title: "Harbour council approves new sea wall"
        excerpt: >-
          Construction starts in spring.
    """

    code = "FM502"
    fix_availability = "sometimes"
    fix_safety = ("safe",)
    name = "untidy-whitespace"
    default_severity = "warning"
    summary = "A title or excerpt has stray, doubled or line-breaking whitespace."
    options = (
        Option("line-breaks", bool, True, "report line breaks (false where text is rendered as HTML)"),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        self.given = settings_record(UntidyWhitespaceSettings, self.settings)

    def check(self, document: Document) -> Iterator[Violation]:
        texts = derived(self.fields(document), all_texts)
        titles, excerpts = texts.titles, texts.descriptions
        if _all_surely_tidy(titles + excerpts):
            return
        line_breaks = self.given.line_breaks
        for _, pointer, value in derived(self.fields(document), _titles_and_excerpts):
            # Blank values are FM501's; most others are tidy, which is cheap to show.
            if value and not value.isspace() and not _surely_tidy(value):
                fix = Rewrite(
                    pointer, tidy(value), title=f"Tidy the whitespace in `{pointers.label(pointer)}`"
                )
                for problem in _untidy(value, line_breaks):
                    yield Violation(pointer, f"`{pointers.label(pointer)}` {problem}", fix=fix)


class TextLengthSettings(NamedTuple):
    max_title: int
    max_excerpt: int


class TextLength(Rule):
    """A value of the `title` role longer than `max-title` (default 200) characters, or of
    the `description` role longer than `max-excerpt` (default 1000), in the document or an
    item (news-article: `title` and `excerpt`, in the article or a related article).

    Why: feeds and cards cut long text at arbitrary points, and a very long "title" is
    usually the article body pasted into the wrong field.

    Options: `max-title` and `max-excerpt`, the largest allowed length in characters.

    Bad::

        # with max-title = 40
        title: "Harbour council approves new sea wall after a long debate"

    Good::

        # with max-title = 40
        title: "Harbour council approves new sea wall"
    """

    code = "FM503"
    name = "text-length"
    default_severity = "warning"
    summary = "A title or excerpt is longer than the configured maximum."
    options = (
        Option("max-title", int, 200, "longest allowed title, in characters"),
        Option("max-excerpt", int, 1000, "longest allowed excerpt, in characters"),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        given = settings_record(TextLengthSettings, self.settings)
        #: The limit by the key `_titles_and_excerpts` gives (the option is `max-<key>`).
        self.limits = {"title": given.max_title, "excerpt": given.max_excerpt}

    def check(self, document: Document) -> Iterator[Violation]:
        limits = self.limits
        texts = derived(self.fields(document), all_texts)
        titles, excerpts = texts.titles, texts.descriptions
        if (
            max(map(len, titles), default=0) <= limits["title"]
            and max(map(len, excerpts), default=0) <= limits["excerpt"]
        ):
            return  # nothing too long
        for key, pointer, value in derived(self.fields(document), _titles_and_excerpts):
            limit = limits[key]
            if len(value) > limit:
                option = f"max-{key}"
                yield Violation(
                    pointer,
                    f"`{pointers.label(pointer)}` is {len(value)} characters long; the limit is {limit} (`{option}`)",
                )


class ExcerptRepeatsTitleSettings(NamedTuple):
    allow_expansion: bool


class ExcerptRepeatsTitle(Rule):
    """A value of the `description` role that is the `title` role's value again, or starts
    with the whole title (news-article: `excerpt` and `title`).

    Compared ignoring case and runs of whitespace, in the document and in each item
    (news-article: each related article). An excerpt that merely starts with the same word as the title is fine.

    Options: `allow-expansion` (default false). The docs presets (every preset but
    news-article) set it to true: a page's description often expands its title ("Configure
    page" -> "Configure page behavior."), which is fine; only a description that is the title
    again, case, whitespace and punctuation aside, is reported.

    Why: the excerpt is shown right under the title; repeating it wastes the one line meant
    to tell readers more.

    Bad::

        title: "Harbour council approves new sea wall"
        excerpt: "Harbour council approves new sea wall. Work starts in spring."

    Good::

        title: "Harbour council approves new sea wall"
        excerpt: "Work starts in spring and should protect two hundred homes."
    """

    code = "FM504"
    name = "excerpt-repeats-title"
    default_severity = "warning"
    summary = "The excerpt repeats the title or starts with it."
    options = (
        Option(
            "allow-expansion",
            bool,
            False,
            "report only an excerpt that is the title again, not one that goes on",
        ),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        self.given = settings_record(ExcerptRepeatsTitleSettings, self.settings)

    def check(self, document: Document) -> Iterator[Violation]:
        view = self.fields(document)
        titles = _first_strings(view.role("title"))
        for record, (pointer, excerpt) in _first_strings(view.role("description")).items():
            _, title = titles.get(record, (None, None))
            if title is not None and self.given.allow_expansion:
                words = _words(title)
                if words and _words(excerpt) == words:
                    yield Violation(pointer, f"`{pointers.label(pointer)}` repeats the title word for word")
                continue
            if title is None or not _may_start_with(excerpt, title):
                continue
            head, text = normal(title), normal(excerpt)
            if not head or not text.startswith(head):
                continue
            if text == head:
                yield Violation(pointer, f"`{pointers.label(pointer)}` repeats the title word for word")
            elif not text[len(head)].isalnum():
                yield Violation(pointer, f"`{pointers.label(pointer)}` starts by repeating the title")


def _words(text: str) -> list[str]:
    """The words of `text` in lower case, punctuation and whitespace aside."""
    return _WORD.findall(text.casefold())


def _first_strings(hits: list[Hit]) -> dict[int, tuple[str, str]]:
    """(pointer, value) of the first string hit of each record."""
    found: dict[int, tuple[str, str]] = {}
    for spot, value in hits:
        if isinstance(value, str):
            found.setdefault(spot.record, (spot.pointer, value))
    return found


def _may_start_with(text: str, head: str) -> bool:
    """False when `normal(text)` surely does not start with a non-empty `normal(head)`.

    Cheap: compares first words only, so a long excerpt is not normalised for nothing. (Case
    folding never makes whitespace, so the first word of `normal(x)` is the folded first word.)
    """
    head_words, text_words = head.split(None, 1), text.split(None, 1)
    return bool(head_words and text_words) and text_words[0].casefold().startswith(head_words[0].casefold())


TEXT_RULES: tuple[type[Rule], ...] = (BlankText, UntidyWhitespace, TextLength, ExcerptRepeatsTitle)
