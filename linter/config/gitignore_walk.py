"""The first match Python's regex engine finds for a many-wildcard gitignore pattern, found
without its exponential retries: `*a*a*a*a*a*a*b` tried on a 40-letter name takes the engine
seconds (each `*` retries every length after each failure of the rest). Trying the same
choices in the engine's order, but remembering which (token, position) pairs led nowhere,
visits each pair once; the answer, and whether the match ends through a folder, is the
engine's own."""

from __future__ import annotations

import re

from linter.config.gitignore_rules import (
    CLASS,
    END,
    INNER,
    LEAD,
    LIT,
    MARK,
    ONE,
    PLUS,
    SLASH,
    STAR,
    Token,
    compile_quietly,
)

#: What a pattern says of a path: no match, a match through a folder of the path, a match of it.
NONE, FOLDER, ITSELF = 0, 1, 2
#: A run of fixed-width tokens, matched by one regular expression at a position.
_FIXED = -1
_FIXED_KINDS = frozenset({LIT, CLASS, ONE, SLASH})

Step = tuple[int, "re.Pattern[str] | None"]


def steps(tokens: tuple[Token, ...]) -> tuple[Step, ...]:
    """The tokens with each run of fixed-width ones joined into one expression (the leading
    `^` left out: every pattern given here is tried at the path's start only)."""
    out: list[Step] = []
    run: list[str] = []
    for kind, text in tokens:
        if kind in _FIXED_KINDS:
            run.append(text)
            continue
        if run:
            out.append((_FIXED, compile_quietly("".join(run))))
            run = []
        if kind == STAR and out and out[-1][0] == STAR:
            continue  # `[^/]*[^/]*` ends where `[^/]*` does, first in the same order
        if kind in (LEAD, INNER, PLUS, STAR, END, MARK):
            out.append((kind, None))
    if run:
        out.append((_FIXED, compile_quietly("".join(run))))
    return tuple(out)


def verdict(program: tuple[Step, ...], path: str) -> int:
    """NONE, FOLDER or ITSELF, as `re.search` of the pattern's expression would have it."""
    size = len(path)
    failed: set[int] = set()

    def at(index: int, start: int) -> int:
        if index == len(program):
            return ITSELF
        key = index * (size + 1) + start
        if key in failed:
            return NONE
        found = _step(index, start)
        if found == NONE:
            failed.add(key)
        return found

    def _step(index: int, start: int) -> int:
        kind, fixed = program[index]
        if fixed is not None:
            match = fixed.match(path, start)
            return at(index + 1, match.end()) if match else NONE
        if kind == END:
            if path[start : start + 1] == "/":
                return FOLDER
            return ITSELF if start == size or (start == size - 1 and path[start] == "\n") else NONE
        if kind == MARK:
            return FOLDER if path[start : start + 1] == "/" else NONE
        for end in _ends(kind, path, start):
            found = at(index + 1, end)
            if found != NONE:
                return found
        return NONE

    return at(0, 0)


def _ends(kind: int, path: str, start: int) -> range | list[int]:
    """Where a variable-width token may end, in the order the engine tries them (longest first;
    `.` stops at a line break, `[^/]` at a slash)."""
    if kind in (STAR, PLUS):
        stop = path.find("/", start)
        stop = len(path) if stop < 0 else stop
        return range(stop, start - (kind == STAR), -1)
    line = path.find("\n", start + (kind == INNER))
    line = len(path) if line < 0 else line
    if kind == LEAD:  # `(?:.+/)?`: through each slash after the first character, then none
        return [end + 1 for end in range(line - 1, start, -1) if path[end] == "/"] + [start]
    if path[start : start + 1] != "/":  # INNER, `(?:/.+)?`: none unless a slash comes first
        return [start]
    return [*range(line, start + 1, -1), start]
