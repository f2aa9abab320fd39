"""The fix model: what a rule proposes (in terms of nodes) and what a finding carries (edits).

A rule never computes a position: it names the node it would change (`Rewrite`, `RemoveItem`)
and the document turns that into text edits (see `fix_edits.py`). `safe` and `unsafe` have
ruff's meaning: an unsafe fix may change what the content means, so it is applied only when
asked for (`--unsafe-fixes`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from linter.reading.document import Target

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

    def described(self) -> str:
        if self.title:
            return self.title
        if self.target == "key":
            return f"Rename `{_label(self.pointer)}` to `{_short(self.value)}`"
        return f"Set `{_label(self.pointer)}` to `{_short(self.value)}`"


class RemoveItem(NamedTuple):
    """Remove the list item at `pointer`, keeping the list's block or flow style."""

    pointer: str
    applicability: Applicability = "safe"
    title: str = ""

    def described(self) -> str:
        return self.title or f"Remove `{_label(self.pointer)}`"


def _label(pointer: str) -> str:
    from linter.reading import pointers

    return pointers.label(pointer)


def _short(text: str, most: int = 40) -> str:
    """A value in a title: one line, at most `most` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= most else flat[: most - 1] + "…"


NodeFix = Rewrite | RemoveItem
