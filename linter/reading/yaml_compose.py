"""Compose a front-matter block with PyYAML, for what the line reader does not read.

Loaded only when a file needs it (compose.py): a run whose pages are all plain block YAML never
imports PyYAML, which costs more to load than the rest of a one-file run's reading.

Safety comes first: anchors, aliases, tags and merge keys are refused, and deep nesting is
measured on the event stream *before* composing, so neither a "billion laughs" file nor a
5,000-level list can cost more than a linear scan. The value walk is iterative (no recursion).

libyaml's parser is used when PyYAML has it, the pure one otherwise. They agree on well-formed
front matter; on broken input they can differ, mostly because libyaml follows the spec where
PyYAML's pure scanner refuses a tab inside a plain scalar (`key\tname: x`), and libyaml gives up
earlier on very long lines. Both outcomes are findings with positions inside the file.
"""

from __future__ import annotations

import functools
import operator
import re
from typing import TYPE_CHECKING, Any

import yaml

from linter.findings import Problem, Region
from linter.reading.aliases import AliasBudgetExceeded, compose_with_aliases
from linter.reading.nodes import too_deep
from linter.reading.positions import Positions

if TYPE_CHECKING:
    from linter.reading.compose import Limits

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
try:  # libyaml's parser lives in yaml.cyaml (not on the yaml package); absent without libyaml
    from yaml import cyaml as _cyaml
except ImportError:
    _cyaml = None  # type: ignore[assignment]
_Parser: Any = getattr(_cyaml, "CParser", None)


class _UntypedResolver:
    """We type scalars ourselves (JSON types only, see scalars.py), so the composer's YAML 1.1
    tag resolution, a regex pass in Python over every scalar, is skipped: ~40% of compose time."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return "tag:yaml.org,2002:str"

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class PureUntypedLoader(
    _UntypedResolver, yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer
):
    """PyYAML's pure parser and composer (same results, slower), without tag resolution."""

    def __init__(self, stream: Any) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)


UntypedLoader: Any = PureUntypedLoader
if _Parser is not None:

    class CUntypedLoader(_UntypedResolver, _Parser):  # type: ignore[misc]
        """libyaml's parser and composer, without tag resolution.

        Its composer calls `descend_resolver(parent, index)` and `ascend_resolver()` around
        every node, for tag resolution only. Builtins that ignore them (a builtin is not
        bound as a method) cost less than the Python no-ops: `yaml.compose` of 400 corpus
        front matters, 101 -> 97 µs a file.
        """

        descend_resolver: Any = operator.is_
        ascend_resolver: Any = tuple

    UntypedLoader = CUntypedLoader


_ScalarNode, _MappingNode, _SequenceNode = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode

# Cheap pre-screens: only when one of these matches do we pay for a scan of the event stream.
_NODE_START_BEFORE = frozenset("\n:?,[{-")
_MAX_SAFETY_PROBLEMS = 20
_ALIAS_BUDGET = "aliases expand to more than %d values (an alias bomb?); reading stopped"
_FENCE_START = yaml.Mark("<front matter>", 0, 0, 0, None, 0)
_FENCE_END = yaml.Mark("<front matter>", 3, 0, 3, None, 0)


def compose_block(text: str) -> Any:
    """The node graph of a block the line reader read (it needs none of the safety checks)."""
    return yaml.compose(text, Loader=UntypedLoader)


def compose_root(text: str, limits: Limits, positions: Positions) -> tuple[Any, list[Problem]]:
    """The root mapping node (None when there is none to read) and the problems found."""
    problems: list[Problem] = []
    aliased = False
    if _needs_event_scan(text, limits.max_depth):
        problems, aliased = _scan_events(text, limits, positions)
        if any(problem.code != "FM006" for problem in problems):
            return None, problems
    try:
        if aliased:  # refused or not, the file is read: ignoring FM006 must not skip its checks
            root = compose_with_aliases(text, UntypedLoader, limits.max_alias_copies)
        else:
            root = yaml.compose(text, Loader=UntypedLoader)
    except AliasBudgetExceeded as exc:
        line, column = positions.at(exc.mark)
        budget = Problem(
            "FM008", _ALIAS_BUDGET % limits.max_alias_copies, Region(line, column, line, column + 1)
        )
        return None, [*problems, budget]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, positions)]
    except yaml.YAMLError as exc:  # reader errors (a forbidden character) carry an index, not a mark
        return None, [_reader_problem(exc, text)]
    if root is None or (isinstance(root, _ScalarNode) and root.value == "" and not root.style):
        # Empty, or only comments: an empty mapping (valid for Hugo and Jekyll), at the fence.
        root = yaml.MappingNode("tag:yaml.org,2002:map", [], _FENCE_START, _FENCE_END)
    if not isinstance(root, _MappingNode):
        kind = "a list" if isinstance(root, _SequenceNode) else "a single value"
        message = f"front matter is {kind}; expected a mapping of keys to values"
        return None, [*problems, Problem("FM005", message, positions.region(root))]
    return root, problems


