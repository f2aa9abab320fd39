"""A Jekyll post's URL from its file name, as Jekyll 4.3 builds it (Document#populate_title,
#categories_from_path, Drops::UrlDrop, URL#generate_url_from_drop).

`_posts/2016-03-01-title.md` is published at the `permalink` template its front matter
gives, else the one its site's front matter `defaults` give posts, else the `posts`
collection's, else the site's `permalink` style (`date` by default:
`/:categories/:year/:month/:day/:title:output_ext`, so `/2016/03/01/title.html`). The
categories are the folders above `_posts/` and the post's `category`/`categories`,
lower-cased; `:title` is the post's `slug` or the file name's, slugified the "pretty" way.
Where the result is uncertain, no URL is derived: a post with a plain `permalink` (that key
is compared as it is), `published: false`, a `date` on another day than the file name's (the
day then depends on the time zone), a default scoped by a glob, or a template with a
placeholder not derived here (`:y_day`, `:week`, `:hour`, `:path`...).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from linter.config.presets.jekyll_config import config_path, read_config, site_folders

#: Jekyll's built-in permalink styles (Configuration#style_to_permalink, 4.3).
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
#: Document::DATE_FILENAME_MATCHER, on the path below `_posts/` (a four-digit year only).
_DATED = re.compile(r"^(?:.+/)*?(\d{4})-(\d{1,2})-(\d{1,2})-([^/]*)(\.[^./]+)$")
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_PRETTY = re.compile(r"[^\w.~!$&'()+,;=@]+|_+")
_DEFAULT = re.compile(r"[^\w]+|_+")
_RENDERED = (".md", ".markdown", ".mkd", ".mkdn", ".mkdown", ".html", ".htm")


#: No template could be told (a front matter default scoped by a glob).
UNKNOWN = ""


def post_url(root: str, path: str, data: Mapping[str, Any]) -> str | None:
    """The URL of the post at `path` from `root` (under a `_posts/` folder of the site at
    `root`), or None."""
    own = data.get("permalink")
    if data.get("published") is False or (own is not None and not _is_template(own)):
        return None  # a plain `permalink` is compared as it is
    config = read_config(Path(root))
    where = _below_posts(path, config)
    if where is None:
        return None
    superdirs, inside = where
    template = own if isinstance(own, str) else _template(config, "/".join([*superdirs, "_posts", inside]))
    if template == UNKNOWN:
        return None
    dated = _DATED.match(inside)
    if dated is None:
        return None
    year, month, day, name, ext = dated.groups()
    day_text = f"{year}-{int(month):02d}-{int(day):02d}"
    date = data.get("date")
    if date is not None and not str(date).startswith(day_text):
        return None
    values = _values(day_text, name, ext, superdirs, data)
    return _fill(template, values)


def site_config(root: str) -> Path | None:
    """The config file a post's URL depends on (its stamp keeps a cached result honest)."""
    return config_path(Path(root))


def _below_posts(relative: str, config: dict[str, Any]) -> tuple[list[str], str] | None:
    """(the folders above `_posts/`, the path below it), from the site's source folder."""
    for prefix in site_folders(config):
        if not relative.startswith(prefix):
            return None
        relative = relative[len(prefix) :]
    parts = relative.split("/")
    if "_posts" not in parts[:-1]:
        return None
    at = parts.index("_posts")
    return parts[:at], "/".join(parts[at + 1 :])


def _is_template(value: Any) -> bool:
    return isinstance(value, str) and _PLACEHOLDER.search(value) is not None


def _template(config: dict[str, Any], relative: str) -> str:
    """The permalink a post at `relative` (from the collections folder) gets: a front matter
    default's, else the `posts` collection's, else the site's style; UNKNOWN when a default
    scoped by a glob may apply."""
    default = _default_permalink(config, relative)
    if default is not None:
        return default if isinstance(default, str) else UNKNOWN
    collections = config.get("collections")
    posts = collections.get("posts") if isinstance(collections, dict) else None
    chosen = posts.get("permalink") if isinstance(posts, dict) else None
    if not isinstance(chosen, str):
        chosen = config.get("permalink", "date")
    text = str(chosen) if isinstance(chosen, str) else "date"
    return STYLES.get(text, text)


