"""Rules for the plain-text fields: blank, untidy, long, repeated, marked-up, duplicated,
unknown and garbled text (FM501-FM508).

The fields are the `title`, `description` and `texts` roles (news-article: title, excerpt,
category, type, provider name and each topic, in the article and in each related article);
the tag lists are the `tags` role (news-article: `topics`). Values are judged after YAML decoding, so an escape such as
`"\\n"` or a folded block counts as the characters it produces. "Character N" in a message
is the 1-based position in that decoded value.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from html.entities import html5
from typing import Any

from linter import pointers
from linter.document import Document
from linter.fields import FieldView, derived
from linter.fixes import RemoveItem, Rewrite
from linter.rules.base import Option, Rule, Violation

_LINE_BREAK = re.compile("[\n\r\v\f\x85\u2028\u2029]")
_TAB = re.compile("\t")
_DOUBLED_SPACE = re.compile("[ \u00a0]{2}")
_UNTIDY_RUN = re.compile("[ \t\n\r\v\f\x85\u2028\u2029\u00a0]+")
# What the three patterns above look for, as characters that plain `in` scans find much faster.
_INNER_WHITESPACE = ("\n", "\r", "\v", "\f", "\x85", "\u2028", "\u2029", "\t", "\u00a0")
_TAG = re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9]*)(\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_HTML_TAGS = frozenset(
    {
        "a",
        "abbr",
        "address",
        "article",
        "aside",
        "audio",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "center",
        "cite",
        "code",
        "col",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "figcaption",
        "figure",
        "font",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "i",
        "iframe",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "li",
        "link",
        "main",
        "mark",
        "meta",
        "nav",
        "noscript",
        "object",
        "ol",
        "p",
        "picture",
        "pre",
        "q",
        "s",
        "samp",
        "script",
        "section",
        "small",
        "source",
        "span",
        "strike",
        "strong",
        "style",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "template",
        "th",
        "thead",
        "time",
        "title",
        "tr",
        "tt",
        "u",
        "ul",
        "var",
        "video",
        "wbr",
    }
)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")
# A UTF-8 lead byte read as Latin-1 (Â..ô), then the bytes that must follow it.
_MOJIBAKE_LEAD = re.compile("[\u00c2-\u00f4]")
# What _CONTROL or _MOJIBAKE_LEAD would find, to clear clean text with one scan.
_GARBLED_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00c2-\u00f4\ufffd]")
# Marks that legitimately follow an accented letter ("CAFÉ®", French "café\u00a0»"). A
# sequence made only of them is mojibake only after Â, Ã or â, which never end real words.
_AFTER_WORD = frozenset(
    "\u00a0\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a\u2013\u2014\u2026\u2022"
    "\u00b7\u00b0\u00a9\u00ae\u2122\u00b9\u00b2\u00b3\u00b1"
)
_STRONG_LEADS = frozenset("\u00c2\u00c3\u00e2")


def _continuation_bytes() -> dict[str, int]:
    """Each character a UTF-8 continuation byte (0x80-0xBF) becomes under cp1252 or Latin-1."""
    table = {chr(byte): byte for byte in range(0x80, 0xC0)}
    for byte in range(0x80, 0xA0):
        try:
            table[bytes([byte]).decode("cp1252")] = byte
        except UnicodeDecodeError:
            continue  # five bytes are undefined in cp1252; Latin-1 already covers them
    return table


_CONTINUATION = _continuation_bytes()


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def text_fields(view: FieldView) -> list[tuple[str, str]]:
    """(pointer, value) of every string the `title`, `description` and `texts` roles bind."""
    found: list[tuple[str, str]] = []
    for role in ("title", "description", "texts"):
        found += [(pointer, value) for _, _, pointer, value in view.role(role) if isinstance(value, str)]
    return found


def _texts(view: FieldView) -> tuple[list[str], list[str], list[str], str]:
    """(titles, descriptions, every text field's value, those values joined by spaces).

    The cheap view for the clean majority of documents: several rules clear all fields with
    one scan; a rule that finds something walks the fields again with pointers.
    """
    titles = [value for _, _, _, value in view.role("title") if isinstance(value, str)]
    excerpts = [value for _, _, _, value in view.role("description") if isinstance(value, str)]
    values = titles + excerpts + [value for _, _, _, value in view.role("texts") if isinstance(value, str)]
    return titles, excerpts, values, " ".join(values)


def _titles_and_excerpts(view: FieldView) -> list[tuple[str, str, str]]:
    """(kind, pointer, value) of every string title ("title") and description ("excerpt")."""
    found = []
    for role, kind in (("title", "title"), ("description", "excerpt")):
        found += [
            (kind, pointer, value) for _, _, pointer, value in view.role(role) if isinstance(value, str)
        ]
    return found


def _topic_lists(view: FieldView) -> list[tuple[str, list[Any]]]:
    """(pointer, tags) of each list the `tags` role binds, as written: non-strings too, so
    that a tag's index in the list is its pointer's (`_topic_pointer`)."""
    return [(pointer, value) for _, _, pointer, value in view.role("tags") if isinstance(value, list)]


def _topic_pointer(base: str, index: int) -> str:
    return f"{base}/{index}"


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
        values = derived(self.fields(document), _texts)[2]
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
    return _UNTIDY_RUN.sub(lambda run: run[0] if run[0] in (" ", "\u00a0") else " ", value.strip())


def _untidy(value: str) -> Iterator[str]:
    """What is untidy about a non-blank value, each as the end of a sentence."""
    if value[0].isspace():
        yield "starts with a line break" if _LINE_BREAK.match(value) else "starts with whitespace"
    if value[-1].isspace():
        if _LINE_BREAK.match(value[-1]):
            yield "ends with a line break (a `>` or `|` block keeps its last one; write `>-`)"
        else:
            yield "ends with whitespace"
    offset = len(value) - len(value.lstrip()) + 1
    inner = value.strip()
    for pattern, what in (
        (_LINE_BREAK, "a line break"),
        (_TAB, "a tab"),
        (_DOUBLED_SPACE, "a doubled space"),
    ):
        found = pattern.search(inner)
        if found is not None:
            yield f"has {what} at character {offset + found.start()}"


class UntidyWhitespace(Rule):
    """Leading or trailing whitespace, doubled spaces, tabs or line breaks in a value of the
    `title` or `description` role (news-article: `title`, `excerpt`).

    Checked in the document and in each item (news-article: each related article). The value is judged after YAML
    decoding: a folded (`>`) or literal (`|`) block keeps its final newline, a literal block
    keeps every line break, and a double-quoted `"\\n"` is a real line break. Each kind of
    problem is reported once per field, at its first occurrence.

    Why: headlines and excerpts are shown on one line; stray whitespace shows up as odd gaps,
    breaks layouts and defeats duplicate detection.

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
    name = "untidy-whitespace"
    default_severity = "warning"
    summary = "A title or excerpt has stray, doubled or line-breaking whitespace."

    def check(self, document: Document) -> Iterator[Violation]:
        titles, excerpts, _, _ = derived(self.fields(document), _texts)
        if _all_surely_tidy(titles + excerpts):
            return
        for _, pointer, value in derived(self.fields(document), _titles_and_excerpts):
            # Blank values are FM501's; most others are tidy, which is cheap to show.
            if value and not value.isspace() and not _surely_tidy(value):
                fix = Rewrite(pointer, tidy(value))
                for problem in _untidy(value):
                    yield Violation(pointer, f"`{pointers.label(pointer)}` {problem}", fix=fix)


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

    def check(self, document: Document) -> Iterator[Violation]:
        limits: dict[str, int] = {
            "title": self.settings["max-title"],
            "excerpt": self.settings["max-excerpt"],
        }
        titles, excerpts, _, _ = derived(self.fields(document), _texts)
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


class ExcerptRepeatsTitle(Rule):
    """A value of the `description` role that is the `title` role's value again, or starts
    with the whole title (news-article: `excerpt` and `title`).

    Compared ignoring case and runs of whitespace, in the document and in each item
    (news-article: each related article). An excerpt that merely starts with the same word as the title is fine.

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

    def check(self, document: Document) -> Iterator[Violation]:
        view = self.fields(document)
        titles = _first_strings(view.role("title"))
        for record, (pointer, excerpt) in _first_strings(view.role("description")).items():
            title = titles.get(record, (None, None))[1]
            if title is None or not _may_start_with(excerpt, title):
                continue
            head, text = _normal(title), _normal(excerpt)
            if not head or not text.startswith(head):
                continue
            if text == head:
                yield Violation(pointer, f"`{pointers.label(pointer)}` repeats the title word for word")
            elif not text[len(head)].isalnum():
                yield Violation(pointer, f"`{pointers.label(pointer)}` starts by repeating the title")


def _first_strings(hits: list[tuple[int, int, str, Any]]) -> dict[int, tuple[str, str]]:
    """(pointer, value) of the first string hit of each record."""
    found: dict[int, tuple[str, str]] = {}
    for record, _, pointer, value in hits:
        if isinstance(value, str):
            found.setdefault(record, (pointer, value))
    return found


def _may_start_with(text: str, head: str) -> bool:
    """False when `_normal(text)` surely does not start with a non-empty `_normal(head)`.

    Cheap: compares first words only, so a long excerpt is not normalised for nothing. (Case
    folding never makes whitespace, so the first word of `_normal(x)` is the folded first word.)
    """
    head_words, text_words = head.split(None, 1), text.split(None, 1)
    return bool(head_words and text_words) and text_words[0].casefold().startswith(head_words[0].casefold())


def _markup(value: str) -> str | None:
    """The first HTML tag, comment or character reference in `value`, if any."""
    tag = next(
        (m for m in _TAG.finditer(value) if m.group(2) is None or m.group(2).lower() in _HTML_TAGS), None
    )
    entity = next((m for m in _ENTITY.finditer(value) if m.group()[1] == "#" or m.group()[1:] in html5), None)
    found = [m for m in (tag, entity) if m is not None]
    if not found:
        return None
    first = min(found, key=lambda m: m.start()).group()
    return first if len(first) <= 40 else first[:39] + "…"


class MarkupInText(Rule):
    """HTML tags (`<p>`, `</b>`, `<br/>`, `<!--`) or character references (`&amp;`,
    `&#8217;`, `&nbsp;`) in a plain-text field.

    Checked: every value of the `title`, `description` and `texts` roles (news-article:
    title, excerpt, category, type, provider name and each topic, article and related). Only real HTML element names and defined entities count, so prose such as
    "R&D", "a < b" or "vector<int>" is fine.

    Why: these fields are plain text; the site escapes them, so readers see the literal
    `<p>` or `&amp;`. Write the characters themselves.

    Bad::

        excerpt: "<p>Work starts in spring &amp; ends in autumn.</p>"

    Good::

        excerpt: "Work starts in spring & ends in autumn."
    """

    code = "FM505"
    name = "markup-in-text"
    default_severity = "warning"
    summary = "A plain-text field contains HTML tags or entities."

    def check(self, document: Document) -> Iterator[Violation]:
        text = derived(self.fields(document), _texts)[3]
        if "<" not in text and "&" not in text:
            return  # every tag starts with `<` and every reference with `&`: one scan for all fields
        for pointer, value in derived(self.fields(document), text_fields):
            found = _markup(value)
            if found is None:
                continue
            if found.startswith("&"):
                message = f"`{pointers.label(pointer)}` contains the HTML entity `{found}`; write the character itself"
            else:
                message = f"`{pointers.label(pointer)}` contains HTML markup `{found}`"
            yield Violation(pointer, message)


class DuplicateTopic(Rule):
    """The same entry twice in one list of the `tags` role (news-article: `topics`; Hugo:
    `tags`, `categories`, `keywords`), ignoring case and surrounding space.

    The finding points at the second and names the line of the first.

    Why: duplicates show twice as tags and count twice in topic statistics.

    Bad::

        topics:
          - AI
          - Computer Vision
          - ai

    Good::

        topics:
          - AI
          - Computer Vision
    """

    code = "FM506"
    name = "duplicate-topic"
    summary = "A tag or topic is listed twice."

    def check(self, document: Document) -> Iterator[Violation]:
        for base, topics in derived(self.fields(document), _topic_lists):
            first: dict[str, int] = {}
            for index, topic in enumerate(topics):
                if not isinstance(topic, str):
                    continue
                key = _normal(topic)
                if not key:
                    continue  # blank topics are FM501's
                earlier = first.setdefault(key, index)
                if earlier == index:
                    continue
                line = document.locate(_topic_pointer(base, earlier)).line
                pointer = _topic_pointer(base, index)
                yield Violation(
                    pointer,
                    f"duplicate topic `{topic.strip()}`: first listed as `{topics[earlier].strip()}` on line {line}",
                    fix=RemoveItem(pointer),
                )


class UnknownTopic(Rule):
    """An entry of a list of the `tags` role (news-article: `topics`) that is not in the
    configured vocabulary (compared ignoring case).

    Off by default; it comes on as soon as a vocabulary is configured::

        [tool.content-lint.rules.unknown-topic]
        vocabulary = ["AI", "Computer Vision", "Local"]

    Option: `vocabulary`, the allowed topics (default empty: nothing to check). The message
    suggests the closest allowed topic when there is one.

    Why: free-form topics drift ("A.I.", "Artificial intelligence", "AI"), splitting one
    topic page into many.

    Bad::

        # with vocabulary = ["AI", "Local"]
        topics:
          - Artificial Inteligence

    Good::

        # with vocabulary = ["AI", "Local"]
        topics:
          - AI
    """

    code = "FM507"
    name = "unknown-topic"
    default_severity = "off"
    summary = "A tag or topic is not in the configured vocabulary."
    options = (Option("vocabulary", list, [], "the allowed topics; case is ignored"),)

    def check(self, document: Document) -> Iterator[Violation]:
        allowed = {_normal(v): v for v in self.settings["vocabulary"] if isinstance(v, str) and v.strip()}
        if not allowed:
            return
        for base, topics in derived(self.fields(document), _topic_lists):
            for index, topic in enumerate(topics):
                key = _normal(topic) if isinstance(topic, str) else None
                if key and key not in allowed:
                    close = difflib.get_close_matches(key, allowed, n=1)
                    hint = f"; did you mean `{allowed[close[0]]}`?" if close else ""
                    yield Violation(
                        _topic_pointer(base, index), f"topic `{topic.strip()}` is not in the vocabulary{hint}"
                    )


def _mojibake(value: str) -> tuple[str, str] | None:
    """The first UTF-8 sequence that was decoded as cp1252 or Latin-1, and what it should be."""
    for lead in _MOJIBAKE_LEAD.finditer(value):
        first = ord(lead.group())
        size = 1 if first < 0xE0 else 2 if first < 0xF0 else 3
        start = lead.end()
        run = value[start : start + size]
        if len(run) < size or not all(char in _CONTINUATION for char in run):
            continue
        if lead.group() not in _STRONG_LEADS and all(char in _AFTER_WORD for char in run):
            continue
        try:
            fixed = bytes([first, *(_CONTINUATION[char] for char in run)]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        return lead.group() + run, fixed
    return None


# The ASCII characters _GARBLED_SUSPECT looks for, as bytes for `bytes.translate` to delete.
_ASCII_SUSPECTS = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])


def _may_be_garbled(text: str) -> bool:
    """False only when `_GARBLED_SUSPECT.search(text)` finds nothing.

    Nearly all text is ASCII (`isascii` is free), where only the ASCII controls are suspect;
    deleting them from the encoded bytes is several times faster than the regex scan.
    """
    if text.isascii():
        encoded = text.encode("ascii")
        return len(encoded.translate(None, _ASCII_SUSPECTS)) != len(encoded)
    return _GARBLED_SUSPECT.search(text) is not None


def _visible(text: str) -> str:
    """`text` with invisible characters spelled as <U+XXXX>, for messages."""
    return "".join(
        c if c == " " or (c.isprintable() and not c.isspace()) else f"<U+{ord(c):04X}>" for c in text
    )


def _garbled(value: str) -> str | None:
    mojibake = _mojibake(value)
    if mojibake is not None:
        bad, good = map(_visible, mojibake)
        return f"looks like mojibake: `{bad}` is probably `{good}` decoded with the wrong charset"
    control = _CONTROL.search(value)
    if control is None:
        return None
    where = f"at character {control.start() + 1}"
    if control.group() == "\ufffd":
        return f"contains the replacement character U+FFFD {where}: bytes were lost in decoding"
    return f"contains the control character U+{ord(control.group()):04X} {where}"


class Mojibake(Rule):
    """Text that was decoded with the wrong character set, or holds control characters.

    Catches UTF-8 read as cp1252 or Latin-1 (`â€™` for the curly apostrophe U+2019, `Ã©`
    for é, `Ã¼` for ü), the replacement character U+FFFD, and control characters
    (U+0000-U+001F except tab and newline, U+007F-U+009F). Legitimate accents ("Café
    crème", "São Paulo", "naïve") and typographic quotes and dashes are fine. Checked in
    every value of the `title`, `description` and `texts` roles (news-article: title,
    excerpt, category, type, provider name and topics).

    Why: garbled characters look broken to readers and spread to every site that copies
    the feed. Re-import the text as UTF-8.

    Bad::

        title: "Councilâ€™s sea wall approved"

    Good::

        title: "Council's sea wall approved"
    """

    code = "FM508"
    name = "mojibake"
    default_severity = "warning"
    summary = "Text is garbled by a wrong character set or holds control characters."

    def check(self, document: Document) -> Iterator[Violation]:
        if not _may_be_garbled(derived(self.fields(document), _texts)[3]):
            return  # no field has a character _garbled looks for: one scan for all fields
        for pointer, value in derived(self.fields(document), text_fields):
            problem = _garbled(value)
            if problem is not None:
                yield Violation(pointer, f"`{pointers.label(pointer)}` {problem}")


TEXT_RULES: tuple[type[Rule], ...] = (
    BlankText,
    UntidyWhitespace,
    TextLength,
    ExcerptRepeatsTitle,
    MarkupInText,
    DuplicateTopic,
    UnknownTopic,
    Mojibake,
)
