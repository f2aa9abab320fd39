"""Files the tool reads besides content files (`.gitignore`, the config): never a hang, never
unbounded memory. A content tree's bad `.gitignore` is an FM007 finding at its path (its
patterns are not applied); a bad config is one line and exit status 2."""

from __future__ import annotations

import os

import pytest
from helpers import ARTICLE

from linter.cli import main

pytestmark = pytest.mark.timeout(20)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """content/sub/a.md, clean; the working folder is the project."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content" / "sub").mkdir(parents=True)
    (tmp_path / "content" / "sub" / "a.md").write_text(ARTICLE)
    return tmp_path


def _plant(path, kind: str) -> None:
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    else:  # two MiB of real patterns
        path.write_text("".join(f"drafts-{n}/\n" for n in range(200_000)))


REASONS = {
    "dev-zero": "is a device, not a regular file",
    "fifo": "is a FIFO, not a regular file",
    "huge": "is larger than 1048576 bytes",
}


@pytest.mark.parametrize("kind", list(REASONS))
def test_bad_gitignore_in_the_content_tree_is_a_finding_and_the_rest_is_checked(project, capsys, kind):
    _plant(project / "content" / "sub" / ".gitignore", kind)
    other = ARTICLE.replace("quality: 50", "quality: 150").replace("sea-wall-approved", "b")
    (project / "content" / "sub" / "b.md").write_text(other)
    assert main(["check", "content", "--no-cache", "--output-format", "concise"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "content/sub/.gitignore:1:1: FM007 [error] `.gitignore` not read, its patterns not applied: "
        f"it {REASONS[kind]}",
        "content/sub/b.md:9:10: FM100 [error] `quality` must be at most 100, got 150 (at /quality)",
    ]


def test_gitignore_of_exactly_the_limit_is_read(project, capsys):
    patterns = "b.md\n"
    padding = "#" * ((1 << 20) - len(patterns) - 1) + "\n"
    (project / "content" / "sub" / ".gitignore").write_text(padding + patterns)
    (project / "content" / "sub" / "b.md").write_text("not an article")
    assert main(["check", "content", "--no-cache", "--output-format", "concise"]) == 0


@pytest.mark.parametrize("kind", list(REASONS))
def test_bad_config_file_is_one_line_and_exit_two(project, capsys, kind):
    config = project / "cfg.toml"
    if kind == "huge":
        config.write_text("# padding\n" * 120_000)
    else:
        _plant(config, kind)
    assert main(["check", "content", "--no-cache", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert err == f"content-lint: error: {config}: cannot read config: it {REASONS[kind]}\n"


@pytest.mark.parametrize("depth", [2**33, 1001, 201])
def test_max_depth_beyond_the_parser_limit_is_refused(project, capsys, depth):
    (project / "content-lint.toml").write_text(f"max-depth = {depth}\n")
    assert main(["check", "content", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"content-lint: error: {project / 'content-lint.toml'}: key `max-depth` should be at most 200\n"
    )


@pytest.mark.parametrize(
    ("fence", "assign", "close"),
    [("---\ntitle: x\n", "d: ", "---\n"), ('+++\ntitle = "x"\n', "d = ", "+++\n"), ("", "", "")],
    ids=["yaml", "toml", "json"],
)
def test_max_depth_of_200_is_what_every_stage_takes(project, capsys, fence, assign, close):
    """200 levels pass the readers and the schema engine; 201 are FM008, never FM000."""
    (project / "content-lint.toml").write_text("max-depth = 200\n")
    for depth in (199, 200):  # the mapping holding `d` is one level
        nested = "[" * depth + "]" * depth
        text = f'{{"title": "x", "d": {nested}}}\n' if not fence else f"{fence}{assign}{nested}\n{close}"
        (project / "content" / "sub" / f"d{depth}.md").write_text(text)
    assert main(["check", "content", "--no-cache", "--select", "FM0", "--output-format", "concise"]) == 1
    out = capsys.readouterr().out
    assert "FM000" not in out
    assert "content/sub/d200.md:" in out and "front matter is nested deeper than 200 levels" in out
    assert "d199.md" not in out
