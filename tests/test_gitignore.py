"""Our gitignore matcher gives pathspec's verdict (GitIgnoreSpec, the oracle kept in the test
extra) for every path: generated lines and paths, every preset's page patterns, and the forms
people write; refuses the lines pathspec refuses with its words; and answers a hostile pattern
in bounded time, where the regex engine pathspec uses would retry for hours."""

from __future__ import annotations

import itertools
import warnings

import pathspec
import pytest
from helpers import ARTICLE, check_json, refused, write
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.config.gitignore import GitIgnore
from linter.config.gitignore_rules import MAX_WILDCARDS
from linter.config.presets import PRESETS
from linter.config.presets.model import NOT_PAGES

#: Pieces of lines: names, every wildcard, classes (`!`, `^`, `]` first, unclosed), escapes,
#: negation, comments, trailing spaces, separators, a line break.
PIECES = ["a", "b", "x.md", ".", "*", "**", "?", "[ab]", "[!a]", "[^b]", "[]a]", "[a-c]", "[", "]"]
PIECES += ["\\*", "\\", "\\ ", " ", "!", "#", "/", "\n", "-"]
NAMES = ["a", "b", "ab", "ba", "aab", "x.md", "*", "a b", "a ", "[ab]", "!", "#a", "-", "a\n", ".a"]

lines = st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=7).map("".join), max_size=5)
paths = st.builds(
    lambda names, lead, tail: lead + "/".join(names) + tail,
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=5),
    st.sampled_from(["", "./", "/"]),
    st.sampled_from(["", "/"]),
)


def _oracle(patterns: list[str]) -> pathspec.GitIgnoreSpec | str:
    """pathspec's compiled lines, or the words it refuses them with."""
    try:
        return pathspec.GitIgnoreSpec.from_lines(patterns)
    except Exception as exc:  # GitIgnorePatternError, or re.error for a backward range
        return str(exc)


def _ours(patterns: list[str]) -> GitIgnore | str:
    try:
        return GitIgnore(patterns)
    except ValueError as exc:
        return str(exc)


def _assert_same(patterns: list[str], candidates: list[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # `[[` in a class: "possible nested set"
        oracle, ours = _oracle(patterns), _ours(patterns)
    if isinstance(oracle, str) or isinstance(ours, str):
        assert ours == oracle, patterns
        return
    for path in candidates:
        assert ours.match_file(path) == oracle.match_file(path), (patterns, path)
        taken = any(p.include and p.match_file(path) for p in oracle.patterns)  # a page beside the root
        assert ours.any_taken(path) == taken, (patterns, path)


@settings(max_examples=600, deadline=None)
@given(lines, st.lists(paths, min_size=1, max_size=12))
def test_generated_lines_and_paths_get_pathspecs_verdict(patterns, candidates):
    _assert_same(patterns, candidates)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["*a", "*", "**/", "a/", "?", "[ab]", "b"]), min_size=6, max_size=12))
def test_lines_with_many_wildcards_get_pathspecs_verdict(pieces):
    """Three wildcards or more are matched without the regex engine (see gitignore_walk)."""
    pattern = "".join(pieces)
    candidates = ["a" * 6, "ab/" * 4, "a/aa/ab/b", "aab/ab/b/", "b/a/a/b/ab", "ba/ba"]
    _assert_same([pattern], candidates)
    _assert_same(["*", "!" + pattern], candidates)
    _assert_same([pattern, "!a*/"], candidates)


FOLDERS = ["", "docs/", "content/", "content/drafts/", "a/_posts/private/", ".github/", "node_modules/x/"]
FILES = ["a.md", "README.md", "readme.txt", "LICENSE", "LICENCE.md", "index.html", "_index.md", "x.mdx"]
FORMS = [
    ["content/**", "!content/drafts/", "content/drafts/keep.md"],
    ["docs/", "!docs/README.md", "blog/*.md", "/top.md"],
    ["# only a comment", "", "   "],
    ["**/_posts/**", "!**/_posts/private/**", "*.html", "!index.html"],
    ["*", "![(?P<ps_d>]x", "!a\\1b", "!(?i)x", "!*.md/"],  # regex syntax as literal names
    ["*.md", "!*.md/", "docs/**/", "**/drafts", "a/**/b", "\\!x", "\\#y", "x\\ "],
]


@pytest.mark.parametrize(
    "patterns",
    [list(preset.content) for preset in PRESETS.values() if preset.content] + [["*", *NOT_PAGES], *FORMS],
)
def test_every_presets_pages_and_the_usual_forms_get_pathspecs_verdict(patterns):
    candidates = [folder + name for folder, name in itertools.product(FOLDERS, FILES)]
    _assert_same(patterns, [lead + path for path in candidates for lead in ("", "./", "/")])
    _assert_same(patterns, [folder for folder in FOLDERS if folder])


@pytest.mark.timeout(20)  # the regex engine pathspec uses: hours
@pytest.mark.parametrize(
    "pattern",
    [
        "*a" * 20 + "b",  # each star retried at every length
        "a/" + "**/a/" * 16 + "b",  # each `**` retried at every folder
        "*" * 5000 + "b",
        "?" * 5000,
        "[[[[a]" * 1000,
        "**/" + "*a" * 25 + "b/**/*c*d*",
    ],
)
def test_a_hostile_pattern_is_answered_in_bounded_time(pattern):
    spec = GitIgnore([pattern])
    assert not spec.match_file("/".join(["a" * 100] * 40))
    assert not spec.match_file("a" * 250)


def test_a_line_with_too_many_wildcards_is_refused_in_config(article_dir, capsys):
    pattern = "*a" * (MAX_WILDCARDS + 1)
    (article_dir / "content-lint.toml").write_text(f'exclude = ["{pattern}"]\n')
    assert f"has more than {MAX_WILDCARDS} wildcards" in refused(capsys)


@pytest.mark.parametrize(("pattern", "words"), [("!", "Invalid git pattern: '!'"), ("a\\\\", "Invalid git")])
def test_a_line_that_is_no_pattern_is_refused_with_pathspecs_words(article_dir, capsys, pattern, words):
    (article_dir / "content-lint.toml").write_text(f'exclude = ["{pattern}"]\n')
    assert f"is invalid: {words}" in refused(capsys)


def test_a_gitignore_line_that_is_no_pattern_is_skipped_quietly_and_the_others_apply(
    tmp_path, monkeypatch, capsys
):
    broken = ARTICLE.replace("quality: 50", "quality: 150")
    gitignore = "old/\n[z-a]\nfoo\\\n!\n[[x]\n"  # the last: a nested set to the engine, which warns
    write(tmp_path, {".gitignore": gitignore, "old/a.md": broken, "new/b.md": broken})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning printed on every run
        status, found = check_json(capsys, tmp_path, monkeypatch, "--select", "FM100", ".")
    assert (status, [path for path, *_ in found]) == (1, ["new/b.md"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a*", "ab*", "[ab]*", "**/b*", "a/b*", "x.md*", "*a*", "a?*", "**/a*/"]), min_size=2
    ),
    st.lists(paths, min_size=1, max_size=12),
)
def test_lines_that_match_a_name_prefix_anywhere_get_pathspecs_verdict(names, candidates):
    """Such lines share one group in the search of all lines (`gitignore_rules.alternation`)."""
    _assert_same(names, candidates)
    _assert_same(["*", *("!" + name for name in names)], candidates)
