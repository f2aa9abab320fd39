"""URL rules: well-formed, secure, not repeated in a file or across files, matching the provider.

The URL fields are the `urls` role (news-article: `originalUrl`, `webUrl` and every image
`url`, in the article and in each related item); site paths are the `links` role; values
that must be unique are the `identity` role. Comparisons use `linter.rules.urlnorm`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from typing import Any

from linter.findings import Problem, Region
from linter.fixes import Rewrite
from linter.reading import pointers
from linter.reading.document import Document
from linter.records import NamedTuple
from linter.rules import urlnorm
from linter.rules.base import CorpusRule, Option, Rule, RunContext, Violation, settings_record
from linter.rules.fields import Hit, derived
from linter.rules.identity import (
    IMPLIED,
    identity_key,
    identity_key_at,
    identity_scope,
    implied_identity,
    page_urls,
)
from linter.rules.url_facts import UrlFact, identity_facts, url_facts, url_facts_by_pointer, url_pointer


class UrlFormat(Rule):
    """A URL field is not an absolute `http://` or `https://` URL with a valid host, or it
    contains spaces or control characters.

    Why: a relative, scheme-less or broken URL makes a dead link on the site, and a space or
    an invisible control character usually means a copy-and-paste accident. Applies to the
    `urls` role (news-article: `originalUrl`, `webUrl` and image `url`, in the article and in
    related items) and to each image of the `images` role given as an absolute URL (Docusaurus
    `image`, Hugo `images`). Values of the `links` role (site paths such as `/docs/x/`) may be
    relative; they are reported only for spaces, control characters or backslashes, and are
    checked as URLs when they have a scheme.

    Bad::

        webUrl: "coastline.example/news/sea wall"

    Good::

        webUrl: "https://coastline.example/news/sea-wall"
    """

    code = "FM401"
    name = "url-format"
    summary = "A URL is not an absolute http(s) URL with a host, or contains spaces or control characters."

    def check(self, document: Document) -> Iterable[Violation]:
        view = self.fields(document)
        for fact in derived(view, url_facts):
            defect = None if fact.well_formed else urlnorm.url_defect(fact.value)
            if defect is not None:
                pointer = url_pointer(fact)
                yield Violation(pointer, f"`{pointers.label(pointer)}` {defect}")
        for spot, value in view.role("links"):
            pointer = spot.pointer
            if isinstance(value, str) and not urlnorm.is_absolute(value.strip()):
                defect = urlnorm.link_defect(value)
                if defect is not None:
                    yield Violation(pointer, f"`{pointers.label(pointer)}` {defect}")


class InsecureUrlSettings(NamedTuple):
    #: As written: the option's check lets any list through; only strings count.
    allow_http_hosts: list[Any]


class InsecureUrl(Rule):
    """A value of the `urls` role (news-article: `originalUrl`, `webUrl`, `images[].url`), or
    an image of the `images` role given as a URL (Docusaurus `image: http://...`), uses
    `http://` where `https://` is expected.

    Why: browsers warn about or block plain-http links and images (mixed content), and the
    connection can be read or changed on the way. Nearly every publisher serves https today.

    Option `allow-http-hosts` lists hosts that really have no https; their subdomains are
    allowed too, and a leading `www.` is ignored.

    Bad::

        images:
          - url: "http://cdn.coastline.example/img/sea-wall.jpg"

    Good::

        images:
          - url: "https://cdn.coastline.example/img/sea-wall.jpg"
    """

    code = "FM402"
    fix_availability = "sometimes"
    fix_safety = ("unsafe",)
    name = "insecure-url"
    default_severity = "warning"
    summary = "A URL uses `http://` where `https://` is expected."
    options = (
        Option("allow-http-hosts", list, [], "hosts (and their subdomains) whose URLs may stay http://"),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        given = settings_record(InsecureUrlSettings, self.settings).allow_http_hosts
        hosts = (urlnorm.ascii_host(h) for h in given if isinstance(h, str))
        self.allowed = tuple(h for h in hosts if h is not None)

    def check(self, document: Document) -> Iterable[Violation]:
        for fact in derived(self.fields(document), url_facts):
            # `value.lower().startswith("http://")`, lowering only the first seven characters:
            # only U+0130 lowers to more than one character, and never to one of "http://".
            if not fact.well_formed or fact.value[:7].lower() != "http://":
                continue  # a malformed URL is FM401's to report
            host = fact.host
            if host is None or any(urlnorm.within_domain(host, a) for a in self.allowed):
                continue
            pointer = url_pointer(fact)
            yield Violation(
                pointer,
                f"`{pointers.label(pointer)}` uses http://; use https://",
                fix=_https(document, pointer),
            )


def _https(document: Document, pointer: str) -> Rewrite | None:
    """The URL with `https://`: unsafe, since the host may not serve it."""
    written = document.resolve(pointer)
    if not isinstance(written, str) or written[:7].lower() != "http://":
        return None  # e.g. a URL with surrounding space: FM402 speaks of the value as read
    return Rewrite(pointer, "https://" + written[7:], "unsafe", title="Use `https://`")


class DuplicateUrl(Rule):
    """The same value of the `urls` or `identity` role appears twice in one file: the
    article and a related item, two related items, two images (news-article), two `aliases`
    (Hugo).

    URLs are compared after normalising: http and https, host case, `www.`, default ports,
    a trailing slash and tracking parameters such as `utm_source` do not make URLs
    different; other query parameters and the `#fragment` do (`/guides/#install` and
    `/guides/#usage` are two places of a page). An item's own `originalUrl` and `webUrl` may
    be equal. The finding points at the second URL and names the line of the first.

    Why: a related item that is the article itself, or listed twice, is an editing mistake
    that readers see as a repeated link.

    Bad::

        webUrl: "https://coastline.example/news/sea-wall"
        related:
          - webUrl: "https://coastline.example/news/sea-wall?utm_source=feed"

    Good::

        webUrl: "https://coastline.example/news/sea-wall"
        related:
          - webUrl: "https://bayobserver.example/environment/surge-maps"
    """

    code = "FM403"
    name = "duplicate-url"
    summary = "The same URL or identity value appears twice within a file."

    def check(self, document: Document) -> Iterable[Violation]:
        first: dict[str, UrlFact] = {}
        urls = derived(self.fields(document), url_facts_by_pointer)
        for fact in identity_facts(self.fields(document), document):
            # A site path names what FM404 takes it for (a `slug` within the page's section).
            base = (
                fact.key
                if fact.pointer in urls
                else identity_key_at(self.context, document, fact.pointer, fact.value)
            )
            if base is None:
                continue
            key = f"{base}#{urlnorm.fragment(fact.value)}" if "#" in fact.value else f"{base}#"
            earlier = first.setdefault(key, fact)
            if earlier is not fact and earlier.owner != fact.owner:  # a repeat, of another owner
                pointer = url_pointer(fact)
                line = document.locate(url_pointer(earlier)).line
                yield Violation(pointer, f"`{pointers.label(pointer)}` repeats the URL on line {line}")


class ArticleUrl(NamedTuple):
    key: str
    pointer: str
    region: Region
    #: The URL a page's path gives it, as Jekyll builds it (`pointer` "": no key holds it).
    shown: str = ""


class ArticleFacts(NamedTuple):
    """What FM404 keeps of one file: its display path and its distinct normalised article URLs."""

    display: str
    urls: tuple[ArticleUrl, ...]


#: An ArticleUrl from one tuple, without the NamedTuple constructor's Python call (every
#: news file has one), and the order of a file's own identity values.
_new_url = functools.partial(tuple.__new__, ArticleUrl)


def _binding(hit: Hit) -> int:
    spot, _ = hit
    return spot.binding


class DuplicateArticleSettings(NamedTuple):
    site_pages: bool


class DuplicateArticle(CorpusRule):
    """Two files in one run are the same page: a value of their `identity` role matches
    after normalising (news-article: `originalUrl` or `webUrl`, and an `originalUrl` in one
    file matching the `webUrl` of another counts too; Hugo: `url` and `aliases`; Jekyll:
    `permalink` and `redirect_from`). URLs are compared as in `duplicate-url`; site paths
    ignoring case, a leading or trailing slash and `index.html`. Paths with placeholders
    (`/:year/:title/`) are not compared. Where `relative-identity` matches a file's path
    (Docusaurus docs), a site path without a leading `/` names a page in the file's folder. Values are compared within one content type, and
    within the `identity-scope` (e.g. one locale) when one is configured. With `page-urls =
    "jekyll-posts"` (the Jekyll preset), a post's URL from its file name and the site's
    `permalink` style counts too, reported at the post's opening `---`.

    Each file gets a finding that names another file and line; with more than two, the
    message says how many more. The option `site-pages` (default false; every preset but
    news-article sets it) words it as a site's pages: "both pages publish /guides/start",
    not "is the same article as". Only files checked in the same run are compared, so run over
    the whole content folder (a pre-commit hook that passes changed files only sees those).

    Why: the same story imported twice shows up twice in every feed.

    Bad::

        # news/sea-wall.md
        webUrl: "https://coastline.example/news/sea-wall"
        # news/sea-wall-copy.md
        webUrl: "http://www.coastline.example/news/sea-wall/"

    Good::

        # news/sea-wall.md
        webUrl: "https://coastline.example/news/sea-wall"
        # news/surge-maps.md
        webUrl: "https://coastline.example/news/surge-maps"
    """

    code = "FM404"
    name = "duplicate-article"
    summary = "Two files have the same article URL or identity value."
    options = (
        Option("site-pages", bool, False, "say which path two pages both publish, not 'same article'"),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        self.given = settings_record(DuplicateArticleSettings, self.settings)

    def collect(self, document: Document) -> ArticleFacts | None:
        view = self.fields(document)
        # The document's own identity values, in the order the role lists its bindings
        # (news-article: webUrl first, the one readers see); not those of related items.
        own = [(spot, value) for spot, value in view.role("identity") if spot.record == 0]
        if len(own) > 1:
            own.sort(key=_binding)
        by_path = page_urls(self.context, document, view.files_read)
        implied = implied_identity(self.context, document)
        if not own and not by_path and implied is None:
            return None
        scope = identity_scope(self.context, document)
        urls: dict[str, ArticleUrl] = {}
        if implied is not None:  # its own kind of name: apart from the URL keys
            value, pointer, written = implied
            name = f"{scope}\t{IMPLIED}{value}"
            where = document.locate(pointer) if written else Region(1, 1, 1, 4)  # else: the fence
            urls[name] = ArticleUrl(name, pointer if written else "", where)
        known = derived(view, url_facts_by_pointer)  # URL fields: URL keys only
        for spot, value in own:
            pointer = spot.pointer
            if pointer in known:
                normal = known[pointer].key
            else:
                normal = (
                    identity_key_at(self.context, document, pointer, value)
                    if isinstance(value, str)
                    else None
                )
            key = normal if normal is None or not scope else f"{scope}\t{normal}"
            if key is not None and key not in urls:
                urls[key] = _new_url((key, pointer, document.locate(pointer), ""))
        for url, at in by_path:  # no pointer: at the opening fence, the page as a whole
            normal = identity_key(url, None)
            key = normal if normal is None or not scope else f"{scope}\t{normal}"
            if key is not None and key not in urls:
                urls[key] = ArticleUrl(key, at, document.locate(at) if at else Region(1, 1, 1, 4), url)
        display = document.path.replace(os.sep, "/")
        return ArticleFacts(display, tuple(urls.values())) if urls else None

    def judge(self, facts: Mapping[str, Any]) -> Iterable[tuple[str, Problem]]:
        paths = sorted(p for p, f in facts.items() if isinstance(f, ArticleFacts))
        index: dict[str, list[tuple[str, ArticleUrl]]] = {}
        for path in paths:
            for url in facts[path].urls:
                index.setdefault(url.key, []).append((path, url))
        for path in paths:
            named: set[str] = set()
            for url in facts[path].urls:
                group = index[url.key]
                if len(group) < 2:
                    continue
                other_path, other = group[1] if group[0][0] == path else group[0]
                if other_path in named:
                    continue
                named.add(other_path)
                where = other_path.replace(os.sep, "/")
                more = len(group) - 2
                message = _doc_id(url, other, where, more) or (
                    _both_publish(url, other, where, more)
                    if self.given.site_pages
                    else self._message(url, other, where, more)
                )
                yield path, Problem(self.code, message, url.region, url.pointer)

    def keys(self, facts: Any) -> Iterable[str]:
        return [u.key for u in facts.urls]

    def encode_facts(self, facts: Any) -> Any:
        return [[u.key, u.pointer, list(u.region), u.shown] for u in facts.urls]

    def decode_facts(self, data: Any) -> Any:
        urls = tuple(ArticleUrl(key, pointer, Region(*region), shown) for key, pointer, region, shown in data)
        return ArticleFacts("", urls)

    @staticmethod
    def _message(url: ArticleUrl, other: ArticleUrl, where: str, more: int) -> str:
        """The news wording: the two fields that hold one article's URL."""
        text = (
            f"`{pointers.label(url.pointer)}` is the same article as "
            f"`{pointers.label(other.pointer)}` in {where}:{other.region.line}"
        )
        return text + (f" and {more} more file{'s' if more > 1 else ''}" if more else "")


