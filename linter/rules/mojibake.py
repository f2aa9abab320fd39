"""FM508: text garbled by a wrong character set (UTF-8 read as cp1252 or Latin-1), or
holding control characters, in the `title`, `description` and `texts` roles."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.reading import pointers
from linter.reading.document import Document
from linter.rules.base import Rule, Violation
from linter.rules.fields import derived
from linter.rules.text import all_texts, text_fields

# Searched through re's cache, for non-ASCII text or a value that may be garbled: a run over
# ASCII pages never compiles them.
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]"
# A UTF-8 lead byte read as Latin-1 (Â..ô), then the bytes that must follow it.
_MOJIBAKE_LEAD = "[\u00c2-\u00f4]"
# What _CONTROL or _MOJIBAKE_LEAD would find, to clear clean text with one scan.
_GARBLED_SUSPECT = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00c2-\u00f4\ufffd]"
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


def _mojibake(value: str) -> tuple[str, str] | None:
    """The first UTF-8 sequence that was decoded as cp1252 or Latin-1, and what it should be."""
    for lead in re.finditer(_MOJIBAKE_LEAD, value):
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
    return re.search(_GARBLED_SUSPECT, text) is not None


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
    control = re.search(_CONTROL, value)
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
        if not _may_be_garbled(derived(self.fields(document), all_texts).joined):
            return  # no field has a character _garbled looks for: one scan for all fields
        for pointer, value in derived(self.fields(document), text_fields):
            problem = _garbled(value)
            if problem is not None:
                yield Violation(pointer, f"`{pointers.label(pointer)}` {problem}")


MOJIBAKE_RULES: tuple[type[Rule], ...] = (Mojibake,)
