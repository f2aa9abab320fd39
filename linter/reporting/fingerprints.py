"""Stable finding identities, so CI services can track a problem across commits."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from linter.findings import Finding
from linter.reporting.locations import display_path


def fingerprints(findings: Iterable[Finding], root: str) -> list[str]:
    """One sha256 per finding from path, code, pointer and message: never the line, so
    edits above a problem do not make it look new; repeats get an occurrence number."""
    seen: Counter[str] = Counter()
    result = []
    for finding in findings:
        parts = (display_path(finding.path, root), finding.code, finding.pointer, finding.message)
        identity = "\0".join(parts)
        occurrence = seen[identity]
        seen[identity] += 1
        if occurrence:
            identity += f"\0{occurrence}"
        result.append(hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest())
    return result
