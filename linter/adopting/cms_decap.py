"""Decap CMS (formerly Netlify CMS, `admin/config.yml`): `collections` to content types.

Widgets follow the CMS's documentation: `string`, `text`, `markdown`, `code`, `color`, `map`,
`hidden`, `number` (`value_type`, `min`, `max`), `boolean`, `datetime`, `image`, `file`,
`select` (`options`, `multiple`), `relation` (`multiple`), `list` (`field`/`fields` or plain
strings) and `object` (`fields`). Fields are required unless `required: false`, as in Decap.
A folder collection's `body` field is the page body, not front matter.
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
from linter.adopting.roles import bind_by_name, bind_dates, dates_by_name
from linter.reading import pointers

_TEXT_WIDGETS = frozenset({"string", "text", "markdown", "code", "color", "map", "file"})


def decap_types(config: Mapping[str, Any]) -> list[ImportedType]:
    types: list[ImportedType] = []
    for collection in mappings(config.get("collections")):
        name = str(collection.get("name", "collection"))
        if isinstance(collection.get("folder"), str):
            types.append(_folder_type(name, [folder_glob(collection["folder"])], collection.get("fields")))
        for entry in mappings(collection.get("files")):
            file_name = f"{name}/{entry.get('name', 'file')}"
            path = "/" + str(entry.get("file", "")).lstrip("/")
            types.append(_folder_type(file_name, [path], entry.get("fields")))
    folder = media_root(config.get("media_folder"), config.get("public_folder"))
    for item in types:
        if folder is not None:
            item.proposal.image_folders.append(folder)
        elif config.get("media_folder") is not None:
            item.notes.append(
                f"{item.name}: media_folder/public_folder do not say where `/...` image paths live"
            )
    return types


def media_root(media_folder: Any, public_folder: Any) -> str | None:
    """The folder site paths resolve in: `media_folder` less the `public_folder` it is served
    as (`static/uploads` served as `/uploads` -> `static`); None when they do not fit."""
    if not isinstance(media_folder, str) or not isinstance(public_folder, str):
        return None
    media, public = media_folder.strip("/"), public_folder.strip("/")
    if not public:
        return media or None
    if media == public:
        return "."
    if media.endswith("/" + public):
        return media[: -len(public) - 1]
    return None


def _folder_type(name: str, paths: list[str], fields: Any) -> ImportedType:
    item = ImportedType(name, paths, object_schema(f"{name} (from Decap CMS config)"))
    dates: list[str] = []
    _fields(item, item.schema, "", fields, dates)
    bind_dates(item.proposal, *dates_by_name(dates))
    return item


def _fields(item: ImportedType, schema: dict[str, Any], parent: str, fields: Any, dates: list[str]) -> None:
    for declared in mappings(fields):
        name = declared.get("name")
        if not isinstance(name, str) or (not parent and name == "body"):
            continue
        where = pointers.join(parent, name)
        item.count_field(where)
        part = _part(item, declared, str(declared.get("widget", "string")), where, dates)
        add_property(schema, name, part, declared.get("required", True) is not False)


def _part(
    item: ImportedType, declared: Mapping[str, Any], widget: str, where: str, dates: list[str]
) -> dict[str, Any]:
    name = where.rsplit("/", 1)[-1]
    if widget in _TEXT_WIDGETS:
        bind_by_name(item.proposal, where, name, "text")
        return {"type": "string"}
    if widget == "hidden":
        return {}
    if widget == "boolean":
        return {"type": "boolean"}
    if widget == "number":
        return _number(declared)
    if widget == "datetime":
        bind_by_name(item.proposal, where, name, "date")
        dates.append(where)
        return {"type": "string"}
    if widget == "image":
        item.proposal.bind("images", where)
        return {"type": ["string", "array"], "items": {"type": "string"}}
    if widget in ("select", "relation"):
        return _choice(declared, widget)
    if widget == "list":
        return _list(item, declared, where, dates)
    if widget == "object":
        nested: dict[str, Any] = {"type": "object"}
        _fields(item, nested, where, declared.get("fields"), dates)
        return nested
    return permissive(item, where, widget)


def _number(declared: Mapping[str, Any]) -> dict[str, Any]:
    part: dict[str, Any] = {"type": "integer" if declared.get("value_type") == "int" else "number"}
    for option in ("min", "max"):
        if isinstance(declared.get(option), (int, float)) and not isinstance(declared.get(option), bool):
            part["minimum" if option == "min" else "maximum"] = declared[option]
    return part


def _choice(declared: Mapping[str, Any], widget: str) -> dict[str, Any]:
    options = declared.get("options")
    values = (
        [o.get("value") if isinstance(o, Mapping) else o for o in options]
        if isinstance(options, list)
        else []
    )
    one: dict[str, Any] = {"enum": values} if widget == "select" and values else {}
    return {"type": "array", "items": one} if declared.get("multiple") is True else one


def _list(item: ImportedType, declared: Mapping[str, Any], where: str, dates: list[str]) -> dict[str, Any]:
    name = where.rsplit("/", 1)[-1]
    if isinstance(declared.get("fields"), list):
        record: dict[str, Any] = {"type": "object"}
        _fields(item, record, f"{where}/*", declared["fields"], dates)
        return {"type": "array", "items": record}
    if isinstance(declared.get("field"), Mapping):
        inner = declared["field"]
        return {
            "type": "array",
            "items": _part(item, inner, str(inner.get("widget", "string")), f"{where}/*", dates),
        }
    bind_by_name(item.proposal, where, name, "list")
    return {"type": "array", "items": {"type": "string"}}
