"""Typing slips: which known key or value a misspelt one was surely meant to be.

The one home of that guess, for the schema's hints (an unknown key in a closed table, an
enum value) and for FM101 (an unknown key where the framework lets unknown keys pass).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# What a key keeps when case and word separators are set aside: `sidebar_label`,
# `sidebar-label` and `sidebarLabel` are one name written three ways.
_SEPARATORS = re.compile("[-_ ]")


def one_edit_away(written: str, known: str) -> bool:
    """True when one character added, removed, replaced or two neighbours swapped turn
    `written` into `known` (and they differ)."""
    if written == known or abs(len(written) - len(known)) > 1:
        return False
    if len(written) == len(known):
        diffs = [i for i, (a, b) in enumerate(zip(written, known, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        first = diffs[0]
        return (
            len(diffs) == 2
            and diffs[1] == first + 1
            and written[first] == known[first + 1]
            and written[first + 1] == known[first]
        )
    shorter, longer = sorted((written, known), key=len)
    index = next((i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter))
    return shorter[index:] == longer[index + 1 :]


def closest(written: str, allowed: list[Any]) -> str | None:
    """The one allowed text one edit away from `written`; None when there is none or several."""
    near = [option for option in allowed if isinstance(option, str) and one_edit_away(written, option)]
    return near[0] if len(near) == 1 else None


def spelling(key: str) -> str:
    """`key` without case and word separators: what two spellings of one name share. A
    leading `_` stays: it marks a key of its own (Hugo's `_build`, `_target`)."""
    rest = key.lstrip("_")
    return key[: len(key) - len(rest)] + _SEPARATORS.sub("", rest).casefold()


def near_key(written: str, known: Iterable[str]) -> str | None:
    """The one known key `written` is surely a slip of, or None.

    A slip is another spelling of the name (case, `_`, `-`: `Description`, `sidebar-label`) or,
    for names of four characters or more, one edit away; not a plural or singular of it
    (`image` beside `images` is usually a key of its own), and not a word with another first
    letter (`height` is not `weight`), nor a changed letter in a name under five characters
    (`data` is not `date`): those are other words more often than slips.
    """
    spelt = spelling(written)
    variants = [key for key in known if key != written and spelling(key) == spelt]
    if variants:
        return variants[0] if len(variants) == 1 else None
    near = [key for key in known if _edit_slip(written, key)]
    return near[0] if len(near) == 1 else None


def _edit_slip(written: str, known: str) -> bool:
    if len(known) < 4 or written[:1] != known[:1] or not one_edit_away(written, known):
        return False
    if written == known + "s" or known == written + "s":
        return False
    changed_letter = (
        len(written) == len(known) and sum(a != b for a, b in zip(written, known, strict=True)) == 1
    )
    return len(known) >= 5 or not changed_letter
