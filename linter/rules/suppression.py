"""Inline suppression comments inside the front matter.

`# content-lint: disable=FM301,image-size` at the end of a line silences those rules on that
line; `# content-lint: disable-file=FM405` anywhere silences them in the whole file; a bare
`# content-lint: disable` silences every rule on its line. A directive (or one of its codes)
that silences nothing is reported as FM009 `unused-suppression`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from linter.findings import Finding, Problem, Region
from linter.fixes import Edit, Fix
from linter.reading.document import Document
from linter.records import NamedTuple
from linter.rules.registry import ALL_RULES
from linter.rules.selection import matches


@functools.cache
def _directive() -> re.Pattern[str]:
    """Compiled on first use: only a front matter that says `content-lint:` is searched."""
    return re.compile(
        r"(?:^|(?<=\s))#\s*content-lint:\s*(?P<kind>disable-file|disable)\b(?:\s*=\s*(?P<codes>[\w\-]+(?:\s*,\s*[\w\-]+)*))?"
    )


class Directive(NamedTuple):
    line: int
    column: int
    end_column: int
    whole_file: bool
    selectors: tuple[str, ...]  # empty: every rule
    #: Where the blank run before the comment starts (1 when only blanks precede it: the
    #: comment has its line to itself), and whether only blanks follow it: what removing it
    #: may take along without touching anything else.
    lead: int = 0
    alone_after: bool = False


def parse_directives(text: str) -> list[Directive]:
    """Find directives in the front-matter text (line numbers are the file's)."""
    if "content-lint:" not in text:
        return []
    directives: list[Directive] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "content-lint:" not in line:
            continue
        match = _directive().search(line)
        if match is None:
            continue
        codes = tuple(c.strip() for c in (match["codes"] or "").split(",") if c.strip())
        before = line[: match.start()]
        lead = len(before.rstrip(" \t")) + 1
        directives.append(
            Directive(
                number,
                match.start() + 1,
                match.end() + 1,
                match["kind"] == "disable-file",
                codes,
                lead,
                not line[match.end() :].strip(" \t\r"),
            )
        )
    return directives


def comment_directives(document: Document) -> list[Directive]:
    """Directives that really are comments: not inside a quoted or plain value (a key
    included), and never in JSON, which has no comments."""
    if document.text.lstrip()[:1] == "{":
        return []
    directives = parse_directives(document.text)
    if not directives:
        return directives
    regions = list(document.scalar_regions())
    return [d for d in directives if not any(_inside(r, d.line, d.column) for r in regions)]


def _inside(region: Region, line: int, column: int) -> bool:
    return (region.line, region.column) <= (line, column) < (region.end_line, region.end_column)


def apply_suppressions(
    findings: Iterable[Finding], directives: Sequence[Directive]
) -> tuple[list[Finding], list[Problem]]:
    """Drop silenced findings; return what is kept and FM009 problems for unused directives."""
    if not directives:
        return list(findings), []
    used: list[set[str]] = [set() for _ in directives]  # per directive: what silenced something
    kept = [finding for finding in findings if not _silenced(finding, directives, used)]
    return kept, list(_unused(directives, used))


def _silenced(finding: Finding, directives: Sequence[Directive], used: list[set[str]]) -> bool:
    silenced = False
    for directive, its_used in zip(directives, used, strict=True):
        if not directive.whole_file and directive.line != finding.line:
            continue
        if not directive.selectors:
            its_used.add("")
            silenced = True
            continue
        for selector in directive.selectors:
            if finding.code.startswith(selector.upper()) or finding.rule == selector.lower():
                its_used.add(selector)
                silenced = True
    return silenced


def _unused(directives: Sequence[Directive], used: list[set[str]]) -> Iterable[Problem]:
    for directive, its_used in zip(directives, used, strict=True):
        region = Region(directive.line, directive.column, directive.line, directive.end_column)
        kind = "disable-file" if directive.whole_file else "disable"
        fix = _fix(directive, kind, its_used)
        if not directive.selectors:
            if not its_used:
                yield Problem("FM009", f"`{kind}` silences nothing on this line; remove it", region, fix=fix)
            continue
        for selector in directive.selectors:
            if not any(matches(selector, rule) for rule in ALL_RULES):
                yield Problem("FM009", f"`{kind}={selector}` names no known rule", region, fix=fix)
            elif selector not in its_used:
                yield Problem("FM009", f"`{kind}={selector}` silences nothing; remove it", region, fix=fix)


def _fix(directive: Directive, kind: str, used: set[str]) -> Fix | None:
    """One fix for every FM009 of a directive (so they never overlap): keep only the codes
    that silence something, or remove the comment, or its whole line when it is alone there."""
    line = directive.line
    kept = [s for s in directive.selectors if s in used]
    if kept:
        edit = Edit(
            line, directive.column, line, directive.end_column, f"# content-lint: {kind}={','.join(kept)}"
        )
    elif not directive.alone_after or directive.lead < 1:
        return None  # text after the directive would stop being a comment
    elif directive.lead == 1:
        edit = Edit(line, 1, line + 1, 1, "")
    else:
        edit = Edit(line, directive.lead, line, directive.end_column, "")
    title = f"Keep only {', '.join(kept)} in the directive" if kept else "Remove the unused suppression"
    return Fix("safe", (edit,), title)
