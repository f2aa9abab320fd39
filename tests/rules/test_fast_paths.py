"""Fast paths agree with the general functions they shortcut, compared through public names,
and the per-document views rules share are built once and stay out of a document's value."""

from __future__ import annotations

import base64
import binascii

from helpers import ARTICLE
from hypothesis import example, given, settings
from hypothesis import strategies as st

from linter.reading.compose import Limits, compose_document
from linter.reading.document import Document
from linter.reading.frontmatter import FrontMatter, split_front_matter
from linter.rules.base import default_binder
from linter.rules.fields import derived
from linter.rules.secured import base64_size
from linter.rules.urlnorm import ascii_host, within_domain
from linter.rules.urls import surely_within


def _document(text: str = ARTICLE) -> Document:
    front = split_front_matter(text.encode(), 1 << 20)
    assert isinstance(front, FrontMatter)
    document, problems = compose_document("article.md", front, Limits())
    assert document is not None, problems
    return document


_BASE64ISH = st.text(alphabet=st.sampled_from("AQgw+/=;- \n\u00e9"), max_size=24)


@settings(max_examples=500, deadline=None)
@given(_BASE64ISH | st.binary(max_size=40).map(lambda b: base64.b64encode(b).decode()))
@example("AAAA=")  # Python decodes these; neither is padded base64
@example("AAAA====")
def test_base64_size_is_the_size_of_what_strict_base64_decodes(text):
    size = base64_size(text)
    # Python's decoder also takes padding past a whole quantum ("AAAA=", "AAAA===="); padded
    # base64 as RFC 4648 writes it has one or two `=`, at the end of its last quantum only.
    padding = len(text) - len(text.rstrip("="))
    padded = len(text) % 4 == 0 and padding <= 2 and "=" not in text.rstrip("=")
    try:
        decoded = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):  # a non-ASCII character is a ValueError
        decoded = None
    if decoded is None or not padded:
        assert isinstance(size, str)
    else:
        assert size == len(decoded)


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
    copy = Document(
        *(getattr(document, name) for name in ("path", "data", "text", "closing_line", "root", "positions"))
    )
    assert copy.memo == {}
    assert copy == document


def test_locate_falls_back_to_the_nearest_existing_node():
    document = _document()
    assert document.locate("/provider/nope") == document.locate("/provider")
    assert document.locate("/related/0/nope/deeper") == document.locate("/related/0")
    assert document.locate("/related/7") == document.locate("/related")


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
