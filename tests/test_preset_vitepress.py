"""A repository with a VitePress site in `docs/`, checked as a new user would, from its root
with no config: VitePress is detected from `docs/.vitepress/config.*` one level down, exactly
the pages VitePress builds are checked, every kind of valid page passes, and each planted
defect is found at its line and column."""

from __future__ import annotations

from pathlib import Path

from helpers import check_json_err, png, write

from linter.cli import main
from linter.config.sites import detect_site
from linter.reading import toml_library as tomllib

CONFIG = """\
import { defineConfig } from 'vitepress'

export default defineConfig({
  title: 'Kite',
  srcExclude: ['**/drafts/**', "internal.md"],
  cleanUrls: true,
})
"""

HOME = """\
---
layout: home

hero:
  name: Kite
  text: Fly <em>anything</em> that has a string
  tagline: Frames, sails and tails
  image:
    light: /kite-light.png
    dark: /kite-dark.png
    alt: A kite
  actions:
    - theme: brand
      text: Start
      link: /guide/
    - theme: alt
      text: GitHub
      link: https://github.com/kite-example/kite

features:
  - icon: { src: /kite-light.png }
    title: Light frames
    details: Carbon rods, <b>very</b> light.
---
"""

PAGES = {
    "docs/index.md": HOME,
    "docs/guide/index.md": "# Getting started\n\nNo frontmatter: the heading is the title.\n",
    "docs/guide/tails.md": (
        "---\ntitle: Tails\ntitleTemplate: false\ndescription: Ribbons that steady a kite.\n"
        "outline: deep\naside: false\nprev: false\nnext:\n  text: Frames\n  link: /guide/frames\n"
        "lastUpdated: false\nsearch: false\npageClass: tails-page\n---\n"
    ),
    "docs/guide/frames.md": "---\ntitle: Frames\noutline: [2, 3]\neditLink: false\nfooter: false\n---\n",
    "docs/custom.md": "---\nlayout: KiteShowcase\nnavbar: false\nsidebar: false\n---\n",
    "docs/blog/spring.md": (
        "---\ntitle: Spring flights\ndate: 2025-03-20\nlastUpdated: 2025-04-02\n"
        "head:\n  - - meta\n    - property: og:title\n      content: Spring flights\n---\n"
    ),
    # A dynamic route: the template of the pages its paths loader lists.
    "docs/packages/[pkg].md": "---\ntitle: Package\n---\n# {{ $params.pkg }}\n",
    # README.md and `_` files are pages like any other in VitePress.
    "docs/README.md": "# About these docs\n",
    "docs/_notes.md": "---\ntitle: Notes\n---\n",
    # A locale folder (`locales.fr` in the config): its pages are pages of the site.
    "docs/fr/index.md": "---\nlayout: home\nhero:\n  name: Kite\n  tagline: Cerfs-volants\n---\n",
    "docs/fr/guide/index.md": "# Premiers pas\n",
}

NOT_PAGES = {
    "README.md": "---\ntitle: [\n---\n",
    "CHANGELOG.md": "# Changes\n",
    "LICENSE.md": "MIT License\n",
    "packages/kite/README.md": "---\ntitle: [\n---\n",
    "docs/.vitepress/theme/Notes.md": "---\ntitle: [\n---\n",
    "docs/node_modules/some-lib/readme.md": "---\ntitle: [\n---\n",
    "docs/dist/index.md": "---\ntitle: [\n---\n",
    "docs/blog/drafts/next.md": "---\ntitle: [\n---\n",
    "docs/internal.md": "---\ntitle: [\n---\n",
}

PLANTED = {
    "docs/guide/outline.md": "---\ntitle: Outline\noutline: 9\n---\n",
    "docs/guide/aside.md": "---\ntitle: Aside\naside: right\n---\n",
    "docs/guide/action.md": (
        "---\nlayout: home\nhero:\n  actions:\n    - theme: primary\n      text: Go\n      link: /guide/\n---\n"
    ),
    "docs/blog/future.md": "---\ntitle: Autumn\nlastUpdated: 2031-09-01\n---\n",
    "docs/blog/order.md": "---\ntitle: Summer\ndate: 2025-07-10\nlastUpdated: 2025-07-01\n---\n",
    "docs/guide/image.md": "---\nlayout: home\nhero:\n  image:\n    src: /kite-box.png\n---\n",
    "docs/guide/blank.md": "---\ntitle: ' '\n---\n",
    "docs/guide/slip.md": "---\ntitle: Slip\nsidbar: false\n---\n",
}


