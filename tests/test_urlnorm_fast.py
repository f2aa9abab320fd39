"""The URL fast paths (one regex instead of urlsplit, ASCII hosts without IDNA) agree with the
general paths on every input: tricky URLs by hand, then generated ones."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.rules import urlnorm
from linter.rules.urlnorm import (
    SIMPLE_URL,
    ascii_host,
    host_of,
    normalise,
    normalise_general,
    url_defect,
    url_defect_general,
)

TRICKY = [
    "https://coastline.example/news/sea-wall",
    "HTTPS://Coastline.EXAMPLE/News/Sea-Wall/",
    "HtTp://www.coastline.example:80/a",
    "https://www.coastline.example:443",
    "https://coastline.example:0443/a",
    "https://coastline.example:8443/a",
    "https://coastline.example:/a",
    "https://coastline.example:65535/a",
    "https://coastline.example:65536/a",
    "https://coastline.example:0/a",
    "https://coastline.example:123456/a",
    "https://coastline.example./a",
    "https://coastline.example../a",
    "https://a..b/",
    "https://-bad.example/",
    "https://bad-.example/",
    "https://under_score.example/",
    "https://" + "a" * 63 + ".example/",
    "https://" + "a" * 64 + ".example/",
    "https://www./a",
    "https://www.com/a",
    "https://.../a",
    "https://1.2.3.4/a",
    "https://bücher.example/a",
    "https://xn--bcher-kva.example/a",
    "https://\u212aelvin.example/a",  # KELVIN SIGN lower-cases to an ASCII k
    "https://[2001:DB8:0:0::1]:8443/x",
    "https://[::1]/x",
    "https://[::1/x",
    "https://user:pw@coastline.example/a",
    "https://@coastline.example/a",
    "https://coastline.example/a@b:c",
    "https://coastline.example/%7e%2fa%2F",
    "https://coastline.example/%zz",
    "https://coastline.example/a b",
    "https://coastline.example/a\tb",
    " https://coastline.example/a ",
    "\thttps://coastline.example/a\n",
    "https://coastline.example/a\u200b",
    "https://coastline.example/\u202eevil",
    "https://coastline.example/a\x00",
    "https://coastline.example/a\x7f",
    "https://coastline.example/é",
    "https://coastline.example/a\\b",
    'https://coastline.example/"q"',
    "https://coastline.example?a=1",
    "https://coastline.example/a?",
    "https://coastline.example/a?b=2&a=1",
    "https://coastline.example/a?a.b=1&a=2",
    "https://coastline.example/a?A=1&a=1&_=2&~=3",
    "https://coastline.example/a?utm_source=x&UTM_Medium=y&fbclid=z",
    "https://coastline.example/a?a=1&&b=2",
    "https://coastline.example/a?a",
    "https://coastline.example/a?=1",
    "https://coastline.example/a?a=b=c",
    "https://coastline.example/a?a+b=1",
    "https://coastline.example/a?a=%20",
    "https://coastline.example/a?q=\ud800",
    "https://coastline.example/a#frag?x=1",
    "https://coastline.example/a?x=1#frag",
    "https://coastline.example#x",
    "https:/coastline.example/a",
    "https//coastline.example/a",
    "ftp://coastline.example/a",
    "httpss://coastline.example/a",
    "coastline.example/a",
    "https://",
    "",
]


@pytest.mark.parametrize("url", TRICKY)
def test_fast_and_slow_paths_agree_on_tricky_urls(url):
    assert normalise(url) == normalise_general(url)
    assert url_defect(url) == url_defect_general(url)
    assert host_of(url) == _host_of_reference(url)


def test_the_tricky_list_exercises_the_fast_path():
    simple = [url for url in TRICKY if re.fullmatch(SIMPLE_URL, url.strip())]
    assert len(simple) > len(TRICKY) // 2


_PIECES = st.sampled_from(
    ["http", "https", "HTTPS", "://", "/", "www.", "a", "b-c", "_", "-", ".", "..", "1", ":", "80", "443",
     "0", "99999", "@", "[", "]", "::1", "%7e", "%2F", "%", "?", "&", "=", "+", "utm_source", "ref", "#",
     " ", "\t", "\u200b", "é", "bücher", "\u212a", "~", ";", "\\", "a" * 64]
)  # fmt: skip
_URLISH = st.lists(_PIECES, max_size=14).map("".join)
_SIMPLE = st.from_regex(SIMPLE_URL, fullmatch=True)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_URLISH, _SIMPLE, st.text(max_size=40)))
def test_fast_and_slow_paths_agree_on_generated_urls(url):
    assert normalise(url) == normalise_general(url)
    assert url_defect(url) == url_defect_general(url)
    assert host_of(url) == _host_of_reference(url)


_QUERY_PIECES = st.sampled_from(
    ["a", "B", "b", "a.b", "_", "~", "-", "1", "=", "&", "utm_x", "fbclid", "Ref"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_QUERY_PIECES, max_size=10).map("".join))
def test_simple_queries_sort_and_drop_like_parse_qsl(query):
    url = f"https://coastline.example/a?{query}"
    assert normalise(url) == normalise_general(url)


def _host_of_reference(url: str) -> str | None:
    """What `host_of` means, through urlsplit: the host of an http(s) URL, checked."""
    parts = urlnorm.split(url.strip())
    if parts is None or parts.scheme.lower() not in urlnorm.DEFAULT_PORTS:
        return None
    return ascii_host(urlnorm.host_and_port(parts.netloc)[0])


def _simple_facts_reference(url: str) -> tuple[str, str] | None:
    """What `simple_facts` promises: the general answers, for a well-formed SIMPLE_URL only."""
    if not re.fullmatch(SIMPLE_URL, url) or url_defect_general(url) is not None:
        return None
    key, host = normalise_general(url), _host_of_reference(url)
    assert key is not None and host is not None
    return key, host


_TIDY = st.from_regex(urlnorm.TIDY_URL, fullmatch=True)


@pytest.mark.parametrize("url", TRICKY)
def test_simple_facts_agree_with_the_general_path_on_tricky_urls(url):
    assert urlnorm.simple_facts(url) == _simple_facts_reference(url)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_URLISH, _SIMPLE, _TIDY, st.text(max_size=40)))
def test_simple_facts_agree_with_the_general_path_on_generated_urls(url):
    assert urlnorm.simple_facts(url) == _simple_facts_reference(url)


_TAIL_PIECES = [
    "a",
    "Z",
    "/",
    "-",
    "~",
    ":",
    "%7e",
    "%2f",
    "%",
    "?",
    "#",
    "&",
    "b=2",
    "a=1",
    " ",
    "\t",
    "\u00e9",
    "\x7f",
]
_TAIL = st.one_of(st.lists(st.sampled_from(_TAIL_PIECES), max_size=8).map("".join), st.text(max_size=30))


@settings(max_examples=600, deadline=None)
@given(_TIDY, st.sampled_from(["https://", "http://", "HTTP://"]), _TAIL)
def test_simple_facts_agree_on_any_text_after_a_host_seen_before(tidy, scheme, tail):
    host = urlnorm.TIDY_URL.fullmatch(tidy)["host"]
    assert urlnorm.simple_facts(tidy) == _simple_facts_reference(tidy)  # the host is now known
    for url in (f"{scheme}{host}{tail}", f"{scheme}{host}/{tail}", f"{scheme}{host}#{tail}"):
        assert urlnorm.simple_facts(url) == _simple_facts_reference(url)
