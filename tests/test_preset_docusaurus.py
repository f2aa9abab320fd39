"""A Docusaurus monorepo checked from its root with no config, as a new user would: the site
in `website/` is found, its docs folder beside it (`../docs`) is checked with it, exactly the
pages the plugins render are checked, valid pages are quiet and each planted defect is found
at its line and column in Docusaurus' words."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import check_json_err as check
from helpers import png, write

from linter.cli import main

CONFIG = """\
// @ts-check
import {themes} from 'prism-react-renderer';

const config = {
  title: 'Lanterns',
  url: 'https://lanterns.example',
  i18n: {defaultLocale: 'en', locales: ['en', 'fr']},
  presets: [
    [
      'classic',
      ({
        docs: {path: '../docs', routeBasePath: '/', sidebarPath: './sidebars.js'},
        blog: {path: 'news', blogTitle: 'News'},
      }),
    ],
  ],
  plugins: [
    [
      '@docusaurus/plugin-content-docs',
      {id: 'community', path: 'community', routeBasePath: 'community'},
    ],
  ],
  themeConfig: {docs: {sidebar: {hideable: true}}, prism: {theme: themes.github}},
};

export default config;
"""

DOC = "---\ntitle: {title}\n---\nText.\n"


def monorepo(root: Path) -> None:
    """Every kind of page the plugins document, and the files beside them that are none."""
    write(
        root,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            "README.md": "# Lanterns\n",
            "CHANGELOG.md": "# Changes\n",
            "LICENSE.md": "MIT\n",
            "docs/intro.md": "# Introduction\n\nNo front matter: the heading is the title.\n",
            "docs/guides/README.md": DOC.format(title="Guides"),
            "docs/guides/01-install.md": "---\ntitle: Install\nsidebar_position: 1\n---\n",
            "docs/guides/configure.mdx": "---\nid: configure\ntitle: Configure\nslug: setup\n---\n",
            "docs/guides/_shared.mdx": "Shared text, imported by pages.\n",
            "docs/_snippets/note.md": "A partial.\n",
            "docs/__tests__/fixture.md": "---\ntitle: [broken\n",
            "website/docusaurus.config.ts": CONFIG,
            "website/README.md": "# Website\n",
            "website/versions.json": '["2.0"]\n',
            "website/versioned_docs/version-2.0/intro.md": DOC.format(title="Introduction"),
            "website/versioned_docs/version-2.0/guides/install.md": "---\ntitle: Install\nslug: setup\n---\n",
            "website/versioned_docs/version-1.0/old.md": "not listed in versions.json\n",
            "website/community/team.md": "---\ntitle: Team\nslug: /team\n---\n",
            "website/community/support.md": "---\ntitle: Support\nunlisted: true\n---\n",
            "website/community_versions.json": '["1.0"]\n',
            "website/community_versioned_docs/version-1.0/team.md": "---\ntitle: Team\nslug: /team\n---\n",
            "website/news/2024-05-01-launch.md": (
                "---\ntitle: Launch\nslug: launch\nauthors: [ada]\ntags: [release]\n"
                "image: /img/card.png\n---\n"
            ),
            "website/news/2024-06-01-follow-up/index.md": "---\ntitle: Follow-up\ndraft: true\n---\n",
            "website/news/authors.yml": "ada:\n  name: Ada\n",
            "website/blog/old.md": "---\ntitle: [not a page: the blog path is news\n",
            "website/src/pages/about.md": "---\ntitle: About\ndescription: Who we are.\n---\n",
            "website/src/pages/_draft.md": "---\ntitle: [partial\n",
            "website/i18n/fr/docusaurus-plugin-content-docs/current/intro.md": DOC.format(title="Intro"),
            "website/i18n/fr/docusaurus-plugin-content-blog/2024-05-01-launch.md": (
                "---\ntitle: Lancement\nslug: launch\n---\n"
            ),
            "website/i18n/fr/code.json": "{}\n",
            "website/i18n/de/docusaurus-plugin-content-docs/current/intro.md": "not a listed locale\n",
            "website/static/img/card.png": png(1200, 630),
        },
    )


PAGES = [
    "docs/guides/01-install.md",
    "docs/guides/README.md",
    "docs/guides/configure.mdx",
    "docs/intro.md",
    "website/community/support.md",
    "website/community/team.md",
    "website/community_versioned_docs/version-1.0/team.md",
    "website/i18n/fr/docusaurus-plugin-content-blog/2024-05-01-launch.md",
    "website/i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
    "website/news/2024-05-01-launch.md",
    "website/news/2024-06-01-follow-up/index.md",
    "website/src/pages/about.md",
    "website/versioned_docs/version-2.0/guides/install.md",
    "website/versioned_docs/version-2.0/intro.md",
]


def test_the_site_and_its_docs_folder_beside_it_are_found_from_the_repository_root(
    tmp_path, capsys, monkeypatch
):
    monorepo(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--show-files", "."]) == 0
    out = capsys.readouterr().out.splitlines()
    assert sorted(line.removeprefix("./") for line in out if "skipped" not in line) == PAGES
    status, found, err = check(capsys, tmp_path, monkeypatch, ".")
    assert (status, found) == (0, [])
    assert err.splitlines()[0] == (
        "content-lint: checked as a Docusaurus site (docs, website/news, website/src/pages,"
        " website/community, website/versioned_docs, website/community_versioned_docs,"
        " website/i18n); `content-lint init` pins this in content-lint.toml"
    )


def test_two_docs_with_one_id_in_a_version_are_a_duplicate(tmp_path, capsys, monkeypatch):
    """A doc's id is its `id`, else its file name without number prefix, with its folder:
    `guides/install.md` is `guides/01-install.md` again; in version 2.0 an `id: install`."""
    monorepo(tmp_path)
    write(
        tmp_path,
        {
            "docs/guides/install.md": DOC.format(title="Install again"),
            "website/versioned_docs/version-2.0/guides/setup.md": "---\ntitle: Setup\nid: install\n---\n",
        },
    )
    status, found, _ = check(capsys, tmp_path, monkeypatch, ".")
    assert status == 1
    assert found == [
        (
            "docs/guides/01-install.md",
            1,
            1,
            "FM404",
            "doc id `guides/install` (from the file name) is used twice in ../docs:"
            " also by docs/guides/install.md:1",
        ),
        (
            "docs/guides/install.md",
            1,
            1,
            "FM404",
            "doc id `guides/install` (from the file name) is used twice in ../docs:"
            " also by docs/guides/01-install.md:1",
        ),
        (
            "website/versioned_docs/version-2.0/guides/install.md",
            1,
            1,
            "FM404",
            "doc id `guides/install` (from the file name) is used twice in"
            " versioned_docs/version-2.0: also by website/versioned_docs/version-2.0/guides/setup.md:3",
        ),
        (
            "website/versioned_docs/version-2.0/guides/setup.md",
            3,
            5,
            "FM404",
            "doc id `guides/install` is used twice in versioned_docs/version-2.0:"
            " also by website/versioned_docs/version-2.0/guides/install.md:1",
        ),
    ]


def test_slugs_repeat_within_an_instance_or_the_blog(tmp_path, capsys, monkeypatch):
    """A relative slug is read in the doc's folder (number prefixes off): `guides/setup` twice
    in the docs; `/team` twice in the community instance; the blog's `launch` twice."""
    monorepo(tmp_path)
    write(
        tmp_path,
        {
            "docs/02-guides/setting-up.md": "---\ntitle: Setting up\nslug: setup\n---\n",
            "website/community/people.md": "---\ntitle: People\nslug: /team/\n---\n",
            "website/news/2024-07-01-again.md": "---\ntitle: Again\nslug: launch\n---\n",
        },
    )
    status, found, _ = check(capsys, tmp_path, monkeypatch, ".")
    assert status == 1
    assert [(path, line, column, code) for path, line, column, code, _ in found] == [
        ("docs/02-guides/setting-up.md", 3, 7, "FM404"),
        ("docs/guides/configure.mdx", 4, 7, "FM404"),
        ("website/community/people.md", 3, 7, "FM404"),
        ("website/community/team.md", 3, 7, "FM404"),
        ("website/news/2024-05-01-launch.md", 3, 7, "FM404"),
        ("website/news/2024-07-01-again.md", 3, 7, "FM404"),
    ]
    assert "in website/community/team.md:3" in found[2][4]


