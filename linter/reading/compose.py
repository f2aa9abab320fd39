"""Turn a front-matter block into a Document: values, and positions found when needed.

Plain block YAML is read by the line reader (linter.reading.block_values, the same values, the
graph composed only when a position needs it), without loading PyYAML at all; what it does not
read goes through PyYAML's node graph (yaml_compose.py). TOML and JSON front matter become a
graph of our own nodes (nodes.py), without PyYAML too; graph_values.py builds the values of both.
"""

from __future__ import annotations

import functools
from typing import Any

from linter.findings import Problem
from linter.reading.block_values import BlockSpots, block_values
from linter.reading.document import Document
from linter.reading.frontmatter import FrontMatter
from linter.reading.positions import Positions
from linter.reading.surrogates import ESCAPED_SURROGATE, lone_surrogate
from linter.records import NamedTuple


class Limits(NamedTuple):
    """How a front matter is read: bounds, and the plain options a content type may set."""

    max_depth: int = 64
    #: YAML anchors and aliases are read (not refused with FM006), each alias expanded in place.
    allow_aliases: bool = False
    #: At most this many nodes made by expanding aliases, however the file is read.
    max_alias_copies: int = 10_000
    #: `linkTitle` and `linktitle` are one key (Hugo lower-cases keys): a second one is FM004.
    case_insensitive_keys: bool = False


def compose_document(path: str, fm: FrontMatter, limits: Limits) -> tuple[Document | None, list[Problem]]:
    """Return the document (None when it cannot be built) and the reader problems found."""
    text = fm.text
    positions = Positions(text)
    if fm.flavour != "yaml":
        found = _compose_other(fm, limits)
        if isinstance(found, Problem):
            return None, [found]
        return _document(path, fm, found, positions, limits, [])
    # The line reader reads no anchor, alias, tag or merge key, nor anything nested deeper than
    # the limit: what it reads needs none of the safety checks of yaml_compose, nor PyYAML.
    data = block_values(text, limits.max_depth, fm.closing_line - 1)
    if data is not None:  # the node graph waits until a position needs it
        spots = BlockSpots(text, functools.partial(_compose_block, text))
        return _checked(Document(path, data, text, fm.closing_line, None, positions, spots), limits, [])
    from linter.reading.yaml_compose import compose_root  # PyYAML, loaded when first needed

    root, problems = compose_root(text, limits, positions)
    if root is None:
        return None, problems
    return _document(path, fm, root, positions, limits, problems)


def _document(
    path: str, fm: FrontMatter, root: Any, positions: Positions, limits: Limits, problems: list[Problem]
) -> tuple[Document | None, list[Problem]]:
    from linter.reading.graph_values import build

    data, found, fatal = build(root, positions, limits.max_depth)
    problems.extend(found)
    if fatal:
        return None, problems
    return _checked(Document(path, data, fm.text, fm.closing_line, root, positions), limits, problems)


def _checked(
    document: Document, limits: Limits, problems: list[Problem]
) -> tuple[Document | None, list[Problem]]:
    """What is judged on the values: lone surrogates, and keys that differ only in case."""
    # `in` finds a character with memchr, the regex scans in a loop of its own: 23 k
    # instructions a 4 KB block, and most blocks have no backslash at all.
    if "\\" in document.text and ESCAPED_SURROGATE.search(document.text):
        refused = lone_surrogate(document)
        if refused is not None:
            return None, [*problems, refused]
    if limits.case_insensitive_keys:
        from linter.reading.key_case import case_duplicates

        problems.extend(case_duplicates(document))
    return document, problems


# The other flavours are imported when first met: the YAML path, run on
# every file of a cold run, never pays for loading them.
def _compose_other(fm: FrontMatter, limits: Limits) -> Any:
    if fm.flavour == "toml":
        from linter.reading.toml_front import compose_toml

        return compose_toml(fm.text, limits.max_depth)
    from linter.reading.json_front import compose_json

    return compose_json(fm.text, limits.max_depth)


def _compose_block(text: str) -> Any:
    """Loads PyYAML only when a position needs the graph: most files have no finding."""
    from linter.reading.yaml_compose import compose_block

    return compose_block(text)
