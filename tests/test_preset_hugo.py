"""The hugo preset on a two-language Hugo site kept in a repository's subfolder, checked from the
repository root with no config: its config's content folders and languages are read, exactly
its pages are checked (not a leaf bundle's resources), valid pages of every documented kind
are quiet, and each planted defect is found where it is."""

from __future__ import annotations

from pathlib import Path

from helpers import check_report, write

from linter.cli import main

CONFIG = """\
baseURL: https://harbour.example/
defaultContentLanguage: en
languages:
  en:
    contentDir: content/en
    weight: 1
  de:
    contentDir: content/de
    weight: 2
"""

REPO = {
    "README.md": "# Harbour docs\n",
    "CHANGELOG.md": "# Changes\n",
    ".github/ISSUE_TEMPLATE.md": "What happened?\n",
    "website/hugo.yaml": CONFIG,
    "website/README.md": "How to build the site.\n",
    "website/archetypes/default.md": "---\ntitle: '{{ .Name }}'\n---\n",
    "website/layouts/_partials/head.html": "<meta charset=utf-8>\n",
    "website/content/en/_index.md": "---\ntitle: Harbour\n---\n",
    "website/content/en/docs/_index.md": "+++\ntitle = 'Docs'\nweight = 1\n+++\n",
    "website/content/en/docs/moorings.md": (
        "---\ntitle: Moorings\ndate: 2024-05-01\nlastmod: 2024-05-03\naliases: [/moorings/]\n"
        "tags: [boats]\n---\nBody.\n"
    ),
    "website/content/en/docs/tides.md": '{\n  "title": "Tides",\n  "url": "/tides/",\n  "draft": false\n}\nBody.\n',
    "website/content/en/plain.md": "A page without front matter is a page all the same.\n",
    "website/content/en/README.md": "---\ntitle: About this folder\n---\n",
    "website/content/en/legal.html": "---\ntitle: Legal\n---\n<p>Terms.</p>\n",
    "website/content/en/notes.org": "---\ntitle: Notes\n---\n* Heading\n",
    # A leaf bundle: index.md is the page, the other content files are its resources.
    "website/content/en/blog/launch/index.md": "---\ntitle: Launch\ndate: 2024-06-01\n---\n",
    "website/content/en/blog/launch/snippet.md": "no front matter: a resource, not a page\n",
    "website/content/en/blog/launch/box.html": "<b>a resource</b>\n",
    # The German translation keeps the same alias: Hugo puts it under /de/.
    "website/content/de/docs/moorings.md": "---\ntitle: Liegeplätze\naliases: [/moorings/]\n---\n",
}

PAGES = [
    "website/content/de/docs/moorings.md",
    "website/content/en/README.md",
    "website/content/en/_index.md",
    "website/content/en/blog/launch/index.md",
    "website/content/en/docs/_index.md",
    "website/content/en/docs/moorings.md",
    "website/content/en/docs/tides.md",
    "website/content/en/legal.html",
    "website/content/en/notes.org",
    "website/content/en/plain.md",
]


def test_a_hugo_site_in_a_subfolder_checks_exactly_its_pages(tmp_path: Path, capsys, monkeypatch):
    write(tmp_path, REPO)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--show-files"]) == 0
    listed = sorted(line for line in capsys.readouterr().out.splitlines() if "(skipped" not in line)
    assert listed == PAGES
    status, findings, err = check_report(capsys)
    assert (status, findings) == (0, [])
    assert "checked as a Hugo site (website/content/en, website/content/de)" in err


