"""Compose YAML that uses anchors and aliases, each alias expanded into a copy placed at it.

PyYAML's composer shares the anchored node, so a finding inside an aliased value would point
at the anchor, and walking shared nodes is exactly how an alias bomb explodes. Here every
alias is copied with the alias's own marks, and the copies are counted against a budget: past
it, reading stops at once (FM008), long before the expansion costs anything.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError


class AliasBudgetExceeded(Exception):
    """Aliases expand to more nodes than allowed; `mark` is the alias where it happened."""

    def __init__(self, mark: Any) -> None:
        super().__init__("alias expansion budget exceeded")
        self.mark = mark


def compose_with_aliases(text: str, loader: Any, max_copies: int) -> Any:
    """The root node, like `yaml.compose`; raises yaml errors and AliasBudgetExceeded."""
    anchors: dict[str, Any] = {}
    stack: list[list[Any]] = []  # [collection node, pending mapping key, anchor]
    roots: list[Any] = []
    budget = [max_copies]
    event: Any
    for event in yaml.parse(text, Loader=loader):
        kind = event.__class__
        anchor = getattr(event, "anchor", None)
        if kind is yaml.ScalarEvent:
            node: Any = yaml.ScalarNode(event.tag, event.value, event.start_mark, event.end_mark, event.style)
        elif kind is yaml.AliasEvent:
            if anchor not in anchors:
                raise ComposerError(None, None, f"found undefined alias {anchor!r}", event.start_mark)
            node, anchor = _copy(anchors[anchor], event, budget), None
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            make = yaml.MappingNode if kind is yaml.MappingStartEvent else yaml.SequenceNode
            stack.append([make(event.tag, [], event.start_mark, None, event.flow_style), None, anchor])
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            node, _, anchor = stack.pop()
            node.end_mark = event.end_mark
        else:
            continue
        if anchor is not None:
            anchors[anchor] = node
        _attach(node, stack, roots)
    if len(roots) > 1:
        raise ComposerError(
            "expected a single document in the stream",
            roots[0].start_mark,
            "but found another document",
            roots[1].start_mark,
        )
    return roots[0] if roots else None


def _attach(node: Any, stack: list[list[Any]], roots: list[Any]) -> None:
    if not stack:
        roots.append(node)
        return
    entry = stack[-1]
    parent = entry[0]
    if parent.__class__ is yaml.SequenceNode:
        parent.value.append(node)
    elif entry[1] is None:
        entry[1] = node
    else:
        parent.value.append((entry[1], node))
        entry[1] = None


def _copy(node: Any, alias: Any, budget: list[int]) -> Any:
    """A deep copy of `node` whose every node sits at the alias; iterative, within the budget."""

    def clone(source: Any) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise AliasBudgetExceeded(alias.start_mark)
        if source.__class__ is yaml.ScalarNode:
            return yaml.ScalarNode(source.tag, source.value, alias.start_mark, alias.end_mark, source.style)
        return source.__class__(source.tag, [], alias.start_mark, alias.end_mark, source.flow_style)

    top = clone(node)
    pending = [(node, top)]
    while pending:
        source, target = pending.pop()
        if source.__class__ is yaml.MappingNode:
            for key, value in source.value:
                pair = (clone(key), clone(value))
                target.value.append(pair)
                pending += ((key, pair[0]), (value, pair[1]))
        elif source.__class__ is yaml.SequenceNode:
            for item in source.value:
                copy = clone(item)
                target.value.append(copy)
                pending.append((item, copy))
    return top
