"""Plain scalars get JSON types only; the shortcuts in resolve_plain agree with its regexes."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.reading.scalars import resolve_plain

# The definition, without shortcuts: YAML 1.2 core-schema ints and floats, JSON's constants.
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_CONSTANTS = {"": None, "~": None, "null": None, "Null": None, "NULL": None}
_CONSTANTS |= {word: True for word in ("true", "True", "TRUE")}
_CONSTANTS |= {word: False for word in ("false", "False", "FALSE")}


def _reference(text: str) -> object:
    if text in _CONSTANTS:
        return _CONSTANTS[text]
    if len(text) > 4000:
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


_SCALAR_PIECES = st.sampled_from(
    [
        "0",
        "1",
        "7",
        "9",
        "-",
        "+",
        ".",
        "e",
        "E",
        "x",
        "o",
        ":",
        " ",
        "T",
        "Z",
        "a",
        "F",
        "٣",
        "²",
        "null",
        "true",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_SCALAR_PIECES, max_size=12).map("".join))
def test_resolve_plain_matches_its_definition(text: str) -> None:
    got, expected = resolve_plain(text), _reference(text)
    assert type(got) is type(expected)
    assert got == expected or (isinstance(got, float) and math.isnan(got) and math.isnan(expected))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2021-05-21T13:40:00Z", "2021-05-21T13:40:00Z"),
        ("12:30", "12:30"),
        ("1 000", "1 000"),
        ("1024", 1024),
        ("0123", 123),
        ("٣", "٣"),  # a digit to str.isdigit, not to YAML
        ("-5", -5),
        ("1e3", 1000.0),
        ("0x1F", 31),
        ("9" * 4000, int("9" * 4000)),
        ("9" * 4001, "9" * 4001),  # int() refuses such a literal: text
        ("1²", "1²"),
    ],
)
def test_resolve_plain_examples(text: str, value: object) -> None:
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)
