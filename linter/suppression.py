"""Inline suppression comments inside the front matter.

`# content-lint: disable=FM301,image-size` at the end of a line silences those rules on that
line; `# content-lint: disable-file=FM405` anywhere silences them in the whole file; a bare
`# content-lint: disable` silences every rule on its line. A directive (or one of its codes)
that silences nothing is reported as FM009 `unused-suppression`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from linter.document import Document
from linter.findings import Finding, Problem, Region
from linter.rules import ALL_RULES
from linter.selection import matches

_DIRECTIVE = re.compile(
    r"(?:^|(?<=\s))#\s*content-lint:\s*(?P<kind>disable-file|disable)\b(?:\s*=\s*(?P<codes>[\w\-]+(?:\s*,\s*[\w\-]+)*))?"
)


@dataclass
class Directive:
    line: int
    column: int
    end_column: int
    whole_file: bool
    selectors: tuple[str, ...]  # empty: every rule
    used: set[str]


def parse_directives(text: str) -> list[Directive]:
    """Find directives in the front-matter text (line numbers are the file's)."""
    if "content-lint:" not in text:
        return []
    directives: list[Directive] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "content-lint:" not in line:
            continue
        match = _DIRECTIVE.search(line)
        if match is None:
            continue
        codes = tuple(c.strip() for c in (match["codes"] or "").split(",") if c.strip())
        directives.append(
            Directive(
                number, match.start() + 1, match.end() + 1, match["kind"] == "disable-file", codes, set()
            )
        )
    return directives


def comment_directives(document: Document) -> list[Directive]:
    """Directives that really are YAML comments: not inside a quoted or plain value."""
    directives = parse_directives(document.text)
    if not directives:
        return directives
    regions = list(document.scalar_regions())
    return [d for d in directives if not any(_inside(r, d.line, d.column) for r in regions)]


def _inside(region: Region, line: int, column: int) -> bool:
    return (region.line, region.column) <= (line, column) < (region.end_line, region.end_column)


def apply_suppressions(
    findings: Iterable[Finding], directives: list[Directive]
) -> tuple[list[Finding], list[Problem]]:
    """Drop silenced findings; return what is kept and FM009 problems for unused directives."""
    if not directives:
        return list(findings), []
    kept: list[Finding] = []
    for finding in findings:
        if not _silenced(finding, directives):
            kept.append(finding)
    return kept, list(_unused(directives))


def _silenced(finding: Finding, directives: list[Directive]) -> bool:
    silenced = False
    for directive in directives:
        if not directive.whole_file and directive.line != finding.line:
            continue
        if not directive.selectors:
            directive.used.add("")
            silenced = True
            continue
        for selector in directive.selectors:
            if finding.code.startswith(selector.upper()) or finding.rule == selector.lower():
                directive.used.add(selector)
                silenced = True
    return silenced


def _unused(directives: list[Directive]) -> Iterable[Problem]:
    for directive in directives:
        region = Region(directive.line, directive.column, directive.line, directive.end_column)
        kind = "disable-file" if directive.whole_file else "disable"
        if not directive.selectors:
            if not directive.used:
                yield Problem("FM009", f"`{kind}` silences nothing on this line; remove it", region)
            continue
        for selector in directive.selectors:
            if not any(matches(selector, rule) for rule in ALL_RULES):
                yield Problem("FM009", f"`{kind}={selector}` names no known rule", region)
            elif selector not in directive.used:
                yield Problem("FM009", f"`{kind}={selector}` silences nothing; remove it", region)
