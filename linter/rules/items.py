"""Type-safe ways for rules to find things in a document that may have the wrong shape.

Rules never trust types: the schema reports wrong ones; a rule that cannot judge stays quiet.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from linter.config import parse_datetime
from linter.document import Document, join_pointer

T = TypeVar("T")
R = TypeVar("R")


def shared(document: Document, view: Callable[[dict[str, Any]], Iterable[T]]) -> tuple[T, ...]:
    """`tuple(view(document.data))`, built once per document however many rules ask for it.

    Several rules walk the same fields (every URL, every text field); the data of a document
    never changes, so the walk and its pointers are done once, not once per rule.
    """
    found: tuple[T, ...] | None = document.memo.get(view)
    if found is None:
        found = document.memo[view] = tuple(view(document.data))
    return found


def once(document: Document, build: Callable[[Document], R]) -> R:
    """`build(document)`, built once per document: for views that are one value, or that
    build on other shared views (such as `shared(document, articles)`)."""
    memo = document.memo
    if build in memo:
        found: R = memo[build]
        return found
    found = memo[build] = build(document)
    return found


def articles(data: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """The article itself ("") and each related article that is a mapping (/related/N)."""
    found: list[tuple[str, Mapping[str, Any]]] = [("", data)]
    related = data.get("related")
    if isinstance(related, list):
        for index, item in enumerate(related):
            if isinstance(item, dict):  # composed data has no other kind of mapping
                found.append((f"/related/{index}", item))
    return found


def images(document: Document) -> list[tuple[str, int, Mapping[str, Any]]]:
    """Every image mapping, in the article and in related articles, as (base, index, image):
    `once(document, images)`. Its pointer (/images/N, /related/N/images/M) is spelled only for
    a finding, by `image_pointer`."""
    found: list[tuple[str, int, Mapping[str, Any]]] = []
    for base, article in shared(document, articles):
        listed = article.get("images")
        if isinstance(listed, list):
            found += [(base, index, image) for index, image in enumerate(listed) if isinstance(image, dict)]
    return found


def image_pointer(base: str, index: int) -> str:
    return f"{base}/images/{index}"


def text_at(mapping: Mapping[str, Any], key: str) -> str | None:
    value = mapping.get(key)
    return value if isinstance(value, str) else None


def datetime_at(mapping: Mapping[str, Any], key: str) -> datetime | None:
    """The value as an aware datetime, or None when it is not a well-formed RFC 3339 string."""
    text = text_at(mapping, key)
    return None if text is None else aware_datetime(text)


def parse_aware(text: str) -> datetime | None:
    """`text` as an aware datetime, or None when it is not a well-formed RFC 3339 date-time.

    Uncached: the shared date view (`rules.dates.dated`) parses each date of a document
    once, and a cache miss costs nearly as much again as the parse.
    """
    if len(text) < 20 or "T" not in text.upper():
        return None
    try:
        value = parse_datetime(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


#: `parse_aware`, cached for `datetime_at`: rules that look up a date by key may ask twice.
aware_datetime = functools.lru_cache(maxsize=4096)(parse_aware)


def child(pointer: str, key: str | int) -> str:
    return join_pointer(pointer, key)


def text_fields(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every plain-text string with its pointer: title, excerpt, category, type, provider name
    and each topic, in the article and in each related article. Non-strings are skipped."""
    found: list[tuple[str, str]] = []
    add = found.append
    for base, article in articles(data):
        for key in TEXT_KEYS:
            value = article.get(key)
            if isinstance(value, str):
                add((f"{base}/{key}", value))  # plain keys: nothing to escape
        provider = article.get("provider")
        name = provider.get("name") if isinstance(provider, dict) else None
        if isinstance(name, str):
            add((f"{base}/provider/name", name))
        topics = article.get("topics")
        if isinstance(topics, list):
            for index, topic in enumerate(topics):
                if isinstance(topic, str):
                    add((f"{base}/topics/{index}", topic))
    return found


#: The plain-text keys of an article (besides provider.name and topics).
TEXT_KEYS = ("title", "excerpt", "category", "type")
