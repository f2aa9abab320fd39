"""An MkDocs (Material) repository checked as a new user would, from its root with no config:
MkDocs is detected from `mkdocs.yml`, exactly the pages MkDocs builds are checked, every kind
of valid page passes, and each planted defect is found at its line and column."""

from __future__ import annotations

from pathlib import Path

from helpers import check_json_err, png, write

from linter.cli import main
from linter.config.sites import detect_site
from linter.reading import toml_library as tomllib

MKDOCS_YML = """\
site_name: Harbour tools
site_url: https://harbour.example/
docs_dir: documentation
exclude_docs: |
  # notes kept beside the pages, never built
  drafts-private/
  *.partial.md
theme:
  name: material
plugins:
  - search
  - blog
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
extra:
  analytics:
    property: !ENV [HARBOUR_ANALYTICS, none]
"""

LAUNCH = """\
---
date:
  created: 2024-05-02
  updated: 2024-06-11
authors:
  - ines
categories:
  - Releases
slug: harbour-tools-1-0
pin: true
readtime: 3
links:
  - guides/README.md
description: >
  Version 1.0 reads tide tables
  from every harbour office.
---

# Harbour tools 1.0
"""

PAGES = {
    "documentation/index.md": (
        "---\ntemplate: home.html\ntitle: Harbour tools\nhide:\n  - navigation\n  - toc\n"
        "social:\n  cards_layout_options:\n    background_image: documentation/assets/card.png\n---\n"
    ),
    # README.md is its folder's index page (there is no index.md beside it).
    "documentation/guides/README.md": "---\ntitle: Guides\nicon: material/compass\n---\n# Guides\n",
    "documentation/guides/tides.markdown": "# Tides\n\nNo meta-data: the heading is the title.\n",
    # MultiMarkdown-style meta-data: no fences, read by MkDocs, body to us (no finding).
    "documentation/guides/berths.md": "Title: Berths\nSummary: Where boats tie up.\n\n# Berths\n",
    # A YAML block closed with `...`, as MkDocs allows.
    "documentation/guides/cranes.md": "---\ntitle: Cranes\nstatus: new\nsubtitle: Lifting\n...\n# Cranes\n",
    "documentation/guides/search.md": "---\ntitle: Search\nsearch:\n  exclude: true\ntags: [Search, 2024]\n---\n",
    "documentation/blog/index.md": "# Blog\n",
    # A translation as mkdocs-static-i18n keeps it (suffix): a page like any other.
    "documentation/guides/cranes.fr.md": "---\ntitle: Grues\n---\n",
    "documentation/api/index.md": "---\ntitle: API\n---\n",
    "documentation/blog/posts/launch.md": LAUNCH,
    "documentation/blog/posts/draft.md": "---\ndate: 2024-07-01\ndraft: true\ncomments: true\n---\n",
}

#: Files in the repository that MkDocs never builds as pages; each would be a finding if read.
NOT_PAGES = {
    "README.md": "---\ntitle: [\n---\n",
    "CHANGELOG.md": "# Changes\n",
    "LICENSE.md": "MIT License\n",
    ".github/PULL_REQUEST_TEMPLATE.md": "Thanks!\n",
    "documentation/.snippets/links.md": "---\ntitle: [\n---\n",
    "documentation/templates/card.md": "---\ntitle: [\n---\n",
    "documentation/drafts-private/ideas.md": "---\ntitle: [\n---\n",
    "documentation/guides/table.partial.md": "---\ntitle: [\n---\n",
    # MkDocs drops a README.md that has an index.md beside it.
    "documentation/api/README.md": "---\ntitle: [\n---\n",
    "documentation/blog/.authors.yml": "authors:\n  ines:\n    name: Ines\n",
    "overrides/main.md": "---\ntitle: [\n---\n",
    "packages/widget/README.md": "---\ntitle: [\n---\n",
}

#: A second MkDocs site in the monorepo, with its own pages under the default `docs/`.
WIDGET = {
    "packages/widget/mkdocs.yml": "site_name: Widget\n",
    "packages/widget/docs/index.md": "---\ntitle: Widget\ndescription: A small widget.\n---\n",
    "packages/widget/docs/usage.md": "---\ntitle: Usage\ntags: [Setup, Setup]\n---\n",
}

PLANTED = {
    "documentation/guides/hide-typo.md": "---\ntitle: Moorings\nhide:\n  - footer\n  - navgation\n---\n",
    "documentation/guides/search-typo.md": "---\ntitle: Buoys\nsearch:\n  exlude: true\n---\n",
    "documentation/guides/broken-meta.md": "---\ntitle: [Locks\n---\n# Locks\n",
    "documentation/guides/slip.md": "---\ntitle: Slips\ndescripton: Where boats are hauled out.\n---\n",
    "documentation/blog/posts/order.md": "---\ndate:\n  created: 2024-09-10\n  updated: 2024-09-01\n---\n",
    "documentation/blog/posts/future.md": "---\ndate: 2030-01-01\ncategories: [News]\n---\n",
    "documentation/blog/posts/twice.md": "---\ndate: 2024-03-01\ncategories:\n  - News\n  - News\n---\n",
    "documentation/blog/posts/readtime.md": "---\ndate: 2024-03-02\nreadtime: five\n---\n",
    "documentation/blog/posts/card.md": (
        "---\ndate: 2024-03-03\nsocial:\n  cards_layout_options:\n"
        "    background_image: documentation/assets/gone.png\n---\n"
    ),
}


