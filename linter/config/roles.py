"""Role bindings: which fields of a front-matter format play which part for the rules.

Rules never name a field; they ask for a role ("the published date", "the identity keys")
and the bindings here say where that is in a document of this format. A `[roles]` table
(top level, in a preset, or in a `[[types]]` entry) binds roles to JSON-Pointer patterns
(`linter.reading.pointers`); `[roles.item]` binds the roles of each nested item (`items`), relative
to the item, and defaults to the top level's roles without `identity`, `items` and `secured`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from linter.config.image_paths import ImageAlias, parse_alias_files, parse_aliases, parse_relative
from linter.reading.date_forms import find_forms
from linter.reading.pointers import Pattern, parse_pattern
from linter.records import NamedTuple

Patterns = tuple[Pattern, ...]
_T = TypeVar("_T")


class ImageBinding(NamedTuple):
    """Where images are (`at`), and the keys of an image mapping. A string at `at` is the
    image's path or URL itself. `cached` names a boolean key: true when the image's absolute
    URL has a local copy in the image cache folder (FM303's `folder`)."""

    at: Pattern
    src: str = "url"
    width: str = "width"
    height: str = "height"
    cached: str = ""


class RoleSet(NamedTuple):
    """The roles of one record (the document, or one nested item), each a tuple of patterns."""

    published: Patterns = ()
    dates: Patterns = ()
    future: Patterns = ()
    date_order: tuple[tuple[Pattern, Pattern], ...] = ()
    urls: Patterns = ()
    links: Patterns = ()
    identity: Patterns = ()
    images: tuple[ImageBinding, ...] = ()
    title: Patterns = ()
    description: Patterns = ()
    texts: Patterns = ()
    tags: Patterns = ()
    provider_domain: Patterns = ()
    provider_url: Patterns = ()
    secured: Patterns = ()
    items: Patterns = ()

    def patterns(self) -> list[Pattern]:
        """Every pattern bound here (for "matches nothing" warnings)."""
        found: list[Pattern] = []
        for value in self:
            for entry in value:
                if isinstance(entry, Pattern):
                    found.append(entry)
                elif isinstance(entry, ImageBinding):
                    found.append(entry.at)
                else:
                    found.extend(entry)
        return found


class IdentityScope(NamedTuple):
    """What makes identity values comparable: the same `group` (default: the content type's
    name), the same value at `field` (e.g. `/lang`) and the same first group of `path` (a
    regular expression searched in the file's path relative to the project root)."""

    group: str | None = None
    field: Pattern | None = None
    path: str | None = None


class FileDate(NamedTuple):
    """A date a file's name gives (Jekyll's `_posts/2024-05-06-title.md`): `path` is a regular
    expression searched in the file's path whose first group is the date; it stands for the
    top-level key `at` when the front matter does not set it."""

    path: str
    at: str


#: The scope of a content type that names none: one group, no field, no path.
_EVERY_PAGE = IdentityScope()


class Roles(NamedTuple):
    """A content type's bindings: the top level's, each item's, and how identities and
    images are read. A NamedTuple: a run never imports `dataclasses`."""

    top: RoleSet
    item: RoleSet
    scope: IdentityScope = _EVERY_PAGE
    #: Folders (relative to the project root) where site paths such as `/img/a.png` live.
    image_folders: tuple[str, ...] = ()
    #: The name of the date forms a framework reads (`linter.reading.date_forms`: "hugo",
    #: "jekyll", ...); "rfc3339" (only RFC 3339 date-times with a zone: the news-article schema
    #: reports the other forms itself) and "any" (every form `linter.reading.dates` reads)
    #: leave values no form reads to the schema.
    date_forms: str = "any"
    #: A regular expression searched in a file's path relative to the project root: in the
    #: files it matches, an identity value that is a site path without a leading `/` names a
    #: page relative to the file's folder below the match (Docusaurus docs' relative `slug`).
    relative_identity: str | None = None
    #: How a page's URL follows from its path where no key gives it ("jekyll-posts": a post's
    #: URL from its file name and the site's `permalink`); FM404 compares it with the others.
    page_urls: str | None = None
    file_date: FileDate | None = None
    #: Patterns the user wrote (not a preset's): each must match something in some file.
    explicit: tuple[str, ...] = ()
    #: How image paths resolve besides `image_folders` (linter.config.image_paths): prefix
    #: aliases, the files whose `compilerOptions.paths` add more, and where relative paths go.
    image_aliases: tuple[ImageAlias, ...] = ()
    image_alias_files: tuple[str, ...] = ()
    image_relative: str = "page-or-site"
    #: A field (JSON pointer) naming the page apart from its URL, whose value the file name
    #: implies when it is absent (Docusaurus docs' `id`): unique within the identity scope, in
    #: the files `relative-identity` matches, with the page's folder.
    implied_identity: Pattern | None = None
    #: `relative-identity` as a table names its `keys`: only the identity values there are read
    #: against the page's folder (the others from the site root), and such a relative value in a
    #: file its `path` does not match is not compared. None: every identity value (string form).
    relative_keys: Patterns | None = None
    #: `bundles = true`: a page named `index.*` stands for its folder, so its relative values
    #: are read one folder up (Hugo's leaf bundles, Zola's pages with co-located assets).
    relative_bundles: bool = False


#: TOML name -> RoleSet field.
ROLE_NAMES = {name.replace("_", "-"): name for name in RoleSet._fields}
ROLE_NAMES.pop("provider-domain")
ROLE_NAMES.pop("provider-url")
ROLE_NAMES["provider"] = "provider"
_OTHER_KEYS = (
    "item",
    "identity-scope",
    "image-folders",
    "image-aliases",
    "image-alias-files",
    "image-relative",
    "date-forms",
    "relative-identity",
    "page-urls",
    "implied-identity",
    "file-date",
)
#: The derivations `page-urls` names (see linter.rules.identity.page_urls).
PAGE_URL_SCHEMES = ("jekyll-posts",)
_ITEM_DROPS = {"identity": (), "items": (), "secured": ()}


def _patterns(value: Any) -> Patterns:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ValueError("should be a pattern or a list of patterns")
    return tuple(parse_pattern(item) for item in items)


def _pairs(value: Any) -> tuple[tuple[Pattern, Pattern], ...]:
    if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 for p in value):
        raise ValueError("should be a list of [earlier, later] pattern pairs")
    return tuple((parse_pattern(a), parse_pattern(b)) for a, b in value)


