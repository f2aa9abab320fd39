"""Where an image path a page names may be, as its framework resolves it: the places to look, in
order, as paths from the site root (the config's folder). Pure: no file is looked at here.

The format's `[roles]` say how (linter.config.image_paths): aliases first (the project's
`tsconfig.json` `paths`, then the format's own, such as Starlight's `~/` for `src/`); a site
path (`/img/a.png`) in each image folder, resolved as a browser resolves it against the site
root (`/../a.png` is `/a.png`); a relative path next to the page and/or as a site path. A path
that starts like an alias the linter cannot see (`@/`, `~/`, `$` with none declared, in a
format that resolves aliases: it may come from the bundler's config, which is never run) and a
`require(...)` form are not judged.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

from linter.config.image_paths import ImageAlias
from linter.records import NamedTuple
from linter.rules import urlnorm

_ALIAS_MARKS = ("@", "~", "$")


class Lookup(NamedTuple):
    """What one content type's image lookup knows: its folders, aliases and relative mode."""

    folders: tuple[str, ...]
    aliases: tuple[ImageAlias, ...]
    base_url: str | None
    relative: str
    #: The format resolves aliases: a path that looks like an unknown one is not judged.
    guarded: bool


def local_text(src: str) -> str | None:
    """The file path `src` names (query and fragment dropped, escapes decoded), or None when it
    is no local path: empty, an absolute or protocol-relative URL, a `require(...)` form."""
    text = unquote(src.strip().split("#", 1)[0].split("?", 1)[0])
    if not text or "\0" in text or urlnorm.is_absolute(text) or text.startswith("//"):
        return None
    if text.startswith("require("):
        return None
    return text


def places(lookup: Lookup, text: str, page_folder: str) -> list[str] | None:
    """The paths from the site root where `text` may be, in order (duplicates and paths that
    leave the root dropped); None when the path is not one to judge. `page_folder` is the
    content file's folder from the site root."""
    found: list[str] | None
    if text.startswith("/"):
        found = _site(lookup, text)
    elif text.startswith("."):
        found = _relative(lookup, text, page_folder)
    else:
        found = _bare(lookup, text, page_folder)
    if found is None:
        return None
    normal = (posixpath.normpath(p) for p in found)
    kept = [p for p in normal if p != ".." and not p.startswith(("../", "/"))]
    return list(dict.fromkeys(kept))


def _site(lookup: Lookup, text: str) -> list[str]:
    rest = posixpath.normpath("/" + text.lstrip("/")).lstrip("/")
    return [posixpath.join(folder, rest) for folder in lookup.folders or (".",)]


def _relative(lookup: Lookup, text: str, page_folder: str) -> list[str]:
    page = [posixpath.join(page_folder, text)]
    mode = lookup.relative
    if mode == "page" or (mode == "dot-page" and text.startswith("./")):
        return page
    if mode == "page-or-site":
        return [*page, *_site(lookup, text)]
    return _site(lookup, text)


def _bare(lookup: Lookup, text: str, page_folder: str) -> list[str] | None:
    """A path with neither `/` nor `.` first: an alias's, else relative (or from `baseUrl`)."""
    for alias in lookup.aliases:
        expanded = alias.expand(text)
        if expanded is not None:
            return expanded
    if lookup.guarded and text.startswith(_ALIAS_MARKS):
        return None
    found = _relative(lookup, text, page_folder)
    return [posixpath.join(lookup.base_url, text), *found] if lookup.base_url is not None else found
