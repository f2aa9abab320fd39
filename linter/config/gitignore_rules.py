"""One gitignore line -> the regular expression pathspec 1.1.1's GitIgnoreSpecPattern makes of
it, character for character: which of two matching lines wins depends on whether the regex
engine's first match ends through a folder (its `ps_d` group), so only the same expression in
the same engine gives the same verdict. A line with many wildcards is also kept as tokens for
gitignore_walk, which finds that same first match without the engine's exponential retries."""

from __future__ import annotations

import itertools
import re
import warnings

from linter.records import NamedTuple

#: Token kinds; a token is (kind, its piece of the regular expression).
START, LEAD, INNER, SLASH, PLUS, STAR, ONE, LIT, CLASS, END, MARK = range(11)
_TEXT = {
    START: "^",
    LEAD: "^(?:.+/)?",  # any leading folders
    INNER: "(?:/.+)?",  # any folders between two names
    SLASH: "/",
    PLUS: "[^/]+",  # a whole `*` name
    STAR: "[^/]*",
    ONE: "[^/]",
    END: "(?:(?P<ps_d>/)|$)",  # the name itself, or a folder of that name (marked)
    MARK: "(?P<ps_d>/)",  # anything inside a folder (marked)
}
#: The same pieces without the group, for one search of many patterns' alternation.
_PLAIN = {**_TEXT, END: "(?:/|$)", MARK: "/"}
_VARIABLE = frozenset({LEAD, INNER, PLUS, STAR})
#: Lines with more variable-width wildcards than this are refused: even matched without
#: exponential retries, each one multiplies the work a path costs.
MAX_WILDCARDS = 32
#: From this many, Python's engine can take seconds on one path (`*a*a*a*b` on `aaa...a`).
RISKY_WILDCARDS = 3

Token = tuple[int, str]


class Rule(NamedTuple):
    """One pattern line that takes part in matching: `include` is False for a `!` line."""

    #: The line's own expression, compiled only where lines disagree (gitignore's `_verdict`):
    #: most paths are answered by one search of every line's `plain` form.
    expression: str
    include: bool
    #: The same pattern with no named group (an alternative in a combined search).
    plain: str
    #: The tokens when the line has RISKY_WILDCARDS or more (see gitignore_walk); else None.
    tokens: tuple[Token, ...] | None


def rule(line: str) -> Rule | None:
    """The line's Rule; None for a blank line, a comment, `/`, or a bracket left open (git
    drops those lines); ValueError (pathspec's message) for a line that is not a pattern."""
    text = line if line.endswith("\\ ") else line.rstrip()
    if not text or text.startswith("#") or text == "/":
        return None
    include = not text.startswith("!")
    names, is_dir = _names(text if include else text[1:])
    if not names:
        raise ValueError(f"Invalid git pattern: {line!r}")
    whole = _anywhere(names, is_dir)
    if whole is not None:
        return Rule(whole, include, whole.replace(_TEXT[MARK], "/"), None)
    try:
        tokens = _tokens(names, is_dir)
    except _OpenBracket:
        return None
    except ValueError:
        raise ValueError(f"Invalid git pattern: {line!r}") from None
    variable = sum(kind in _VARIABLE for kind, _ in tokens)
    # `**` inside a name is `*` twice, the same as one (gitignore_walk takes it as one)
    if variable - sum(a == b == (STAR, _TEXT[STAR]) for a, b in itertools.pairwise(tokens)) > MAX_WILDCARDS:
        raise ValueError(f"Invalid git pattern: {line!r} has more than {MAX_WILDCARDS} wildcards")
    expression = "".join(text for _, text in tokens)
    if any(kind == CLASS for kind, _ in tokens):  # the only piece the engine can refuse
        try:
            compile_quietly(expression)
        except re.error as exc:  # a class's range runs backwards (`[z-a]`): the engine's words
            raise ValueError(str(exc)) from None
    plain = "".join(_PLAIN.get(kind, text) for kind, text in tokens)
    return Rule(expression, include, plain, tuple(tokens) if variable >= RISKY_WILDCARDS else None)


