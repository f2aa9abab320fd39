from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True)
def _not_under_pre_commit(monkeypatch):
    """Tests decide themselves whether a run looks started by pre-commit (it changes defaults)."""
    monkeypatch.delenv("PRE_COMMIT", raising=False)


@pytest.fixture(autouse=True)
def _private_cache_secret(tmp_path_factory, monkeypatch):
    """Every test gets its own cache secret beside (never inside) its project folder, so no
    test reads or writes the secret in the home folder of whoever runs the suite."""
    monkeypatch.setenv("CONTENT_LINT_SECRET_DIR", str(tmp_path_factory.mktemp("secret") / "content-lint"))


@pytest.fixture
def article_dir(tmp_path, monkeypatch):
    """A working folder holding one clean article, `a.md`."""
    from helpers import ARTICLE

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(ARTICLE)
    return tmp_path


def pytest_configure(config: pytest.Config) -> None:
    """A test file or test named on the command line runs, slow or not: only a run of folders
    (plain `pytest`, `pytest tests/rules`) leaves the slow ones out."""
    named = [arg.split("::")[0] for arg in config.args]
    if config.option.markexpr == "not slow" and named and all(Path(arg).is_file() for arg in named):
        config.option.markexpr = ""


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say when the slow tests are left out, and how to run them (pyproject.toml's addopts)."""
    if config.option.markexpr == "not slow":
        return "slow tests (real processes, git, pre-commit, 1 MiB inputs) left out: `pytest -m ''` runs all"
    return None
