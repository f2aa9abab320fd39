"""Apply fixes to a file's bytes: choose fixes that do not overlap, splice their edits in.

Edits count lines and characters as findings do (after a BOM, lines split at `\\n`); the
splice works on bytes, so everything outside the edits (the BOM, CRLF line ends, a body that
is not even UTF-8) stays byte for byte.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from linter.findings import Finding
from linter.fixes import Applicability, Edit, Fix
from linter.reading.frontmatter import BOM


def chosen_fixes(findings: Iterable[Finding], allowed: Collection[Applicability]) -> list[tuple[Fix, int]]:
    """(fix, how many findings it removes), in file order, without two that overlap: a later
    pass applies what is left. Equal fixes (one per problem of a field) count once."""
    counts: dict[Fix, int] = {}
    for finding in findings:
        if finding.fix is not None and finding.fix.applicability in allowed and finding.fix.edits:
            counts[finding.fix] = counts.get(finding.fix, 0) + 1
    taken: list[tuple[Fix, int]] = []
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for fix in sorted(counts, key=_first_position):
        own = [((e.line, e.column), (e.end_line, e.end_column)) for e in fix.edits]
        if any(_overlap(a, b) for a in own for b in spans):
            continue
        spans.extend(own)
        taken.append((fix, counts[fix]))
    return taken


def apply_edits(data: bytes, edits: Sequence[Edit]) -> bytes:
    """`data` with non-overlapping `edits` spliced in (from the end, so offsets stay valid)."""
    skip = len(BOM) if data.startswith(BOM) else 0
    starts = [skip]
    index = data.find(b"\n", skip)
    while index >= 0:
        starts.append(index + 1)
        index = data.find(b"\n", index + 1)
    located = sorted(
        (
            (_offset(data, starts, e.line, e.column), _offset(data, starts, e.end_line, e.end_column), e)
            for e in edits
        ),
        key=lambda item: item[0],
        reverse=True,
    )
    for start, end, edit in located:
        data = data[:start] + edit.content.encode("utf-8", "surrogateescape") + data[end:]
    return data


def _offset(data: bytes, starts: list[int], line: int, column: int) -> int:
    if line > len(starts):
        return len(data)
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(data)
    text = data[start:end].decode("utf-8", "surrogateescape")
    return start + len(text[: column - 1].encode("utf-8", "surrogateescape"))


def _first_position(fix: Fix) -> tuple[int, int]:
    return min((e.line, e.column) for e in fix.edits)


def _overlap(a: tuple[tuple[int, int], tuple[int, int]], b: tuple[tuple[int, int], tuple[int, int]]) -> bool:
    """Spans overlap when they share a character, or when both touch the same insertion point."""
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]
