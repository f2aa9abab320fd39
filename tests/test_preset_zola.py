"""The zola preset on a Zola site kept in a repository's subfolder, checked from the repository
root with no config: detected as Zola (not Hugo), exactly its pages checked, valid pages of
every documented kind quiet, each planted defect found where it is."""

from __future__ import annotations

from pathlib import Path

from helpers import check_report, write

from linter.cli import main

REPO = {
    "README.md": "# Allotment site\n",
    "CHANGELOG.md": "# Changes\n",
    "LICENSE": "MIT\n",
    ".github/PULL_REQUEST_TEMPLATE.md": "Describe the change.\n",
    "site/config.toml": (
        'base_url = "https://plots.example"\ntitle = "Plots"\n'
        'ignored_content = ["*.{draft,tmp}.md", "scratch/**"]\n'
        'taxonomies = [{ name = "tags" }]\n'
    ),
    "site/templates/page.html": "{{ page.content | safe }}\n",
    "site/templates/shortcodes/note.md": "{{ body }}\n",
    "site/themes/plain/README.md": "# A theme\n",
    "site/static/robots.txt": "User-agent: *\n",
    # A section, TOML after a blank line (Zola skips leading whitespace).
    "site/content/_index.md": '\n+++\ntitle = "Plots"\nsort_by = "date"\npaginate_by = 5\n+++\n',
    "site/content/notes/_index.md": '+++\ntransparent = true\nredirect_to = "/"\n[extra]\nicon = "leaf"\n+++\n',
    # A page with every page key Zola documents.
    "site/content/notes/2024-04-01-onions.md": (
        '+++\ntitle = "Onion sets"\ndescription = "Planted in rows."\ndate = 2024-04-01\n'
        'updated = 2024-04-03T09:00:00Z\nweight = 2\ndraft = false\nrender = true\nslug = "onions"\n'
        'path = "notes/onion-sets"\naliases = ["/onions/"]\nauthors = ["Ada"]\n'
        'in_search_index = true\ntemplate = "page.html"\n\n[taxonomies]\ntags = ["onions"]\n\n'
        "[extra]\nbed = 3\n+++      \nBody after a closing fence with spaces.\n"
    ),
    # A page with co-located assets, YAML front matter (for ported content).
    "site/content/notes/shed/index.md": "---\ntitle: The shed\ndate: 2024-05-02\n---\n",
    "site/content/notes/shed/plan.png": b"\x89PNG\r\n\x1a\n",
    "site/content/notes/shed/inventory.md": '+++\ntitle = "Inventory"\n+++\n',
    "site/content/README.md": '+++\ntitle = "Read me"\n+++\n',
    # Skipped by `ignored_content`.
    "site/content/notes/beans.draft.md": "no front matter yet\n",
    "site/content/scratch/idea.md": "no front matter yet\n",
}

PAGES = [
    "site/content/README.md",
    "site/content/_index.md",
    "site/content/notes/2024-04-01-onions.md",
    "site/content/notes/_index.md",
    "site/content/notes/shed/index.md",
    "site/content/notes/shed/inventory.md",
]


def shown_files(capsys) -> list[str]:
    assert main(["check", "--show-files"]) == 0
    lines = capsys.readouterr().out.splitlines()
    return sorted(line for line in lines if "(skipped" not in line)


def test_a_zola_site_in_a_subfolder_checks_exactly_its_pages(tmp_path: Path, capsys, monkeypatch):
    write(tmp_path, REPO)
    monkeypatch.chdir(tmp_path)
    assert shown_files(capsys) == PAGES
    status, findings, err = check_report(capsys)
    assert (status, findings) == (0, [])
    assert "checked as a Zola site (site/content)" in err