def repository(root: Path) -> Path:
    write(root, {"mkdocs.yml": MKDOCS_YML, **PAGES, **NOT_PAGES, **WIDGET, **PLANTED})
    write(root, {"documentation/assets/card.png": png(1200, 630), "src/harbour/__init__.py": ""})
    return root


def test_mkdocs_is_detected_with_its_docs_dir(tmp_path):
    site = detect_site(repository(tmp_path))
    assert site is not None
    assert (site.framework, site.preset, site.evidence, site.folders) == (
        "MkDocs",
        "mkdocs",
        "mkdocs.yml",
        ("documentation",),
    )


def test_exactly_the_pages_mkdocs_builds_are_checked(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(repository(tmp_path))
    assert main(["check", "--show-files"]) == 0
    listed = capsys.readouterr().out.splitlines()
    shown = sorted(line.removeprefix("./") for line in listed if "(skipped:" not in line)
    expected = [*PAGES, *PLANTED, "packages/widget/docs/index.md", "packages/widget/docs/usage.md"]
    assert shown == sorted(expected)


def test_valid_pages_pass_and_planted_defects_are_found(tmp_path, capsys, monkeypatch):
    status, found, err = check_json_err(capsys, repository(tmp_path), monkeypatch, ".")
    assert status == 1
    assert "checked as a MkDocs site (documentation)" in err
    assert "checked as a MkDocs site (packages/widget/docs)" in err
    assert [(path, line, column, code) for path, line, column, code, _ in found] == [
        ("documentation/blog/posts/card.md", 5, 23, "FM303"),
        ("documentation/blog/posts/future.md", 2, 7, "FM201"),
        ("documentation/blog/posts/order.md", 4, 12, "FM204"),
        ("documentation/blog/posts/readtime.md", 3, 11, "FM100"),
        ("documentation/blog/posts/twice.md", 5, 5, "FM506"),
        ("documentation/guides/broken-meta.md", 3, 1, "FM003"),
        ("documentation/guides/hide-typo.md", 5, 5, "FM100"),
        ("documentation/guides/search-typo.md", 4, 3, "FM100"),
        ("documentation/guides/slip.md", 3, 1, "FM101"),
        ("packages/widget/docs/usage.md", 3, 15, "FM506"),
    ]
    messages = {path.rsplit("/", 1)[1]: message for path, _, _, _, message in found}
    assert '"navigation", "toc", "path", "tags", "footer", "feedback"' in messages["hide-typo.md"]
    assert "`search.exlude`" in messages["search-typo.md"]
    assert "`date.updated` 2024-09-01 is 9 days before `date.created`" in messages["order.md"]
    assert "did you mean `description`?" in messages["slip.md"]


def test_mkdocs_yml_tags_are_never_run(tmp_path, capsys, monkeypatch):
    """A tag naming Python code is read as nothing: nothing is imported or called."""
    marker = tmp_path / "ran"
    write(
        tmp_path,
        {
            "mkdocs.yml": f'site_name: x\ndocs_dir: pages\nhook: !!python/object/apply:os.system ["touch {marker}"]\n',
            "pages/index.md": "---\ntitle: Home\n---\n",
        },
    )
    status, found, err = check_json_err(capsys, tmp_path, monkeypatch, ".")
    assert (status, found, marker.exists()) == (0, [], False)
    assert "checked as a MkDocs site (pages)" in err


def test_unreadable_or_outside_docs_dir_falls_back_to_docs(tmp_path):
    for text in ("site_name: [unclosed\n", "- a list\n", "docs_dir: ../elsewhere\n", "docs_dir: /abs\n"):
        write(tmp_path, {"mkdocs.yml": text})
        site = detect_site(tmp_path)
        assert site is not None and site.folders == ("docs",), text


def test_init_checks_what_the_first_run_checked(tmp_path, capsys, monkeypatch):
    """`init` writes what the first run used: the same files are checked, with the same findings."""
    status, first, _ = check_json_err(capsys, repository(tmp_path), monkeypatch, ".")
    assert main(["init"]) == 1  # its closing check finds the planted defects
    config = tomllib.loads((tmp_path / "content-lint.toml").read_text(encoding="utf-8"))
    assert config == {"preset": "mkdocs"}  # its pages are read from mkdocs.yml on every run
    capsys.readouterr()
    assert check_json_err(capsys, tmp_path, monkeypatch, ".")[:2] == (status, first)
