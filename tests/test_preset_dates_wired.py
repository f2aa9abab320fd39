"""The zola and eleventy presets read dates with their framework's forms (FM205 names it) and
a bad date leaves the page's other date checks on."""

from __future__ import annotations

from helpers import check_report, fields, write

NOW = "2026-12-01T00:00:00Z"


def run(capsys, *args: str) -> list[tuple[str, int, int, str, str]]:
    return fields(check_report(capsys, *args)[1], "path", "line", "column", "code", "message")


def test_zola_reports_a_date_it_cannot_read_and_still_orders_the_others(tmp_path, monkeypatch, capsys):
    write(
        tmp_path,
        {
            "content/a.md": '+++\ntitle = "A"\ndate = "2023-02-30"\nupdated = 2023-01-01\n+++\n',
            "content/b.md": '+++\ntitle = "B"\ndate = 2023-02-10\nupdated = 2023-01-01\n+++\n',
        },
    )
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "--preset", "zola", ".") == [
        ("content/a.md", 3, 8, "FM205", "Zola cannot read `2023-02-30` as a date: February 2023 has 28 days"),
        ("content/b.md", 4, 11, "FM204", "`updated` 2023-01-01 is 40 days before `date` 2023-02-10"),
    ]


def test_eleventy_reads_its_special_date_strings_and_reports_others(tmp_path, monkeypatch, capsys):
    write(
        tmp_path,
        {
            "a.md": "---\ntitle: A\ndate: yesterday\n---\n",
            "b.md": "---\ntitle: B\ndate: Last Modified\n---\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    message = "Eleventy cannot read `yesterday` as a date (it reads YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"
    assert run(capsys, "--preset", "eleventy", ".") == [("a.md", 3, 7, "FM205", message)]