def test_planted_defects_are_found_where_they_are(tmp_path: Path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            **REPO,
            "site/content/bare.md": "# No front matter\n",
            "site/content/tagged.md": '+++\ntitle = "Tagged"\ntags = ["x"]\n+++\n',
            "site/content/frost.md": "+++\ndate = 2024-01-20\nupdated = 2024-01-02\n+++\n",
            "site/content/rota.md": '+++\ntitle = "Rota"\npath = "rota"\n+++\n',
            "site/content/rota-old.md": '+++\ntitle = "Old rota"\naliases = ["/rota/"]\n+++\n',
            "site/content/empty-slug.md": '+++\nslug = ""\n+++\n',
            "site/content/harvest/_index.md": '+++\nsort_by = "size"\n+++\n',
            "site/content/open.md": '\n\n+++\ntitle = "Never closed"\n',
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, _ = check_report(capsys)
    assert status == 1
    found = sorted((f["path"], f["line"], f["column"], f["code"]) for f in findings)
    assert found == [
        ("site/content/bare.md", 1, 1, "FM001"),
        ("site/content/empty-slug.md", 2, 8, "FM100"),
        ("site/content/frost.md", 3, 11, "FM204"),
        ("site/content/harvest/_index.md", 2, 11, "FM100"),
        ("site/content/open.md", 3, 1, "FM002"),
        ("site/content/rota-old.md", 3, 12, "FM404"),
        ("site/content/rota.md", 3, 8, "FM404"),
        ("site/content/tagged.md", 3, 1, "FM100"),
    ]
    messages = {f["path"]: f["message"] for f in findings}
    assert "unknown key `tags`" in messages["site/content/tagged.md"]
    assert "`updated`" in messages["site/content/frost.md"]
    assert "`+++`" in messages["site/content/open.md"]
    assert (
        messages["site/content/bare.md"] == "no front matter: the first line must be `+++` for TOML or `---`"
    )


def test_a_hugo_config_toml_is_not_taken_for_zola(tmp_path: Path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "config.toml": 'baseURL = "https://example.org/"\n[params]\nbase_url = "x"\n',
            "content/a.md": "No front matter: valid in Hugo.\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, err = check_report(capsys)
    assert (status, findings) == (0, [])
    assert "checked as a Hugo site" in err


def test_translations_of_a_declared_language_keep_their_own_aliases(tmp_path: Path, capsys, monkeypatch):
    page = '+++\ntitle = "{title}"\naliases = ["/old/"]\n+++\n'
    write(
        tmp_path,
        {
            "zola.toml": 'base_url = "https://example.org"\n[languages.fr]\ntitle = "Exemple"\n',
            "content/about.md": page.format(title="About"),
            "content/about.fr.md": page.format(title="À propos"),
            "content/team.it.md": page.format(title="Team"),  # `it` is not a declared language
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, _ = check_report(capsys)
    assert status == 1
    assert sorted((f["path"], f["code"]) for f in findings) == [
        ("content/about.md", "FM404"),
        ("content/team.it.md", "FM404"),
    ]


def test_odd_config_values_give_the_defaults(tmp_path: Path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "config.toml": 'base_url = "/"\nlanguages = "fr"\nignored_content = ["[unclosed", 3, "*.{x,}"]\n',
            "content/a.md": '+++\ntitle = "A"\n+++\n',
            "content/b.fr.md": '+++\ntitle = "B"\n+++\n',
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, err = check_report(capsys)
    assert (status, findings) == (0, [])
    assert "All checks passed (2 files)" in err


def test_a_slug_names_a_page_within_its_section(tmp_path: Path, capsys, monkeypatch):
    """`slug` replaces the file name (or a page folder's name) within the section; `path` is
    read from the site root, so `blog/x` is the URL of a `slug = "x"` page in `blog/`."""
    write(
        tmp_path,
        {
            "config.toml": 'base_url = "https://example.org"\n',
            "content/blog/_index.md": '+++\ntitle = "Blog"\n+++\n',
            "content/blog/2024-01-01-a.md": '+++\nslug = "x"\n+++\n',
            "content/blog/b/index.md": '+++\nslug = "x"\n+++\n',
            "content/news/c.md": '+++\nslug = "x"\n+++\n',
            "content/d.md": '+++\npath = "blog/x"\n+++\n',
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, _ = check_report(capsys)
    assert status == 1
    assert sorted((f["path"], f["line"], f["code"]) for f in findings) == [
        ("content/blog/2024-01-01-a.md", 2, "FM404"),
        ("content/blog/b/index.md", 2, "FM404"),
        ("content/d.md", 2, "FM404"),
    ]


def test_positions_count_the_blank_lines_before_the_fence(tmp_path: Path, capsys, monkeypatch):
    write(
        tmp_path,
        {
            "config.toml": 'base_url = "https://example.org"\n',
            "content/a.md": '\n\n+++\ntitle = "A"\nweight = "heavy"\n+++\n',
            "content/b.md": "\r\n  \r\n---\ntitle: B\ndraft: maybe\n---  \r\nBody.\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, _ = check_report(capsys)
    assert status == 1
    assert sorted((f["path"], f["line"], f["column"], f["code"]) for f in findings) == [
        ("content/a.md", 5, 10, "FM100"),
        ("content/b.md", 5, 8, "FM100"),
    ]
