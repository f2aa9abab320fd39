"""Content types from a CMS's own config: Front Matter CMS (`frontmatter.json`) and Decap CMS
(`admin/config.yml`), for `content-lint init --from`.

A CMS already says which fields a content type has, their kinds and which are required; we
turn that into a JSON Schema and role bindings instead of asking the team to write both. A
field kind we do not know becomes a permissive schema part and a note, never an error.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from linter.adopting.roles import RoleProposal
from linter.reading.bounded import read_regular_file

MAX_CMS_CONFIG_BYTES = 4 * 1024 * 1024
#: Fields read for one content type, and how deeply they nest: YAML aliases let a 2.4 KB
#: config share a field list at each of 18 levels (2**18 fields, a 414 MB schema), and a
#: nested `frontmatter.json` reached Python's recursion limit. Real configs stay far below.
MAX_FIELDS = 5_000
MAX_FIELD_DEPTH = 32


class CmsConfigError(Exception):
    """The CMS config cannot be read at all (a field it does not know is only a note)."""


@dataclass
class ImportedType:
    """One content type: where its files are, their schema, and which fields play which role."""

    name: str
    paths: list[str]
    schema: dict[str, Any]
    proposal: RoleProposal = field(default_factory=RoleProposal)
    notes: list[str] = field(default_factory=list)
    fields_read: int = 0

    def count_field(self, where: str) -> None:
        """One more field at `where`; CmsConfigError past MAX_FIELDS or MAX_FIELD_DEPTH."""
        self.fields_read += 1
        if self.fields_read > MAX_FIELDS:
            raise CmsConfigError(
                f"content type {self.name!r} has more than {MAX_FIELDS} fields (do YAML aliases repeat them?)"
            )
        if where.count("/") > MAX_FIELD_DEPTH:
            raise CmsConfigError(
                f"content type {self.name!r} nests fields more than {MAX_FIELD_DEPTH} levels deep"
            )

    @property
    def roles(self) -> dict[str, list[Any]]:
        """The `[roles]` table of this type, in `linter.config.roles`' format."""
        return self.proposal.table()


def import_cms_config(path: Path) -> list[ImportedType]:
    """The content types declared in a Front Matter CMS or Decap CMS config file."""
    data = _load(path)
    if isinstance(data, Mapping) and "frontMatter.taxonomy.contentTypes" in data:
        from linter.adopting.cms_frontmatter import front_matter_types

        return front_matter_types(data)
    if isinstance(data, Mapping) and "collections" in data:
        from linter.adopting.cms_decap import decap_types

        return decap_types(data)
    raise CmsConfigError(f"{path}: neither a Front Matter CMS nor a Decap CMS config")


def object_schema(title: str) -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, "type": "object"}


def add_property(schema: dict[str, Any], name: str, part: dict[str, Any], required: bool) -> None:
    schema.setdefault("properties", {})[name] = part
    if required:
        schema.setdefault("required", []).append(name)


def permissive(item: ImportedType, where: str, kind: str) -> dict[str, Any]:
    item.notes.append(f"{item.name}: field {where or '/'} has kind {kind!r}, unknown here: any value allowed")
    return {}


def mappings(value: Any) -> list[Mapping[str, Any]]:
    """The mappings in a list (anything else in a hand-written CMS config is passed over)."""
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def folder_glob(folder: str) -> str:
    """A CMS folder as a gitignore-style pattern anchored at the project root."""
    return "/" + folder.strip("/") + "/" if folder.strip("/") else "/"


def _load(path: Path) -> Any:
    try:
        raw = read_regular_file(path, MAX_CMS_CONFIG_BYTES)
    except OSError as exc:
        raise CmsConfigError(f"{path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise CmsConfigError(f"{path}: {exc}") from None
    try:
        if path.suffix == ".json":
            return json.loads(raw)
        return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (ValueError, yaml.YAMLError) as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CmsConfigError(f"{path}: cannot be parsed: {first_line}") from None
    except RecursionError:
        raise CmsConfigError(f"{path}: cannot be parsed: nested too deeply") from None
