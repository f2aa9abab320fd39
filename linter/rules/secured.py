"""Rules for the encrypted `secured` payload (FM601)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.reading import pointers
from linter.reading.document import Document
from linter.rules.base import Rule, Violation

IV_BYTES = 16
BLOCK_BYTES = 16  # AES: the ciphertext of a block cipher is whole blocks
# Matched through re's cache, only where a value is not padded base64 (see `_padded`).
_NOT_BASE64 = r"[^A-Za-z0-9+/=]"


def _character(char: str) -> str:
    return f"`{char}`" if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


#: The base64 alphabet, as bytes for `bytes.translate` to delete.
_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _padded(text: str) -> bool:
    """Whether `text` is `[A-Za-z0-9+/]*={0,2}`, by C string methods: the regex engine matches a
    character class one character at a time (3 µs a news article's ciphertext; this, 0.2)."""
    body = text.rstrip("=")
    return text.isascii() and len(text) - len(body) <= 2 and not body.encode().translate(None, _ALPHABET)


def _base64_problem(text: str) -> str | None:
    """A short reason why `text` is not strict, padded standard base64, or None when it is."""
    if not _padded(text):  # one scan clears the common case: padded text has no bad character
        bad = re.search(_NOT_BASE64, text)
        if bad is not None:
            return f"character {_character(bad.group())} at position {bad.start() + 1} is not base64"
        return "`=` padding may only end it"
    if len(text) % 4:
        return f"its length {len(text)} is not a multiple of 4"
    return None


def base64_size(text: str) -> int | str:
    """How many bytes strict, padded standard base64 `text` decodes to, without decoding it,
    or a short reason why it is not that base64.

    What `_base64_problem` lets through always decodes (tested against `base64.b64decode`),
    to three bytes per four characters less one per `=`; only the size matters to FM601.
    """
    problem = _base64_problem(text)
    return problem if problem is not None else len(text) // 4 * 3 - text.count("=", -2)


def _problems(value: str) -> Iterator[str]:
    separators = value.count(";")
    if separators == 0:
        yield "`secured` has no `;`; expected base64 ciphertext, `;`, then the base64 IV"
        return
    if separators > 1:
        yield f"`secured` has {separators} `;` separators; expected exactly one (ciphertext;IV)"
        return
    ciphertext, iv = value.split(";")
    for part, text in (("ciphertext", ciphertext), ("IV", iv)):
        if not text:
            yield f"the {part} in `secured` is empty"
            continue
        size = base64_size(text)
        if isinstance(size, str):
            yield f"the {part} in `secured` is not valid base64: {size}"
        elif part == "IV" and size != IV_BYTES:
            yield f"the IV in `secured` is {size} bytes; it must be {IV_BYTES}"
        elif part == "ciphertext" and size % BLOCK_BYTES:
            yield f"the ciphertext in `secured` is {size} bytes, not a multiple of {BLOCK_BYTES}"


class SecuredFormat(Rule):
    """The `secured` role (news-article: `secured`) is not `<ciphertext>;<IV>`: base64 ciphertext, a semicolon, then a base64
    16-byte initialisation vector, with the ciphertext a non-empty multiple of 16 bytes.

    Both parts must be strict base64: only `A-Z a-z 0-9 + /`, `=` padding at the end, a
    length that is a multiple of 4, no spaces or line breaks. The message says exactly what
    is wrong: a missing `;`, a part that is not base64 (and where), an IV of the wrong size,
    or a ciphertext that cannot be whole AES blocks. Only a string value is checked; the
    schema reports other types.

    Why: the site decrypts this payload with AES in CBC mode; a damaged value fails at
    read time, long after publishing, and usually means it was truncated or re-wrapped.

    Bad::

        secured: "TTO6DSRqwEyBsbryPjv57vX3nytJNK+H9VILablLDZg="

    Good::

        secured: "TTO6DSRqwEyBsbryPjv57vX3nytJNK+H9VILablLDZg=;LoW7VbZyqHJjes10Zvy2Dg=="
    """

    code = "FM601"
    name = "secured-format"
    summary = "`secured` is not base64 ciphertext `;` a base64 16-byte IV."

    def check(self, document: Document) -> Iterator[Violation]:
        for spot, value in self.fields(document).role("secured"):
            if isinstance(value, str):
                for problem in _problems(value):
                    yield Violation(
                        spot.pointer, problem.replace("`secured`", f"`{pointers.last_token(spot.pointer)}`")
                    )


SECURED_RULES: tuple[type[Rule], ...] = (SecuredFormat,)
