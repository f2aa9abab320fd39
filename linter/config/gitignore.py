"""Gitignore-style patterns (`exclude`, pages, `[[types]] paths`, `per-file-ignores`, the
`.gitignore` files a walk reads) with the verdict of pathspec 1.1.1's
`GitIgnoreSpec.from_lines(lines).match_file(path)`, which the tests hold it to.

Our own because importing pathspec (with typing_extensions and its optional-backend probes)
cost a one-file run 38 M of its 562 M CPU instructions. The verdict: of the lines that
match a path, the last that matches the path itself wins, else the last that matches a folder
of it (`docs/` takes `docs/a.md`, `!docs/a.md` then keeps it); none: not matched. The walk asks
once a file, 100,000 times in a warm run, so a path no `!` line matches is settled by one
search of the other lines' alternation (it matches exactly when one of them does)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from linter.config.gitignore_rules import Rule, alternation, compile_quietly, rule
from linter.config.gitignore_walk import FOLDER, ITSELF, NONE, steps, verdict

#: Separators other than `/` that a path may use here (pathspec turns them into `/`).
_SEPARATORS = [sep for sep in (os.sep, os.altsep) if sep and sep != "/"]


class GitIgnore:
    """Compiled pattern lines; `rules` are those that take part (no blanks or comments)."""

    __slots__ = ("_any_negated", "_any_taken", "_probes", "rules")

    def __init__(self, lines: Iterable[str], skip_invalid: bool = False) -> None:
        """ValueError for a line that is not a pattern, unless `skip_invalid` (as git reads a
        `.gitignore`: such a line matches nothing)."""
        rules: list[Rule] = []
        for line in lines:
            try:
                made = rule(line) if line else None
            except ValueError:
                if not skip_invalid:
                    raise
                made = None
            if made is not None:
                rules.append(made)
        self.rules = tuple(rules)
        #: Each line's own probe, last line first: made when a `!` line first matches a path.
        self._probes: list[tuple[Callable[[str], int], bool]] | None = None
        self._any_taken = _any_of([each for each in rules if each.include])
        self._any_negated = _any_of([each for each in rules if not each.include])

    def match_file(self, path: str) -> bool:
        """Whether the lines match `path` (relative to their folder; a folder's path ends in `/`)."""
        if _SEPARATORS or path[:1] in "./":
            path = _normal(path)
        negated, taken = self._any_negated, self._any_taken
        if negated is not None and negated(path) is not None:
            return self._verdict(path)
        return taken is not None and taken(path) is not None

    def any_taken(self, path: str) -> bool:
        """Whether a line without `!` matches `path` as given, whatever the others say."""
        return self._any_taken is not None and self._any_taken(path) is not None

    def key(self) -> list[tuple[str, bool]]:
        """What decides every verdict: each line's expression and whether it takes or keeps."""
        return [(each.expression, each.include) for each in self.rules]

    def _verdict(self, path: str) -> bool:
        if self._probes is None:
            self._probes = [(_probe(each), each.include) for each in reversed(self.rules)]
        through: bool | None = None
        for probe, include in self._probes:
            found = probe(path)
            if found == ITSELF:
                return include
            if found == FOLDER and through is None:
                through = include
        return bool(through)


def _normal(path: str) -> str:
    """The path as pathspec matches it: `/` separators, one leading `/` or `./` dropped."""
    for sep in _SEPARATORS:
        path = path.replace(sep, "/")
    if path.startswith("/"):
        return path[1:]
    return path[2:] if path.startswith("./") else path


def _probe(made: Rule) -> Callable[[str], int]:
    """NONE, FOLDER or ITSELF for a path: whether and how the line matches it."""
    if made.tokens is not None:
        program = steps(made.tokens)
        return lambda path: verdict(program, path)
    search = compile_quietly(made.expression).search

    def probe(path: str) -> int:
        match = search(path)
        if match is None:
            return NONE
        return FOLDER if match.lastgroup == "ps_d" else ITSELF

    return probe


def _any_of(rules: list[Rule]) -> Callable[[str], object] | None:
    """A search that finds something (not None) exactly when one of `rules` matches a path: one
    search of their alternation (an alternative matches at a position exactly when its pattern
    does), and a walk for each risky one; None for no rules."""
    simple = [each.plain for each in rules if each.tokens is None]
    walks = [steps(each.tokens) for each in rules if each.tokens is not None]
    if not rules:
        return None
    search = compile_quietly(alternation(simple) or "(?!)").search
    if not walks:
        return search

    def any_of(path: str) -> object:
        if search(path) is not None or any(verdict(program, path) != NONE for program in walks):
            return True
        return None

    return any_of
