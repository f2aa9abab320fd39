"""Framework detection: which preset fits a site, and the hint `check` gives without a config."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.cli import main
from linter.config.sites import detect_site


def make(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


@pytest.mark.parametrize(
    ("files", "preset", "content"),
    [
        ({"hugo.toml": "title = 'x'\n", "content/posts/a.md": ""}, "hugo", ("content",)),
        ({"config.toml": "", "content/_index.md": ""}, "hugo", ("content",)),
        ({"config/_default/hugo.yaml": "", "content/a.md": ""}, "hugo", ("content",)),
        ({"_config.yml": "title: x\n", "_posts/2024-01-01-a.md": ""}, "jekyll", ("_posts",)),
        (
            {"docusaurus.config.ts": "export default {}\n", "docs/a.md": "", "blog/b.md": ""},
            "docusaurus",
            ("docs", "blog"),
        ),
        (
            {
                "astro.config.mjs": "import starlight from '@astrojs/starlight';\n",
                "src/content/docs/a.mdx": "",
            },
            "starlight",
            ("src/content/docs",),
        ),
    ],
)
def test_each_framework_is_detected_from_its_documented_files(tmp_path, files, preset, content):
    site = detect_site(make(tmp_path, files))
    assert site is not None
    assert (site.preset, site.folders) == (preset, content)


@pytest.mark.parametrize(
    "files",
    [
        {"config.toml": ""},  # a config.toml alone is not a Hugo site
        {"astro.config.mjs": "export default {}\n"},  # Astro without Starlight
        {"notes/a.md": ""},
    ],
)
def test_nothing_known_is_none(tmp_path, files):
    assert detect_site(make(tmp_path, files)) is None


def test_astro_config_that_is_a_fifo_is_not_read(tmp_path):
    import os

    os.mkfifo(tmp_path / "astro.config.mjs")
    assert detect_site(tmp_path) is None


def test_check_without_config_names_the_preset_that_fits(tmp_path, monkeypatch, capsys):
    make(tmp_path, {"hugo.toml": "", "content/a.md": "---\ntitle: A\n---\n"})
    monkeypatch.chdir(tmp_path)
    main(["check", "content", "--no-cache", "--output-format", "concise"])
    lines = capsys.readouterr().err.splitlines()
    notice = (
        "content-lint: checked as a Hugo site (content); `content-lint init` pins this in content-lint.toml"
    )
    assert (lines[0], lines[-1]) == (notice, notice)  # before the run, and again after the summary


def test_check_with_a_config_gives_no_hint(tmp_path, monkeypatch, capsys):
    make(tmp_path, {"hugo.toml": "", "content-lint.toml": "", "content/a.md": "---\ntitle: A\n---\n"})
    monkeypatch.chdir(tmp_path)
    main(["check", "content", "--no-cache", "--output-format", "concise"])
    assert "checked as" not in capsys.readouterr().err
