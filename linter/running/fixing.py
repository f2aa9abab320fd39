"""`--fix` and `--diff`: apply the findings' fixes file by file, in passes, and write safely.

A pass applies the fixes that do not overlap; the file is then linted again (in memory) and
the next pass applies what is left, until nothing changes or `MAX_PASSES`. Suppression fixes
(FM009) are taken from the whole run only: one file linted alone cannot see which cross-file
findings its comments silence. A file is written atomically, with its permissions, and only
when its bytes on disk are still the ones that were read. This is the run's loop (it lints
each file again); reporting/diff.py only renders what it did.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Collection, Sequence

from linter.findings import Finding
from linter.fixes import Applicability
from linter.fixing.apply import apply_edits, chosen_fixes
from linter.fixing.atomic import write_atomic
from linter.fixing.file_identity import write_in_place
from linter.reading.frontmatter import read_head
from linter.records import NamedTuple
from linter.running.engine import Engine

MAX_PASSES = 10
#: Each pass lints the whole file again (and proves its fixes): a 1 MiB front matter gets two
#: passes, not ten (the next run goes on where this one stopped).
PASS_BUDGET_BYTES = 2 << 20
#: The largest file `--fix` rewrites (it must hold the whole file, body included).
MAX_FILE_BYTES = 64 * 1024 * 1024


class FileFix(NamedTuple):
    """What fixing one file did: its bytes before and after, and how many findings went. A
    NamedTuple: a run never imports `dataclasses`."""

    path: str
    original: bytes
    fixed: bytes
    fixed_count: int
    #: Why the file was not written ("" when it was, or when nothing was asked to be written).
    skipped: str = ""
    #: What each applied fix does, in order (the `--diff` header says it).
    titles: tuple[str, ...] = ()


def fix_files(
    engine: Engine,
    findings: Sequence[Finding],
    allowed: Collection[Applicability],
    *,
    write: bool,
    after_read: Callable[[str], None] | None = None,
) -> list[FileFix]:
    """Fix each file that has an allowed fix; write it when `write`. `after_read(path)` runs
    between reading and writing (a seam for tests: the file may change there)."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.fix is not None and finding.fix.applicability in allowed:
            by_path.setdefault(finding.path, []).append(finding)
    done = []
    for path, own in by_path.items():
        outcome = _fix_one(engine, path, own, allowed)
        if outcome is None or (outcome.fixed == outcome.original and not outcome.skipped):
            continue
        if outcome.skipped:
            done.append(outcome)
            continue
        if after_read is not None:
            after_read(path)
        done.append(_written(outcome) if write else outcome)
    return done


def _fix_one(
    engine: Engine, path: str, findings: list[Finding], allowed: Collection[Applicability]
) -> FileFix | None:
    if os.path.islink(path):
        return None  # replacing a symlink would turn it into a file; fix its target instead
    original = read_head(path, MAX_FILE_BYTES)
    if not isinstance(original, bytes) or len(original) > MAX_FILE_BYTES:
        return None
    if not _same_fixes(engine, path, original, findings):
        return FileFix(path, original, original, 0, "it changed on disk since it was checked; run again")
    data, count, titles = original, 0, []
    for _ in range(min(MAX_PASSES, max(1, PASS_BUDGET_BYTES // max(len(original), 1)))):
        taken = chosen_fixes(findings, allowed)
        if not taken:
            break
        data = apply_edits(data, [edit for fix, _ in taken for edit in fix.edits])
        count += sum(removed for _, removed in taken)
        titles += [fix.title for fix, _ in taken if fix.title]
        again = engine.finish([engine.lint_bytes(path, data)]).findings
        findings = [f for f in again if f.code != "FM009"]
    return FileFix(path, original, data, count, titles=tuple(titles))


def _same_fixes(engine: Engine, path: str, data: bytes, findings: list[Finding]) -> bool:
    """Whether `data` (the file now) gives the fixes the run found: an editor may have saved
    the file since it was checked, and edits computed from other bytes would cut the wrong
    lines. Suppression fixes (FM009) come from the whole run and are left out."""
    again = engine.finish([engine.lint_bytes(path, data)]).findings
    return {f.fix for f in again if f.fix and f.code != "FM009"} >= {
        f.fix for f in findings if f.fix and f.code != "FM009"
    }


def _written(outcome: FileFix) -> FileFix:
    path = outcome.path

    def still_current() -> bool:
        return read_head(path, MAX_FILE_BYTES) == outcome.original

    try:
        info = os.stat(path)
        if info.st_nlink > 1:
            written = write_in_place(path, outcome.fixed, still_current)
        else:
            written = write_atomic(
                path, outcome.fixed, stat.S_IMODE(info.st_mode), still_current=still_current, like=info
            )
        if written:
            return outcome
        reason = "it changed on disk while being fixed; run again"
    except OSError as exc:
        reason = f"cannot write it: {exc.strerror or exc}"
    return FileFix(path, outcome.original, outcome.original, 0, reason)