def alternation(plains: list[str]) -> str:
    """One expression that matches where one of the `plain` forms does. The forms of a name
    prefix anywhere (`README*`: a LEAD, name tokens, STAR, END, the commonest exclude lines)
    share their start and end: written once, the default pages' 14 lines compile in 0.16 ms
    instead of 0.54, every run. Only those tokens spell those texts (a literal is escaped, a
    class ends in `]`), so each middle is whole tokens, and `P(?:A|B)S` matches where `PAS` or
    `PBS` does."""
    lead, tail = _PLAIN[LEAD], _PLAIN[STAR] + _PLAIN[END]
    named = [text for text in plains if text.startswith(lead) and text.endswith(tail)]
    others = [f"(?:{text})" for text in plains if text not in named]
    if len(named) > 1:
        middles = "|".join(text[len(lead) : len(text) - len(tail)] for text in named)
        others.append(f"(?:{lead}(?:{middles}){tail})")
    else:
        others += [f"(?:{text})" for text in named]
    return "|".join(others)


def compile_quietly(text: str) -> re.Pattern[str]:
    """The compiled expression, without the engine's FutureWarning for a `[` or `--` in a class
    (`[[ab]`): a literal member to a gitignore line, not worth a warning on every run."""
    if "[" not in text:
        return re.compile(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return re.compile(text)


def _names(text: str) -> tuple[list[str], bool]:
    """The pattern's names as matched from the root, and whether it ends in `/` (a folder)."""
    names = text.split("/")
    is_dir = not names[-1]
    if not names[0]:
        del names[0]  # a leading `/` anchors the pattern at the root
    elif (len(names) == 1 or (len(names) == 2 and not names[1])) and names[0] != "**":
        names.insert(0, "**")  # a lone name matches in any folder
    if names and not names[-1]:
        names[-1] = "**"  # a trailing `/`: everything inside
    collapsed = [name for i, name in enumerate(names) if not (name == "**" and i and names[i - 1] == "**")]
    return collapsed, is_dir


def _anywhere(names: list[str], is_dir: bool) -> str | None:
    """The expression of a pattern that matches every path (`**`, `*`) or everything in a
    folder (`**/`, `*/`), searched anywhere in the path; None for any other pattern."""
    if names == ["**"] or names == ["**", "*"]:
        return _TEXT[MARK] if is_dir and names == ["**"] else "."
    if names == ["**", "*", "**"]:
        return _TEXT[MARK] if is_dir else "/"
    return None


def _tokens(names: list[str], is_dir: bool) -> list[Token]:
    """The pattern's names (`**` runs collapsed) as tokens, anchored at the path's start."""
    out: list[Token] = []
    slash, last = False, len(names) - 1
    for i, name in enumerate(names):
        if name == "**":
            if i == 0:
                out.append((LEAD, _TEXT[LEAD]))
            elif i < last:
                out.append((INNER, _TEXT[INNER]))
                slash = True
            else:
                out.append((MARK, _TEXT[MARK]) if is_dir else (SLASH, "/"))
            continue
        if i == 0:
            out.append((START, "^"))
        if slash:
            out.append((SLASH, "/"))
        out.extend([(PLUS, _TEXT[PLUS])] if name == "*" else _glob(name))
        if i == last:
            out.append((END, _TEXT[END]))
        slash = True
    return out


class _OpenBracket(ValueError):
    """A `[` with no `]` after it in its name: git drops the line."""


def _glob(name: str) -> list[Token]:
    """One name's wildcards as tokens (fnmatch with FNM_PATHNAME, `!` or `^` negating a class)."""
    out: list[Token] = []
    i, end = 0, len(name)
    while i < end:
        char = name[i]
        i += 1
        if char == "\\":
            if i == end:
                raise ValueError("a `\\` with nothing after it")
            out.append((LIT, re.escape(name[i])))
            i += 1
        elif char == "*":
            out.append((STAR, _TEXT[STAR]))
        elif char == "?":
            out.append((ONE, _TEXT[ONE]))
        elif char == "[":
            i = _bracket(name, i, out)
        else:
            out.append((LIT, re.escape(char)))
    return out


def _bracket(name: str, i: int, out: list[Token]) -> int:
    """Append the class that opens before `i` (`]` first in it is a member); return its end."""
    j = i + 1 if i < len(name) and name[i] in "!^" else i
    if j < len(name) and name[j] == "]":
        j += 1
    j = name.find("]", j)
    if j < 0:
        raise _OpenBracket
    negate = name[i] in "!^"
    body = name[i + 1 if negate else i : j + 1]
    out.append((CLASS, "[" + ("^" if negate else "") + body.replace("\\", "\\\\")))
    return j + 1
