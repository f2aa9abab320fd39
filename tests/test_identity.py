"""Canonical paths without a realpath per file: the cache key and the "already checked" test."""

from __future__ import annotations

import os

from linter.reading.file_stamps import last_change_ns
from linter.running.identity import Identities


def test_a_file_in_a_symlinked_folder_has_the_real_folder_path(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.md").write_text("---\na: 1\n---\n")
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    identities = Identities()
    expected = os.path.realpath(tmp_path / "real" / "a.md")
    assert identities.real(str(tmp_path / "link" / "a.md")) == expected
    located = identities.locate(str(tmp_path / "link" / "a.md"))
    assert located is not None
    assert located.real == expected
    assert located.size == len("---\na: 1\n---\n")


def test_a_symlinked_file_is_its_target_with_the_targets_stat(tmp_path):
    target = tmp_path / "target.md"
    target.write_text("x" * 42)
    (tmp_path / "alias.md").symlink_to(target)
    located = Identities().locate(str(tmp_path / "alias.md"))
    assert located is not None
    assert located.real == os.path.realpath(target)
    assert located.size == 42
    assert located.changed_ns == last_change_ns(target.stat())


def test_relative_paths_resolve_against_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("")
    assert Identities().real("a.md") == os.path.realpath(tmp_path / "a.md")
    assert Identities().real("./sub/../a.md") == os.path.realpath(tmp_path / "a.md")


def test_missing_and_dangling_paths_have_no_location(tmp_path):
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    identities = Identities()
    assert identities.locate(str(tmp_path / "missing.md")) is None
    assert identities.locate(str(tmp_path / "dangling.md")) is None
    assert identities.locate("bad\0path") is None
