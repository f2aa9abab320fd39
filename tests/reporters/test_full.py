"""The `full` format: the finding line, the quoted source and a caret under the exact span."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reporter_samples import FINDINGS, Render

from linter.findings import Finding
from linter.reporting import RunSummary
from linter.reporting.full import FullReporter, use_color


def blocks(output: str) -> list[list[str]]:
    """One list of lines per finding (findings are separated by a blank line)."""
    return [block.split("\n") for block in output.rstrip("\n").split("\n\n")]


def caret_under(block: list[str], source_row: int = 1) -> str:
    """The text the carets sit under, taken from the printed source row and caret row."""
    shown, carets = block[source_row + 1], block[source_row + 2]
    start = carets.index("^")
    return shown[start : start + carets.count("^")]


def one(render: Render, finding: Finding, **options: object) -> list[str]:
    return blocks(render(FullReporter, RunSummary(1, [finding]), **options))[0]


def test_each_finding_shows_its_line_and_underlines_the_span(project: Path, render: Render) -> None:
    output = render(FullReporter, RunSummary(3, FINDINGS))
    found = blocks(output)
    assert len(found) == len(FINDINGS)
    assert found[0] == [
        "content/a.md:2:10: FM100 [error] `quality` must be at most 100, got 150",
        "  |",
        "2 | quality: 150",
        "  |          ^^^",
    ]
    assert caret_under(found[1]) == '"50% off"'
    assert caret_under(found[4]) == '"htp://x"'
    assert "\033" not in output


def test_message_stays_on_one_line(project: Path, render: Render) -> None:
    header = one(render, FINDINGS[1])[0]
    assert header == "content/a.md:3:8: FM100 [error] 50% off: a, b\\nsecond line\\rthird"


def test_multi_line_span_underlines_to_the_end_of_its_first_line(project: Path, render: Render) -> None:
    block = one(render, FINDINGS[2])
    assert block[2] == "5 |   - width: 10"
    assert block[3] == "  |     " + "^" * len("width: 10")
    # The span ends at column 1 of line 7, so it covers lines 5 and 6 only.
    assert block[4:] == ["6 |     height: 1000"]


def test_wide_characters_get_two_carets_each(project: Path, render: Render) -> None:
    block = one(render, FINDINGS[3])
    assert block[2] == '2 | title: "Élysée: 東京 news"'
    # 17 characters, two of them double width on a terminal.
    assert block[3] == "  |        " + "^" * 19


def test_tabs_expand_the_same_in_line_and_underline(tmp_path: Path, render: Render) -> None:
    path = tmp_path / "tabs.md"
    path.write_text('---\n\ttitle:\t"x"\t# c\n---\n', encoding="utf-8")
    finding = Finding(str(path), 2, 9, 2, 12, "FM100", "schema", "error", "m")
    block = one(render, finding)
    assert "\t" not in "".join(block)
    assert caret_under(block) == '"x"'


def test_control_characters_in_source_and_message_cannot_drive_the_terminal(
    tmp_path: Path, render: Render
) -> None:
    path = tmp_path / "ctl.md"
    path.write_text("---\ntitle: a\x1b[2Jb\n---\n", encoding="utf-8")
    finding = Finding(str(path), 2, 8, 2, 14, "FM508", "mojibake", "warning", "has \x1b[2J")
    output = render(FullReporter, RunSummary(1, [finding]))
    assert "\x1b" not in output
    assert "\u241b[2J" in output
    assert caret_under(blocks(output)[0]) == "a\u241b[2Jb"


def test_file_names_are_shown_safely_too(render: Render) -> None:
    finding = Finding("evil\x1b]0;x\x07\udce9.md", 1, 1, 1, 2, "FM007", "unreadable", "error", "m")
    output = render(FullReporter, RunSummary(1, [finding]))
    assert output == "evil\\x1b]0;x\\x07\\xe9.md:1:1: FM007 [error] m\n\n"
    output.encode("utf-8")  # a lone surrogate from an undecodable name would fail here


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [
        (None, 1, 1),  # missing file
        (b"---\ntitle: \xe9t\xe9\n---\n", 2, 8),  # not UTF-8
        (b"---\ntitle: \x00\x01\n---\n", 2, 8),  # binary
        (b"---\ntitle: x\n---\n", 9, 1),  # line past the end
        (b"---\ntitle: x\n---\n", 2, 40),  # column past the end of the line
        (b"", 1, 1),  # empty file
    ],
)
def test_unreadable_source_prints_the_finding_without_a_snippet(
    tmp_path: Path, render: Render, content: bytes | None, line: int, column: int
) -> None:
    path = tmp_path / "f.md"
    if content is not None:
        path.write_bytes(content)
    finding = Finding(str(path), line, column, line, column + 1, "FM007", "unreadable", "error", "m")
    assert render(FullReporter, RunSummary(1, [finding])) == f"{path}:{line}:{column}: FM007 [error] m\n\n"


def test_a_folder_named_as_the_path_is_no_crash(tmp_path: Path, render: Render) -> None:
    finding = Finding(str(tmp_path), 1, 1, 1, 1, "FM007", "unreadable", "error", "m")
    assert render(FullReporter, RunSummary(1, [finding])) == f"{tmp_path}:1:1: FM007 [error] m\n\n"


def test_colour_only_when_asked(project: Path, render: Render) -> None:
    output = render(FullReporter, RunSummary(3, FINDINGS), color=True)
    assert "\033[1mcontent/a.md:2:10:\033[0m" in output
    assert "\033[1m\033[31merror\033[0m" in output
    assert "\033[1m\033[33mwarning\033[0m" in output
    assert "\033[1m\033[31m^^^\033[0m" in output


class FakeStream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("environ", "tty", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),  # set but empty means not set
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": ""}, False, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),  # NO_COLOR wins
    ],
)
def test_use_color(environ: dict[str, str], tty: bool, expected: bool) -> None:
    assert use_color(FakeStream(tty), environ) is expected


def test_use_color_on_a_closed_stream_is_false() -> None:
    stream = io.StringIO()
    stream.close()
    assert use_color(stream, {}) is False


def test_registry_builds_it_without_colour(project: Path) -> None:
    from linter.reporting import REPORTERS

    stream = io.StringIO()
    REPORTERS["full"](stream).report(RunSummary(1, FINDINGS[:1]))
    assert "^^^" in stream.getvalue()
    assert "\033" not in stream.getvalue()