def _doc_id(url: ArticleUrl, other: ArticleUrl, where: str, more: int) -> str | None:
    """FM404 for a name a file may imply (Docusaurus: the doc id), None for any other key."""
    scope, _, name = url.key.rpartition("\t")
    if not name.startswith(IMPLIED):
        return None
    space = scope.rpartition("\t")[2] or "the site"
    how = "" if url.pointer else " (from the file name)"
    text = (
        f"doc id `{name[len(IMPLIED) :]}`{how} is used twice in {space}: also by {where}:{other.region.line}"
    )
    return text + (f", and {more} more file{'s' if more > 1 else ''}" if more else "")


def _both_publish(url: ArticleUrl, other: ArticleUrl, where: str, more: int) -> str:
    """FM404 in a site's words: the path (or URL) both pages publish, and where each says so
    (a post's URL derived from its file name has no field: the post says it by its name)."""
    published = url.shown or other.shown or url.key.rpartition("\t")[2]  # without the scope
    this = f"`{pointers.label(url.pointer)}` here" if url.pointer else "this post (by its file name)"
    that = (
        f"`{pointers.label(other.pointer)}` in {where}:{other.region.line}"
        if other.pointer
        else f"the post {where} (by its file name)"
    )
    text = f"both pages publish {published}: {this}, {that}"
    return text + (f", and {more} more file{'s' if more > 1 else ''}" if more else "")


