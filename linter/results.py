"""The per-file result record, and its JSON form for the cache and worker processes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from linter.findings import Finding
from linter.rules.base import CorpusRule
from linter.suppression import Directive


@dataclass(slots=True)
class FileResult:
    """Everything one file contributes: findings, suppression directives, corpus-rule facts.

    `digest` is the hash of the bytes that were linted ("" when the file could not be read, so
    the result is not cached).
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    directives: list[Directive] = field(default_factory=list)
    digest: str = ""


def encode(result: FileResult, corpus_rules: Mapping[str, CorpusRule]) -> str:
    """JSON without the path (the cache key) or anything the config derives (rule, severity)."""
    findings = [
        [f.line, f.column, f.end_line, f.end_column, f.code, f.rule, f.severity, f.message, f.pointer]
        for f in result.findings
    ]
    directives = [
        [d.line, d.column, d.end_column, d.whole_file, list(d.selectors)] for d in result.directives
    ]
    facts = {
        code: corpus_rules[code].encode_facts(value)
        for code, value in result.facts.items()
        if code in corpus_rules and value is not None
    }
    return json.dumps({"f": findings, "d": directives, "x": facts}, separators=(",", ":"), ensure_ascii=False)


def decode(
    path: str, display: str, payload: str, corpus_rules: Mapping[str, CorpusRule], digest: str
) -> FileResult:
    """Rebuild a result; raises ValueError/KeyError/TypeError on anything malformed."""
    data = json.loads(payload)
    findings = [
        Finding(
            display,
            int(line),
            int(col),
            int(eline),
            int(ecol),
            str(code),
            str(rule),
            severity,
            str(message),
            str(pointer),
        )
        for line, col, eline, ecol, code, rule, severity, message, pointer in data["f"]
    ]
    directives = [
        Directive(int(line), int(col), int(ecol), bool(whole), tuple(map(str, selectors)), set())
        for line, col, ecol, whole, selectors in data["d"]
    ]
    facts = {
        code: corpus_rules[code].decode_facts(value)
        for code, value in data["x"].items()
        if code in corpus_rules
    }
    return FileResult(path, findings, facts, directives, digest)


def decode_facts(path: str, payload: str, corpus_rules: Mapping[str, CorpusRule], digest: str) -> FileResult:
    """Only the corpus-rule facts: what a file that is context (not reported on) contributes."""
    data = json.loads(payload)
    facts = {
        code: corpus_rules[code].decode_facts(value)
        for code, value in data["x"].items()
        if code in corpus_rules
    }
    return FileResult(path, [], facts, [], digest)
