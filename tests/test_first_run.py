"""The first run on a repository, as a new user or pre-commit makes it: no config or a config in
a subfolder, started from the repository root. The framework is found, only its pages are
checked (never READMEs, licences, changelogs, partials), the config is found where it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ARTICLE, check_report, fields, write

from linter.cli import main

#: A Docusaurus site kept in `website/` of a tool's repository, as many projects do.
MONOREPO = {
    "README.md": "# The tool\n\nHow to build it.\n",
    "CHANGELOG.md": "## 1.0\n\n- first release\n",
    "LICENSE.md": "Permission is hereby granted...\n",
    "CONTRIBUTING.md": "---\nnot: front matter of a page\n---\n",
    ".github/ISSUE_TEMPLATE/bug.md": "---\nname: Bug report\nabout: Tell us\n---\n",
    "src/notes.md": "Developer notes, not part of the site.\n",
    "website/docusaurus.config.js": "module.exports = {title: 'Tool', presets: [['classic', {}]]};\n",
    "website/README.md": "This website is built using Docusaurus.\n",
    "website/docs/intro.md": "# Introduction\n\nA doc without front matter takes its title from this heading.\n",
    "website/docs/guide.md": "---\ntitle: Guide\nsidebar_position: 2\n---\nText.\n",
    "website/docs/_shared.mdx": "---\nthis: [is not: valid\n---\nA partial, imported by pages.\n",
    "website/docs/deep.md": "---\ntitle: Deep headings\ntoc_max_heading_level: 8\n---\n",
    "website/blog/2024-03-01-hello.md": "---\ntitle: Hello\nauthors: [ana]\ntags: [news]\n---\nPost.\n",
}
PAGES = [
    "website/blog/2024-03-01-hello.md",
    "website/docs/deep.md",
    "website/docs/guide.md",
    "website/docs/intro.md",
]
DEFECT = ("website/docs/deep.md", 3, 24, "FM100")


def run(capsys, *args: str) -> tuple[int, list[tuple[str, int, int, str]], str]:
    status, findings, err = check_report(capsys, *args)
    return status, fields(findings, "path", "line", "column", "code"), err


@pytest.fixture
def monorepo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(tmp_path, MONOREPO)
    (tmp_path / ".git").mkdir()  # the work tree's top: nothing above it is looked at
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_from_the_root_a_site_in_a_subfolder_is_found_and_only_its_pages_are_checked(monorepo, capsys):
    status, findings, err = run(capsys, ".")
    assert (status, findings) == (1, [DEFECT])
    notice = (
        "content-lint: checked as a Docusaurus site (website/docs, website/blog);"
        " `content-lint init` pins this in content-lint.toml"
    )
    lines = err.splitlines()
    assert (lines[0], lines[-1]) == (notice, notice)
    assert "in 1 of 4 files" in err


def test_show_files_lists_the_pages_and_says_why_others_are_skipped(monorepo, capsys):
    assert main(["check", "--show-files", "."]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line for line in listed if "(skipped" not in line] == PAGES
    skipped = [line.split("  (skipped")[0] for line in listed if "(skipped" in line]
    assert "website/README.md" in skipped and "website/docs/_shared.mdx" in skipped


def test_a_config_in_the_subfolder_is_used_from_the_root(monorepo, capsys):
    write(monorepo, {"website/content-lint.toml": 'preset = "docusaurus"\nignore = ["FM100"]\n'})
    status, findings, err = run(capsys, ".")
    assert (status, findings) == (0, [])
    assert "checked as" not in err  # the config says how


def test_a_pre_commit_batch_of_only_non_content_files_passes_quietly(monorepo, capsys):
    status = main(["check", "--no-cache", "--force-exclude", "--", "README.md", "website/README.md"])
    out, _ = capsys.readouterr()
    assert (status, out) == (0, "")


def test_a_pre_commit_batch_with_a_bad_page_reports_only_that_page(monorepo, capsys):
    status, findings, _ = run(capsys, "--force-exclude", "README.md", "website/docs/deep.md")
    assert (status, findings) == (1, [DEFECT])


def test_without_a_framework_the_generic_preset_checks_markdown_but_not_the_readme(
    tmp_path, monkeypatch, capsys
):
    write(
        tmp_path,
        {
            "README.md": "# Notes\n",
            "LICENSE": "MIT\n",
            "notes/plain.md": "A page without front matter is fine here.\n",
            "notes/trip.md": "---\ntitle: Trip\ndate: 2024-05-01\ntags: [travel, travel]\n---\n",
            "notes/list.txt": "---\nnot: checked, .txt is the news format's\n---\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    status, findings, err = run(capsys, ".")
    assert (status, findings) == (1, [("notes/trip.md", 4, 16, "FM506")])
    assert "checked with the `generic` preset" in err


def test_news_articles_without_a_config_are_checked_as_news_articles(tmp_path, monkeypatch, capsys):
    other = ARTICLE.replace("sea-wall-approved", "sea-wall-vote").replace("quality: 50", "quality: 150")
    write(tmp_path, {"news/a.md": ARTICLE, "news/b.txt": other})
    monkeypatch.chdir(tmp_path)
    status, findings, err = run(capsys, "news")
    assert (status, findings) == (1, [("news/b.txt", 9, 10, "FM100")])
    assert "checked" not in err  # the project's first format, as ever


UNMATCHED = 'preset = "hugo"\n[roles]\ndates = ["/date", "/params/reviewd"]\n'


def test_a_binding_that_matches_nothing_is_judged_by_a_folder_run_not_by_a_batch(
    tmp_path, monkeypatch, capsys
):
    write(
        tmp_path, {"content-lint.toml": UNMATCHED, "content/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n"}
    )
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "content/a.md")[:2] == (0, [])
    assert run(capsys, "content")[:2] == (0, [("content-lint.toml", 3, 19, "FM011")])


def test_the_summary_counts_a_finding_outside_the_checked_files_apart(tmp_path, monkeypatch, capsys):
    write(
        tmp_path, {"content-lint.toml": UNMATCHED, "content/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n"}
    )
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-cache", "--output-format", "concise", "content"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "Found 0 error(s) and 1 warning(s) in 0 of 1 file (and in content-lint.toml)"
    )


def test_a_pre_commit_batch_skips_files_the_project_does_not_render(monorepo, capsys):
    """pre-commit passes every file its `files` pattern matches (.html too): under
    --force-exclude, one whose name the project does not include is left alone."""
    write(monorepo, {"website/docs/page.html": "<p>no front matter</p>\n"})
    status = main(
        ["check", "--no-cache", "--force-exclude", "--", "website/docs/page.html", "website/docs/guide.md"]
    )
    assert status == 0
    assert "All checks passed (1 file)" in capsys.readouterr().err
