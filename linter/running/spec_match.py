"""`GitIgnoreSpec.match_file` with the same answer at a tenth of the cost, for a walk that asks
it once a file: 100,000 times in a warm run, where pathspec's per-pattern match objects were
40 % of the run's CPU (a preset's pages: `*` and fourteen `!README*`-style exceptions).

The answer is exact: pathspec's gitignore backend sets its verdict only from patterns that
match, so when no negated (`!`) pattern matches, the path matches exactly when any other
pattern does. Only a path that a negated pattern matches is handed to pathspec itself, which
settles how gitignore orders the two.
"""

from __future__ import annotations

from collections.abc import Callable

import pathspec
from pathspec.pattern import RegexPattern
from pathspec.util import NORMALIZE_PATH_SEPS, normalize_file


def spec_matcher(spec: pathspec.GitIgnoreSpec) -> Callable[[str], bool]:
    """A function with `spec.match_file`'s verdict for a path (str) relative to the spec's root."""
    used = [p for p in spec.patterns if p.include is not None]
    regexes = [p.regex for p in used if isinstance(p, RegexPattern) and p.regex is not None]
    if len(regexes) != len(used):
        return spec.match_file  # a pattern that is not a regular expression: pathspec decides
    negated = tuple(regex.search for p, regex in zip(used, regexes, strict=True) if not p.include)
    taken = tuple(regex.search for p, regex in zip(used, regexes, strict=True) if p.include)

    def matches(path: str) -> bool:
        norm = normalize_file(path) if NORMALIZE_PATH_SEPS or path[:1] in "./" else path
        for search in negated:
            if search(norm) is not None:
                return spec.match_file(path)
        return any(search(norm) is not None for search in taken)

    return matches
