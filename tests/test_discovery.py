"""Which files `content-lint check` picks up from folders."""

from __future__ import annotations

import os

from linter.running.discovery import FileFilter, discover

DEFAULTS = ("*.md", "*.markdown", "*.txt")


def _found(tmp_path, *paths, include=DEFAULTS, exclude=(), gitignore=True, force=False):
    filters = FileFilter.build(include, exclude, tmp_path, gitignore)
    sources = discover([str(tmp_path / p) for p in paths] or [str(tmp_path)], filters, force)
    return sorted(os.path.relpath(s.path, tmp_path) for s in sources if s.problem is None)


def _touch(root, *names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\ntitle: x\n---\n")


def test_default_include_and_recursion(tmp_path):
    _touch(tmp_path, "a.md", "b.markdown", "c.txt", "d.html", "sub/deep/e.md")
    assert _found(tmp_path) == ["a.md", "b.markdown", "c.txt", "sub/deep/e.md"]


def test_hidden_folders_and_node_modules_are_skipped(tmp_path):
    _touch(tmp_path, ".git/x.md", ".cache/y.md", "node_modules/pkg/z.md", "ok.md")
    assert _found(tmp_path) == ["ok.md"]


def test_gitignore_is_respected_including_nested(tmp_path):
    _touch(tmp_path, "drafts/a.md", "keep.md", "sub/tmp.md", "sub/real.md")
    (tmp_path / ".gitignore").write_text("drafts/\n")
    (tmp_path / "sub" / ".gitignore").write_text("tmp.md\n")
    assert _found(tmp_path) == ["keep.md", "sub/real.md"]
    assert _found(tmp_path, gitignore=False) == ["drafts/a.md", "keep.md", "sub/real.md", "sub/tmp.md"]


def test_include_and_exclude_globs(tmp_path):
    _touch(tmp_path, "a.md", "b.mdx", "archive/old.mdx")
    assert _found(tmp_path, include=("*.mdx",), exclude=("archive/",)) == ["b.mdx"]


def test_explicit_file_is_checked_even_if_not_included(tmp_path):
    _touch(tmp_path, "notes.rst")
    assert _found(tmp_path, "notes.rst") == ["notes.rst"]


def test_force_exclude_applies_to_explicit_files(tmp_path):
    _touch(tmp_path, "README.md")
    assert _found(tmp_path, "README.md", exclude=("README.md",)) == ["README.md"]
    assert _found(tmp_path, "README.md", exclude=("README.md",), force=True) == []


def test_each_file_once_even_if_named_twice(tmp_path):
    _touch(tmp_path, "a.md")
    filters = FileFilter.build(DEFAULTS, (), tmp_path, True)
    sources = list(discover([str(tmp_path), str(tmp_path / "a.md")], filters))
    assert len(sources) == 1


def test_symlink_loop_is_not_followed_and_walk_finishes(tmp_path):
    _touch(tmp_path, "a/x.md")
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    filters = FileFilter.build(DEFAULTS, (), tmp_path, True)
    sources = list(discover([str(tmp_path)], filters))
    assert [(os.path.relpath(s.path, tmp_path), s.problem) for s in sources] == [("a/x.md", None)]


def test_file_symlink_loop_is_a_finding(tmp_path):
    os.symlink(tmp_path / "self.md", tmp_path / "self.md")
    filters = FileFilter.build(DEFAULTS, (), tmp_path, True)
    [source] = list(discover([str(tmp_path / "self.md")], filters))
    assert source.problem is not None and source.problem.code == "FM007"
