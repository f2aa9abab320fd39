"""Correctness check: the findings of one run against the defects the generator planted.

Clean generated files must draw no finding and each planted defect exactly its codes, so
any difference is a bug in the linter or in the generator. Reported, never asserted.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

EXAMPLES = 3


@dataclass
class Verdict:
    planted: int = 0
    expected: int = 0
    reported: int = 0
    missing: Counter[str] = field(default_factory=Counter)  # "kind: code" -> count
    unexpected: Counter[str] = field(default_factory=Counter)  # code -> count
    examples: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.missing and not self.unexpected

    def lines(self) -> list[str]:
        head = f"{self.planted} planted defects: {self.expected} findings expected, {self.reported} reported"
        if self.clean:
            return [head + "; every one matches (no misses, no extras)."]
        out = [head + "."]
        out += [f"missing {key}: {n}" for key, n in sorted(self.missing.items())]
        out += [f"unexpected {code}: {n}" for code, n in sorted(self.unexpected.items())]
        return out + [f"e.g. {example}" for example in self.examples]


def _normal(path: str) -> str:
    path = path.replace("\\", "/")
    return path[2:] if path.startswith("./") else path


def compare(manifest: dict[str, Any], report: str) -> Verdict:
    findings = json.loads(report)["findings"]
    expected: dict[str, Counter[str]] = {}
    kinds: dict[str, str] = {}
    for entry in manifest["planted"]:
        expected.setdefault(entry["path"], Counter()).update(entry["codes"])
        kinds[entry["path"]] = entry["kind"]
    actual: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        actual.setdefault(_normal(finding["path"]), []).append(finding)
    verdict = Verdict(
        planted=sum(manifest["defects"].values()),
        expected=sum(sum(c.values()) for c in expected.values()),
        reported=len(findings),
    )
    for path in sorted(expected.keys() | actual.keys()):
        _judge(verdict, path, kinds.get(path, "clean"), expected.get(path, Counter()), actual.get(path, []))
    return verdict


def _judge(verdict: Verdict, path: str, kind: str, want: Counter[str], got: list[dict[str, Any]]) -> None:
    have = Counter(f["code"] for f in got)
    for code, n in (want - have).items():
        verdict.missing[f"{kind}: {code}"] += n
        if len(verdict.examples) < EXAMPLES:
            verdict.examples.append(f"{path} ({kind}) lacks {code}; reported {sorted(have) or 'nothing'}")
    extra = have - want
    for code, n in extra.items():
        verdict.unexpected[code] += n
    for finding in got:
        if extra.get(finding["code"]) and len(verdict.examples) < EXAMPLES:
            verdict.examples.append(f"{path} ({kind}): {finding['code']} {finding['message']}")
            extra[finding["code"]] -= 1
