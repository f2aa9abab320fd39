"""Prove a document's fixes once its findings are known, first ones first, within a budget.

Proving a fix reads the whole edited front matter again (see fixing/edits.py), so
proving every proposed fix is quadratic: 3,000 duplicate topics (21 KB) took 18 s and a 1 MiB
front matter hours. Rules therefore only propose a fix (`Problem.proposed`); here the problems
are taken in report order, as the finding cap takes them, and only the first
MAX_FINDINGS_PER_FILE that are reported are proved, and only while the text read again stays
under PROOF_BUDGET_CHARACTERS. A finding past either bound is reported without a fix, which
is always safe: `--fix` lints the file again after each pass and proves the next ones then.
"""

from __future__ import annotations

from collections.abc import Callable

from linter.findings import Problem
from linter.fixes import Fix
from linter.reading.document import Document
from linter.running.finding_cap import MAX_FINDINGS_PER_FILE

#: ~1 s of reading again: 100 proofs of a 40 KB front matter, or 4 of a 1 MiB one.
PROOF_BUDGET_CHARACTERS = 4 << 20


def proved(document: Document, problems: list[Problem], reported: Callable[[str], bool]) -> list[Problem]:
    """`problems` (changed in place) with the proposed fixes of the first reported ones proved;
    `reported(code)` says whether a code is reported at all."""
    if not any(p.proposed is not None for p in problems):
        return problems
    from linter.fixing.edits import edits_for  # most runs propose no fix: not loaded at start-up

    order = sorted(
        (i for i, p in enumerate(problems) if reported(p.code)),
        key=lambda i: (
            problems[i].region.line,
            problems[i].region.column,
            problems[i].code,
            problems[i].message,
        ),
    )
    proofs = min(MAX_FINDINGS_PER_FILE, PROOF_BUDGET_CHARACTERS // max(len(document.text), 1))
    fixes: dict[int, Fix | None] = {}
    for index in order[:MAX_FINDINGS_PER_FILE]:
        spec = problems[index].proposed
        if spec is not None and len(fixes) < proofs:
            fixes[index] = edits_for(document, spec)
    for index, fix in fixes.items():
        if fix is not None:
            problems[index] = problems[index]._replace(fix=fix)
    return problems
