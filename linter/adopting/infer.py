"""Infer a JSON Schema from a site's existing front matter, for `content-lint init`.

genson gives the structure (types, nesting, keys present in every file). On top of it we add
only what the corpus proves, so the schema accepts every file it was inferred from: `required`
for keys present everywhere, `enum` for small closed vocabularies, `format` where every value is
a date or an absolute URL, integer ranges as seen. Each decision comes with a note saying why.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from genson import SchemaBuilder

from linter.reading import pointers
from linter.schema.engine import jsonschema_rs

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ENUM_MAX_VALUES = 8  # more distinct values than this is an open vocabulary (tags are never an enum)
ENUM_MIN_FILES = 10  # fewer files prove nothing about a vocabulary being closed
ENUM_MIN_REPEATS = 2  # every value of an enum must have been used at least this often
NEARLY_ALL = 0.9  # keys in this share of files, but not all, are named in the notes


@dataclass
class Inferred:
    """The schema and, for the person running `init`, why it says what it says."""

    schema: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def infer_schema(documents: Sequence[Mapping[str, Any]], title: str = "front matter") -> Inferred:
    """A schema every one of `documents` passes, with proven constraints and notes."""
    builder = SchemaBuilder(schema_uri=None)
    builder.add_schema({"type": "object"})
    for document in documents:
        builder.add_object(document)
    schema = builder.to_schema()
    values = values_by_pattern(documents)
    notes: list[str] = []
    for pattern, node in _schema_nodes(schema, ""):
        _constrain(node, pattern, values.get(pattern, []), len(documents), notes)
    _note_nearly_required(documents, notes)
    return Inferred({"$schema": SCHEMA_DIALECT, "title": title, **schema}, notes)


def values_by_pattern(documents: Sequence[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Every scalar value, grouped by its pointer with list indexes written as `*`."""
    found: dict[str, list[Any]] = defaultdict(list)
    for document in documents:
        stack: list[tuple[str, Any]] = [("", document)]
        while stack:
            pattern, value = stack.pop()
            if isinstance(value, Mapping):
                stack.extend((pointers.join(pattern, k), v) for k, v in value.items())
            elif isinstance(value, list):
                stack.extend((f"{pattern}/*", item) for item in value)
            else:
                found[pattern].append(value)
    return found


def _schema_nodes(node: dict[str, Any], pattern: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each schema node with the value pattern it describes (genson nests only these two)."""
    yield pattern, node
    for key, child in node.get("properties", {}).items():
        yield from _schema_nodes(child, pointers.join(pattern, key))
    items = node.get("items")
    if isinstance(items, dict):
        yield from _schema_nodes(items, f"{pattern}/*")
    for branch in node.get("anyOf", []):
        yield from _schema_nodes(branch, pattern)


def _constrain(node: dict[str, Any], pattern: str, values: list[Any], files: int, notes: list[str]) -> None:
    where = pattern or "/"
    texts = [v for v in values if isinstance(v, str)]
    whole = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
    if node.get("type") == "string" and texts and len(texts) == len(values):
        if _set_format(node, texts):
            word = _FORMAT_WORDS[node["format"]]
            notes.append(f"{where}: every value is {word}, so `format: {node['format']}`")
        elif not pattern.endswith("/*") and _closed_vocabulary(texts, files):
            node["enum"] = sorted(set(texts))
            notes.append(f"{where}: only {len(node['enum'])} values, each used more than once, so an enum")
    if node.get("type") == "integer" and whole:
        node["minimum"], node["maximum"] = min(whole), max(whole)
        notes.append(f"{where}: integers seen from {node['minimum']} to {node['maximum']}")
    if node.get("required"):
        notes.append(f"{where}: required {', '.join(node['required'])} (present in every file)")


_FORMAT_WORDS = {"date-time": "an RFC 3339 date-time", "date": "a date", "uri": "an absolute URL"}


def _set_format(node: dict[str, Any], texts: list[str]) -> bool:
    if all(_is_url(t) for t in texts):
        node["format"] = "uri"
    elif all(_conforms(t, "date") for t in texts):
        node["format"] = "date"
    elif all(_conforms(t, "date-time") for t in texts):
        node["format"] = "date-time"
    return "format" in node


def _closed_vocabulary(texts: list[str], files: int) -> bool:
    counts = Counter(texts)
    return (
        files >= ENUM_MIN_FILES
        and 2 <= len(counts) <= ENUM_MAX_VALUES
        and min(counts.values()) >= ENUM_MIN_REPEATS
    )


def _conforms(text: str, format_name: str) -> bool:
    """Whether the schema engine itself accepts `text` as `format_name`, so the inferred
    schema can never reject a value it was inferred from."""
    return _FORMAT_CHECKERS[format_name].is_valid(text)


_FORMAT_CHECKERS = {
    name: jsonschema_rs.validator_for({"type": "string", "format": name}, validate_formats=True)
    for name in ("uri", "date", "date-time")
}


def _is_url(text: str) -> bool:
    scheme = text.partition("://")[0]
    return scheme in ("http", "https") and _conforms(text, "uri")


def _note_nearly_required(documents: Sequence[Mapping[str, Any]], notes: list[str]) -> None:
    counts = Counter(key for document in documents for key in document)
    for key, count in sorted(counts.items()):
        if count < len(documents) and count >= NEARLY_ALL * len(documents):
            notes.append(f"{pointers.join('', key)}: in {count} of {len(documents)} files, so not required")
