"""Turn a rule's node-level fix into text edits, and prove each one before offering it.

Only the bytes of the node change: comments, key order, quoting of other values, line endings
and the body stay as they are. Every fix is checked by reading the edited front matter again:
it must give exactly the data the fix means (the value rewritten, the item gone), or no fix is
offered. That is what makes a fix "safe" to apply blindly, whatever the quoting.
"""

from __future__ import annotations

import copy
import json
import re
from bisect import bisect_right
from typing import Any

from linter.findings import Region
from linter.fixes import Edit, Fix, NodeFix, RemoveItem, Rewrite
from linter.reading import pointers
from linter.reading.compose import Limits, compose_document
from linter.reading.document import Document
from linter.reading.frontmatter import FrontMatter

_BARE_TOML_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BLOCK_ITEM_PREFIX = re.compile(r"[ \t]*-[ \t]+")
_DIRECTIVE = "content-lint:"
# Reading the edited text again: the document was read under these bounds already.
_VERIFY_LIMITS = Limits(max_depth=10_000, allow_aliases=True, max_alias_copies=100_000)


def edits_for(document: Document, spec: NodeFix) -> Fix | None:
    """The edits that apply `spec` to `document`'s file, or None when no edit can be proved."""
    if document.positions.exotic:
        return None  # lone CRs or Unicode line breaks: lines would not be what editors count
    text = document.text
    starts = _line_starts(text)
    if isinstance(spec, Rewrite):
        found = _rewrite(document, spec, starts)
    else:
        found = _remove_item(document, spec, starts)
    if found is None:
        return None
    start, end, content, expected = found
    edited = text[:start] + content + text[end:]
    if not _reads_as(document, edited, expected):
        return None
    return Fix(spec.applicability, (_edit(text, starts, start, end, content),), title(spec))


def title(spec: NodeFix) -> str:
    """What the fix does, for people (the editor's quick-fix title, a `--diff` header line)."""
    if spec.title:
        return spec.title
    if isinstance(spec, RemoveItem):
        return f"Remove `{pointers.label(spec.pointer)}`"
    if spec.target == "key":
        return f"Rename `{pointers.label(spec.pointer)}` to `{_short(spec.value)}`"
    return f"Set `{pointers.label(spec.pointer)}` to `{_short(spec.value)}`"


def _short(text: str, most: int = 40) -> str:
    """A value in a title: one line, at most `most` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= most else flat[: most - 1] + "…"


def _rewrite(document: Document, spec: Rewrite, starts: list[int]) -> tuple[int, int, str, Any] | None:
    key_node, value_node = document.nodes(spec.pointer)
    node = key_node if spec.target == "key" else value_node
    if node is None or node.id != "scalar":  # PyYAML's nodes and ours (nodes.py) have an `id`
        return None
    start, end = _span(document, node, starts)
    content = _render(document.text, start, end, spec.value, spec.target == "key")
    if content is None:
        return None
    expected = copy.deepcopy(document.data)
    parent = pointers.resolve(expected, pointers.parent(spec.pointer))
    token = pointers.last_token(spec.pointer)
    if spec.target == "key":
        if not isinstance(parent, dict) or spec.value in parent or token not in parent:
            return None
        parent[spec.value] = parent.pop(token)
    elif isinstance(parent, dict):
        parent[token] = spec.value
    elif isinstance(parent, list) and token.isdigit():
        parent[int(token)] = spec.value
    else:
        return None
    return start, end, content, expected


def _remove_item(document: Document, spec: RemoveItem, starts: list[int]) -> tuple[int, int, str, Any] | None:
    list_node = document.nodes(pointers.parent(spec.pointer))[1]
    index = pointers.last_token(spec.pointer)
    if list_node.id != "sequence" or not index.isdigit() or int(index) >= len(list_node.value):
        return None
    position = int(index)
    item = list_node.value[position]
    text = document.text
    start, end = _span(document, item, starts)
    if list_node.flow_style is False:  # a YAML block list: remove the item's whole lines
        line_start = text.rfind("\n", 0, start) + 1
        if not _BLOCK_ITEM_PREFIX.fullmatch(text, line_start, start):
            return None
        line_end = text.find("\n", end - 1 if text[end - 1 : end] == "\n" else end)
        start, end = line_start, (len(text) if line_end < 0 else line_end + 1)
        if _DIRECTIVE in text[start:end]:
            return None  # a `disable-file` comment on the line would go with the item
    else:  # a flow list (YAML, TOML, JSON): remove from the end of the item before
        if position == 0:
            return None
        start = _span(document, list_node.value[position - 1], starts)[1]
        if "#" in text[start:end]:
            return None  # a comment between the items would go with it
    expected = copy.deepcopy(document.data)
    parent = pointers.resolve(expected, pointers.parent(spec.pointer))
    if not isinstance(parent, list):
        return None
    del parent[position]
    return start, end, "", expected


def _render(text: str, start: int, end: int, value: str, is_key: bool) -> str | None:
    """`value` written in the quoting style of the scalar at text[start:end]."""
    raw = text[start:end]
    flavour = _flavour(text)
    if flavour == "json":
        return json.dumps(value, ensure_ascii=False)
    if raw.startswith(('"""', "'''", "|", ">")):
        return None  # multi-line and block scalars: no one-line rewrite keeps their style
    if raw.startswith('"'):
        return json.dumps(value, ensure_ascii=False)
    if raw.startswith("'"):
        if flavour == "toml":
            return None if "'" in value else f"'{value}'"
        return "'" + value.replace("'", "''") + "'"
    if flavour == "toml":
        return value if is_key and _BARE_TOML_KEY.fullmatch(value) else None
    return value  # YAML plain: the check by reading again refuses what would not stay text


def _reads_as(document: Document, edited: str, expected: Any) -> bool:
    closing_line = document.closing_line + edited.count("\n") - document.text.count("\n")
    front = FrontMatter(edited, closing_line, _flavour(edited))  # type: ignore[arg-type]
    try:
        again, problems = compose_document(document.path, front, _VERIFY_LIMITS)
    except Exception:  # a fix we cannot prove is no fix
        return False
    return again is not None and not problems and again.data == expected


def _flavour(text: str) -> str:
    first = text[: text.find("\n")].rstrip("\r")
    return "yaml" if first == "---" else "toml" if first == "+++" else "json"


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in re.finditer("\n", text))]


def _span(document: Document, node: Any, starts: list[int]) -> tuple[int, int]:
    region = document.positions.region(node)
    return _offset(starts, region.line, region.column), _offset(starts, region.end_line, region.end_column)


def _offset(starts: list[int], line: int, column: int) -> int:
    return starts[line - 1] + column - 1


def _edit(text: str, starts: list[int], start: int, end: int, content: str) -> Edit:
    region = Region(*_position(starts, start), *_position(starts, end))
    return Edit(region.line, region.column, region.end_line, region.end_column, content)


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1