class ProviderDomainMismatch(Rule):
    """The `provider` role's domain is not the host of its URL, nor a parent domain of it
    (news-article: `provider.domain` against the item's `webUrl`).

    A leading `www.` is ignored on both sides, so `blog.speechlab.example` and
    `www.speechlab.example` both belong to `speechlab.example`. The check uses `webUrl` only,
    for the article and for each related item: `originalUrl` is where the article was first
    found and may legitimately be a syndication or aggregator host.

    Why: a wrong domain credits the story to the wrong publisher and breaks per-provider
    feeds; it is usually a related item copied with the wrong provider block.

    Bad::

        webUrl: "https://news.bayobserver.example/2024/surge-maps"
        provider:
          name: Coastline Daily
          domain: coastline.example

    Good::

        webUrl: "https://news.bayobserver.example/2024/surge-maps"
        provider:
          name: Bay Observer
          domain: bayobserver.example
    """

    code = "FM405"
    name = "provider-domain-mismatch"
    summary = "The provider domain is not the host (or a parent domain) of its URL (e.g. `webUrl`)."

    def check(self, document: Document) -> Iterable[Violation]:
        view = self.fields(document)
        domains = _first_by_record(view.role("provider_domain"))
        if not domains:
            return
        urls = _first_by_record(view.role("provider_url"))
        facts = derived(view, url_facts_by_pointer)
        for record, (pointer, domain) in domains.items():
            url = urls.get(record)
            if url is None or not isinstance(domain, str) or not isinstance(url[1], str):
                continue
            fact = facts.get(url[0])
            host = fact.host if fact is not None else urlnorm.host_of(url[1])
            if host is None or surely_within(host, domain):
                continue
            wanted = urlnorm.ascii_host(domain)
            if wanted is None or urlnorm.within_domain(host, wanted):
                continue
            yield Violation(
                pointer,
                f'`{pointers.label(pointer)}` "{domain}" does not match the host "{host}" of `{pointers.label(url[0])}`',
            )


def _first_by_record(hits: list[Hit]) -> dict[int, tuple[str, Any]]:
    found: dict[int, tuple[str, Any]] = {}
    for spot, value in hits:
        found.setdefault(spot.record, (spot.pointer, value))
    return found


def surely_within(host: str, domain: str) -> bool:
    """True only when `within_domain(host, ascii_host(domain))` is: the usual match, cheaply.

    `host` comes from `ascii_host`, so a `domain` equal to it or to its tail after a dot is
    made of whole, valid, lower-case labels that `ascii_host` keeps as they are.
    """
    return not host.startswith("[") and (host == domain or host.endswith("." + domain))


URLS_RULES: tuple[type[Rule], ...] = (
    UrlFormat,
    InsecureUrl,
    DuplicateUrl,
    DuplicateArticle,
    ProviderDomainMismatch,
)
