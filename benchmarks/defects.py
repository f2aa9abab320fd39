"""The planted defects: one or more per rule family, each with the findings it must produce.

A defect edits a clean article (see `articles.py`) so that exactly the listed codes fire in
that file. `duplicate-article` also needs a partner: an earlier clean file whose URL it
reuses, which then gets its own FM404.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from articles import NOW, Article, Provider, Vocabulary, author, related_moment, secured, stamp


@dataclass
class Layout:
    """Edits below the data model: extra raw lines, a broken quote, a missing closing fence."""

    after_title: list[str] = field(default_factory=list)
    at_end: list[str] = field(default_factory=list)
    open_title_quote: bool = False
    closed: bool = True


@dataclass(frozen=True)
class Partner:
    """What a duplicate needs of the earlier clean file it copies."""

    path: str
    web_url: str
    provider: Provider


@dataclass
class Case:
    article: Article
    moment: datetime
    rng: random.Random
    vocab: Vocabulary
    layout: Layout
    partner: Partner | None = None


@dataclass(frozen=True)
class Defect:
    kind: str
    codes: tuple[str, ...]
    plant: Callable[[Case], None]
    partner_codes: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        return self.kind.split("-", 1)[0]


def _quality(case: Case) -> None:
    case.article.quality = 150


def _unknown_key(case: Case) -> None:
    case.layout.after_title.append(f'autor: "{author(case.rng)}"')


def _unterminated(case: Case) -> None:
    case.layout.closed = False


def _yaml_syntax(case: Case) -> None:
    case.layout.open_title_quote = True


def _duplicate_key(case: Case) -> None:
    case.layout.at_end.append(f'title: "{case.article.title.split()[0]} again"')


def _redate_related(case: Case, anchor: datetime) -> None:
    for item in case.article.related:
        item.published = stamp(related_moment(case.rng, anchor))


def _future(case: Case) -> None:
    moment = NOW + timedelta(days=case.rng.randint(20, 200))
    case.article.published = stamp(moment)
    _redate_related(case, moment)  # clamped to the past, so they stay within a year


def _implausible(case: Case) -> None:
    case.article.published = "1970-01-01T00:00:00Z"
    case.article.related = []  # related dates would be a year or more away: FM202 too


def _related_far(case: Case) -> None:
    far = case.moment - timedelta(days=case.rng.randint(800, 1500))
    case.article.related[0].published = stamp(far)


def _tiny(case: Case) -> None:
    image = case.article.images[0]
    image.width, image.height = 80, 60


def _aspect(case: Case) -> None:
    image = case.article.images[0]
    image.width, image.height = 2400, 120


def _http(case: Case) -> None:
    image = case.article.images[0]
    image.url = image.url.replace("https://", "http://", 1)


def _bad_url(case: Case) -> None:
    image = case.article.images[0]
    image.url = image.url.replace(".example/", ".example:80800/", 1)


def _duplicate_url(case: Case) -> None:
    case.article.related[-1].images[0].url = case.article.images[0].url


def _duplicate_article(case: Case) -> None:
    assert case.partner is not None
    url = case.partner.web_url.replace("https://www.", "https://", 1) + "?utm_source=feed"
    case.article.web_url = case.article.original_url = url
    case.article.provider = case.partner.provider


def _provider_mismatch(case: Case) -> None:
    item = case.article.related[0]
    others = [p for p in case.vocab.providers[:8] if p.domain != item.provider.domain]
    item.provider = Provider(item.provider.name, others[0].domain)


def _blank(case: Case) -> None:
    case.article.category = "  "


def _double_space(case: Case) -> None:
    words = case.article.title.split(" ")
    case.article.title = " ".join(words[:2]) + "  " + " ".join(words[2:])


def _markup(case: Case) -> None:
    case.article.excerpt = f"<p>{case.article.excerpt}</p>"


def _duplicate_topic(case: Case) -> None:
    case.article.topics.append(case.article.topics[0].lower())


def _mojibake(case: Case) -> None:
    first, rest = case.article.title.split(" ", 1)
    case.article.title = f"{first}\u00e2\u20ac\u2122s {rest}"  # UTF-8 of U+2019 read as cp1252


def _bad_iv(case: Case) -> None:
    case.article.secured = secured(case.rng, iv_bytes=12)


DEFECTS: tuple[Defect, ...] = (
    Defect("schema-quality-out-of-range", ("FM100",), _quality),
    Defect("schema-unknown-key", ("FM100",), _unknown_key),
    Defect("reader-unterminated", ("FM002",), _unterminated),
    Defect("reader-yaml-syntax", ("FM003",), _yaml_syntax),
    Defect("reader-duplicate-key", ("FM004",), _duplicate_key),
    Defect("dates-future", ("FM201",), _future),
    Defect("dates-implausible", ("FM203",), _implausible),
    Defect("dates-related-far", ("FM202",), _related_far),
    Defect("images-tiny", ("FM301",), _tiny),
    Defect("images-aspect", ("FM302",), _aspect),
    Defect("urls-http", ("FM402",), _http),
    Defect("urls-bad-url", ("FM401",), _bad_url),
    Defect("urls-duplicate-in-file", ("FM403",), _duplicate_url),
    Defect("urls-duplicate-article", ("FM404",), _duplicate_article, partner_codes=("FM404",)),
    Defect("urls-provider-mismatch", ("FM405",), _provider_mismatch),
    Defect("text-blank", ("FM501",), _blank),
    Defect("text-double-space", ("FM502",), _double_space),
    Defect("text-markup", ("FM505",), _markup),
    Defect("text-duplicate-topic", ("FM506",), _duplicate_topic),
    Defect("text-mojibake", ("FM508",), _mojibake),
    # The schema's `secured` pattern wants a 16-byte IV too, so FM100 fires with FM601.
    Defect("secured-bad-iv", ("FM100", "FM601"), _bad_iv),
)
