"""Turn a front-matter block into a Document in one pass over PyYAML's node graph.

Safety comes first: anchors, aliases, tags and merge keys are refused, and deep nesting is
measured on the event stream *before* composing, so neither a "billion laughs" file nor a
5,000-level list can cost more than a linear scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

import yaml

from linter.document import Document, Span, join_pointer
from linter.findings import Problem, Region
from linter.frontmatter import FrontMatter
from linter.scalars import resolve_plain

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Cheap pre-screens: only when one of these matches do we pay for a scan of the event stream.
_MAYBE_ANCHOR_ALIAS_OR_TAG = re.compile(r"(?:^[ \t]*|[:?,\[{-][ \t]*)[&*!]", re.MULTILINE)
_EXOTIC_LINE_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_MAX_SAFETY_PROBLEMS = 20


@dataclass(frozen=True, slots=True)
class Limits:
    max_depth: int = 64


def compose_document(path: str, fm: FrontMatter, limits: Limits) -> tuple[Document | None, list[Problem]]:
    """Return the document (None when it cannot be built) and the reader problems found."""
    text = fm.text
    positions = _Positions(text)
    if _needs_event_scan(text, limits.max_depth):
        problems = _scan_events(text, limits, positions)
        if problems:
            return None, problems
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, positions)]
    except yaml.YAMLError as exc:  # reader errors without a mark
        return None, [Problem("FM003", f"YAML error: {exc}")]
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == "" and not root.style):
        return None, [
            Problem(
                "FM005", "front matter is empty; expected a mapping of keys to values", Region(1, 1, 1, 4)
            )
        ]
    if not isinstance(root, yaml.MappingNode):
        kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        return None, [
            Problem(
                "FM005",
                f"front matter is {kind}; expected a mapping of keys to values",
                positions.region(root),
            )
        ]
    builder = _Builder(positions, limits)
    data = builder.build(root)
    if builder.fatal:
        return None, builder.problems
    document = Document(path, data, text, fm.closing_line, builder.value_spans, builder.key_spans)
    return document, builder.problems


def _needs_event_scan(text: str, max_depth: int) -> bool:
    if "<<" in text or _MAYBE_ANCHOR_ALIAS_OR_TAG.search(text):
        return True
    # Each block level costs at least one column of indentation or indicator; each flow level
    # one bracket. Only when those could add up to the limit is nesting measured exactly.
    brackets = text.count("[") + text.count("{")
    deep_indent = re.compile(rf"^[ \t?-]{{{max_depth // 2}}}", re.MULTILINE)
    return brackets >= max_depth // 2 or deep_indent.search(text) is not None


def _scan_events(text: str, limits: Limits, positions: _Positions) -> list[Problem]:
    """Refuse anchors, aliases and tags, and measure depth, from events (nothing is built)."""
    problems: list[Problem] = []
    depth = 0
    try:
        for event in yaml.parse(text, Loader=Loader):
            message = _unsafe_event(event)
            if message is not None:
                problems.append(Problem("FM006", message, positions.event_region(event)))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limits.max_depth:
                    region = positions.event_region(event)
                    return [*problems, Problem("FM008", _too_deep(limits), region)]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if len(problems) >= _MAX_SAFETY_PROBLEMS:
                break
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):  # libyaml's own hard limit, met while scanning ahead
            return [*problems, Problem("FM008", _too_deep(limits), _syntax_problem(exc, positions).region)]
        problems.append(_syntax_problem(exc, positions))
    return problems


def _unsafe_event(event: Any) -> str | None:
    if isinstance(event, yaml.AliasEvent):
        return f"alias `*{event.anchor}` refused: aliases can expand a small file into a huge one; repeat the value instead"
    if getattr(event, "anchor", None) is not None:
        return f"anchor `&{event.anchor}` refused: front matter must be plain data without anchors or aliases"
    if getattr(event, "tag", None) is not None:
        return f"explicit tag `{event.tag}` refused: front matter must be plain data"
    return None


def _too_deep(limits: Limits) -> str:
    return f"front matter is nested deeper than {limits.max_depth} levels (max-depth)"


def _syntax_problem(exc: yaml.MarkedYAMLError, positions: _Positions) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or "invalid YAML").strip()
    context = (exc.context or "").strip()
    if context and exc.context_mark is not None and exc.problem_mark is not None:
        line, column = positions.at(exc.context_mark)
        context += f" that starts at line {line}, column {column}"
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    if mark is None:
        return Problem("FM003", message)
    line, column = positions.at(mark)
    return Problem("FM003", message, Region(line, column, line, column + 1))


class _Positions:
    """Map PyYAML marks to file positions.

    YAML also breaks lines at a lone CR, NEL, LS and PS; editors and we do not. Only when the
    text holds one of those is the character index mapped through our own line table.
    """

    def __init__(self, text: str) -> None:
        self._line_starts: list[int] | None = None
        if _EXOTIC_LINE_BREAK.search(text):
            starts = [0]
            starts.extend(m.end() for m in re.finditer("\n", text))
            self._line_starts = starts

    def at(self, mark: Any) -> tuple[int, int]:
        if self._line_starts is None:
            return mark.line + 1, mark.column + 1
        line = bisect_right(self._line_starts, mark.index)
        return line, mark.index - self._line_starts[line - 1] + 1

    def span(self, node: Any) -> Span:
        start = node.start_mark
        end = node.end_mark
        if self._line_starts is None:
            return (start.line + 1, start.column + 1, end.line + 1, end.column + 1)
        return (*self.at(start), *self.at(end))

    def region(self, node: Any) -> Region:
        return Region(*self.span(node))

    def event_region(self, event: Any) -> Region:
        line, column = self.at(event.start_mark)
        end_line, end_column = self.at(event.end_mark)
        return Region(line, column, end_line, end_column)


class _Builder:
    """Walk the node graph iteratively (no recursion) into values and spans."""

    def __init__(self, positions: _Positions, limits: Limits) -> None:
        self.positions = positions
        self.limits = limits
        self.value_spans: dict[str, Span] = {}
        self.key_spans: dict[str, Span] = {}
        self.problems: list[Problem] = []
        self.fatal = False

    def build(self, root: yaml.MappingNode) -> dict[str, Any]:
        span = self.positions.span
        data: dict[str, Any] = {}
        self.value_spans[""] = span(root)
        stack: list[tuple[Any, Any, str, int]] = [(root, data, "", 1)]
        while stack:
            node, container, pointer, depth = stack.pop()
            if depth > self.limits.max_depth:
                self._fatal("FM008", _too_deep(self.limits), node)
                return data
            if isinstance(container, dict):
                items = self._mapping_items(node, pointer)
            else:
                items = ((index, None, child) for index, child in enumerate(node.value))
            for key, key_node, child in items:
                child_pointer = join_pointer(pointer, key)
                self.value_spans[child_pointer] = span(child)
                if key_node is not None:
                    self.key_spans[child_pointer] = span(key_node)
                value = self._value(child)
                if isinstance(container, dict):
                    container[key] = value
                else:
                    container.append(value)
                if isinstance(value, (dict, list)):
                    stack.append((child, value, child_pointer, depth + 1))
        return data

    def _mapping_items(self, node: yaml.MappingNode, pointer: str) -> list[tuple[str, Any, Any]]:
        items: list[tuple[str, Any, Any]] = []
        seen: dict[str, Any] = {}
        for key_node, child in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    Problem(
                        "FM003",
                        "a key must be a plain word, not a list or mapping",
                        self.positions.region(key_node),
                        pointer,
                    )
                )
                continue
            key = key_node.value
            if key == "<<" and not key_node.style:
                self.problems.append(
                    Problem(
                        "FM006",
                        "merge key `<<` refused: write the keys out instead",
                        self.positions.region(key_node),
                        pointer,
                    )
                )
                continue
            first = seen.get(key)
            if first is not None:
                line = self.positions.at(first.start_mark)[0]
                self.problems.append(
                    Problem(
                        "FM004",
                        f"duplicate key `{key}`: first defined on line {line}",
                        self.positions.region(key_node),
                        join_pointer(pointer, key),
                    )
                )
                continue
            seen[key] = key_node
            items.append((key, key_node, child))
        return items

    @staticmethod
    def _value(node: Any) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return resolve_plain(node.value) if not node.style else node.value
        if isinstance(node, yaml.MappingNode):
            return {}
        return []

    def _fatal(self, code: str, message: str, node: Any) -> None:
        self.fatal = True
        self.problems.append(Problem(code, message, self.positions.region(node)))
