"""A Starlight site in a monorepo's `docs/` folder, checked from the repository root with no
config: the site is found, exactly the entries of its docs collection are checked, every kind
of valid page is quiet and each planted defect is found at its line and column."""

from __future__ import annotations

from pathlib import Path

from helpers import check_json_err as check
from helpers import png, write

from linter.cli import main

ASTRO_CONFIG = """\
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [
    starlight({
      title: 'Lanterns',
      defaultLocale: 'root',
      locales: { root: { label: 'English', lang: 'en' }, fr: { label: 'Français' } },
    }),
  ],
});
"""

CONTENT_CONFIG = """\
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
"""

HOME = """\
---
title: Lanterns
description: Light for every path.
template: splash
hero:
  tagline: Light for every path.
  facepile: [ada, grace]
  image:
    file: {image}
  actions:
    - text: Start
      link: /guides/start/
      icon: right-arrow
      variant: primary
---
"""

GUIDE = """\
---
title: Start
description: The first steps.
lastUpdated: 2024-05-01
sidebar:
  order: 1
  badge:
    text: New
    variant: tip
prev:
  link: /
  label: Home
head:
  - tag: meta
    attrs: { name: robots, content: noindex }
---
"""


def monorepo(root: Path) -> None:
    docs = "docs/src/content/docs"
    write(
        root,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            "README.md": "# Lanterns\n",
            "CHANGELOG.md": "# Changes\n",
            "packages/core/README.md": "# Core\n",
            "docs/astro.config.mjs": ASTRO_CONFIG,
            "docs/src/content.config.ts": CONTENT_CONFIG,
            "docs/README.md": "# The docs site\n",
            "docs/src/assets/lantern.png": png(800, 600),
            "docs/src/pages/custom.md": "---\nlayout: ../layouts/Plain.astro\n---\n",
            f"{docs}/index.mdx": HOME.format(image="../../assets/lantern.png"),
            f"{docs}/guides/start.md": GUIDE,
            f"{docs}/guides/blank-line-first.md": "\n---\ntitle: After a blank line\n---\n",
            f"{docs}/guides/in-toml.md": '+++\ntitle = "In TOML"\n+++\n',
            f"{docs}/guides/old-name.markdown": "---\ntitle: Old extension\nslug: guides/legacy\n---\n",
            f"{docs}/guides/_partial.mdx": "Imported by pages, not one.\n",
            f"{docs}/_drafts/idea.md": "---\ntitle: An idea\ndraft: true\n---\n",
            f"{docs}/reference/README.md": "---\ntitle: Reference\n---\n",
            f"{docs}/reference/config.mdoc": "no Markdoc integration: not an entry\n",
            f"{docs}/fr/index.mdx": HOME.format(image="../../../assets/lantern.png"),
            f"{docs}/fr/guides/start.md": GUIDE.replace("Start", "Commencer"),
            f"{docs}/fr/guides/legacy.md": "---\ntitle: Ancien\nslug: fr/guides/legacy\n---\n",
        },
    )


PAGES = [
    "docs/src/content/docs/_drafts/idea.md",
    "docs/src/content/docs/fr/guides/legacy.md",
    "docs/src/content/docs/fr/guides/start.md",
    "docs/src/content/docs/fr/index.mdx",
    "docs/src/content/docs/guides/blank-line-first.md",
    "docs/src/content/docs/guides/in-toml.md",
    "docs/src/content/docs/guides/old-name.markdown",
    "docs/src/content/docs/guides/start.md",
    "docs/src/content/docs/index.mdx",
    "docs/src/content/docs/reference/README.md",
]


def test_the_docs_collection_is_found_and_its_valid_pages_are_quiet(tmp_path, capsys, monkeypatch):
    monorepo(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--show-files", "."]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert sorted(line for line in shown if "skipped" not in line) == PAGES
    status, found, err = check(capsys, tmp_path, monkeypatch)
    assert (status, found) == (0, [])
    assert err.splitlines()[0] == (
        "content-lint: checked as an Astro Starlight site (docs/src/content/docs);"
        " `content-lint init` pins this in content-lint.toml"
    )


def test_planted_defects_at_their_lines(tmp_path, capsys, monkeypatch):
    """No title; a hero image for one theme only; a key `prev` does not know (Starlight reads
    it strictly); a bad value after a leading blank line; a translation whose slug lost its
    locale, so it is the English page's id again."""
    monorepo(tmp_path)
    docs = "docs/src/content/docs"
    write(
        tmp_path,
        {
            f"{docs}/guides/untitled.md": "---\ndescription: No title here.\n---\n",
            f"{docs}/guides/dark.mdx": "---\ntitle: Dark\nhero:\n  image:\n    dark: ../../../assets/lantern.png\n---\n",
            f"{docs}/guides/prev.md": "---\ntitle: Prev\nprev:\n  link: /\n  lable: Home\n---\n",
            f"{docs}/guides/wide.md": "\n\n---\ntitle: Wide\ntemplate: wide\n---\n",
            f"{docs}/fr/guides/old.md": "---\ntitle: Vieux\nslug: guides/legacy\n---\n",
        },
    )
    status, found, _ = check(capsys, tmp_path, monkeypatch)
    assert status == 1
    assert [(path.removeprefix(f"{docs}/"), line, column, code) for path, line, column, code, _ in found] == [
        ("fr/guides/old.md", 3, 7, "FM404"),
        ("guides/dark.mdx", 5, 5, "FM100"),
        ("guides/old-name.markdown", 3, 7, "FM404"),
        ("guides/prev.md", 5, 3, "FM100"),
        ("guides/untitled.md", 2, 1, "FM100"),
        ("guides/wide.md", 5, 11, "FM100"),
    ]
    messages = {path.removeprefix(f"{docs}/"): message for path, _, _, _, message in found}
    assert messages["guides/prev.md"] == (
        "unknown key `prev.lable`: not allowed here; did you mean `label`? (at /prev/lable)"
    )
    assert (
        messages["guides/wide.md"] == '`template` must be one of "doc", "splash"; got "wide" (at /template)'
    )
    assert f"in {docs}/guides/old-name.markdown:3" in messages["fr/guides/old.md"]


def test_a_legacy_collection_leaves_underscore_folders_out(tmp_path, capsys, monkeypatch):
    """Astro 4's collections (no `docsLoader()`) skip `_` folders as well as `_` files."""
    monorepo(tmp_path)
    write(
        tmp_path,
        {"docs/src/content.config.ts": "export const collections = { docs: defineCollection({}) };\n"},
    )
    monkeypatch.chdir(tmp_path)
    main(["check", "--show-files", "."])
    shown = capsys.readouterr().out.splitlines()
    assert "docs/src/content/docs/_drafts/idea.md" not in shown
    assert "docs/src/content/docs/guides/start.md" in shown
