"""Eight runs at once over one folder with a shared cache (what pre-commit does with batches)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from helpers import ARTICLE, REFERENCE_TIME, REPO

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]  # 17 real runs


def test_parallel_runs_share_the_cache_safely(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME)
    for index in range(60):
        text = ARTICLE.replace("sea-wall-approved", f"story-{index}")
        if index % 7 == 0:
            text = text.replace("quality: 50", "quality: 170")
        (content / f"a{index:02}.md").write_text(text)
    command = [sys.executable, "-m", "linter", "check", "content", "--jobs", "1", "-q"]
    env_path = {"PYTHONPATH": str(REPO)}
    reference = subprocess.run(
        [*command, "--no-cache"], cwd=tmp_path, capture_output=True, text=True, env={**_env(), **env_path}
    )
    assert reference.returncode == 1 and reference.stdout.count("FM100") == 9
    for _round in range(2):  # a cold round that writes, then a warm one that reads
        runs = [
            subprocess.Popen(
                command,
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env={**_env(), **env_path},
            )
            for _ in range(8)
        ]
        outputs = [run.communicate() for run in runs]
        assert [run.returncode for run in runs] == [1] * 8, [err for _, err in outputs]
        assert all(out == reference.stdout for out, _ in outputs)
        assert not any("Traceback" in err for _, err in outputs)
    [cache] = (tmp_path / ".content-lint-cache").glob("results-*.sqlite3")
    with sqlite3.connect(cache) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 60


def _env():
    import os

    return dict(os.environ)
