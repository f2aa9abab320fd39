"""The walk's fast page matcher gives pathspec's own verdict for every path, negations included."""

from __future__ import annotations

import itertools

import pathspec

from linter.config.presets.model import NOT_PAGES
from linter.running.spec_match import spec_matcher

SPECS = [
    ["*", *NOT_PAGES],
    ["content/**", "!content/drafts/", "content/drafts/keep.md"],
    ["docs/", "!docs/README.md", "blog/*.md", "/top.md"],
    ["# only a comment", ""],
    ["**/_posts/**", "!**/_posts/private/**", "*.html", "!index.html"],
    ["*", "![(?P<ps_d>]x", "!a\\1b", "!(?i)x", "!*.md/"],  # regex syntax as literal names
]
NAMES = [
    "a.md",
    "README.md",
    "readme.txt",
    "LICENSE",
    "index.html",
    "keep.md",
    "top.md",
    "x.html",
    "Px",
    "<x",
    "a1b",
    "(i)x",
    "Ix",
]
FOLDERS = [
    "",
    "docs/",
    "content/",
    "content/drafts/",
    "blog/",
    "a/_posts/",
    "a/_posts/private/",
    ".github/",
    "node_modules/x/",
]


def test_same_verdict_as_pathspec() -> None:
    for lines in SPECS:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
        matches = spec_matcher(spec)
        for folder, name in itertools.product(FOLDERS, NAMES):
            for path in (folder + name, "./" + folder + name, "/" + folder + name):
                assert matches(path) == spec.match_file(path), (lines, path)
