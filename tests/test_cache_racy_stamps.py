"""A file changed within 2 s of being read is never trusted by its stat, however long the
run takes between reading it and storing its result."""

from __future__ import annotations

import os
import time

from helpers import ARTICLE, REFERENCE_TIME

from linter.cli import main
from linter.running.engine import Engine

BROKEN = ARTICLE.replace("quality: 50", "quality: 150")


def test_a_file_read_while_racy_and_stored_seconds_later_is_rehashed(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME)
    page = tmp_path / "content" / "a.md"
    page.parent.mkdir()
    page.write_text(BROKEN)  # just written: racy when read
    offset = [0]
    real_time_ns = time.time_ns
    monkeypatch.setattr(time, "time_ns", lambda: real_time_ns() + offset[0])
    lint_file = Engine.lint_file

    def slow(self: Engine, path: str) -> object:
        result = lint_file(self, path)
        offset[0] = 3 * 10**9  # the rest of a big run: the result is stored 3 s after the read
        return result

    monkeypatch.setattr(Engine, "lint_file", slow)
    assert main(["check", "content", "-q"]) == 1
    before = page.stat()
    page.write_text(BROKEN.replace("quality: 150", "quality: 151"))  # changed in the same clock tick
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    capsys.readouterr()
    main(["check", "content", "-q"])
    assert "got 151" in capsys.readouterr().out
