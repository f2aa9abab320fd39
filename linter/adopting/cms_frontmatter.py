"""Front Matter CMS (`frontmatter.json`): `frontMatter.taxonomy.contentTypes` to content types.

Field types follow the CMS's documentation: `string`, `number`, `datetime` (`isPublishDate`,
`isModifiedDate`), `boolean`, `draft`, `image`, `file`, `choice`, `tags`, `categories`,
`taxonomy`, `slug`, `list`, `fields` (a nested block), `json`, `uuid`; `divider` and `heading`
hold no data. Folders come from `frontMatter.content.pageFolders`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linter.adopting.cms import (
    ImportedType,
    add_property,
    folder_glob,
    mappings,
    object_schema,
    permissive,
)
from linter.adopting.roles import bind_by_name, bind_dates
from linter.reading import pointers

_NO_DATA = frozenset({"divider", "heading"})
_STRING_KINDS = frozenset({"string", "slug", "uuid", "file"})
_LIST_KINDS = frozenset({"tags", "categories", "taxonomy", "list"})
_ANY_KINDS = frozenset({"json", "block", "fieldCollection", "customField", "dataFile"})


def front_matter_types(config: Mapping[str, Any]) -> list[ImportedType]:
    folders = _folders_by_type(config.get("frontMatter.content.pageFolders"))
    types = []
    for declared in mappings(config.get("frontMatter.taxonomy.contentTypes")):
        name = str(declared.get("name", "default"))
        item = ImportedType(name, folders.get(name, []), object_schema(f"{name} (from frontmatter.json)"))
        published: list[str] = []
        modified: list[str] = []
        _fields(item, item.schema, "", declared.get("fields"), published, modified)
        bind_dates(item.proposal, published, modified)
        types.append(item)
    unassigned = folders.get("", [])
    if unassigned and types:
        types[0].paths.extend(unassigned)  # a folder naming no type gets the first (the CMS's default)
    return types


def _fields(
    item: ImportedType,
    schema: dict[str, Any],
    parent: str,
    fields: Any,
    published: list[str],
    modified: list[str],
) -> None:
    for declared in mappings(fields):
        kind, name = str(declared.get("type", "")), declared.get("name")
        if not isinstance(name, str) or kind in _NO_DATA:
            continue
        where = pointers.join(parent, name)
        item.count_field(where)
        part = _part(item, declared, kind, where, published, modified)
        add_property(schema, name, part, declared.get("required") is True)


#: Field kinds whose schema part never depends on the field's options or roles.
_FIXED_PARTS: dict[str, dict[str, Any]] = {
    **{kind: {"type": "string"} for kind in _STRING_KINDS},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "draft": {"type": ["boolean", "string"]},
    **{kind: {} for kind in _ANY_KINDS},
}


def _part(
    item: ImportedType,
    declared: Mapping[str, Any],
    kind: str,
    where: str,
    published: list[str],
    modified: list[str],
) -> dict[str, Any]:
    roles = item.proposal
    if kind == "datetime":
        roles.bind("dates", where)
        if declared.get("isPublishDate"):
            published.append(where)
        elif declared.get("isModifiedDate"):
            modified.append(where)
        return {"type": "string"}
    if kind in ("string", "slug"):
        bind_by_name(roles, where, "slug" if kind == "slug" else where.rsplit("/", 1)[-1], "text")
        return {"type": "string"}
    if kind in _FIXED_PARTS:
        return dict(_FIXED_PARTS[kind])
    if kind in ("image", "choice") or kind in _LIST_KINDS:
        return _many(item, declared, kind, where)
    if kind == "fields":
        nested: dict[str, Any] = {"type": "object"}
        _fields(item, nested, where, declared.get("fields"), published, modified)
        return nested
    return permissive(item, where, kind)


def _many(item: ImportedType, declared: Mapping[str, Any], kind: str, where: str) -> dict[str, Any]:
    """Images, choices and lists: one value or a list of them, some bound to a role."""
    multiple = declared.get("multiple") is True
    if kind == "image":
        item.proposal.bind("images", f"{where}/*" if multiple else where)
        return {"type": "array", "items": {"type": "string"}} if multiple else {"type": "string"}
    if kind == "choice":
        return _choice(declared.get("choices"), multiple)
    if kind in ("tags", "categories"):  # a tag list whatever its name
        item.proposal.bind("tags", where)
        item.proposal.bind("texts", f"{where}/*")
    return {"type": "array", "items": {"type": "string"}}


def _choice(choices: Any, multiple: bool) -> dict[str, Any]:
    values = (
        [c.get("id") if isinstance(c, Mapping) else c for c in choices] if isinstance(choices, list) else []
    )
    values = [v for v in values if isinstance(v, (str, int, float, bool))]
    one: dict[str, Any] = {"enum": values} if values else {}
    return {"type": "array", "items": one} if multiple else one


def _folders_by_type(page_folders: Any) -> dict[str, list[str]]:
    """Type name -> folder patterns; "" collects folders that name no type."""
    found: dict[str, list[str]] = {}
    for folder in mappings(page_folders):
        path = str(folder.get("path", "")).replace("[[workspace]]", "")
        names = folder.get("contentTypes")
        for name in names if isinstance(names, list) and names else [""]:
            found.setdefault(str(name), []).append(folder_glob(path))
    return found
