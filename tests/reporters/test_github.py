"""The `github` format: one workflow command per finding, escaped as the runner expects."""

from __future__ import annotations

from reporter_samples import FINDINGS, Render

from linter.findings import Finding
from linter.reporting import RunSummary
from linter.reporting.github import GithubReporter, escape_data, escape_property


def test_one_command_per_finding(render: Render, summary: RunSummary) -> None:
    lines = render(GithubReporter, summary, root="/repo").splitlines()
    assert len(lines) == len(FINDINGS)
    assert lines[0] == (
        "::error file=content/a.md,line=2,col=10,endLine=2,endColumn=13,title=FM100 (schema)"
        "::`quality` must be at most 100, got 150"
    )
    assert lines[2].startswith("::warning file=content/a.md,line=5,col=5,endLine=7,endColumn=1,")


def test_message_escapes_percent_cr_and_lf_but_not_colon_or_comma(render: Render) -> None:
    output = render(GithubReporter, RunSummary(1, [FINDINGS[1]]), root="/repo")
    assert output == (
        "::error file=content/a.md,line=3,col=8,endLine=3,endColumn=17,title=FM100 (schema)"
        "::50%25 off: a, b%0Asecond line%0Dthird\n"
    )


def test_properties_escape_colon_and_comma_too(render: Render) -> None:
    finding = Finding("we:ird,100%\n.md", 1, 1, 1, 2, "FM001", "missing-front-matter", "error", "m")
    output = render(GithubReporter, RunSummary(1, [finding]), root="/repo")
    assert output.startswith("::error file=we%3Aird%2C100%25\\n.md,line=1,")


def test_escape_functions() -> None:
    assert escape_data("%:,\r\n") == "%25:,%0D%0A"
    assert escape_property("%:,\r\n") == "%25%3A%2C%0D%0A"
    # `%` first, or the escapes themselves would be escaped again.
    assert escape_property("%3A") == "%253A"


def test_non_ascii_passes_through(render: Render) -> None:
    output = render(GithubReporter, RunSummary(1, [FINDINGS[3]]), root="/repo")
    assert output.endswith("::`title` « Élysée: 東京 » looks odd\n")


def test_paths_are_made_relative_to_the_root(render: Render) -> None:
    finding = Finding("/repo/./content/x.md", 1, 1, 1, 2, "FM001", "missing-front-matter", "error", "m")
    output = render(GithubReporter, RunSummary(1, [finding]), root="/repo")
    assert output.startswith("::error file=content/x.md,")


def test_nothing_on_a_clean_run(render: Render) -> None:
    assert render(GithubReporter, RunSummary(3, [], files=("a.md",))) == ""