def test_front_matter_docusaurus_rejects(tmp_path, capsys, monkeypatch):
    """An id with a slash stops the build; so does a page both draft and unlisted."""
    monorepo(tmp_path)
    write(
        tmp_path,
        {
            "docs/guides/nested.md": "---\ntitle: Nested\nid: guides/nested\n---\n",
            "website/src/pages/hidden.md": "---\ntitle: Hidden\ndraft: true\nunlisted: true\n---\n",
        },
    )
    status, found, _ = check(capsys, tmp_path, monkeypatch, ".")
    assert status == 1
    assert [(path, line, column, code) for path, line, column, code, _ in found] == [
        ("docs/guides/nested.md", 3, 5, "FM100"),
        ("website/src/pages/hidden.md", 4, 11, "FM100"),
    ]


def test_a_computed_docs_path_falls_back_to_the_default_and_says_so(tmp_path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            "docusaurus.config.js": (
                "module.exports = {presets: [['classic', {docs: {path: process.env.DOCS_DIR},"
                " blog: false}]]};\n"
            ),
            "docs/intro.md": DOC.format(title="Intro"),
            "blog/2024-01-01-post.md": "---\ntitle: [not a page: the blog is off\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--show-files", "."]) == 0
    out = capsys.readouterr()
    assert [line for line in out.out.splitlines() if "skipped" not in line] == ["docs/intro.md"]
    status, found, err = check(capsys, tmp_path, monkeypatch, ".")
    assert (status, found) == (0, [])
    assert "(docs; the docs plugin's path is not a literal: `docs` assumed)" in err


