"""FM505: HTML tags or entities in a plain-text field of the `title`, `description` or
`texts` roles. Only names HTML defines count, so `a <b> c` in a maths title is markup while
`x < y` and `<T>` are not."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from linter.reading import pointers
from linter.reading.document import Document
from linter.rules.base import Rule, Violation
from linter.rules.fields import derived
from linter.rules.text import all_texts, text_fields


@functools.cache
def _tag() -> re.Pattern[str]:
    """Compiled on first use, as `_entity`: only text with a `<` or `&` is searched."""
    return re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9]*)(\s[^<>]*)?/?>")


@functools.cache
def _entity() -> re.Pattern[str]:
    return re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")


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


def _markup(value: str) -> str | None:
    """The first HTML tag, comment or character reference in `value`, if any."""
    tag = next(
        (m for m in _tag().finditer(value) if m.group(2) is None or m.group(2).lower() in _HTML_TAGS), None
    )
    entity = next((m for m in _entity().finditer(value) if _known_entity(m.group())), None)
    found = [m for m in (tag, entity) if m is not None]
    if not found:
        return None
    first = min(found, key=lambda m: m.start()).group()
    return first if len(first) <= 40 else first[:39] + "…"


def _known_entity(reference: str) -> bool:
    """A numeric reference, or a name HTML5 defines: its table (~1 % of a one-file run's
    start-up) loads with the first `&name;` met, which most runs never meet."""
    from html.entities import html5

    return reference[1] == "#" or reference[1:] in html5


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
        text = derived(self.fields(document), all_texts).joined
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


MARKUP_RULES: tuple[type[Rule], ...] = (MarkupInText,)
