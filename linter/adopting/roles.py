"""Role bindings proposed from field names and values, for `content-lint init`.

A site's own front matter (or a CMS's field list) rarely says which field is the published
date or an identity key, but names and values do: `date` holding dates, `aliases` holding site
paths, `cover` naming an image file. The proposals are written in the `[roles]` format of
`linter.config.roles`, so `content-lint.toml` holds what the team would have written by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from linter.adopting.infer import values_by_pattern
from linter.config.roles import ROLE_NAMES
from linter.reading.dates import parse_moment
from linter.rules.urlnorm import link_defect, url_defect

PUBLISHED_NAMES = frozenset(
    {"date", "pubdate", "publishdate", "published", "publisheddate", "published_at", "publisheddatetime"}
)
MODIFIED_NAMES = frozenset(
    {"lastmod", "updated", "modified", "last_modified_at", "lastupdated", "updateddate", "updated_at"}
)
IDENTITY_NAMES = frozenset(
    {"slug", "permalink", "url", "aliases", "redirect_from", "canonical", "canonicalurl"}
)
TITLE_NAMES = frozenset({"title", "linktitle", "sidebar_label", "subtitle"})
DESCRIPTION_NAMES = frozenset({"description", "summary", "excerpt"})
TAG_NAMES = frozenset({"tags", "categories", "keywords", "topics"})
IMAGE_NAMES = frozenset(
    {"image", "images", "cover", "thumbnail", "hero", "banner", "featured_image", "og_image", "featureimage"}
)
IMAGE_SOURCE_KEYS = ("src", "url", "path", "file")
#: Endings of a key named for an image (`heroImage`, `og_image`, `coverImg`, `post_thumbnail`).
IMAGE_NAME_ENDINGS = ("image", "img", "thumbnail", "cover", "banner", "poster")
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
#: An identity key's values must be this distinct: a value most files share (an author's
#: URL, the site's canonical host) names no page, and would make every page a duplicate.
DISTINCT_IDENTITY = 0.9


@dataclass
class RoleProposal:
    """Bindings found so far, role -> bindings (patterns, pairs or image tables), each once."""

    roles: dict[str, list[Any]] = field(default_factory=dict)
    #: Folders where site paths such as `/uploads/a.png` live (a CMS's media folder).
    image_folders: list[str] = field(default_factory=list)

    def bind(self, role: str, binding: Any) -> None:
        found = self.roles.setdefault(role, [])
        if binding not in found:
            found.append(binding)

    def table(self) -> dict[str, list[Any]]:
        """The `[roles]` table, roles in a fixed order, then where images live."""
        table: dict[str, Any] = {role: self.roles[role] for role in ROLE_NAMES if self.roles.get(role)}
        if self.image_folders:
            table["image-folders"] = list(self.image_folders)
        return table


def self_contained(roles: Mapping[str, Any]) -> dict[str, Any]:
    """`roles` with every role the default preset (news-article) binds, and it does not,
    written empty: a type without a preset starts from that preset's roles, which would
    otherwise bind its news fields (`secured`, `related/*`, ...) in this format too."""
    from linter.config.presets import NEWS_ARTICLE

    table: dict[str, Any] = {}
    for role in (*ROLE_NAMES, *NEWS_ARTICLE.roles):
        if role in roles:
            table[role] = roles[role]
        elif role in NEWS_ARTICLE.roles:
            table[role] = _EMPTY.get(role, [])
    table.update((key, value) for key, value in roles.items() if key not in table)  # e.g. image-folders
    return table


_EMPTY: dict[str, Any] = {"provider": {"domain": [], "url": []}, "date-forms": "any"}


def bind_by_name(proposal: RoleProposal, where: str, name: str, kind: str, page: bool = True) -> None:
    """Roles a field's name tells, given what it holds: `kind` is "date", "text", "list"
    (of strings, bound at `where`, its items at `where/*`), "image" or "other". Without
    `page` (a field nested in a table or list of the front matter, such as a navigation
    entry's `title` or a listed host's `url`), the page's own roles (title, description,
    identity) are not bound: the field is another record's."""
    lowered = name.lower()
    if kind == "date":
        proposal.bind("dates", where)
    if kind == "text" and page:
        for names, role in ((TITLE_NAMES, "title"), (DESCRIPTION_NAMES, "description")):
            if lowered in names:
                proposal.bind(role, where)
    if lowered in IDENTITY_NAMES and kind in ("text", "list") and page:
        proposal.bind("identity", where if kind == "text" else f"{where}/*")
    if lowered in TAG_NAMES and kind == "list":
        proposal.bind("tags", where)
        proposal.bind("texts", f"{where}/*")
    if kind == "image":
        proposal.bind("images", where)


def bind_dates(proposal: RoleProposal, published: Sequence[str], modified: Sequence[str]) -> None:
    """The first published date, each modified date after it (FM204), neither in the future."""
    for first in published[:1]:
        proposal.bind("published", first)
        proposal.bind("future", first)
        for later in modified:
            proposal.bind("date-order", [first, later])
    for later in modified:
        proposal.bind("future", later)


