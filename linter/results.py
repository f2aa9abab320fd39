"""The per-file result record, and its JSON form for the cache and worker processes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from linter.findings import Finding
from linter.fixes import Fix
from linter.rules.base import CorpusRule
from linter.suppression import Directive


@dataclass(slots=True)
class FileResult:
    """Everything one file contributes: findings, suppression directives, corpus-rule facts.

    `digest` is the hash of the bytes that were linted ("" when the file could not be read, so
    the result is not cached). `keys` name what the facts can match in other files
    (hashed, see `fact_keys`); a result from the cache carries its keys but not its facts until a key is
    shared with another file (see runner.py).
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    directives: list[Directive] = field(default_factory=list)
    digest: str = ""
    keys: tuple[str, ...] = ()
    #: `facts` as `pack_facts` writes them, held instead of `facts` by results from worker
    #: processes and in a big run without a cache; unpacked only for a shared key.
    packed_facts: str = ""
    #: True when the findings depend on other files (image headers): never cached.
    dependencies: bool = False
    #: Each role pattern the user wrote -> whether it matched here (`linter.bindings`);
    #: None when the file has no document or the user wrote none.
    bindings: dict[str, bool] | None = None


def fact_keys(code: str, keys: Iterable[str]) -> tuple[str, ...]:
    """A 64-bit hash of `CODE<tab>key` per key: keys only say which files' facts to compare, so
    a rare hash collision costs one extra decoding, never a wrong finding; and 16 hex digits
    instead of a URL make the cache rows read on every run a third as long."""
    return tuple(
        hashlib.blake2b(f"{code}\t{key}".encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
        for key in keys
    )


def encode(result: FileResult, corpus_rules: Mapping[str, CorpusRule]) -> tuple[str, str, str]:
    """(findings, keys, facts) as cache text, without the path (the cache key) or anything the
    config derives. Empty strings for nothing: most files have no findings."""
    findings = [
        [f.line, f.column, f.end_line, f.end_column, f.code, f.rule, f.severity, f.message, f.pointer]
        + ([f.fix.to_dict()] if f.fix is not None else [])
        for f in result.findings
    ]
    directives = [
        [d.line, d.column, d.end_column, d.whole_file, list(d.selectors), d.lead, d.alone_after]
        for d in result.directives
    ]
    blob: dict[str, Any] = {"f": findings, "d": directives}
    if result.bindings is not None:
        blob["b"] = result.bindings
    return (
        _dumps(blob) if findings or directives or result.bindings is not None else "",
        "\n".join(result.keys),
        result.packed_facts or pack_facts(result.facts, corpus_rules),
    )


def pack_facts(facts: Mapping[str, Any], corpus_rules: Mapping[str, CorpusRule]) -> str:
    """Corpus-rule facts as one JSON string ("" for none); `decode_facts` reverses it. A tenth
    of the memory of the objects: what 100,000 results hold until the cross-file rules run."""
    encoded = {
        code: corpus_rules[code].encode_facts(value)
        for code, value in facts.items()
        if code in corpus_rules and value is not None
    }
    return _dumps(encoded) if encoded else ""


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def decode(path: str, display: str, findings_text: str, keys_text: str, digest: str) -> FileResult:
    """Rebuild a result without its facts; raises ValueError/KeyError/TypeError on anything
    malformed."""
    keys = tuple(keys_text.split("\n")) if keys_text else ()
    if not findings_text:
        return FileResult(path, [], {}, [], digest, keys)
    data = json.loads(findings_text)
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
            Fix.from_dict(fix[0]) if fix else None,
        )
        for line, col, eline, ecol, code, rule, severity, message, pointer, *fix in data["f"]
    ]
    directives = [
        Directive(
            int(line),
            int(col),
            int(ecol),
            bool(whole),
            tuple(map(str, selectors)),
            set(),
            int(lead),
            bool(alone),
        )
        for line, col, ecol, whole, selectors, lead, alone in data["d"]
    ]
    bindings = data.get("b")
    matched = None if bindings is None else {str(text): bool(hit) for text, hit in bindings.items()}
    return FileResult(path, findings, {}, directives, digest, keys, bindings=matched)


def decode_facts(facts_text: str, corpus_rules: Mapping[str, CorpusRule]) -> dict[str, Any]:
    """The corpus-rule facts of a cached result; raises like `decode`."""
    data = json.loads(facts_text) if facts_text else {}
    return {
        code: corpus_rules[code].decode_facts(value) for code, value in data.items() if code in corpus_rules
    }
