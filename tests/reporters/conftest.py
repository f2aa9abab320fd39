"""Fixtures every reporter test shares: the sample run, its files on disk, a renderer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reporter_samples import A_TEXT, B_TEXT, FILES, FINDINGS, Render

from linter.reporting import Reporter, RunSummary


@pytest.fixture
def summary() -> RunSummary:
    return RunSummary(len(FILES), FINDINGS, files=FILES)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The files the findings point into, with the working directory at their root."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "content" / "b.md").write_text(B_TEXT, encoding="utf-8")
    (tmp_path / "content" / "clean.md").write_text("---\ntitle: fine\n---\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def render() -> Render:
    def run(reporter: type[Reporter], summary: RunSummary, **options: object) -> str:
        stream = io.StringIO()
        reporter(stream, **options).report(summary)  # type: ignore[call-arg]
        return stream.getvalue()

    return run
