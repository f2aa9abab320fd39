"""Resolve plain YAML scalars the way JSON (and YAML 1.2's core schema) would.

YAML 1.1 turns `2021-05-21T13:40:00Z` into a datetime, `yes` into True and `1:20` into 80.
Front matter is judged by a JSON Schema, so only JSON's own types are produced here:
timestamps, `yes`/`no`, sexagesimals, `.inf` and `.nan` all stay strings, exactly as written.
"""

from __future__ import annotations

import re

_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
#: First characters of every plain scalar that is not text; any other scalar is text as written.
MAYBE_SPECIAL = frozenset("-+.0123456789~nNtTfF")
#: The style of a scalar our TOML and JSON scanners typed already (nodes.py): the builder takes
#: a scalar with any non-empty style as it is. Here, not in nodes.py, so that the rules that
#: ask how a date was written do not load the node classes in a YAML run.
TYPED = "="
_NUMBER_START = frozenset("-+.0123456789")
_MAX_NUMBER_CHARS = 4000
_CONSTANTS: dict[str, object] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}


def resolve_plain(text: str) -> object:
    """The JSON value of an unquoted scalar (null, bool, int, float) or the text itself."""
    if text.isdigit() and text.isascii() and len(text) <= _MAX_NUMBER_CHARS:
        return int(text)  # the commonest special scalar (`width: 1744`), tested first
    if text and text[0] not in MAYBE_SPECIAL:
        return text
    if text in _CONSTANTS:
        return _CONSTANTS[text]
    if text[0] not in _NUMBER_START:  # words such as `news` or `tide`: text, without a regex
        return text
    if len(text) > _MAX_NUMBER_CHARS:  # int() refuses huge literals; such a "number" is text
        return text
    if ":" in text or " " in text:  # dates and times, the commonest such scalars: never a number
        return text
    if _INT.match(text):
        return int(text)
    if _HEX.match(text):
        return int(text, 16)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _FLOAT.match(text):
        return float(text)
    return text
