"""What the URL rules know of each URL in a document, worked out once and shared by FM401-FM405.

A document's URLs are the strings of the `urls` role, absolute `links` and images given as
absolute URLs (a Docusaurus `image: http://...` is a URL like any other); FM403 also compares
the other values of the `identity` role, normalised as site paths.
"""

from __future__ import annotations

import functools

from linter.reading.document import Document
from linter.records import NamedTuple
from linter.rules import urlnorm
from linter.rules.fields import FieldView, derived
from linter.rules.image_view import images, src_pointer


class UrlFact(NamedTuple):
    """One URL string and what every URL rule asks of it, worked out once per document."""

    pointer: str
    value: str
    well_formed: bool
    key: str | None  # `normalise(value)`
    host: str | None  # `host_of(value)`

    @property
    def owner(self) -> str:
        """The pointer of the mapping the URL is a field of (an item for its `webUrl`, an image
        for its `url`), or the URL's own pointer when it is a list entry: two URLs of one owner
        (an item's `originalUrl` and `webUrl`) may be equal. Only FM403 asks, and only of a
        repeated URL, so it is not worked out for every URL."""
        cut = self.pointer.rfind("/")
        return self.pointer if self.pointer[cut + 1 :].isdigit() else self.pointer[:cut]


#: A UrlFact from one tuple: a NamedTuple's own constructor is a Python function, which costs
#: more than the regex that settles a tidy URL (a news article has a dozen).
_new_fact = functools.partial(tuple.__new__, UrlFact)


def url_facts(view: FieldView) -> list[UrlFact]:
    """Every string the `urls` role binds, every absolute `links` value, then the images given
    as absolute URLs that no `urls` pattern binds (news-article's `images[].url` is one)."""
    found: list[UrlFact] = []
    for spot, value in view.role("urls"):
        if isinstance(value, str):  # `_fact` inlined for its commonest case: a call a URL saved
            simple = urlnorm.simple_facts(value)
            pointer = spot.pointer
            found.append(
                _general_fact(pointer, value)
                if simple is None
                else _new_fact((pointer, value, True, *simple))
            )
    for spot, value in view.role("links"):
        if isinstance(value, str) and urlnorm.is_absolute(value.strip()):
            found.append(_fact(spot.pointer, value))
    found.extend(derived(view, image_url_facts))
    return found


def image_url_facts(view: FieldView) -> list[UrlFact]:
    """The facts of the images given as absolute URLs that the `urls` role does not bind.

    An image's URL is looked at only when no `urls` hit holds it (news-article binds every
    image `url` there): that set test is cheaper than asking whether it is absolute."""
    found: list[UrlFact] = []
    bound: set[str] | None = None
    for image in derived(view, images):
        src = image.src
        if src is None:
            continue
        if bound is None:
            bound = {spot.pointer for spot, _ in view.role("urls")}
        pointer = src_pointer(image)
        if pointer not in bound and urlnorm.is_absolute(src.strip()):
            found.append(_fact(pointer, src))
    return found


def url_facts_by_pointer(view: FieldView) -> dict[str, UrlFact]:
    """`url_facts` by pointer: `derived(view, url_facts_by_pointer)`, for FM403-FM405."""
    return {fact.pointer: fact for fact in derived(view, url_facts)}


def url_pointer(fact: UrlFact) -> str:
    return fact.pointer


def _fact(pointer: str, value: str) -> UrlFact:
    simple = urlnorm.simple_facts(value)  # the common case: one regex match answers it all
    if simple is not None:
        return _new_fact((pointer, value, True, *simple))
    return _general_fact(pointer, value)


def _general_fact(pointer: str, value: str) -> UrlFact:
    return UrlFact(
        pointer,
        value,
        urlnorm.url_defect(value) is None,
        urlnorm.normalise(value),
        urlnorm.host_of(value),
    )


def identity_facts(view: FieldView, document: Document) -> list[UrlFact]:
    """The URL facts plus every other value of the `identity` role (site paths normalised by
    `urlnorm.identity_key`), in file order: what FM403 compares within a file."""
    found: list[UrlFact] = derived(view, url_facts)
    seen = derived(view, url_facts_by_pointer)  # FM404 and FM405 ask for it too
    extra = [
        UrlFact(spot.pointer, value, True, urlnorm.identity_key(value), None)
        for spot, value in view.role("identity")
        if isinstance(value, str) and spot.pointer not in seen
    ]
    if not extra and not derived(view, image_url_facts):
        return found  # no identity value nor image URL joined: as url_facts ordered them
    merged = [*found, *extra]
    return sorted(merged, key=lambda fact: _position(document, fact.pointer))


def _position(document: Document, pointer: str) -> tuple[int, int]:
    region = document.locate(pointer)
    return region.line, region.column
