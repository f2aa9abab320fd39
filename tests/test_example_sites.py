"""The sample site of each framework's preset under `examples/<preset>/`: found as that
framework's site, its clean pages report nothing, and each planted defect in its `broken/`
folder is reported at its exact line and column."""

from __future__ import annotations

import shutil

import pytest
from helpers import EXAMPLES, check_report, fields

from linter.cli import main
from linter.config.presets import PRESETS
from linter.config.sites import detect_site
from linter.reading import toml_library as tomllib

#: preset -> (the clean paths, as its README line says to check them; the planted defects).
SITES = {
    "hugo": (
        ["content"],
        [
            ("broken/alias-one.md", 5, 5, "FM404"),
            ("broken/alias-two.md", 4, 11, "FM404"),
            ("broken/expiry-before-date.md", 4, 13, "FM204"),
            ("broken/lastmod-before-date.md", 4, 10, "FM204"),
            ("broken/missing-image.md", 5, 5, "FM303"),
            ("broken/publish-in-future.md", 4, 14, "FM201"),
            ("broken/tags-twice.md", 4, 12, "FM506"),
            ("broken/tiny-cover.md", 5, 10, "FM301"),
            ("broken/tiny-cover.md", 5, 10, "FM301"),
        ],
    ),
    "jekyll": (
        ["_posts", "_drafts", "_recipes", "about.md", "index.html", "README.md"],
        [
            ("broken/2016-02-01-modified-before-date.md", 5, 19, "FM204"),
            ("broken/2016-03-01-same-link-a.md", 5, 12, "FM404"),
            ("broken/2016-03-02-same-link-b.md", 5, 12, "FM404"),
            ("broken/2016-04-01-blank-title.md", 3, 8, "FM501"),
            ("broken/2016-04-02-wrong-size.md", 6, 9, "FM303"),
            ("broken/2016-06-01-spaced-fence.md", 6, 19, "FM204"),
        ],
    ),
    "eleventy": (
        ["src"],
        [
            ("broken/blank-title.md", 2, 8, "FM501"),
            ("broken/exclude-yes.md", 3, 33, "FM100"),
            ("broken/permalink-true.md", 3, 12, "FM100"),
            ("broken/same-permalink-a.md", 4, 12, "FM404"),
            ("broken/same-permalink-b.md", 4, 12, "FM404"),
            ("broken/unclosed.md", 1, 1, "FM002"),
        ],
    ),
    "docusaurus": (
        ["docs", "blog"],
        [
            ("broken/blank-title.md", 2, 8, "FM501"),
            ("broken/draft-and-unlisted.md", 4, 11, "FM100"),
            ("broken/id-with-slash.md", 3, 5, "FM100"),
            ("broken/same-slug-one.md", 3, 7, "FM404"),
            ("broken/same-slug-two.md", 3, 7, "FM404"),
            ("broken/toc-levels.md", 4, 24, "FM100"),
            ("broken/update-before-date.md", 6, 9, "FM204"),
        ],
    ),
    "starlight": (
        ["src/content/docs"],
        [
            ("broken/future-update.md", 3, 14, "FM201"),
            ("broken/hero-one-theme.mdx", 5, 5, "FM100"),
            ("broken/missing-hero.mdx", 6, 11, "FM303"),
            ("broken/no-title.md", 2, 1, "FM100"),
            ("broken/prev-unknown-key.md", 5, 3, "FM100"),
            ("broken/slug-one.md", 3, 7, "FM404"),
            ("broken/slug-two.md", 3, 7, "FM404"),
        ],
    ),
    "zola": (
        ["content"],
        [
            ("broken/no-front-matter.md", 1, 1, "FM001"),
            ("broken/path-one.md", 3, 8, "FM404"),
            ("broken/path-two.md", 3, 12, "FM404"),
            ("broken/section-sort.md", 3, 11, "FM100"),
            ("broken/unknown-key.md", 3, 1, "FM100"),
            ("broken/updated-before-date.md", 4, 11, "FM204"),
        ],
    ),
    "mkdocs": (
        ["docs"],
        [
            ("broken/blank-title.md", 2, 8, "FM501"),
            ("broken/category-twice.md", 5, 5, "FM506"),
            ("broken/hide-typo.md", 4, 5, "FM100"),
            ("broken/missing-card-image.md", 5, 23, "FM303"),
            ("broken/post-from-the-future.md", 2, 7, "FM201"),
            ("broken/search-typo.md", 4, 3, "FM100"),
            ("broken/updated-before-created.md", 4, 12, "FM204"),
        ],
    ),
    "vitepress": (
        ["index.md", "guide", "blog"],
        [
            ("broken/aside-right.md", 3, 8, "FM100"),
            ("broken/blank-description.md", 3, 14, "FM501"),
            ("broken/missing-hero-image.md", 6, 10, "FM303"),
            ("broken/outline-too-deep.md", 3, 10, "FM100"),
            ("broken/updated-before-date.md", 4, 14, "FM204"),
            ("broken/updated-in-future.md", 3, 14, "FM201"),
        ],
    ),
}


