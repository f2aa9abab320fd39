"""The real seed article from the shared folder must lint clean with default settings."""

from __future__ import annotations

import pytest
from helpers import SEED_DIR

from linter.cli import main

SEEDS = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []


@pytest.mark.skipif(not SEEDS, reason=f"seed folder {SEED_DIR} is absent (it is not part of the repository)")
def test_seed_lints_clean_with_defaults(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no config file: pure defaults
    assert main(["check", *map(str, SEEDS)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == f"All checks passed ({len(SEEDS)} file{'s' if len(SEEDS) != 1 else ''})"