def dates_by_name(patterns: Sequence[str]) -> tuple[list[str], list[str]]:
    """The published and the modified dates among date `patterns`, told by their names."""
    names = [(pattern, pattern.rsplit("/", 1)[-1].lower()) for pattern in patterns]
    published = [pattern for pattern, name in names if name in PUBLISHED_NAMES]
    modified = [pattern for pattern, name in names if name in MODIFIED_NAMES]
    return published, modified


def propose_roles(documents: Sequence[Mapping[str, Any]]) -> tuple[dict[str, list[Any]], list[str]]:
    """The `[roles]` table that names and values of `documents` support, and why."""
    proposal = RoleProposal()
    dates: list[str] = []
    kinds: dict[str, str] = {}
    for pattern, values in sorted(values_by_pattern(documents).items()):
        if "*" in pattern.replace("/*", ""):
            continue  # a key holding `*` cannot be named by a pattern
        kinds[pattern] = kind = _kind(pattern, values)
        parent, _, name = pattern.rpartition("/")
        if kind == "date":
            dates.append(pattern)
        if name == "*":
            _bind_items(proposal, parent, values)
        elif parent.rpartition("/")[2].lower() in IMAGE_NAMES and name in IMAGE_SOURCE_KEYS:
            proposal.bind("images", {"at": parent, "src": name})
        else:
            _bind_field(proposal, pattern, name, kind)
    bind_dates(proposal, *dates_by_name(dates))
    return proposal.table(), _notes(proposal, kinds)


def _bind_field(proposal: RoleProposal, pattern: str, name: str, kind: str) -> None:
    if kind == "url":
        proposal.bind("urls", pattern)
    if kind == "link":
        proposal.bind("links", pattern)
    page = pattern.count("/") == 1  # a top-level key of the front matter
    bind_by_name(proposal, pattern, name, "text" if kind in ("url", "link") else kind, page)


def _bind_items(proposal: RoleProposal, parent: str, values: list[Any]) -> None:
    """A list of strings: tags, identity keys (`aliases`) or images, by the list's name."""
    name = parent.rpartition("/")[2]
    if not values or not all(isinstance(v, str) for v in values):
        return
    if name.lower() in IMAGE_NAMES:
        proposal.bind("images", f"{parent}/*")
        return
    bind_by_name(proposal, parent, name, "list", parent.count("/") == 1)
    if name.lower() in IDENTITY_NAMES and all(_is_link(v) for v in values):
        proposal.bind("links", f"{parent}/*")


def _kind(pattern: str, values: list[Any]) -> str:
    """What every value at `pattern` is: "date", "image", "url", "link", "text", "shared" (a
    text most files repeat: never an identity) or "other". A value is a URL or a link only if
    the URL rules accept it, so no binding adds findings to the files it was proposed from."""
    if not values or not all(isinstance(v, str) for v in values):
        return "other"
    name = pattern.rsplit("/", 1)[-1].lower()
    if all(parse_moment(v) is not None for v in values):
        return "date"
    if _image_name(name) or all(_image_path(v) for v in values):
        return "image"
    if name in IDENTITY_NAMES and len(set(values)) < DISTINCT_IDENTITY * len(values):
        return "shared"
    if all(url_defect(v) is None for v in values):
        return "url"
    if name in IDENTITY_NAMES and all(_is_link(v) for v in values):
        return "link"
    return "text"


def _image_name(name: str) -> bool:
    return name in IMAGE_NAMES or name.replace("-", "_").endswith(IMAGE_NAME_ENDINGS)


def _image_path(value: str) -> bool:
    """A value shaped like an image file's path or URL (`/img/a.png`, `./hero.webp?v=2`)."""
    return value.split("?", 1)[0].split("#", 1)[0].lower().endswith(IMAGE_EXTENSIONS)


def _is_link(value: str) -> bool:
    return value.startswith("/") and link_defect(value) is None


def _notes(proposal: RoleProposal, kinds: Mapping[str, str]) -> list[str]:
    """One line per bound field: its roles, and what its values are."""
    by_pattern: dict[str, list[str]] = {}
    for role, bindings in proposal.table().items():
        for binding in bindings:
            for pattern in _patterns_of(binding):
                by_pattern.setdefault(pattern, []).append(role)
    return [
        f"{pattern}: {', '.join(roles)} ({_WORDS.get(kinds.get(pattern, ''), 'by its name')})"
        for pattern, roles in sorted(by_pattern.items())
    ]


def _patterns_of(binding: Any) -> list[str]:
    if isinstance(binding, dict):
        return [binding["at"]]
    return list(binding) if isinstance(binding, list) else [binding]


_WORDS = {
    "date": "every value is a date",
    "url": "every value is an absolute URL",
    "link": "every value is a site path",
    "image": "an image by its name or value",
}