def check(capsys, *paths: str) -> tuple[int, list[tuple[str, int, int, str]]]:
    status, findings, _ = check_report(capsys, *paths)
    return status, sorted(fields(findings, "path", "line", "column", "code"))


#: Every preset a framework's files reveal (news-article's sample is examples/content).
FRAMEWORKS = sorted(name for name, preset in PRESETS.items() if preset.detect is not None)


def site(preset: str) -> tuple[list[str], list[tuple[str, int, int, str]]]:
    assert preset in SITES, f"list examples/{preset}/'s clean paths and planted defects in SITES"
    return SITES[preset]


def test_every_sample_site_is_a_preset_s():
    assert sorted(SITES) == FRAMEWORKS


@pytest.mark.parametrize("preset", FRAMEWORKS)
def test_sample_site_is_detected_as_its_framework(preset):
    found = detect_site(EXAMPLES / preset)
    assert found is not None, f"examples/{preset}/ is not found as a site: its preset's `detect`"
    assert (found.preset, found.framework) == (preset, PRESETS[preset].framework)


@pytest.mark.parametrize("preset", FRAMEWORKS)
def test_init_pins_the_sample_site_s_preset(preset, tmp_path, monkeypatch, capsys):
    left_out = shutil.ignore_patterns("content-lint.toml", "broken")
    site = shutil.copytree(EXAMPLES / preset, tmp_path / preset, ignore=left_out)
    monkeypatch.chdir(site)
    assert main(["init"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert f"preset: `{preset}` (shipped for {PRESETS[preset].framework})" in said
    assert tomllib.loads((site / "content-lint.toml").read_text(encoding="utf-8"))["preset"] == preset


@pytest.mark.parametrize("preset", FRAMEWORKS)
def test_sample_site_names_its_preset(preset):
    assert (EXAMPLES / preset / "content-lint.toml").is_file(), f"write examples/{preset}/content-lint.toml"
    config = tomllib.loads((EXAMPLES / preset / "content-lint.toml").read_text(encoding="utf-8"))
    assert config["preset"] == preset
    assert set(config) <= {"preset", "extend-content"}  # broken/ is outside the framework's pages


@pytest.mark.parametrize("preset", FRAMEWORKS)
def test_sample_site_clean_pages_report_nothing(preset, capsys, monkeypatch):
    clean, _ = site(preset)
    monkeypatch.chdir(EXAMPLES / preset)
    assert check(capsys, *clean) == (0, [])


@pytest.mark.parametrize("preset", FRAMEWORKS)
def test_sample_site_broken_pages_report_the_planted_defects(preset, capsys, monkeypatch):
    _, planted = site(preset)
    assert planted, "plant a defect in its broken/ folder"
    monkeypatch.chdir(EXAMPLES / preset)
    assert check(capsys, "broken") == (1, planted)