def repository(root: Path) -> Path:
    write(root, {"docs/.vitepress/config.mts": CONFIG, **PAGES, **NOT_PAGES, **PLANTED})
    write(
        root,
        {
            "docs/public/kite-light.png": png(400, 400),
            "docs/public/kite-dark.png": png(400, 400),
            "docs/packages/[pkg].paths.mts": "export default { paths: () => [] }\n",
            "packages/kite/src/index.ts": "export {}\n",
        },
    )
    return root


def test_vitepress_is_detected_in_the_folder_holding_its_config(tmp_path):
    repository(tmp_path)
    site = detect_site(tmp_path / "docs")
    assert site is not None
    assert (site.preset, site.evidence, site.folders) == ("vitepress", ".vitepress/config.mts", (".",))
    assert detect_site(tmp_path) is None  # the repository root is no site: docs/ is found below it


def test_src_dir_is_read_from_the_config_without_running_it(tmp_path):
    write(tmp_path, {".vitepress/config.ts": "export default {\n  srcDir: './src',\n}\n"})
    site = detect_site(tmp_path)
    assert site is not None and site.folders == ("src",)
    write(tmp_path, {".vitepress/config.ts": "export default { srcDir: resolve(here, 'src') }\n"})
    site = detect_site(tmp_path)
    assert site is not None and site.folders == (".",)  # computed: the default, the root


def test_hero_images_of_a_src_dir_site_are_found_in_its_public_folder(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            ".vitepress/config.mts": "export default { srcDir: 'src' }\n",
            "src/index.md": "---\nlayout: home\nhero:\n  image:\n    src: /mark.png\n---\n",
            "src/public/mark.png": png(200, 200),
        },
    )
    assert check_json_err(capsys, tmp_path, monkeypatch)[:2] == (0, [])


def test_a_config_folder_is_found_before_a_config_file(tmp_path):
    """VitePress looks for `.vitepress/config/index.*` (shared locale configs) first."""
    write(tmp_path, {".vitepress/config/index.mts": "export default { srcDir: 'pages' }\n"})
    site = detect_site(tmp_path)
    assert site is not None and (site.evidence, site.folders) == (".vitepress/config/index.mts", ("pages",))


def test_exactly_the_pages_vitepress_builds_are_checked(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(repository(tmp_path))
    assert main(["check", "--show-files"]) == 0
    listed = capsys.readouterr().out.splitlines()
    shown = sorted(line.removeprefix("./") for line in listed if "(skipped:" not in line)
    assert shown == sorted([*PAGES, *PLANTED])


def test_valid_pages_pass_and_planted_defects_are_found(tmp_path, capsys, monkeypatch):
    status, found, err = check_json_err(capsys, repository(tmp_path), monkeypatch)
    assert status == 1
    assert "checked as a VitePress site (docs)" in err
    assert [(path, line, column, code) for path, line, column, code, _ in found] == [
        ("docs/blog/future.md", 3, 14, "FM201"),
        ("docs/blog/order.md", 4, 14, "FM204"),
        ("docs/guide/action.md", 5, 14, "FM100"),
        ("docs/guide/aside.md", 3, 8, "FM100"),
        ("docs/guide/blank.md", 2, 8, "FM501"),
        ("docs/guide/image.md", 5, 10, "FM303"),
        ("docs/guide/outline.md", 3, 10, "FM100"),
        ("docs/guide/slip.md", 3, 1, "FM101"),
    ]
    messages = {path.rsplit("/", 1)[1]: message for path, _, _, _, message in found}
    assert '"brand", "alt"' in messages["action.md"]
    assert '"left"' in messages["aside.md"]
    assert "`lastUpdated` 2025-07-01 is 9 days before `date`" in messages["order.md"]
    assert "did you mean `sidebar`?" in messages["slip.md"]


def test_init_from_the_repository_root_checks_what_the_first_run_checked(tmp_path, capsys, monkeypatch):
    status, first, _ = check_json_err(capsys, repository(tmp_path), monkeypatch)
    assert main(["init"]) == 1  # its closing check finds the planted defects
    config = tomllib.loads((tmp_path / "docs" / "content-lint.toml").read_text(encoding="utf-8"))
    assert config == {"preset": "vitepress"}
    capsys.readouterr()
    assert check_json_err(capsys, tmp_path, monkeypatch)[:2] == (status, first)
