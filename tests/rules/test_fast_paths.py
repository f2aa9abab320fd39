"""The rules' cheap pre-checks never hide a finding: whenever one says "nothing to report", the
full check agrees. Each property states exactly what the pre-check relies on."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import math
import re

import pytest
from helpers import ARTICLE, NOW
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.compose import Limits, compose_document
from linter.document import Document
from linter.fields import derived
from linter.frontmatter import FrontMatter, split_front_matter
from linter.presets import default_binder
from linter.rules.base import RunContext
from linter.rules.images import ImageSize
from linter.rules.secured import base64_size, decode_base64
from linter.rules.text import (
    _GARBLED_SUSPECT,
    _all_surely_tidy,
    _garbled,
    _markup,
    _may_be_garbled,
    _may_start_with,
    _normal,
    _surely_tidy,
    _texts,
    _untidy,
    text_fields,
)
from linter.rules.urls import surely_within
from linter.urlnorm import ascii_host, within_domain

# Characters the text checks care about, so generated text hits their edge cases often.
_TRICKY = (
    " \u00a0\t\n\r\v\f\x85\u2028\u2029\u3000\x1c"  # every kind of whitespace they treat apart
    "aAzZ.&;#<>/!-ßẞİıſﬅﬆ\u1e97\u0130"  # case folding that changes length or makes "T"
    "\u00c2\u00c3\u00e2\u00a9\u2019\u20ac\u0080\u009f\ufffd\x00\x7f"  # mojibake and controls
)
_TEXT = st.text(alphabet=st.sampled_from(_TRICKY), max_size=30) | st.text(max_size=30)


def _document(text: str = ARTICLE) -> Document:
    front = split_front_matter(text.encode(), 1 << 20)
    assert isinstance(front, FrontMatter)
    document, problems = compose_document("article.md", front, Limits())
    assert document is not None, problems
    return document


@settings(max_examples=500, deadline=None)
@given(_TEXT.filter(lambda v: v and not v.isspace()))
def test_surely_tidy_only_when_untidy_finds_nothing(value):
    if _surely_tidy(value):
        assert list(_untidy(value)) == []


_FIELD = _TEXT | st.integers() | st.none()
_ARTICLE = st.fixed_dictionaries(
    {},
    optional={
        "title": _FIELD,
        "excerpt": _FIELD,
        "category": _FIELD,
        "type": _FIELD,
        "provider": st.fixed_dictionaries({}, optional={"name": _FIELD}) | _FIELD,
        "topics": st.lists(_FIELD, max_size=4) | _FIELD,
    },
)


@settings(max_examples=300, deadline=None)
@given(_ARTICLE, st.lists(_ARTICLE | _FIELD, max_size=3))
def test_the_text_values_view_is_text_fields_without_pointers(article, related):
    data = {**article, "related": related}
    view = default_binder().view(dataclasses.replace(_document(), data=data))
    titles, excerpts, values, joined = _texts(view)
    fields = text_fields(view)
    assert values == [value for _, value in fields]
    assert titles == [value for pointer, value in fields if pointer.endswith("/title")]
    assert excerpts == [value for pointer, value in fields if pointer.endswith("/excerpt")]
    assert joined == " ".join(values)


def test_surely_tidy_clears_ordinary_text():
    assert _surely_tidy("Harbour council approves new sea wall, at last.")
    assert not _surely_tidy("Harbour\u00a0council")  # one no-break space: the full check decides


@settings(max_examples=500, deadline=None)
@given(_TEXT, _TEXT)
def test_may_start_with_only_rules_out_what_cannot_match(excerpt, title):
    head, text = _normal(title), _normal(excerpt)
    if not _may_start_with(excerpt, title):
        assert not (head and text.startswith(head))


@pytest.mark.parametrize(
    ("excerpt", "title"),
    [("STRASSE und mehr", "straße"), ("Harbour council, again", "harbour  council"), ("ﬅory", "st")],
)
def test_may_start_with_keeps_folded_matches(excerpt, title):
    assert _normal(excerpt).startswith(_normal(title))
    assert _may_start_with(excerpt, title)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_garbled_needs_a_suspect_character(value):
    if _GARBLED_SUSPECT.search(value) is None:
        assert _garbled(value) is None


@settings(max_examples=500, deadline=None)
@given(_TEXT | st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=30))
def test_may_be_garbled_agrees_with_the_suspect_scan(value):
    assert _may_be_garbled(value) == (_GARBLED_SUSPECT.search(value) is not None)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("hHtTpP:/s\u0130\u212a\u03a3x"), max_size=10) | _TEXT)
def test_insecure_url_prefix_check_lowers_only_seven_characters(value):
    assert (value[:7].lower() == "http://") == value.lower().startswith("http://")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>&#;/!-pbramp x0123"), max_size=20) | _TEXT)
def test_markup_needs_a_bracket_or_an_ampersand(value):
    if "<" not in value and "&" not in value:
        assert _markup(value) is None


_BASE64ISH = st.text(alphabet=st.sampled_from("AQgw+/=;- \n\u00e9"), max_size=24)


@settings(max_examples=500, deadline=None)
@given(_BASE64ISH | st.binary(max_size=20).map(lambda b: base64.b64encode(b).decode()))
def test_decode_base64_gives_what_it_gave_before_its_fast_path(text):
    assert decode_base64(text) == _decode_base64_reference(text)


@settings(max_examples=500, deadline=None)
@given(_BASE64ISH | st.binary(max_size=40).map(lambda b: base64.b64encode(b).decode()))
def test_base64_size_is_the_size_of_what_decode_base64_gives(text):
    decoded = decode_base64(text)
    assert base64_size(text) == (decoded if isinstance(decoded, str) else len(decoded))


def _decode_base64_reference(text: str) -> bytes | str:
    """decode_base64 as it was: the bad-character scan first, then the padding check."""
    bad = re.search(r"[^A-Za-z0-9+/=]", text)
    if bad is not None:
        char = bad.group()
        shown = f"`{char}`" if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"
        return f"character {shown} at position {bad.start() + 1} is not base64"
    if not re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", text):
        return "`=` padding may only end it"
    if len(text) % 4:
        return f"its length {len(text)} is not a multiple of 4"
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        return str(exc)


_SIZES = st.one_of(
    st.integers(-5, 20000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 0.0, -0.0, 50, 100, 99.999, 10000, 10000.5, math.nan, math.inf]),
)


@settings(max_examples=500, deadline=None)
@given(_SIZES, st.sampled_from(["width", "height"]), st.integers(-10, 200), st.integers(-10, 20000))
def test_image_size_skips_only_values_without_a_problem(value, side, low, high):
    settings_ = {**ImageSize.defaults(), f"min-{side}": low, f"max-{side}": high}
    rule = ImageSize(settings_, RunContext(now=NOW))
    if value > 0 and low <= value <= high:
        assert rule._problem(side, side, value) is None


def test_the_field_view_is_built_once_per_document():
    one, two = _document(), _document()
    binder = default_binder()
    assert binder.view(one) is binder.view(one)
    assert binder.view(two) is not binder.view(one)
    calls = []

    def build(view):
        calls.append(view)
        return [len(view.records)]

    assert derived(binder.view(one), build) is derived(binder.view(one), build)
    assert calls == [binder.view(one)]


def test_a_memo_is_not_part_of_a_documents_value():
    document = _document()
    default_binder().view(document)
    copy = dataclasses.replace(document)
    assert copy.memo == {}
    assert copy == document


def test_locate_falls_back_to_the_nearest_existing_node():
    document = _document()
    assert document.locate("/provider/nope") == document.locate("/provider")
    assert document.locate("/related/0/nope/deeper") == document.locate("/related/0")
    assert document.locate("/related/7") == document.locate("/related")


@settings(max_examples=500, deadline=None)
@given(st.lists(_TEXT, max_size=6))
def test_all_surely_tidy_is_surely_tidy_for_each(values):
    each = all(value and _surely_tidy(value) for value in values)
    assert _all_surely_tidy(values) == each


_LABELS = st.sampled_from(["www", "a", "b-c", "x_y", "com", "example", "xn--bcher-kva", "1", "-", ""])
_HOSTISH = st.lists(_LABELS, min_size=1, max_size=4).map(".".join)


@settings(max_examples=800, deadline=None)
@given(_HOSTISH, st.one_of(_HOSTISH, st.text(alphabet="wW.ab-_é[]:1", max_size=12)))
def test_surely_within_only_when_within_domain(host_text, domain):
    host = ascii_host(host_text)
    if host is not None and surely_within(host, domain):
        wanted = ascii_host(domain)
        assert wanted is not None and within_domain(host, wanted)


def test_surely_within_clears_the_usual_match():
    assert surely_within("www.coastline.example", "coastline.example")
    assert surely_within("coastline.example", "coastline.example")
    assert not surely_within("coastline.example", "Coastline.example")  # the full check decides
