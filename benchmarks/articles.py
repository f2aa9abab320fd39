"""Seed-like articles made of invented words: the model, a random clean article, and its text.

A clean article draws no finding from any default rule at the fixed reference time, so every
finding in a generated corpus comes from a planted defect (see `defects.py`).
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
REFERENCE_TIME = "2026-11-26T12:00:00Z"
OLDEST = datetime(2019, 1, 1, tzinfo=timezone.utc)
NEWEST = NOW - timedelta(days=2)

_ONSETS = (
    "b",
    "br",
    "c",
    "ch",
    "d",
    "dr",
    "f",
    "fl",
    "g",
    "gr",
    "h",
    "k",
    "kl",
    "l",
    "m",
    "n",
    "p",
    "pl",
    "qu",
    "r",
    "s",
    "sk",
    "st",
    "t",
    "tr",
    "v",
    "w",
    "z",
)
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "ie", "ou", "io")
_CODAS = ("", "", "n", "r", "l", "s", "th", "m", "nd", "rk", "st", "x")
_RESERVED = frozenset({"yes", "off", "true", "false", "null", "nan", "inf", "none"})
_OUTLETS = (
    "Tribune",
    "Herald",
    "Daily",
    "Times",
    "Post",
    "Courier",
    "Gazette",
    "Observer",
    "Journal",
    "Review",
    "Wire",
    "Digest",
    "Ledger",
)
_SECTIONS = (
    "world",
    "science",
    "business",
    "tech",
    "culture",
    "health",
    "sport",
    "local",
    "climate",
    "politics",
)
_NAMES = ("Mara", "Tomas", "Ilse", "Joren", "Priya", "Kofi", "Lena", "Ravi", "Sanne", "Oskar")


@dataclass
class Image:
    url: str
    width: int
    height: int
    cached: bool


@dataclass
class Provider:
    name: str
    domain: str


@dataclass
class Item:
    """The fields an article and a related article share."""

    title: str
    excerpt: str
    published: str
    web_url: str
    provider: Provider
    quality: int
    images: list[Image]
    original_url: str | None = None


@dataclass
class Article(Item):
    category: str = "news"
    heat: int = 0
    visible: bool = True
    topics: list[str] = field(default_factory=list)
    related: list[Item] = field(default_factory=list)
    secured: str = ""


@dataclass(frozen=True)
class Vocabulary:
    """Invented words, topics and providers, all drawn from one seeded generator."""

    words: tuple[str, ...]
    topics: tuple[str, ...]
    providers: tuple[Provider, ...]


def _word(rng: random.Random) -> str:
    syllables = rng.choice((1, 1, 2, 2, 2, 3))
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))


def _unique(rng: random.Random, count: int, make: Callable[[random.Random], str]) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < count:
        text = make(rng)
        if len(text) >= 3 and text.lower() not in _RESERVED:
            seen.setdefault(text, None)
    return list(seen)


def vocabulary(seed: int) -> Vocabulary:
    rng = random.Random(f"vocabulary-{seed}")
    words = _unique(rng, 4000, _word)
    topics = _unique(rng, 240, lambda r: " ".join(_word(r).capitalize() for _ in range(r.choice((1, 1, 2)))))
    stems = _unique(rng, 500, _word)
    providers = tuple(
        Provider(f"{stem.capitalize()} {outlet}", f"{stem}-{outlet.lower()}.example")
        for stem, outlet in ((s, rng.choice(_OUTLETS)) for s in stems)
    )
    return Vocabulary(tuple(words), tuple(topics), providers)


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:00Z")


def _moment(rng: random.Random) -> datetime:
    return OLDEST + timedelta(minutes=rng.randrange(int((NEWEST - OLDEST).total_seconds() // 60)))


def related_moment(rng: random.Random, anchor: datetime) -> datetime:
    """Within a few weeks of the article, never in the future."""
    moment = anchor + timedelta(minutes=rng.randrange(-20 * 1440, 5 * 1440))
    return min(moment, NOW - timedelta(hours=1))


def _sentence(rng: random.Random, words: tuple[str, ...], low: int, high: int) -> str:
    text = " ".join(rng.choices(words, k=rng.randint(low, high)))
    return text[0].upper() + text[1:]


def _image(rng: random.Random, provider: Provider, path: str) -> Image:
    width = rng.randrange(320, 2000, 8)
    height = int(width / rng.uniform(1.0, 2.4))
    return Image(f"https://cdn.{provider.domain}/media/{path}.jpg", width, height, rng.random() < 0.8)


def _slug(title: str) -> str:
    return "-".join(title.lower().split()[:5])


def _related(rng: random.Random, vocab: Vocabulary, anchor: datetime, uid: str) -> Item:
    provider = rng.choice(vocab.providers)
    title = _sentence(rng, vocab.words, 5, 11)
    moment = related_moment(rng, anchor)
    path = f"{moment:%Y%m}/{_slug(title)}-{uid}"
    image = _image(rng, provider, f"{moment:%Y/%m}/{_slug(title)}-{uid}")
    return Item(
        title=title,
        excerpt=_sentence(rng, vocab.words, 12, 30) + ".",
        published=stamp(moment),
        web_url=f"https://{provider.domain}/{path}",
        provider=provider,
        quality=rng.randint(0, 100),
        images=[image],
    )


def random_article(rng: random.Random, vocab: Vocabulary, index: int) -> tuple[Article, datetime]:
    """A clean article and its publication moment (date defects re-derive related dates from it)."""
    provider = rng.choice(vocab.providers)
    title = _sentence(rng, vocab.words, 6, 12)
    moment = _moment(rng)
    slug = f"{_slug(title)}-{index}"
    url = f"https://www.{provider.domain}/{rng.choice(_SECTIONS)}/{slug}/"
    images = [_image(rng, provider, f"{moment:%Y/%m}/{slug}-{n}") for n in range(rng.randint(1, 2))]
    related = [_related(rng, vocab, moment, f"{index}-{n}") for n in range(rng.randint(3, 5))]
    article = Article(
        title=title,
        excerpt=_sentence(rng, vocab.words, 20, 40) + ".",
        published=stamp(moment),
        web_url=url,
        original_url=url,
        provider=provider,
        quality=rng.randint(0, 100),
        images=images,
        heat=rng.randint(-1, 60),
        visible=rng.random() < 0.7,
        topics=rng.sample(vocab.topics, rng.randint(1, 4)),
        related=related,
        secured=secured(rng),
    )
    return article, moment


def secured(rng: random.Random, iv_bytes: int = 16) -> str:
    """Base64 ciphertext of whole 16-byte blocks, `;`, then a base64 IV."""
    ciphertext = base64.b64encode(rng.randbytes(16 * rng.randint(12, 24))).decode("ascii")
    return ciphertext + ";" + base64.b64encode(rng.randbytes(iv_bytes)).decode("ascii")


def author(rng: random.Random) -> str:
    return f"{rng.choice(_NAMES)} {rng.choice(_NAMES)}"


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _plain(text: str) -> str:
    """Plain scalars where the seed writes them plainly; quotes where YAML would need them."""
    return text if text and text.strip() == text and text[0].isalpha() else quoted(text)


def _images(images: list[Image], indent: str) -> list[str]:
    lines = [f"{indent}images:"]
    for image in images:
        lines += [
            f"{indent}  - url: {quoted(image.url)}",
            f"{indent}    width: {image.width}",
            f"{indent}    height: {image.height}",
            f"{indent}    isCached: {'true' if image.cached else 'false'}",
        ]
    return lines


def _related_lines(item: Item) -> list[str]:
    return [
        f"  - title: {quoted(item.title)}",
        f"    excerpt: {quoted(item.excerpt)}",
        f"    publishedDateTime: {item.published}",
        f"    webUrl: {quoted(item.web_url)}",
        "    type: article",
        "    provider:",
        f"      name: {_plain(item.provider.name)}",
        f"      domain: {item.provider.domain}",
        f"    quality: {item.quality}",
        *_images(item.images, "    "),
    ]


def front_matter(article: Article) -> list[str]:
    """The lines of the front-matter block, without its fences, laid out like the seed."""
    lines = [f"category: {_plain(article.category)}", f"title: {quoted(article.title)}"]
    lines.append(f"excerpt: {quoted(article.excerpt)}")
    lines.append(f"publishedDateTime: {article.published}")
    if article.original_url is not None:
        lines.append(f"originalUrl: {quoted(article.original_url)}")
    lines.append(f"webUrl: {quoted(article.web_url)}")
    lines += ["type: article", f"quality: {article.quality}", f"heat: {article.heat}"]
    lines += [f"published: {'true' if article.visible else 'false'}", ""]
    lines += [
        "provider:",
        f"  name: {_plain(article.provider.name)}",
        f"  domain: {article.provider.domain}",
        "",
    ]
    lines += ["topics:", *(f"  - {_plain(topic)}" for topic in article.topics), ""]
    lines += [*_images(article.images, ""), ""]
    if article.related:
        lines.append("related:")
        for item in article.related:
            lines += _related_lines(item)
        lines.append("")
    lines.append(f"secured: {quoted(article.secured)}")
    return lines