def _image(value: Any) -> ImageBinding:
    if isinstance(value, str):
        return ImageBinding(parse_pattern(value))
    if not isinstance(value, dict) or not isinstance(value.get("at"), str):
        raise ValueError("should be a pattern or a table with `at` (and `src`, `width`, `height`, `cached`)")
    unknown = set(value) - {"at", "src", "width", "height", "cached"}
    if unknown:
        raise ValueError(f"has an unknown key `{sorted(unknown)[0]}`")
    keys = {k: v for k, v in value.items() if k != "at"}
    if not all(isinstance(v, str) for v in keys.values()):
        raise ValueError("keys `src`, `width`, `height` and `cached` should be strings")
    return ImageBinding(parse_pattern(value["at"]), **keys)


def _role_values(name: str, value: Any) -> dict[str, Any]:
    if name == "date_order":
        return {name: _pairs(value)}
    if name == "images":
        items = value if isinstance(value, list) else [value]
        return {name: tuple(_image(item) for item in items)}
    if name == "provider":
        if not isinstance(value, dict) or set(value) - {"domain", "url"}:
            raise ValueError("should be a table with `domain` and `url` patterns")
        return {
            "provider_domain": _patterns(value.get("domain", [])),
            "provider_url": _patterns(value.get("url", [])),
        }
    return {name: _patterns(value)}


def parse_role_set(table: Mapping[str, Any], base: RoleSet) -> tuple[RoleSet, list[str]]:
    """`base` with the roles `table` binds replaced; also the pattern texts it names."""
    changes: dict[str, Any] = {}
    for key, value in table.items():
        if key in _OTHER_KEYS:
            continue
        name = ROLE_NAMES.get(key)
        if name is None:
            known = ", ".join(sorted([*ROLE_NAMES, *_OTHER_KEYS]))
            raise ValueError(f"names no role `{key}` (known: {known})")
        try:
            changes.update(_role_values(name, value))
        except ValueError as exc:
            raise ValueError(f"role `{key}` {exc}") from None
    updated = base._replace(**changes)
    return updated, [p.text for p in RoleSet(**changes).patterns()]