def test_planted_defects_are_found_where_they_are(tmp_path: Path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            **REPO,
            "website/content/en/docs/berths.md": "---\ntitle: Berths\naliases: [/moorings/]\n---\n",
            "website/content/en/docs/old.md": "---\ndate: 2024-05-01\nlastmod: 2024-04-01\n---\n",
            "website/content/en/docs/draft.md": "---\ntitle: Draft\ndraft: maybe\n---\n",
            "website/content/en/docs/tides-copy.md": "+++\ntitle = 'Tides again'\nurl = '/tides'\n+++\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, _ = check_report(capsys)
    assert status == 1
    found = sorted((f["path"], f["line"], f["column"], f["code"]) for f in findings)
    assert found == [
        ("website/content/en/docs/berths.md", 3, 11, "FM404"),
        ("website/content/en/docs/draft.md", 3, 8, "FM100"),
        ("website/content/en/docs/moorings.md", 5, 11, "FM404"),
        ("website/content/en/docs/old.md", 3, 10, "FM204"),
        ("website/content/en/docs/tides-copy.md", 3, 7, "FM404"),
        ("website/content/en/docs/tides.md", 3, 10, "FM404"),
    ]
    messages = {f["path"]: f["message"] for f in findings}
    assert "website/content/en/docs/moorings.md" in messages["website/content/en/docs/berths.md"]
    assert "`lastmod`" in messages["website/content/en/docs/old.md"]


def test_on_a_one_language_site_a_language_looking_name_is_no_language(tmp_path: Path, capsys, monkeypatch):
    """Issue 21 item 9: `content/it/` and `x.it.md` are English pages when only English is
    configured, so their aliases clash with the others'."""
    page = "---\ntitle: {title}\naliases: [/old/]\n---\n"
    write(
        tmp_path,
        {
            "hugo.toml": "baseURL = 'https://example.org/'\n",
            "content/about.md": page.format(title="About"),
            "content/it/about.md": page.format(title="Chi siamo"),
            "content/team.it.md": page.format(title="Team"),
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, _ = check_report(capsys)
    assert status == 1
    assert sorted(f["path"] for f in findings) == [
        "content/about.md",
        "content/it/about.md",
        "content/team.it.md",
    ]


def test_a_mounted_content_folder_is_where_the_pages_are(tmp_path: Path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "hugo.toml": (
                "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
                "[[module.mounts]]\nsource = 'pages/en'\ntarget = 'content'\nlang = 'en'\n"
                "[[module.mounts]]\nsource = 'pages/fr'\ntarget = 'content'\nlang = 'fr'\n"
            ),
            "pages/en/a.md": "---\ntitle: A\naliases: [/a-old/]\n---\n",
            "pages/fr/a.md": "---\ntitle: A\naliases: [/a-old/]\n---\n",
            "content/stray.md": "---\ntitle: [not, a, string]\n---\n",  # no longer mounted
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, err = check_report(capsys)
    assert (status, findings) == (0, [])
    assert "checked as a Hugo site (pages/en, pages/fr)" in err


def test_a_config_with_types_keeps_the_sites_languages(tmp_path: Path, capsys, monkeypatch):
    """The config `init` writes (a `[[types]]` entry with the hugo preset) still compares each
    language's aliases apart; a `[roles]` identity-scope of the user's own wins."""
    page = "---\ntitle: {title}\naliases: [/old/]\n---\n"
    files = {
        "hugo.toml": "contentDir = 'pages'\n[languages.en]\nweight = 1\n[languages.nl]\nweight = 2\n",
        "pages/about.md": page.format(title="About"),
        "pages/about.nl.md": page.format(title="Over ons"),
        "content/ignored.md": "---\ntitle: [not, a, string]\n---\n",  # not the contentDir
    }
    types = '[[types]]\nname = "pages"\npaths = ["pages/"]\npreset = "hugo"\n'
    write(tmp_path, {**files, "content-lint.toml": types})
    monkeypatch.chdir(tmp_path)
    assert check_report(capsys, "pages")[:2] == (0, [])
    write(tmp_path, {"content-lint.toml": types + '[roles]\nidentity-scope = { path = "^$" }\n'})
    status, findings, _ = check_report(capsys, "pages")
    assert status == 1
    assert sorted(f["path"] for f in findings) == ["pages/about.md", "pages/about.nl.md"]


def test_contentdir_moves_the_pages(tmp_path: Path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "hugo.toml": "contentDir = 'pages'\n",
            "pages/a.md": "---\ntitle: A\n---\n",
            "content/old.md": "---\ntitle: [not, a, string]\n---\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, err = check_report(capsys)
    assert (status, findings) == (0, [])
    assert "checked as a Hugo site (pages)" in err


def test_a_hostile_or_broken_site_config_is_read_as_data_or_not_at_all(tmp_path: Path, capsys, monkeypatch):
    """Nothing a site config names is run or followed: a YAML object tag, a nesting deeper
    than the parser's stack and a `contentDir` outside the site give the defaults."""
    write(
        tmp_path,
        {
            "hugo.yaml": "contentDir: !!python/object/apply:os.system ['touch pwned']\n",
            "content/a.md": "---\ntitle: A\n---\n",
            "nested/hugo.json": "[" * 100_000,
            "nested/content/b.md": "---\ntitle: B\n---\n",
            "outside/hugo.toml": "contentDir = '../content'\nlanguages = 'fr'\n",
            "outside/content/c.md": "---\ntitle: C\n---\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, err = check_report(capsys, ".", "nested", "outside")
    assert (status, findings) == (0, [])
    assert not (tmp_path / "pwned").exists()
    assert "All checks passed (3 files)" in err


def test_a_slug_names_a_page_within_its_section(tmp_path: Path, capsys, monkeypatch):
    """Two pages of one section with one `slug` publish one URL (a leaf bundle's section is
    the folder above it); in another section, a list page or a `permalinks` section they do
    not. An alias without a leading `/` is read in the page's section too."""
    write(
        tmp_path,
        {
            "hugo.toml": "[permalinks]\nnews = '/:year/:slug/'\n",
            "content/docs/a.md": "---\nslug: start\n---\n",
            "content/docs/b.md": "---\nslug: start\n---\n",
            "content/docs/setup/index.md": "---\nslug: launch\naliases: [old]\n---\n",
            "content/docs/c.md": "---\ntitle: C\naliases: [old]\n---\n",
            "content/docs/d.md": "---\nurl: docs/launch\n---\n",
            "content/guides/a.md": "---\nslug: start\naliases: [old]\n---\n",
            "content/guides/_index.md": "---\nslug: start\n---\n",
            "content/news/2023.md": "---\nslug: weekly\n---\n",
            "content/news/2024.md": "---\nslug: weekly\n---\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, _ = check_report(capsys)
    assert status == 1
    found = sorted((f["path"], f["line"], f["column"], f["code"]) for f in findings)
    assert found == [
        ("content/docs/a.md", 2, 7, "FM404"),
        ("content/docs/b.md", 2, 7, "FM404"),
        ("content/docs/c.md", 3, 11, "FM404"),
        ("content/docs/d.md", 2, 6, "FM404"),
        ("content/docs/setup/index.md", 2, 7, "FM404"),
        ("content/docs/setup/index.md", 3, 11, "FM404"),
    ]


def test_a_bad_relative_identity_table_is_a_config_error(tmp_path: Path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "hugo"\n[roles]\nrelative-identity = { path = "^content/", folder = 1 }\n',
            "content/a.md": "---\ntitle: A\n---\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "content"]) == 2
    assert "`relative-identity` should be a regular expression or a table" in capsys.readouterr().err
