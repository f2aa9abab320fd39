"""Each preset reads dates as its framework does (FM205): every form the framework reads passes,
every other value of a date role is one finding at the value that names the framework, and the
page's other dates are still checked. Frameworks without a preset yet are named with the
`date-forms` role key over the hugo preset's bindings."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import check_report, fields, write

from linter.cli import main

YAML_PAGE = "---\ntitle: Notes\n{key}: {value}\n---\nText.\n"
TOML_PAGE = "+++\ntitle = 'Notes'\n{key} = {value}\n+++\nText.\n"
PRESET = {
    "hugo": 'preset = "hugo"\n',
    "jekyll": 'preset = "jekyll"\n',
    "docusaurus": 'preset = "docusaurus"\n',
    "starlight": 'preset = "starlight"\n',
    "zola": 'preset = "hugo"\n[roles]\ndate-forms = "zola"\n',
    "eleventy": 'preset = "hugo"\n[roles]\ndate-forms = "eleventy"\n',
    "mkdocs": 'preset = "hugo"\n[roles]\ndate-forms = "mkdocs"\n',
    "vitepress": 'preset = "hugo"\n[roles]\ndate-forms = "vitepress"\n',
}
KEY = {"starlight": "lastUpdated"}
#: Where each framework's pages are (the presets check only those).
WHERE = {"jekyll": "notes.md", "docusaurus": "blog/notes.md", "starlight": "src/content/docs/notes.md"}
NAME = {"mkdocs": "Material for MkDocs", "vitepress": "VitePress"}

VALID = {
    "hugo": [
        "2024-05-01",
        "2024-05-01T10:00:00Z",
        "2024-05-01T10:00:00+02:00",
        "2024-05-01T10:00:00",
        "2024-05-01 10:00:00 -0700",
        "'2024-05-01T10:00:00.5-07:00'",
        "Wed, 01 May 2024 10:00:00 +0200",
        "01 May 2024",
    ],
    "jekyll": [
        "2023-01-29 18:30:22 2023 -0800",
        "2016-01-01 10:00:00 +0000",
        "2024-05-01",
        "'2024-5-1'",
        "Jan 29 2023",
        "2024-05-01T10:00:00Z",
        "'Mon Jan 29 18:30:22 -0800 2023'",
    ],
    "docusaurus": ["2024-05-01", "2024-05-01T10:00:00Z", "'2024-05-01T10:00'", "'May 1, 2024'"],
    "starlight": ["2024-05-01", "2024-05-01T10:00:00Z", "2024-05-01 10:00:00 +02:00", "true", "false"],
    "zola": [
        "2024-05-01",
        "2024-05-01T10:00:00Z",
        '"2024-05-01"',
        '"2024-05-01T10:00:00+02:00"',
        "2019-05-27 07:32:00Z",
        '"2024-05-01 10:00:00.0 +02:00"',
    ],
    "eleventy": [
        "2024-05-01",
        "'2024-05-01T10:00:00Z'",
        "Last Modified",
        "git Created",
        "2019-08-08 14:10:00 +08:00",
        "'2024-05'",
    ],
    "mkdocs": ["2024-05-01", "2024-05-01 10:00:00", "2024-05-01T10:00:00+02:00"],
    "vitepress": ["2024-05-01", "'2024'", "'May 1, 2024 10:00'"],
}

#: (value, what the message says after the framework's name or value).
INVALID = {
    "hugo": [
        ("yesterday", "Hugo cannot read `yesterday` as a date"),
        ("2023-02-30", "Hugo cannot read `2023-02-30` as a date: February 2023 has 28 days"),
        ("2023-13-01", "Hugo cannot read `2023-13-01` as a date: there is no month 13"),
        ("2023-06-31", "Hugo cannot read `2023-06-31` as a date: June has 30 days"),
        ("2024-05-01T10:00", "Hugo cannot read `2024-05-01T10:00` as a date"),
        ("May 1, 2024", "Hugo cannot read `May 1, 2024` as a date"),
    ],
    "jekyll": [
        ("yesterday", "Jekyll cannot read `yesterday` as a date"),
        ("2023-13-01", "Jekyll cannot read `2023-13-01` as a date: there is no month 13"),
        (
            "2023-02-30",
            "`2023-02-30` is not a date (February 2023 has 28 days): Jekyll reads it as 2023-03-02",
        ),
    ],
    "docusaurus": [
        ("yesterday", "Docusaurus cannot read `yesterday` as a date"),
        ("2023-06-31", "`2023-06-31` is not a date (June has 30 days): Docusaurus reads it as 2023-07-01"),
        ("2023-13-01", "Docusaurus cannot read `2023-13-01` as a date: there is no month 13"),
        ("'2023'", "Docusaurus reads `2023` as a number of milliseconds after 1970-01-01"),
    ],
    "starlight": [
        (
            "'2024-05-01'",
            "Starlight cannot read `2024-05-01` as a date: quoted, it is text; write it unquoted",
        ),
        ("yesterday", "Starlight cannot read `yesterday` as a date"),
        ("2023-06-31", "`2023-06-31` is not a date (June has 30 days): Starlight reads it as 2023-07-01"),
    ],
    "zola": [
        ('"2023-02-30"', "Zola cannot read `2023-02-30` as a date: February 2023 has 28 days"),
        ('"yesterday"', "Zola cannot read `yesterday` as a date"),
        ('"2023-13-01"', "Zola cannot read `2023-13-01` as a date: there is no month 13"),
        ('"2024-05-01 10:00:00 +02:00"', "Zola cannot read `2024-05-01 10:00:00 +02:00` as a date"),
    ],
    "eleventy": [
        ("2019-08-08 14:10:00 +0800", "Eleventy cannot read `2019-08-08 14:10:00 +0800` as a date"),
        ("'2024-05-01 10:00:00'", "Eleventy cannot read `2024-05-01 10:00:00` as a date"),
        ("yesterday", "Eleventy cannot read `yesterday` as a date"),
        ("'2023-02-30'", "Eleventy cannot read `2023-02-30` as a date: February 2023 has 28 days"),
    ],
    "mkdocs": [
        ("'2024-05-01'", "Material for MkDocs cannot read `2024-05-01` as a date: quoted, it is text"),
        ("2024-1-5", "Material for MkDocs cannot read `2024-1-5` as a date"),
        ("2023-02-30", "Material for MkDocs cannot read `2023-02-30` as a date: February 2023 has 28 days"),
    ],
    "vitepress": [("yesterday", "VitePress cannot read `yesterday` as a date")],
}


def run(capsys, root: Path, monkeypatch) -> tuple[int, list[tuple[str, int, int, str, str]]]:
    monkeypatch.chdir(root)
    status, findings, _ = check_report(capsys, ".")
    found = fields(findings, "path", "line", "column", "code", "message")
    return status, sorted((path.removeprefix("./"), *rest) for path, *rest in found)


def site(framework: str, value: str) -> dict[str, str]:
    template = TOML_PAGE if framework == "zola" else YAML_PAGE
    text = template.format(key=KEY.get(framework, "date"), value=value)
    return {"content-lint.toml": PRESET[framework], WHERE.get(framework, "content/notes.md"): text}


@pytest.mark.parametrize(
    ("framework", "value"), [(name, value) for name, values in VALID.items() for value in values]
)
def test_every_form_the_framework_reads_passes(capsys, tmp_path, monkeypatch, framework, value):
    write(tmp_path, site(framework, value))
    assert run(capsys, tmp_path, monkeypatch) == (0, [])


@pytest.mark.parametrize(
    ("framework", "value", "message"),
    [(name, value, message) for name, cases in INVALID.items() for value, message in cases],
)
def test_every_other_value_is_one_finding_at_the_value(
    capsys, tmp_path, monkeypatch, framework, value, message
):
    write(tmp_path, site(framework, value))
    status, found = run(capsys, tmp_path, monkeypatch)
    column = len(KEY.get(framework, "date")) + (4 if framework == "zola" else 3)
    assert status == 1
    assert [(path, line, col, code) for path, line, col, code, _ in found] == [
        (WHERE.get(framework, "content/notes.md"), 3, column, "FM205")
    ]
    assert found[0][4].startswith(message)
    assert NAME.get(framework, framework.capitalize()) in found[0][4]


def test_a_bad_date_leaves_the_other_dates_of_the_page_checked(capsys, tmp_path, monkeypatch):
    text = "---\ntitle: Notes\ndate: yesterday\npublishDate: 2024-06-01\nexpiryDate: 2024-05-15\nlastmod: 2031-01-01\n---\n"
    write(tmp_path, {"content-lint.toml": PRESET["hugo"], "content/notes.md": text})
    status, found = run(capsys, tmp_path, monkeypatch)
    assert status == 1
    assert [(line, col, code) for _, line, col, code, _ in found] == [
        (3, 7, "FM205"),
        (5, 13, "FM204"),
        (6, 10, "FM201"),
    ]


def test_each_bad_value_is_reported_once_whatever_roles_bind_it(capsys, tmp_path, monkeypatch):
    # Jekyll's `date` is `published`, `dates`, `future` and the first of a `date-order` pair.
    text = "---\ntitle: Notes\ndate: 2023-13-01\nlast_modified_at: 2022-01-01\n---\n"
    write(tmp_path, {"content-lint.toml": PRESET["jekyll"], "about.md": text})
    assert [(line, col, code) for _, line, col, code, _ in run(capsys, tmp_path, monkeypatch)[1]] == [
        (3, 7, "FM205")
    ]


def test_the_news_article_schema_keeps_judging_its_dates(capsys, tmp_path, monkeypatch):
    write(tmp_path, {"a.md": "---\ntitle: A\npublishedDateTime: yesterday\n---\n"})
    status, found = run(capsys, tmp_path, monkeypatch)
    assert status == 1
    assert "FM205" not in {code for _, _, _, code, _ in found}
    assert "FM100" in {code for _, _, _, code, _ in found}


def test_an_unknown_date_forms_name_is_a_config_error(capsys, tmp_path, monkeypatch):
    write(tmp_path, {"content-lint.toml": '[roles]\ndate-forms = "gatsby"\n', "a.md": "---\ntitle: A\n---\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 2
    assert "`date-forms` should be one of any, docusaurus, eleventy" in capsys.readouterr().err


POSTS = {
    "content-lint.toml": PRESET["jekyll"],
    "_posts/2099-05-06-launch.md": "---\ntitle: Launch\n---\nText.\n",
    "_posts/2024-05-06-old.md": "---\ntitle: Old\nlast_modified_at: 2024-05-01\n---\n",
    "_posts/2024-05-06-moved.md": "---\ntitle: Moved\ndate: 2024-06-10 09:00:00 +0200\n---\n",
    "_posts/2023-02-30-bad.md": "---\ntitle: Bad\n---\n",
    # Within a day of the name (a time of day, a zone): the override Jekyll documents.
    "_posts/2024-05-06-same.md": "---\ntitle: Same\ndate: 2024-05-06 23:30:00 -0500\n---\n",
    "blog/_posts/2024-05-06-nested.md": "---\ntitle: Nested\nlast_modified_at: 2024-05-07\n---\n",
    # Not a post: a dated name outside `_posts/` is no post date.
    "notes/2099-01-01-notes.md": "---\ntitle: Notes\n---\n",
}


def test_a_jekyll_post_is_dated_by_its_file_name_unless_date_overrides_it(capsys, tmp_path, monkeypatch):
    write(tmp_path, POSTS)
    status, found = run(capsys, tmp_path, monkeypatch)
    assert status == 1
    assert found == [
        (
            "_posts/2023-02-30-bad.md", 2, 1, "FM205",
            "the date in the file name: `2023-02-30` is not a date (February 2023 has 28 days): "
            "Jekyll reads it as 2023-03-02",
        ),
        (
            "_posts/2024-05-06-moved.md", 3, 7, "FM206",
            "`date` 2024-06-10 09:00:00 +0200 is 35 days after the date in the file name (2024-05-06): "
            "Jekyll dates the post (its URL and order) by `date`, so the file name is stale",
        ),
        (
            "_posts/2024-05-06-old.md", 3, 19, "FM204",
            "`last_modified_at` 2024-05-01 is 5 days before `date` 2024-05-06 (from the file name)",
        ),
        (
            "_posts/2099-05-06-launch.md", 2, 1, "FM201",
            "`date` 2099-05-06 (from the file name) is 26,458 days in the future "
            "(now is 2026-11-26T12:00:00Z, tolerance 1 day)",
        ),
    ]  # fmt: skip


def test_an_empty_date_leaves_a_post_dated_by_its_file_name(capsys, tmp_path, monkeypatch):
    files = {
        "content-lint.toml": PRESET["jekyll"],
        "_posts/2099-01-02-empty.md": "---\ntitle: E\ndate:\n---\n",
    }
    write(tmp_path, files)
    found = [finding for finding in run(capsys, tmp_path, monkeypatch)[1] if finding[3].startswith("FM2")]
    assert [(line, col, code) for _, line, col, code, _ in found] == [(3, 6, "FM201")]
    assert "2099-01-02 (from the file name)" in found[0][4]


def test_the_file_date_key_is_checked_in_the_config(capsys, tmp_path, monkeypatch):
    config = '[roles]\nfile-date = { path = "^posts/(.*", at = "/date" }\n'
    write(tmp_path, {"content-lint.toml": config, "a.md": "---\ntitle: A\n---\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 2
    assert "`file-date.path` is not a regular expression" in capsys.readouterr().err


def test_a_date_without_a_zone_is_read_in_the_site_time_zone(capsys, tmp_path, monkeypatch):
    # 23:30 in Berlin is 21:30 UTC, before `lastmod` (23:00 UTC); read in UTC it would be after.
    page_text = "---\ntitle: Notes\ndate: 2024-05-06T23:30:00\nlastmod: 2024-05-07T01:00:00+02:00\n---\n"
    write(tmp_path, {"content-lint.toml": PRESET["hugo"], "content/notes.md": page_text})
    assert run(capsys, tmp_path, monkeypatch)[1] == [
        (
            "content/notes.md",
            4,
            10,
            "FM204",
            "`lastmod` 2024-05-07T01:00:00+02:00 is 30 minutes before `date` 2024-05-06T23:30:00",
        )
    ]
    write(tmp_path, {"content-lint.toml": 'timezone = "Europe/Berlin"\n' + PRESET["hugo"]})
    assert run(capsys, tmp_path, monkeypatch) == (0, [])


ODD = ["0000-01-01", "'9999-12-31T23:59:59-05:00'", "'0001-01-01T00:00:00+05:00'", "'Jan 1 0000'", "'2023-01-01T10:00:00+99:00'",
       "'" + "2023-01-01" + " " * 5000 + "x'", "'Mon, 31 Feb 2024 10:00:00 +0000'", "'12:30pm'", "'2023-01-01 25:00 pm'"]  # fmt: skip


@pytest.mark.parametrize("framework", sorted(PRESET))
def test_odd_values_are_reported_or_read_never_a_crash(capsys, tmp_path, monkeypatch, framework):
    for index, value in enumerate(ODD):
        text = site(framework, value if framework != "zola" else '"' + value.strip("'") + '"')
        write(tmp_path, {name.replace("notes", f"n{index}"): body for name, body in text.items()})
    status, found = run(capsys, tmp_path, monkeypatch)
    assert status in (0, 1)
    assert "FM000" not in {code for _, _, _, code, _ in found}
