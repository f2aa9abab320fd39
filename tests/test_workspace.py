"""The editor's view of a project: indexed from the result cache, judged per edit."""

from __future__ import annotations

from helpers import ARTICLE, REFERENCE_TIME

from linter.cli import main
from linter.config.settings import load_config
from linter.running.engine import Engine
from linter.server.workspace import Workspace


def test_a_warm_project_is_indexed_from_the_cache_and_still_finds_duplicates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME)
    content = tmp_path / "content"
    content.mkdir()
    for name in ("a", "b", "c"):
        (content / f"{name}.md").write_text(ARTICLE.replace("sea-wall", f"sea-wall-{name}"))
    assert main(["check", "content", "-q"]) == 0  # fills the cache
    linted: list[str] = []
    real = Engine.lint_file
    monkeypatch.setattr(Engine, "lint_file", lambda self, path: linted.append(path) or real(self, path))
    workspace = Workspace(load_config(None, tmp_path))
    assert workspace.index() == 3
    assert linted == []  # every file came from the cache, facts included
    copy = str(content / "new.md")
    findings = workspace.lint_text(copy, ARTICLE.replace("sea-wall", "sea-wall-b"))
    assert [(f.code, f.line) for f in findings] == [("FM404", 7)]


def test_a_cold_project_is_linted_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME + "cache = false\n")
    (tmp_path / "a.md").write_text(ARTICLE)
    workspace = Workspace(load_config(None, tmp_path))
    assert workspace.index() == 1
    findings = workspace.lint_text(str(tmp_path / "b.md"), ARTICLE)
    assert [(f.code, f.line) for f in findings] == [("FM404", 7)]
