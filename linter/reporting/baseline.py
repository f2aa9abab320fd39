"""A baseline: findings a team has accepted for now, so CI fails only on new ones.

An entry names a finding by its path (relative to the baseline file's folder, POSIX), code,
JSON pointer and a hash of the offending text as written in the file, never by its line:
an edit elsewhere in the file, or above the problem, leaves the entry matching. The file is
sorted JSON, one entry per line, so a change to it reads well in review.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from linter.findings import Finding
from linter.reading.bounded import read_regular_file
from linter.reading.frontmatter import FrontMatter, split_front_matter
from linter.records import NamedTuple
from linter.reporting.source import MAX_QUOTED_BYTES, read_lines

BASELINE_VERSION = 1
MAX_BASELINE_BYTES = 64 * 1024 * 1024
_FIELDS = ("path", "code", "pointer", "hash")
#: Findings that stand for the whole front matter: nothing else in it was checked (FM000,
#: FM002, FM003, FM005, FM007, FM008), or its meaning depends on which value wins (FM004).
WHOLE_FRONT_MATTER = frozenset({"FM000", "FM002", "FM003", "FM004", "FM005", "FM007", "FM008"})
_MISSING = " is missing the required key `"


class BaselineError(Exception):
    """The baseline file cannot be read or is not one this tool wrote."""


class Entry(NamedTuple):
    """One accepted finding: its file, code, pointer and a hash of its value (ordered as
    written to the file)."""

    path: str
    code: str
    pointer: str
    hash: str


class Comparison(NamedTuple):
    """What a run found against the baseline: the findings to report, and what is gone."""

    new: tuple[Finding, ...]
    known: int
    fixed: tuple[Entry, ...]


def entry_of(finding: Finding, folder: Path, lines: Sequence[str | None], whole: str = "") -> Entry:
    """The baseline entry of `finding`; `lines` are its file's first lines (for the value),
    `whole` its front matter (for a finding that stands for all of it, see `offending_text`)."""
    path = _relative(finding.path, folder)
    text = offending_text(finding, lines, whole)
    value_hash = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return Entry(path, finding.code, finding.pointer, value_hash)


def entries_of(findings: Iterable[Finding], folder: Path) -> list[Entry]:
    """Entries of many findings, reading each file's lines once."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    entries: list[Entry] = []
    for path, group in by_path.items():
        lines = read_lines(path, max(f.end_line for f in group))
        whole = whole_front_matter(path) if any(f.code in WHOLE_FRONT_MATTER for f in group) else ""
        entries.extend(entry_of(f, folder, lines, whole) for f in group)
    return entries


def compare(
    findings: Sequence[Finding], baseline: Sequence[Entry], checked: Iterable[str], folder: Path
) -> Comparison:
    """Drop findings the baseline holds (each entry excuses one finding); entries of checked
    files that matched nothing are `fixed`. Files not checked this run keep their entries."""
    remaining = Counter(baseline)
    new = []
    for finding, entry in zip(findings, entries_of(findings, folder), strict=True):
        if remaining[entry] > 0:
            remaining[entry] -= 1
        else:
            new.append(finding)
    checked_paths = _relative_all(checked, folder)
    fixed = sorted(e for e, n in remaining.items() for _ in range(n) if e.path in checked_paths)
    return Comparison(tuple(new), len(findings) - len(new), tuple(fixed))


def updated(
    findings: Sequence[Finding], old: Sequence[Entry], checked: Iterable[str], folder: Path
) -> list[Entry]:
    """The new baseline: this run's findings, plus old entries of files this run did not check."""
    checked_paths = _relative_all(checked, folder)
    kept = [e for e in old if e.path not in checked_paths]
    return sorted(kept + entries_of(findings, folder))


class BaselineFile:
    """The JSON file on disk; `folder` anchors the entries' relative paths."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = Path(os.path.abspath(path)).parent

    def load(self, missing_ok: bool = False) -> list[Entry]:
        try:
            data = read_regular_file(self.path, MAX_BASELINE_BYTES)
        except ValueError as exc:
            raise BaselineError(f"baseline {self.path}: {exc}") from None
        except FileNotFoundError:
            if missing_ok:
                return []
            raise BaselineError(
                f"baseline {self.path}: no such file (create it with --update-baseline)"
            ) from None
        except OSError as exc:
            raise BaselineError(f"baseline {self.path}: {exc.strerror or exc}") from None
        return _parse(data, self.path)

    def render(self, entries: Sequence[Entry]) -> bytes:
        rows = ",\n".join("  " + json.dumps(_row(e), ensure_ascii=False) for e in sorted(entries))
        body = f"[\n{rows}\n]" if rows else "[]"
        return f'{{"version": {BASELINE_VERSION}, "findings": {body}}}\n'.encode()


def _relative(path: str, folder: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()


def _relative_all(paths: Iterable[str], folder: Path) -> set[str]:
    return {_relative(p, folder) for p in paths}


def _row(entry: Entry) -> dict[str, str]:
    return {name: getattr(entry, name) for name in _FIELDS}


def _parse(data: bytes, path: Path) -> list[Entry]:
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"baseline {path}: not JSON ({exc})") from None
    if not isinstance(document, dict) or document.get("version") != BASELINE_VERSION:
        raise BaselineError(f"baseline {path}: not a content-lint baseline of version {BASELINE_VERSION}")
    rows = document.get("findings")
    if not isinstance(rows, list):
        raise BaselineError(f"baseline {path}: `findings` must be a list")
    entries = []
    for number, row in enumerate(rows, 1):
        if (
            not isinstance(row, dict)
            or set(row) != set(_FIELDS)
            or not all(isinstance(row[k], str) for k in _FIELDS)
        ):
            raise BaselineError(
                f"baseline {path}: entry {number} must have exactly the text fields {', '.join(_FIELDS)}"
            )
        entries.append(Entry(**row))
    return entries


def offending_text(finding: Finding, lines: Sequence[str | None], whole: str) -> str:
    """The text whose change makes a baselined finding new: its span, except where the span
    is not what is wrong. A front matter that could not be read (FM003 is one character) or
    that repeats a key (FM004 spans the key, not the values) is judged as a whole; a missing
    required key spans its whole mapping, but only the key's absence is wrong."""
    if finding.code in WHOLE_FRONT_MATTER:
        return whole
    if finding.code == "FM100" and _MISSING in finding.message:
        return finding.message
    return _span_text(finding, lines)


def _span_text(finding: Finding, lines: Sequence[str | None]) -> str:
    """The file's text from the finding's start to its end ("" when it cannot be read)."""
    first, last = finding.line - 1, finding.end_line - 1
    if first < 0 or last >= len(lines) or any(lines[i] is None for i in range(first, last + 1)):
        return ""
    picked = [line or "" for line in lines[first : last + 1]]
    if len(picked) == 1:
        return picked[0][finding.column - 1 : finding.end_column - 1]
    picked[0] = picked[0][finding.column - 1 :]
    picked[-1] = picked[-1][: finding.end_column - 1]
    return "\n".join(picked)


def whole_front_matter(path: str) -> str:
    """The front matter as text; when it has no end within MAX_QUOTED_BYTES (never closed, too
    large, not text), the file's size and first MAX_QUOTED_BYTES instead."""
    try:
        data = read_regular_file(path, MAX_QUOTED_BYTES, truncate=True)
        size = os.stat(path).st_size
    except (OSError, ValueError):
        return ""
    front = split_front_matter(data, MAX_QUOTED_BYTES)
    if isinstance(front, FrontMatter):
        return front.text
    return f"{size}\n" + data.decode("utf-8", "surrogateescape")
