"""URL rules FM401-FM405: a failing case with its position and a passing near-miss for each."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from helpers import ARTICLE, EXAMPLES, NOW, codes, column_of, line_of, lint_paths, lint_text, only

from linter.config.settings import config_from_table
from linter.findings import Region
from linter.rules.base import RunContext
from linter.rules.urls import ArticleFacts, ArticleUrl, DuplicateArticle
from linter.running.engine import build_engine
from linter.running.results import unpack_facts

WEB = '"https://www.coastline.example/news/sea-wall-approved"'
ORIGINAL_LINE = f"originalUrl: {WEB}"
WEB_LINE = f"webUrl: {WEB}"
RELATED_WEB = '"https://bayobserver.example/environment/surge-maps"'
ARTICLE_IMAGE = '"https://cdn.coastline.example/img/sea-wall.jpg"'
RELATED_IMAGE = '"https://bayobserver.example/media/surge-map.png"'
URL_CODES = {"FM401", "FM402", "FM403", "FM404", "FM405"}


def url_codes(findings: list) -> list[str]:
    return [code for code in codes(findings) if code in URL_CODES]


def second_related(web_url: str, domain: str = "bayobserver.example") -> str:
    """ARTICLE with one more related item, inserted after the first one."""
    item = (
        '  - title: "Second related story"\n'
        "    publishedDateTime: 2024-03-29T10:00:00Z\n"
        f"    webUrl: {web_url}\n"
        "    provider:\n"
        "      name: Bay Observer\n"
        f"      domain: {domain}\n"
    )
    return ARTICLE.replace("secured:", item + "secured:")


def assert_at(finding, text: str, needle: str, on_line: str | None = None) -> None:
    """The finding starts at `needle`, looked for on the first line containing `on_line`."""
    line = line_of(text, on_line or needle)
    column = text.split("\n")[line - 1].index(needle) + 1 if on_line else column_of(text, needle)
    assert (finding.line, finding.column) == (line, column)


def test_the_clean_article_has_no_url_findings(tmp_path):
    assert url_codes(lint_text(tmp_path, ARTICLE)) == []


# FM401 url-format


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ("coastline.example/news/sea-wall", "is not an absolute http:// or https:// URL"),
        ("/news/sea-wall", "is not an absolute http:// or https:// URL"),
        ("ftp://coastline.example/news/sea-wall", "is not an absolute http:// or https:// URL"),
        ("https:///news/sea-wall", "has no host"),
        ("https://coastline..example/news", 'has an invalid host "coastline..example"'),
        ("https://coastline.example:99999/news", 'has an invalid port "99999"'),
        ("https://[::1/news", "is not an absolute http:// or https:// URL"),
        ("https://coastline.example/sea wall", "contains a space"),
        ("https://coastline.example/sea-wall\\t", "control character (U+0009)"),
        ("https://coastline.example/sea-wall\\u200b", "control character (U+200B)"),
    ],
)
def test_fm401_flags_a_malformed_web_url_at_its_value(tmp_path, bad, says):
    text = ARTICLE.replace(WEB_LINE, f'webUrl: "{bad}"')
    [finding] = only(lint_text(tmp_path, text), "FM401")
    assert_at(finding, text, f'"{bad}"')
    assert finding.message.startswith("`webUrl` ")
    assert says in finding.message
    assert finding.severity == "error"


def test_fm401_checks_related_image_urls_too(tmp_path):
    text = ARTICLE.replace(RELATED_IMAGE, '"bayobserver.example/media/surge-map.png"')
    [finding] = only(lint_text(tmp_path, text), "FM401")
    assert_at(finding, text, '"bayobserver.example/media')
    assert finding.pointer == "/related/0/images/0/url"
    assert finding.message.startswith("`related[0].images[0].url` ")


@pytest.mark.parametrize(
    "good",
    [
        "https://coastline.example:8443/news/sea-wall",
        "https://[2001:db8::1]/news/sea-wall",
        "https://bücher.coastline.example/news/café",
        "https://coastline.example/news/sea%20wall?page=2#top",
    ],
)
def test_fm401_accepts_ports_ipv6_unicode_and_escapes(tmp_path, good):
    text = ARTICLE.replace(WEB_LINE, f'webUrl: "{good}"')
    assert only(lint_text(tmp_path, text), "FM401") == []


# FM402 insecure-url


def test_fm402_warns_about_an_http_image(tmp_path):
    text = ARTICLE.replace(ARTICLE_IMAGE, ARTICLE_IMAGE.replace("https://", "http://"))
    [finding] = only(lint_text(tmp_path, text), "FM402")
    assert_at(finding, text, '"http://cdn.coastline')
    assert finding.severity == "warning"
    assert finding.message == "`images[0].url` uses http://; use https://"


def test_fm402_ignores_http_inside_an_https_url(tmp_path):
    text = ARTICLE.replace(ARTICLE_IMAGE, '"https://cdn.coastline.example/img?from=http://x.example"')
    assert only(lint_text(tmp_path, text), "FM402") == []


def test_fm402_leaves_a_malformed_http_url_to_fm401(tmp_path):
    text = ARTICLE.replace(ARTICLE_IMAGE, '"http://cdn.coastline.example:99999/img/sea-wall.jpg"')
    assert url_codes(lint_text(tmp_path, text)) == ["FM401"]


def test_fm402_allows_listed_hosts_and_their_subdomains(tmp_path):
    text = ARTICLE.replace(ARTICLE_IMAGE, ARTICLE_IMAGE.replace("https://", "http://"))
    config = {"rules": {"insecure-url": {"allow-http-hosts": ["www.coastline.example", 7]}}}
    assert only(lint_text(tmp_path, text, config=config), "FM402") == []


# FM403 duplicate-url


def test_fm403_http_utm_variant_of_the_article_url_in_a_related_item(tmp_path):
    variant = '"http://coastline.example/news/sea-wall-approved/?utm_source=feed"'
    text = ARTICLE.replace(RELATED_WEB, variant)
    [finding] = only(lint_text(tmp_path, text), "FM403")
    assert_at(finding, text, variant)
    assert finding.message == f"`related[0].webUrl` repeats the URL on line {line_of(text, ORIGINAL_LINE)}"


def test_fm403_urls_that_differ_in_their_fragment_are_two_places(tmp_path):
    text = second_related('"https://bayobserver.example/environment/surge-maps#north"').replace(
        RELATED_WEB, '"https://bayobserver.example/environment/surge-maps#south"', 1
    )
    assert only(lint_text(tmp_path, text), "FM403") == []
    same = text.replace("#north", "#south")
    assert [f.line for f in only(lint_text(tmp_path, same), "FM403")] == [line_of(text, "#north")]


def test_fm403_two_related_items_with_one_url(tmp_path):
    text = second_related(RELATED_WEB.replace("https://", "http://"))
    [finding] = only(lint_text(tmp_path, text), "FM403")
    second = RELATED_WEB.replace("https://", "http://")
    assert_at(finding, text, second)
    assert finding.pointer == "/related/1/webUrl"
    assert f"line {line_of(text, RELATED_WEB)}" in finding.message


def test_fm403_two_images_with_one_url(tmp_path):
    text = ARTICLE.replace(RELATED_IMAGE, ARTICLE_IMAGE)
    [finding] = only(lint_text(tmp_path, text), "FM403")
    assert_at(finding, text, ARTICLE_IMAGE, on_line=f"      - url: {ARTICLE_IMAGE}")
    assert finding.pointer == "/related/0/images/0/url"
    assert f"line {line_of(text, ARTICLE_IMAGE)}" in finding.message


def test_fm403_an_items_own_original_and_web_url_may_be_equal(tmp_path):
    text = ARTICLE.replace(
        f"    webUrl: {RELATED_WEB}", f"    originalUrl: {RELATED_WEB}\n    webUrl: {RELATED_WEB}"
    )
    assert only(lint_text(tmp_path, text), "FM403") == []


@pytest.mark.parametrize(
    "near_miss",
    [
        '"https://www.coastline.example/news/sea-wall-approved?page=2"',
        '"https://www.coastline.example/news/sea-wall-approved-2"',
    ],
)
def test_fm403_other_query_parameters_or_paths_are_other_urls(tmp_path, near_miss):
    text = ARTICLE.replace(RELATED_WEB, near_miss)
    assert only(lint_text(tmp_path, text), "FM403") == []


# FM404 duplicate-article


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_fm404_is_reported_in_both_files_naming_the_other(tmp_path):
    a = write(tmp_path, "a.md", ARTICLE)
    b_text = ARTICLE.replace(WEB, '"http://coastline.example/news/sea-wall-approved/?utm_medium=rss"')
    b = write(tmp_path, "b.md", b_text)
    found = only(lint_paths(tmp_path, [a, b]), "FM404")
    by_path = {f.path: f for f in found}
    assert len(found) == 2 and set(by_path) == {str(a), str(b)}
    web = line_of(ARTICLE, WEB_LINE)
    assert_at(by_path[str(a)], ARTICLE, WEB, on_line=WEB_LINE)
    assert by_path[str(a)].message == f"`webUrl` is the same article as `webUrl` in {b}:{web}"
    assert by_path[str(b)].message == f"`webUrl` is the same article as `webUrl` in {a}:{web}"
    assert by_path[str(b)].pointer == "/webUrl"


def test_fm404_three_files_sharing_a_url_get_one_finding_each(tmp_path):
    paths = [write(tmp_path, f"{name}.md", ARTICLE) for name in "abc"]
    found = only(lint_paths(tmp_path, paths), "FM404")
    assert sorted(f.path for f in found) == sorted(map(str, paths))
    web = line_of(ARTICLE, WEB_LINE)
    first, second = paths[0], paths[1]
    messages = {f.path: f.message for f in found}
    assert messages[str(first)].endswith(f"in {second}:{web} and 1 more file")
    assert messages[str(second)].endswith(f"in {first}:{web} and 1 more file")
    assert messages[str(paths[2])].endswith(f"in {first}:{web} and 1 more file")


def test_fm404_original_url_of_one_file_is_the_web_url_of_another(tmp_path):
    shared = '"https://wire.example/stories/sea-wall"'
    a_text = ARTICLE.replace(ORIGINAL_LINE, f"originalUrl: {shared}")
    b_text = ARTICLE.replace(ORIGINAL_LINE + "\n", "").replace(WEB_LINE, f"webUrl: {shared}")
    b_text = b_text.replace("domain: coastline.example", "domain: wire.example")
    a, b = write(tmp_path, "a.md", a_text), write(tmp_path, "b.md", b_text)
    found = {f.path: f for f in only(lint_paths(tmp_path, [a, b]), "FM404")}
    assert set(found) == {str(a), str(b)}
    assert_at(found[str(a)], a_text, shared)
    assert found[str(a)].pointer == "/originalUrl"
    assert found[str(a)].message.endswith(f"as `webUrl` in {b}:{line_of(b_text, 'webUrl:')}")
    assert_at(found[str(b)], b_text, shared)
    assert found[str(b)].message.endswith(f"as `originalUrl` in {a}:{line_of(a_text, 'originalUrl:')}")


def test_fm404_different_query_parameters_are_different_articles(tmp_path):
    a = write(tmp_path, "a.md", ARTICLE)
    b_text = ARTICLE.replace("sea-wall-approved", "sea-wall-approved?page=2")
    b = write(tmp_path, "b.md", b_text)
    assert only(lint_paths(tmp_path, [a, b]), "FM404") == []


def test_fm404_a_single_file_is_not_a_duplicate_of_itself(tmp_path):
    assert only(lint_text(tmp_path, ARTICLE), "FM404") == []


def test_fm404_facts_are_small_and_picklable(tmp_path):
    path = write(tmp_path, "a.md", ARTICLE)
    engine = build_engine(config_from_table({}, tmp_path / "content-lint.toml"), now=NOW)
    facts = unpack_facts(engine.lint_file(str(path)).facts, engine.corpus_rules)["FM404"]
    assert isinstance(facts, ArticleFacts)
    assert [url.pointer for url in facts.urls] == ["/webUrl"]  # originalUrl is the same URL
    assert pickle.loads(pickle.dumps(facts)) == facts


def test_fm404_judge_is_linear_and_deterministic():
    rule = DuplicateArticle({}, RunContext(now=NOW))
    region = Region(7, 9, 7, 20)
    facts = {
        f"f{n:05}.md": ArticleFacts(f"f{n:05}.md", (ArticleUrl("https://x.example/a", "/webUrl", region),))
        for n in range(5000)
    }
    shuffled = dict(reversed(list(facts.items())))
    problems = list(rule.judge(facts))
    assert problems == list(rule.judge(shuffled))
    assert len(problems) == 5000
    assert problems[0][1].message.endswith("in f00001.md:7 and 4998 more files")


# FM405 provider-domain-mismatch


def test_fm405_flags_a_related_item_credited_to_another_domain(tmp_path):
    text = ARTICLE.replace("      domain: bayobserver.example", "      domain: coastline.example")
    [finding] = only(lint_text(tmp_path, text), "FM405")
    assert_at(finding, text, "coastline.example", on_line="      domain: coastline.example")
    assert finding.pointer == "/related/0/provider/domain"
    assert finding.message == (
        '`related[0].provider.domain` "coastline.example" does not match the host '
        '"bayobserver.example" of `related[0].webUrl`'
    )


def test_fm405_a_suffix_that_is_not_a_parent_domain_is_flagged(tmp_path):
    text = ARTICLE.replace(WEB_LINE, 'webUrl: "https://notcoastline.example/news/sea-wall-approved"')
    [finding] = only(lint_text(tmp_path, text), "FM405")
    assert finding.pointer == "/provider/domain"
    assert_at(finding, text, "coastline.example", on_line="  domain: coastline.example")


@pytest.mark.parametrize(
    "web",
    [
        "https://blog.coastline.example/news/sea-wall-approved",
        "https://coastline.example/news/sea-wall-approved",
        "https://WWW.Coastline.Example/news/sea-wall-approved",
    ],
)
def test_fm405_subdomains_and_www_belong_to_the_provider(tmp_path, web):
    text = ARTICLE.replace(WEB_LINE, f'webUrl: "{web}"')
    assert only(lint_text(tmp_path, text), "FM405") == []


def test_fm405_ignores_a_syndication_original_url(tmp_path):
    text = ARTICLE.replace(ORIGINAL_LINE, 'originalUrl: "https://wire.example/stories/sea-wall"')
    assert only(lint_text(tmp_path, text), "FM405") == []


# wrong types: the schema reports them; URL rules stay quiet


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (WEB_LINE, "webUrl: 5"),
        (ORIGINAL_LINE, "originalUrl: [a, b]"),
        ("related:\n", 'related: "x"\nunused:\n'),
        ("provider:\n  name: Coastline Daily\n  domain: coastline.example\n", "provider: []\n"),
        ("  domain: coastline.example\n", "  domain: 5\n"),
        ("images:\n  - url:", "images:\n  - 5\n  - url: 7\n    alt:"),
        ("related:\n  - title:", "related:\n  - 5\n  - title:"),
    ],
)
def test_wrong_types_do_not_crash(tmp_path, old, new):
    assert old in ARTICLE
    findings = lint_text(tmp_path, ARTICLE.replace(old, new))
    assert url_codes(findings) == []
    assert "FM100" in codes(findings)


def test_wrong_types_across_files_do_not_crash(tmp_path):
    a = write(
        tmp_path, "a.md", ARTICLE.replace(WEB_LINE, "webUrl: 5").replace(ORIGINAL_LINE, "originalUrl: {}")
    )
    b = write(
        tmp_path, "b.md", ARTICLE.replace(WEB_LINE, "webUrl: 5").replace(ORIGINAL_LINE, "originalUrl: {}")
    )
    assert url_codes(lint_paths(tmp_path, [a, b])) == []


# the broken examples


@pytest.mark.parametrize(
    ("code", "pattern"),
    [
        ("FM401", "fm401-*.md"),
        ("FM402", "fm402-*.md"),
        ("FM403", "fm403-*.md"),
        ("FM404", "fm404-*.md"),
        ("FM405", "fm405-*.md"),
    ],
)
def test_each_broken_example_yields_its_code(tmp_path, code, pattern):
    paths = sorted((EXAMPLES / "broken").glob(pattern))
    assert paths, pattern
    findings = lint_paths(tmp_path, paths)
    assert set(url_codes(findings)) == {code}
    assert {f.path for f in findings if f.code == code} == set(map(str, paths))