def parse_roles(table: Any, base: Roles) -> Roles:
    """A `[roles]` table over `base` (a preset's or the schema's roles); ValueError if bad."""
    if not isinstance(table, dict):
        raise ValueError("should be a table")
    top, named = parse_role_set(table, base.top)
    item_table = table.get("item", {})
    if not isinstance(item_table, dict):
        raise ValueError("`item` should be a table")
    item_base = top._replace(**_ITEM_DROPS) if named and not item_table else base.item
    item, item_named = parse_role_set(item_table, item_base)
    if named and item_table:
        item = item._replace(**_ITEM_DROPS)
    roles = Roles(
        top,
        item,
        _scope(table.get("identity-scope"), base.scope),
        _folders(table.get("image-folders"), base.image_folders),
        _date_forms(table.get("date-forms", base.date_forms)),
        base.relative_identity,
        file_date=_file_date(table.get("file-date"), base.file_date),
        explicit=(*base.explicit, *named, *item_named),
        image_aliases=_given(table, "image-aliases", parse_aliases, base.image_aliases),
        image_alias_files=_given(table, "image-alias-files", parse_alias_files, base.image_alias_files),
        image_relative=_given(table, "image-relative", parse_relative, base.image_relative),
        page_urls=_page_urls(table.get("page-urls", base.page_urls)),
        implied_identity=_pointer("implied-identity", table.get("implied-identity", base.implied_identity)),
        relative_keys=base.relative_keys,
        relative_bundles=base.relative_bundles,
    )
    return _relative(table.get("relative-identity"), roles)


def _relative(value: Any, roles: Roles) -> Roles:
    """`relative-identity`: a regular expression, or `{ path, keys, bundles }`."""
    if value is None:
        return roles
    if not isinstance(value, dict):
        return roles._replace(relative_identity=_regex("relative-identity", value), relative_keys=None)
    if set(value) - {"path", "keys", "bundles"} or not isinstance(value.get("path"), str):
        raise ValueError(
            "`relative-identity` should be a regular expression or a table with `path`, `keys`, `bundles`"
        )
    if not isinstance(value.get("bundles", False), bool):
        raise ValueError("`relative-identity.bundles` should be true or false")
    return roles._replace(
        relative_identity=_regex("relative-identity.path", value["path"]),
        relative_keys=_patterns(value.get("keys", [])),
        relative_bundles=value.get("bundles", False),
    )


def _given(table: Mapping[str, Any], key: str, parse: Callable[[Any], _T], base: _T) -> _T:
    """`parse(table[key])`, or `base` when the table leaves the key out."""
    return parse(table[key]) if key in table else base


def _page_urls(value: Any) -> str | None:
    if value is not None and value not in PAGE_URL_SCHEMES:
        raise ValueError(f"`page-urls` should be one of: {', '.join(PAGE_URL_SCHEMES)}")
    return None if value is None else str(value)


def _pointer(name: str, value: Any) -> Pattern | None:
    if value is None or isinstance(value, Pattern):
        return value
    if not (isinstance(value, str) and value.startswith("/")):
        raise ValueError(f'`{name}` should be a JSON pointer such as "/id"')
    return parse_pattern(value)


def _regex(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"`{name}` should be a regular expression (a string)")
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"`{name}` is not a regular expression: {exc}") from None
    return value


def _date_forms(value: Any) -> str:
    return find_forms(value if isinstance(value, str) else repr(value)).name


def _file_date(value: Any, base: FileDate | None) -> FileDate | None:
    if value is None:
        return base
    if (
        not isinstance(value, dict)
        or set(value) != {"path", "at"}
        or not all(isinstance(v, str) for v in value.values())
    ):
        raise ValueError("`file-date` should be a table with `path` (a regular expression) and `at` (a key)")
    if not re.fullmatch(r"/[^/*~]+", value["at"]):
        raise ValueError("`file-date.at` should name one top-level key, such as `/date`")
    path = _regex("file-date.path", value["path"])
    assert path is not None
    return FileDate(path, value["at"][1:])


def _scope(value: Any, base: IdentityScope) -> IdentityScope:
    if value is None:
        return base
    if isinstance(value, str):
        value = {"field": value}
    if not isinstance(value, dict) or set(value) - {"group", "field", "path"}:
        raise ValueError("`identity-scope` should be a table with `group`, `field` and/or `path`")
    if not all(isinstance(v, str) for v in value.values()):
        raise ValueError("`identity-scope` values should be strings")
    path = _regex("identity-scope.path", value.get("path"))
    field_ = value.get("field")
    return IdentityScope(value.get("group"), parse_pattern(field_) if field_ else None, path)


def _folders(value: Any, base: tuple[str, ...]) -> tuple[str, ...]:
    if value is None:
        return base
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("`image-folders` should be a list of folder names")
    return tuple(value)


def with_inferred(roles: Roles, inferred: Mapping[str, Patterns]) -> Roles:
    """`roles` with the roles it leaves empty filled from the schema (`linter.schema.roles`)."""
    empty: dict[str, Any] = {
        name: value for name, value in inferred.items() if value and not getattr(roles.top, name)
    }
    if not empty:
        return roles
    return roles._replace(top=roles.top._replace(**empty))
