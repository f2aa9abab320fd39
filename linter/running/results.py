"""The per-file result record, and its text form for the cache and worker processes."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from linter.findings import Finding
from linter.fixes import Fix
from linter.hashes import blake2b
from linter.reading.file_stamps import FileStamp, encode_stamps
from linter.records import NamedTuple
from linter.rules.base import CorpusRule
from linter.rules.suppression import Directive


class FileResult(NamedTuple):
    """Everything one file contributes: findings, suppression directives, corpus-rule facts.

    `facts` are packed (`pack_facts`): a tenth of the memory of the objects, what 100,000
    results hold until the cross-file rules run, and only the files whose `keys` (hashed, see
    `fact_keys`) are shared with another file are ever unpacked. "" when there are none, or
    when the run left them in the cache (see linter.running.runner). `digest` is the hash of the
    bytes that were linted, "" when the result must not be cached. `files` are the other
    files its rules read (site images): the cache reuses it only while they are unchanged.
    A NamedTuple: a warm run builds 100,000, at 0.7 µs each against a frozen dataclass's 2.1.
    """

    path: str
    findings: tuple[Finding, ...] = ()
    directives: tuple[Directive, ...] = ()
    facts: str = ""
    keys: tuple[str, ...] = ()
    digest: str = ""
    #: Each role pattern the user wrote -> whether it matched here (`linter.rules.bindings`);
    #: None when the file has no document or the user wrote none. Never changed once built.
    bindings: Mapping[str, bool] | None = None
    files: tuple[FileStamp, ...] = ()


def fact_keys(code: str, keys: Iterable[str]) -> tuple[str, ...]:
    """A 64-bit hash of `CODE<tab>key` per key: keys only say which files' facts to compare, so
    a rare hash collision costs one extra decoding, never a wrong finding; and 16 hex digits
    instead of a URL make the cache rows read on every run a third as long."""
    return tuple(
        blake2b(f"{code}\t{key}".encode("utf-8", "surrogatepass"), digest_size=8).hexdigest() for key in keys
    )


def shared_keys(results: Iterable[FileResult]) -> set[str]:
    """The keys held by more than one result: only their holders can meet in a finding."""
    counts = Counter([key for result in results for key in result.keys])  # counted in C
    return {key for key, count in counts.items() if count > 1}


def sharing(results: Sequence[FileResult]) -> list[FileResult]:
    """The results that share a key with another one (see CorpusRule)."""
    shared = shared_keys(results)
    return [r for r in results if r.keys and not shared.isdisjoint(r.keys)] if shared else []


def encode(result: FileResult) -> tuple[str, str, str, str]:
    """(findings, keys, facts, files read) as cache text, without the path (the cache key) or
    anything the config derives. Empty strings for nothing: most files have no findings."""
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
        result.facts,
        encode_stamps(result.files),
    )


def pack_facts(facts: Mapping[str, Any], corpus_rules: Mapping[str, CorpusRule]) -> str:
    """Corpus-rule facts as one JSON string ("" for none); `unpack_facts` reverses it."""
    encoded = {
        code: corpus_rules[code].encode_facts(value)
        for code, value in facts.items()
        if code in corpus_rules and value is not None
    }
    return _dumps(encoded) if encoded else ""


def unpack_facts(facts_text: str, corpus_rules: Mapping[str, CorpusRule]) -> dict[str, Any]:
    """The corpus-rule facts of a result; raises ValueError/KeyError/TypeError when damaged."""
    data = json.loads(facts_text) if facts_text else {}
    return {
        code: corpus_rules[code].decode_facts(value) for code, value in data.items() if code in corpus_rules
    }


#: One encoder for every file: `json.dumps` with options builds a new one per call.
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def _one_shot() -> Callable[[Any], str]:
    """`_ENCODER.encode`, without the C encoder it builds on every call (a third of packing a
    news file's facts): the same one, made once, with the same options. No check for circular
    values: ours are built here, of lists, dicts, strings and numbers. `c_make_encoder` is
    json's private constructor: where it is missing, differs or answers otherwise than the
    encoder, the encoder as it is."""
    make = getattr(json.encoder, "c_make_encoder", None)
    sample = [["a", 1, None, True, 0.5, {"k": "é"}]]
    try:
        chunks = make(
            None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",", False, False, True
        )  # type: ignore[misc]
        same = "".join(chunks(sample, 0)) == _ENCODER.encode(sample)
    except TypeError:
        same = False
    return (lambda value: "".join(chunks(value, 0))) if same else _ENCODER.encode


_dumps = _one_shot()


def decode(path: str, display: str, findings_text: str, keys_text: str) -> FileResult:
    """Rebuild a cached result without its facts, digest or files read (it is never stored
    again; linter.running.cached checks the files before reusing it); raises
    ValueError/KeyError/TypeError on anything malformed."""
    keys = tuple(keys_text.split("\n")) if keys_text else ()
    if not findings_text:
        return FileResult(path, keys=keys)
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
            int(lead),
            bool(alone),
        )
        for line, col, ecol, whole, selectors, lead, alone in data["d"]
    ]
    bindings = data.get("b")
    matched = None if bindings is None else {str(text): bool(hit) for text, hit in bindings.items()}
    return FileResult(path, tuple(findings), tuple(directives), keys=keys, bindings=matched)
