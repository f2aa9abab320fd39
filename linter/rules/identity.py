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
from linter.reading.pointers import find
from linter.rules import urlnorm
from linter.rules.base import RunContext

#: A folder's number prefix, as Docusaurus strips it by default (`01-guides`, `2. api`).
_NUMBER_PREFIX = re.compile(r"^\d+\s*[-_.]+\s*(?=[^-_.\s])")


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
    return "".join(f"{_NUMBER_PREFIX.sub('', folder)}/" for folder in folders)


def identity_key(value: str, folder: str | None) -> str | None:
    """`urlnorm.identity_key` of `value`, a relative site path first resolved against `folder`."""
    text = value.strip()
    if folder is not None and _is_relative(text):
        text = posixpath.normpath(f"/{folder}{text}")
    return urlnorm.identity_key(text)


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
    """The file's path from the project root, worked out once per document (the scope and
    the page folder both ask)."""
    found: str | None = document.memo.get(_relative_path)
    if found is None:
        found = os.path.relpath(os.path.abspath(document.path), context.root).replace(os.sep, "/")
        document.memo[_relative_path] = found
    return found
