"""Drive the real pre-commit with our hook, installed from a local copy of this checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ARTICLE, REPO, line_of, write

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}
SHIPPED = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "linter", "schemas")

pytestmark = [
    pytest.mark.slow,  # real git and pre-commit, which installs the hook from a copy of the checkout
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _pre_commit(cwd: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pre_commit", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """A git repository holding the current working tree (uncommitted changes included)."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in SHIPPED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, repo / name)
    env = {**os.environ, **GIT_ENV}
    _git(repo, "init", "-q", env=env)
    _git(repo, "add", "-A", env=env)
    _git(repo, "commit", "-qm", "hook under test", env=env)
    return repo, _git(repo, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture
def content_repo(tmp_path, hook_repo, tmp_path_factory):
    repo_path, rev = hook_repo
    env = {
        **os.environ,
        **GIT_ENV,
        "PRE_COMMIT_HOME": str(tmp_path_factory.getbasetemp() / "pre-commit-home"),
    }
    _git(tmp_path, "init", "-q", env=env)
    (tmp_path / "content-lint.toml").write_text('preset = "news-article"\n')  # a news site pins its format
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo_path}\n    rev: {rev}\n    hooks:\n      - id: content-lint\n"
    )
    install = _pre_commit(tmp_path, "install", env=env)
    assert install.returncode == 0, install.stdout + install.stderr
    return tmp_path, env


def test_broken_article_is_refused_and_clean_one_goes_in(content_repo):
    repo, env = content_repo
    broken = ARTICLE.replace("quality: 50", "quality: 150")
    (repo / "news").mkdir()
    (repo / "news" / "bad.md").write_text(broken)
    _git(repo, "add", "-A", env=env)
    refused = _git(repo, "commit", "-m", "add broken article", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert f"news/bad.md:{line_of(broken, 'quality: 150')}:10: FM100" in output

    (repo / "news" / "bad.md").write_text(ARTICLE)
    _git(repo, "add", "-A", env=env)
    accepted = _git(repo, "commit", "-m", "add clean article", env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert _git(repo, "log", "--oneline").stdout.count("\n") == 1


def test_a_duplicate_split_across_pre_commits_calls_is_found(content_repo):
    """pre-commit splits ~128 KiB of file names into several calls even with require_serial;
    the two copies sit at the two ends of the list, so in different calls."""
    repo, env = content_repo
    (repo / "news").mkdir()
    padding = "x" * 80
    for index in range(1800):
        text = ARTICLE.replace("sea-wall-approved", f"story-{index}")
        (repo / "news" / f"{index:04d}-{padding}.md").write_text(text)
    (repo / "news" / f"9999-{padding}.md").write_text(ARTICLE.replace("sea-wall-approved", "story-0"))
    _git(repo, "add", "-A", env=env)
    refused = _git(repo, "commit", "-m", "add 1801 articles", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    line = line_of(ARTICLE, "webUrl:")
    assert f"news/9999-{padding}.md:{line}:9: FM404" in output
    assert f"news/0000-{padding}.md:{line}:9: FM404" in output


def _commit_all(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    _git(repo, "add", "-A", env=env)
    return _git(repo, "commit", "-m", message, env=env)


@pytest.mark.parametrize(
    "planted",
    [
        {"--extend-exclude=bad.md": ""},
        {"--config=x.md": "", "x.md": 'ignore = ["FM"]\n'},
        {"--output-file=x.md": "", "x.md": ARTICLE},
    ],
    ids=["extend-exclude", "config", "output-file"],
)
def test_a_committed_file_name_never_becomes_an_option(content_repo, planted):
    repo, env = content_repo
    broken = ARTICLE.replace("quality: 50", "quality: 150")
    (repo / "news").mkdir()
    (repo / "news" / "bad.md").write_text(broken)
    for name, text in planted.items():
        (repo / name).write_text(text)
    refused = _commit_all(repo, env, "break a page and hide it")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert f"news/bad.md:{line_of(broken, 'quality: 150')}:10: FM100" in output
    assert "content-lint: error:" not in output
    assert all((repo / name).read_text() == text for name, text in planted.items())


def test_a_file_named_like_a_short_option_is_checked_as_a_file(content_repo):
    repo, env = content_repo
    (repo / "-x.md").write_text(ARTICLE)
    accepted = _commit_all(repo, env, "a page whose name starts with a dash")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_own_args_ending_with_the_separator_still_apply(content_repo):
    repo, env = content_repo
    config = (repo / ".pre-commit-config.yaml").read_text()
    (repo / ".pre-commit-config.yaml").write_text(config + '        args: ["--ignore", "FM100", "--"]\n')
    (repo / "news").mkdir()
    (repo / "news" / "bad.md").write_text(ARTICLE.replace("quality: 50", "quality: 150"))
    accepted = _commit_all(repo, env, "FM100 is ignored here")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def _readme_recipes() -> list[str]:
    """The YAML blocks of README's pre-commit section, as a user pastes them."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Using it from pre-commit\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)


@pytest.mark.parametrize(
    ("recipe", "source"),
    [(0, "git+file://{repo}@{rev}"), (0, "file://{repo}"), (1, "{repo}")],
    ids=["local-hook-at-a-commit", "local-hook-from-a-checkout", "hook-repository-at-a-commit"],
)
def test_readme_recipes_work_with_a_local_clone(tmp_path, hook_repo, tmp_path_factory, recipe, source):
    """Each recipe as written, with the GitHub URL replaced by a local clone (pre-commit cannot
    reach the network here) and COMMIT by its commit: a broken page is refused."""
    repo_path, rev = hook_repo
    config = _readme_recipes()[recipe]
    url = "https://github.com/content-lint/content-lint"
    replaced = (
        config.replace(f"git+{url}@COMMIT", source) if "git+" in config else config.replace(url, source)
    )
    replaced = replaced.replace("{repo}", str(repo_path)).replace("{rev}", rev).replace("COMMIT", rev)
    assert "COMMIT" not in replaced and url not in replaced
    env = {
        **os.environ,
        **GIT_ENV,
        "PRE_COMMIT_HOME": str(tmp_path_factory.getbasetemp() / "pre-commit-home"),
    }
    _git(tmp_path, "init", "-q", env=env)
    (tmp_path / ".pre-commit-config.yaml").write_text(replaced)
    broken = ARTICLE.replace("quality: 50", "quality: 150")
    write(tmp_path, {"content-lint.toml": 'preset = "news-article"\n', "news/bad.md": broken})
    _git(tmp_path, "add", "-A", env=env)
    run = _pre_commit(tmp_path, "run", "--all-files", env=env)
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"news/bad.md:{line_of(broken, 'quality: 150')}:10: FM100" in run.stdout
