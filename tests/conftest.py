from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True)
def _not_under_pre_commit(monkeypatch):
    """Tests decide themselves whether a run looks started by pre-commit (it changes defaults)."""
    monkeypatch.delenv("PRE_COMMIT", raising=False)
