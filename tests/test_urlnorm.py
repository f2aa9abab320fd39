"""URL normalisation: what makes two URLs the same page, and junk never raising."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.rules import urlnorm
from linter.rules.urlnorm import ascii_host, host_and_port, host_of, normalise, port_number, within_domain

BASE = "https://coastline.example/news/sea-wall"


@pytest.mark.parametrize(
    "variant",
    [
        "http://coastline.example/news/sea-wall",
        "HTTPS://Coastline.EXAMPLE/news/sea-wall",
        "https://www.coastline.example/news/sea-wall",
        "https://coastline.example:443/news/sea-wall",
        "http://coastline.example:80/news/sea-wall",
        "https://coastline.example/news/sea-wall/",
        "https://coastline.example/news/sea-wall#comments",
        "https://coastline.example/news/sea-wall?utm_source=feed&utm_medium=rss",
        "https://coastline.example/news/sea-wall?UTM_Campaign=x",
        "https://coastline.example/news/sea-wall?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2",
        "https://coastline.example/news/sea-wall?igshid=x&ref_src=twsrc",
        "https://coastline.example./news/sea-wall",
        "  https://coastline.example/news/sea-wall  ",
        "https://coastline.example/news/sea%2dwall",
    ],
)
def test_variants_of_one_page_share_a_key(variant):
    assert normalise(variant) == normalise(BASE)


@pytest.mark.parametrize(
    "other",
    [
        "https://coastline.example/news/sea-wall?page=2",
        "https://coastline.example/news/Sea-Wall",
        "https://coastline.example:8443/news/sea-wall",
        "https://news.coastline.example/news/sea-wall",
        "https://coastline.example/news/sea-wall?ref=home",
        "https://editor@coastline.example/news/sea-wall",
    ],
)
def test_different_pages_keep_different_keys(other):
    assert normalise(other) != normalise(BASE)


def test_other_query_parameters_are_kept_and_sorted():
    assert normalise("https://x.example/a?b=2&utm_source=s&a=1") == "https://x.example/a?a=1&b=2"
    assert normalise("https://x.example/a?a=1&b=2") == normalise("https://x.example/a?b=2&a=1")


def test_root_path_and_empty_path_are_one():
    assert normalise("https://x.example") == normalise("https://x.example/") == "https://x.example/"


def test_unicode_host_and_its_punycode_are_one():
    assert normalise("https://bücher.example/a") == normalise("https://xn--bcher-kva.example/a")


def test_ipv6_hosts_are_compressed_and_keep_their_port():
    assert normalise("https://[2001:DB8:0:0::1]:8443/x") == "https://[2001:db8::1]:8443/x"


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   ",
        "coastline.example/news",
        "/news/sea-wall",
        "ftp://coastline.example/a",
        "mailto:desk@coastline.example",
        "https://",
        "https:///path",
        "https://[::1/x",
        "https://[not-an-ip]/x",
        "https://coastline.example:99999/x",
        "https://coastline.example:0/x",
        "https://coastline.example:12ab/x",
        "https://coastline.example:" + "9" * 5000 + "/x",
        "https://a..b/",
        "https://exa mple.example/",
        "https://-bad-.example/",
        "https://" + "a" * 64 + ".example/",
    ],
)
def test_junk_has_no_key(junk):
    assert normalise(junk) is None


def test_a_lone_surrogate_in_the_query_is_stable():
    url = "https://x.example/a?q=\ud800&a=1"
    assert normalise(url) == normalise(url) is not None


@given(st.text(max_size=80))
def test_normalise_never_raises_on_any_text(text):
    result = normalise(text)
    assert result is None or result.startswith("https://")


@given(st.text(alphabet="htps:/[]@%?#&=.:-_wxyz019 \u00fc\ud800", max_size=60))
def test_normalise_never_raises_on_url_like_text(text):
    normalise(text)
    host_of(text)


@given(st.text(max_size=60))
def test_normalise_is_idempotent(text):
    first = normalise(text)
    if first is not None:
        assert normalise(first) == first


def test_host_and_port_split():
    assert host_and_port("user:pw@www.x.example:8080") == ("www.x.example", "8080")
    assert host_and_port("[::1]:443") == ("[::1]", "443")
    assert host_and_port("x.example") == ("x.example", "")


def test_port_number_bounds():
    assert port_number("1") == 1
    assert port_number("65535") == 65535
    assert port_number("65536") is None
    assert port_number("0") is None
    assert port_number("٣") is None  # a digit, but not an ASCII one


def test_ascii_host():
    assert ascii_host("Coastline.Example.") == "coastline.example"
    assert ascii_host("bücher.example") == "xn--bcher-kva.example"
    assert ascii_host("[::1]") == "[::1]"
    assert ascii_host("") is None
    assert ascii_host("bad host") is None


def test_host_of():
    assert host_of("https://WWW.Coastline.example/a") == "www.coastline.example"
    assert host_of("ftp://coastline.example/a") is None
    assert host_of("not a url") is None


@pytest.mark.parametrize(
    ("host", "domain", "expected"),
    [
        ("speechlab.example", "speechlab.example", True),
        ("blog.speechlab.example", "speechlab.example", True),
        ("www.speechlab.example", "speechlab.example", True),
        ("speechlab.example", "www.speechlab.example", True),
        ("notspeechlab.example", "speechlab.example", False),
        ("speechlab.example", "blog.speechlab.example", False),
        ("speechlab.example", "", False),
    ],
)
def test_within_domain(host, domain, expected):
    assert within_domain(host, domain) is expected


def test_www_alone_is_not_stripped_to_a_top_level_domain():
    assert urlnorm.strip_www("www.coastline.example") == "coastline.example"
    assert urlnorm.strip_www("www.example") == "www.example"


def test_tracking_parameter_names():
    assert urlnorm.is_tracking_param("utm_content")
    assert urlnorm.is_tracking_param("FBCLID")
    assert not urlnorm.is_tracking_param("ref")
    assert not urlnorm.is_tracking_param("page")
