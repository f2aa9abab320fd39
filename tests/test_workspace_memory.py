"""The language server's memory stays bounded while a file is edited: every keystroke gives the
file new cross-file keys (a URL being typed), and the old ones are dropped, not kept empty."""

from __future__ import annotations

import tracemalloc

from helpers import ARTICLE

from linter.config.settings import config_from_table
from linter.server.workspace import Workspace


def test_memory_does_not_grow_with_each_edit(tmp_path):  # ~360 bytes an edit before
    workspace = Workspace(config_from_table({"cache": False}, tmp_path))
    path = str(tmp_path / "page.md")

    def type_url(start: int, count: int) -> None:
        for index in range(start, start + count):
            workspace.lint_text(path, ARTICLE.replace("sea-wall-approved", f"draft-{index}"))

    type_url(0, 300)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        type_url(300, 1000)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 200_000, f"{grown} bytes kept after 1,000 edits"
