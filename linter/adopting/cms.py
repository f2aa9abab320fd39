"""Content types from a CMS's own config: Front Matter CMS (`frontmatter.json`) and Decap CMS
(`admin/config.yml`), for `content-lint init --from`.

A CMS already says which fields a content type has, their kinds and which are required; we
turn that into a JSON Schema and role bindings instead of asking the team to write both. A
field kind we do not know becomes a permissive schema part and a note, never an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from linter.adopting.roles import RoleProposal

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