def _needs_event_scan(text: str, max_depth: int) -> bool:
    return "<<" in text or _maybe_anchor_alias_or_tag(text) or _maybe_deep(text, max_depth)


def _maybe_anchor_alias_or_tag(text: str) -> bool:
    """True when `&`, `*` or `!` stands where a YAML node may start (after an indicator)."""
    for indicator in "&*!":
        index = text.find(indicator)
        while index >= 0:
            before = index - 1
            while before >= 0 and text[before] in " \t":
                before -= 1
            if before < 0 or text[before] in _NODE_START_BEFORE:
                return True
            index = text.find(indicator, index + 1)
    return False


def _maybe_deep(text: str, max_depth: int) -> bool:
    """Each block level costs a column of indentation or an indicator, each flow level a
    bracket; only when those could add up to the limit is nesting measured exactly."""
    half = max_depth // 2
    # Brackets are counted only when there are any: two counts cost 4 µs on a 4 KB block,
    # two `in` tests 0.1 µs, and most front matter has no flow collection.
    if ("[" in text or "{" in text) and text.count("[") + text.count("{") >= half:
        return True
    return _deep_indent(half, "\t" in text).search(text) is not None


@functools.lru_cache(maxsize=8)
def _deep_indent(columns: int, tabs: bool) -> re.Pattern[str]:
    """A line that starts with `columns` characters of indentation or block indicators."""
    return re.compile((r"^[ \t?-]{%d}" if tabs else r"\n[ ?-]{%d}") % columns, re.MULTILINE)


def _scan_events(text: str, limits: Limits, positions: Positions) -> tuple[list[Problem], bool]:
    """Refuse tags (and anchors and aliases unless allowed), and measure depth, from events
    (nothing is built). Also says whether any alias is used, to expand it in place."""
    problems: list[Problem] = []
    aliased = False
    depth = 0
    try:
        for event in yaml.parse(text, Loader=Loader):
            aliased = aliased or event.__class__ is yaml.AliasEvent
            message = _unsafe_event(event, limits.allow_aliases)
            if message is not None and len(problems) < _MAX_SAFETY_PROBLEMS:
                problems.append(Problem("FM006", message, positions.region(event)))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limits.max_depth:
                    return [
                        *problems,
                        Problem("FM008", too_deep(limits.max_depth), positions.region(event)),
                    ], aliased
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.reader.ReaderError as exc:
        problems.append(_reader_problem(exc, text))
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):  # libyaml's own hard limit, met while scanning ahead
            region = _syntax_problem(exc, positions).region
            return [*problems, Problem("FM008", too_deep(limits.max_depth), region)], aliased
        problems.append(_syntax_problem(exc, positions))
    return problems, aliased


def _unsafe_event(event: Any, allow_aliases: bool) -> str | None:
    if not allow_aliases:
        if isinstance(event, yaml.AliasEvent):
            return f"alias `*{event.anchor}` refused: aliases can expand a small file into a huge one; repeat the value instead"
        if getattr(event, "anchor", None) is not None:
            return f"anchor `&{event.anchor}` refused: front matter must be plain data without anchors or aliases"
    if getattr(event, "tag", None) is not None:
        return f"explicit tag `{event.tag}` refused: front matter must be plain data"
    return None


def _reader_problem(exc: yaml.YAMLError, text: str) -> Problem:
    index = getattr(exc, "position", None)
    character = getattr(exc, "character", None)
    if not isinstance(index, int) or not 0 <= index <= len(text):
        return Problem("FM003", f"YAML error: {exc}")
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    code = ord(character) if isinstance(character, str) else character
    shown = f"U+{code:04X}" if isinstance(code, int) else repr(character)
    message = (
        f"YAML syntax error: character {shown} is not allowed in YAML (control characters must be escaped)"
    )
    return Problem("FM003", message, Region(line, column, line, column + 1))


def _syntax_problem(exc: yaml.MarkedYAMLError, positions: Positions) -> Problem:
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
