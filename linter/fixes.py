"""The fix model: what a rule proposes (in terms of nodes) and what a finding carries (edits).

A rule never computes a position: it names the node it would change (`Rewrite`, `RemoveItem`)
and the document turns that into text edits (see `fixing/edits.py`). `safe` and `unsafe` have
ruff's meaning: an unsafe fix may change what the content means, so it is applied only when
asked for (`--unsafe-fixes`).
"""

from __future__ import annotations

from typing import Literal

from linter.records import NamedTuple

#: Which part of the node at a pointer: its value, or its key (a rename; where a missing key
#: is reported). The document locates either (`Document.locate`).
Target = Literal["value", "key"]
Applicability = Literal["safe", "unsafe"]
APPLICABILITIES: tuple[Applicability, ...] = ("safe", "unsafe")


class Edit(NamedTuple):
    """Replace a 1-based span of the file (end exclusive, columns in characters, lines split at
    `\\n`, as findings count them) with `content`; an empty span inserts."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "content": self.content,
        }


class Fix(NamedTuple):
    """Edits that together remove one finding; applied all or none."""

    applicability: Applicability
    edits: tuple[Edit, ...]
    #: What the edit does, for people: the editor's quick-fix title, a `--diff` header line.
    title: str = ""

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "applicability": self.applicability,
            "edits": [e.to_dict() for e in self.edits],
        }
        if self.title:
            data["title"] = self.title
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Fix:
        """The inverse of `to_dict` (the result cache); raises on anything malformed."""
        applicability = data["applicability"]
        if applicability not in APPLICABILITIES:
            raise ValueError(f"unknown applicability {applicability!r}")
        edits = tuple(
            Edit(
                int(e["line"]), int(e["column"]), int(e["end_line"]), int(e["end_column"]), str(e["content"])
            )
            for e in data["edits"]  # type: ignore[attr-defined]
        )
        title = data.get("title", "")
        return cls(applicability, edits, title if isinstance(title, str) else "")


class Rewrite(NamedTuple):
    """Give the scalar at `pointer` (its key, with target "key") the text `value`, keeping its
    quoting style; no fix when that style cannot hold the new text."""

    pointer: str
    value: str
    applicability: Applicability = "safe"
    target: Target = "value"
    title: str = ""  # what it does ("Rename `tittle` to `title`"); a default names the change


class RemoveItem(NamedTuple):
    """Remove the list item at `pointer`, keeping the list's block or flow style."""

    pointer: str
    applicability: Applicability = "safe"
    title: str = ""


NodeFix = Rewrite | RemoveItem