def _default_permalink(config: dict[str, Any], relative: str) -> str | bool | None:
    """The `permalink` the site's front matter `defaults` give a post (FrontMatterDefaults#all:
    a longer scope path, then a scope with a `type`, takes precedence); True when it cannot be
    told (a scope path with a glob, a value that is not text); None when none gives one."""
    found: Any = None
    old: dict[str, Any] | None = None
    collections_dir = site_folders(config)[1]
    for entry in _entries(config.get("defaults")):
        scope, values = entry.get("scope"), entry.get("values")
        if (
            not isinstance(scope, dict)
            or not isinstance(values, dict)
            or scope.get("type", "posts") != "posts"
        ):
            continue
        path = scope.get("path")
        path = path.strip("/").removeprefix(collections_dir) if isinstance(path, str) else ""
        if "*" in path:
            if "permalink" in values:
                return True
            continue
        if not relative.startswith(path):
            continue
        if old is None or _precedes(old, scope):
            found = values.get("permalink", found)
            old = scope
        elif found is None:
            found = values.get("permalink")
    return found if found is None or isinstance(found, str) else True


def _precedes(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """FrontMatterDefaults#has_precedence?."""
    old_path, new_path = (str(s.get("path") or "").strip("/") for s in (old, new))
    if len(new_path) != len(old_path):
        return len(new_path) >= len(old_path)
    return "type" in new or "type" not in old


def _entries(value: Any) -> list[dict[str, Any]]:
    return [item for item in value[:500] if isinstance(item, dict)] if isinstance(value, list) else []


def _values(day: str, name: str, ext: str, superdirs: list[str], data: Mapping[str, Any]) -> dict[str, str]:
    year, month, mday = day.split("-")
    slug = data.get("slug")
    slug = slug if isinstance(slug, str) and slug else name.rstrip(".")
    return {
        "year": year,
        "month": month,
        "day": mday,
        "i_month": str(int(month)),
        "i_day": str(int(mday)),
        "short_year": year[2:],
        "title": _slugify(slug, _PRETTY, cased=True),
        "slug": _slugify(slug, _DEFAULT, cased=False),
        "name": _slugify(f"{day}-{name}", _DEFAULT, cased=False),
        "categories": "/".join(_categories(superdirs, data)),
        "collection": "posts",
        "output_ext": ".html" if ext.lower() in _RENDERED else ext,
    }


def _categories(superdirs: list[str], data: Mapping[str, Any]) -> list[str]:
    """The folders above `_posts/`, then `category` or `categories`, lower-cased, once each."""
    found = list(superdirs)
    for key in ("category", "categories"):
        value = data.get(key)
        items = value.split() if isinstance(value, str) else value if isinstance(value, list) else []
        found += [str(item) for item in items if isinstance(item, (str, int, float))]
    return list(dict.fromkeys(item.lower() for item in found if item))


def _slugify(text: str, unwanted: re.Pattern[str], cased: bool) -> str:
    slug = unwanted.sub("-", text).strip("-")
    return slug if cased else slug.lower()


def _fill(template: str, values: Mapping[str, str]) -> str | None:
    """The template with its placeholders filled, slashes squeezed; None for an unknown one."""
    unknown = False

    def value(match: re.Match[str]) -> str:
        nonlocal unknown
        name = match.group(1)
        for key in (name, name.rstrip("_")):
            if key in values:
                return values[key] + match.group(0)[len(key) + 1 :]
        unknown = True
        return ""

    filled = _PLACEHOLDER.sub(value, template)
    if unknown:
        return None
    return re.sub(r"/{2,}", "/", f"/{filled}")