@pytest.mark.parametrize(
    "config",
    [
        "module.exports = {presets: [['classic', {docs: {path: 'docs'} /* never closed",
        "module.exports = {presets: [['classic', {docs: {path: 'docs",
        "const a = '" + "presets: " * 20000 + "';\nexport default {presets: [['classic', {}]]};",
        "export default {presets: " + "[" * 50000,
        "/*" * 50000,
    ],
)
def test_a_config_that_is_no_javascript_is_read_in_bounded_time_without_error(
    tmp_path, capsys, monkeypatch, config
):
    write(
        tmp_path,
        {".git/HEAD": "", "docusaurus.config.js": config, "docs/intro.md": DOC.format(title="Intro")},
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--show-files", "."]) == 0
    assert capsys.readouterr().out.splitlines() == ["docs/intro.md"]


def test_the_docs_folder_named_beside_the_site_is_checked_with_it(tmp_path, capsys, monkeypatch):
    """`check website docs/guides`: the docs folder the site reads goes to the site's project,
    where a doc id is compared with the rest of the docs."""
    monorepo(tmp_path)
    write(tmp_path, {"docs/guides/install.md": DOC.format(title="Install again")})
    status, found, err = check(capsys, tmp_path, monkeypatch, "website", "docs/guides")
    assert status == 1
    assert [(path, code) for path, _, _, code, _ in found] == [
        ("docs/guides/01-install.md", "FM404"),
        ("docs/guides/install.md", "FM404"),
    ]
    assert "generic" not in err


def test_implied_identity_must_be_a_pointer(tmp_path, capsys, monkeypatch):
    write(
        tmp_path, {"content-lint.toml": '[roles]\nimplied-identity = "id"\n', "a.md": "---\ntitle: A\n---\n"}
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "a.md"]) == 2
    assert '`implied-identity` should be a JSON pointer such as "/id"' in capsys.readouterr().err


def test_a_pre_commit_batch_of_docs_beside_the_site_is_checked_with_it(tmp_path, capsys, monkeypatch):
    """pre-commit names changed files from the repository root: docs in `../docs` of the site
    are still its pages."""
    monorepo(tmp_path)
    write(tmp_path, {"docs/guides/install.md": DOC.format(title="Install again")})
    batch = ["docs/guides/install.md", "docs/guides/01-install.md", "README.md"]
    status, found, _ = check(capsys, tmp_path, monkeypatch, *batch)
    assert status == 1
    assert [(path, code) for path, _, _, code, _ in found] == [
        ("docs/guides/01-install.md", "FM404"),
        ("docs/guides/install.md", "FM404"),
    ]
