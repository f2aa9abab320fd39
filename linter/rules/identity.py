"""What FM404 compares identity values as: within a scope (a content type, a locale folder,
a `lang` field), and, where a format says so, site paths relative to the page's folder.

Docusaurus reads a doc's `slug` without a leading `/` against the doc's folder in the docs
plugin (`docs/guides/intro.md` with `slug: start` is `/guides/start`), the folder's number
prefixes (`01-guides`) stripped; `relative-identity` in `[roles]` names where that applies.
Hugo and Zola read only some keys so (`slug` within the page's section; Hugo's aliases without
a leading `/`), and a bundle's `index.md` as its folder: the table form names those keys.
"""

from __future__ import annotations

import os
import posixpath
import re

from linter.reading.document import Document
from linter.reading.file_stamps import FileStamp, look
from linter.reading.pointers import find
from linter.rules import urlnorm
from linter.rules.base import RunContext

#: A number prefix, as Docusaurus strips it from folder and file names (`01-guides`, `2. api`),
#: except where the name starts like a date or a version (`2024-05-notes`, `1.2-api`).
_NUMBER_PREFIX = re.compile(r"^\d+\s*[-_.]+\s*")
_NOT_A_PREFIX = re.compile(r"^\d+[-_.]\d+")
#: Where an implied identity's key starts: never the start of a normalised URL or site path.
IMPLIED = "#"


def identity_scope(context: RunContext, document: Document) -> str:
    """What identity values are compared within: the content type (or the scope's `group`),
    the value of the scope's `field` and the first group that took part in its `path` match
    (the whole match for a pattern without groups; "" for the default: one news-article
    site)."""
    scope = context.binder.roles.scope
    parts = [scope.group if scope.group is not None else context.type_name]
    if scope.field is None and scope.path is None:
        return parts[0]  # the usual scope: one group
    if scope.field is not None:
        value = next(find(document.data, scope.field), (None, None))[1]
        parts.append(value if isinstance(value, str) else "")
    if scope.path is not None:
        match = re.search(scope.path, _relative_path(context, document))
        parts.append(_matched_part(match))
    return "\t".join(parts) if any(parts) else ""


def _matched_part(match: re.Match[str] | None) -> str:
    """The first group that took part in `match` (a pattern may name the language in either of
    two places), the whole match for a pattern without groups, "" for no match."""
    if match is None:
        return ""
    if not match.groups():
        return match.group(0)
    return next((group for group in match.groups() if group is not None), "")


def page_folder(context: RunContext, document: Document) -> str | None:
    """The folder relative site paths of `document` are read against (`guides/`, "" for the
    top), or None when they are read from the site root (no `relative-identity` match)."""
    pattern = context.binder.roles.relative_identity
    if pattern is None:
        return None
    path = _relative_path(context, document)
    match = re.search(pattern, path)
    if match is None:
        return None
    folders = path[match.end() : path.rfind("/") + 1].split("/")[:-1]
    if context.binder.roles.relative_bundles and path[path.rfind("/") + 1 :].startswith("index."):
        folders = folders[:-1]  # the bundle's page: its URL is its folder, its section the one above
    return "".join(f"{strip_number_prefix(folder)}/" for folder in folders)


def strip_number_prefix(name: str) -> str:
    """`name` without the number prefix Docusaurus strips (`01-intro` -> `intro`)."""
    return name if _NOT_A_PREFIX.match(name) else _NUMBER_PREFIX.sub("", name, count=1)


def implied_identity(context: RunContext, document: Document) -> tuple[str, str, bool] | None:
    """The page's implied identity (Docusaurus: the doc id, `guides/setup`), the pointer it is
    read from ("" when the file leaves it to its name) and whether the file sets it; None where the roles name none or the file is not
    in a folder `relative-identity` matches. Without the field, the file's name stands for it
    (extension and number prefix off; a doc's `parse_number_prefixes: false` is not read)."""
    pattern = context.binder.roles.implied_identity
    folder = page_folder(context, document) if pattern is not None else None
    if pattern is None or folder is None:
        return None
    pointer, value = next(find(document.data, pattern), ("", None))
    if isinstance(value, str) and value.strip():
        return f"{folder}{value.strip()}", pointer, True
    name = strip_number_prefix(os.path.splitext(os.path.basename(document.path))[0])
    return f"{folder}{name}", "", False


def identity_key(value: str, folder: str | None) -> str | None:
    """`urlnorm.identity_key` of `value`, a relative site path first resolved against `folder`;
    None for a template (`{{ page.fileSlug }}`, `{% if %}`): its URL is known only when built."""
    text = value.strip()
    if "{{" in text or "{%" in text:
        return None
    if folder is not None and _is_relative(text):
        text = posixpath.normpath(f"/{folder}{text}")
    return urlnorm.identity_key(text)


def page_urls(context: RunContext, document: Document, files_read: list[FileStamp]) -> list[tuple[str, str]]:
    """(URL, pointer) a page is published at by its path (`page-urls` in the roles: a Jekyll
    post's from its file name and a permalink template, at `/permalink` when its front matter
    gives that template, else ""); the stamp of the site config read joins `files_read`."""
    if context.binder.roles.page_urls != "jekyll-posts" or not isinstance(document.data, dict):
        return []
    from linter.config.presets.jekyll_urls import post_url, site_config

    if "_posts" not in _relative_path(context, document).split("/")[:-1]:
        return []
    config = site_config(context.root)
    if config is not None:
        files_read.append(look(config)[0])
    url = post_url(context.root, _relative_path(context, document), document.data)
    pointer = "/permalink" if isinstance(document.data.get("permalink"), str) else ""
    return [(url, pointer)] if url else []


def identity_key_at(context: RunContext, document: Document, pointer: str, value: str) -> str | None:
    """The key of the identity value at `pointer`: read against the page's folder where the
    roles say so (`relative-identity`, and its `keys` when it names them), else from the root."""
    keys = context.binder.roles.relative_keys
    folder = page_folder(context, document)
    if keys is None:
        return identity_key(value, folder)
    found: set[str] | None = document.memo.get(identity_key_at)
    if found is None:
        found = {at for pattern in keys for at, _ in find(document.data, pattern)}
        document.memo[identity_key_at] = found
    if pointer not in found:
        return identity_key(value, None)
    if folder is None and _is_relative(value.strip()):
        return None  # a folder-relative value where the roles place no folder: not compared
    return identity_key(value, folder)


def _is_relative(text: str) -> bool:
    return bool(text) and not text.startswith("/") and not urlnorm.is_absolute(text)


def _relative_path(context: RunContext, document: Document) -> str:
    """The file's path from the project root, as `[[types]] paths` and `per-file-ignores`
    match it (a file named through a symlinked folder is where it really is)."""
    return context.project_path(document.path)
