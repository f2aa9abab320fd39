"""Compiler-style output: each finding, its source line and a caret under the exact span."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import TextIO

from linter.findings import Finding
from linter.reporting.base import Reporter, RunSummary, fix_mark
from linter.reporting.escape import shown_name, shown_text
from linter.reporting.source import read_lines

TAB_SIZE = 4
#: A long multi-line span shows its first lines only; the location names where it starts.
MAX_SNIPPET_LINES = 3
RESET, BOLD, RED, YELLOW, BLUE = "\033[0m", "\033[1m", "\033[31m", "\033[33m", "\033[34m"
SEVERITY_COLORS = {"error": RED, "warning": YELLOW}
#: Reordering controls would let a line display differently from what it holds.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MESSAGE_ESCAPES = {"\r": "\\r", "\n": "\\n", "\t": "\t"}


def use_color(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """NO_COLOR wins over FORCE_COLOR, which wins over asking whether the stream is a terminal."""
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class FullReporter(Reporter):
    def __init__(self, stream: TextIO, *, color: bool = False) -> None:
        super().__init__(stream)
        self.color = color

    def report(self, summary: RunSummary) -> None:
        wanted: dict[str, int] = {}
        for f in summary.findings:
            wanted[f.path] = max(wanted.get(f.path, 0), _last_line(f))
        sources = {path: read_lines(path, last) for path, last in wanted.items()}
        for f in summary.findings:
            self.stream.write(self._header(f))
            self.stream.write("".join(self._snippet(f, sources[f.path])))
            self.stream.write("\n")

    def _paint(self, text: str, *codes: str) -> str:
        return f"{''.join(codes)}{text}{RESET}" if self.color else text

    def _header(self, f: Finding) -> str:
        severity = self._paint(f.severity, BOLD, SEVERITY_COLORS[f.severity])
        location = self._paint(f"{shown_name(f.path)}:{f.line}:{f.column}:", BOLD)
        mark = fix_mark(f)
        return (
            f"{location} {self._paint(f.code, BOLD)} [{severity}] {mark}{_printable(shown_text(f.message))}\n"
        )

    def _snippet(self, f: Finding, lines: Sequence[str | None]) -> list[str]:
        numbers = range(f.line, min(_last_line(f), f.line + MAX_SNIPPET_LINES - 1) + 1)
        texts = [lines[n - 1] if n <= len(lines) else None for n in numbers]
        first = texts[0] if texts else None
        if first is None or f.line < 1 or not 1 <= f.column <= len(first) + 1:
            return []  # unreadable, binary, not UTF-8, or the span is not in the file
        width = len(str(numbers[-1]))
        bar = self._paint(f"{' ' * width} |", BOLD, BLUE)
        end = f.end_column if f.end_line == f.line else len(first) + 1
        start_at, end_at = _display_span(first, f.column, end)
        caret = self._paint("^" * max(end_at - start_at, 1), BOLD, SEVERITY_COLORS[f.severity])
        rows = [f"{bar}\n", self._row(f.line, width, first), f"{bar} {' ' * start_at}{caret}\n"]
        for number, text in zip(numbers[1:], texts[1:], strict=True):
            if text is None:
                break
            rows.append(self._row(number, width, text))
        return rows

    def _row(self, number: int, width: int, text: str) -> str:
        gutter = self._paint(f"{number:>{width}} |", BOLD, BLUE)
        shown = _expand(text)[0]
        return f"{gutter} {shown}\n" if shown else f"{gutter}\n"


def _last_line(f: Finding) -> int:
    """An exclusive end at column 1 means the span stopped at the end of the line before."""
    if f.end_line > f.line and f.end_column <= 1:
        return f.end_line - 1
    return max(f.end_line, f.line)


def _display_span(line: str, column: int, end_column: int) -> tuple[int, int]:
    """Display columns (0-based) of a 1-based character span, after tab expansion."""
    starts = _expand(line)[1]
    clamp = len(line)
    return starts[min(column - 1, clamp)], starts[max(min(end_column - 1, clamp), column - 1)]


def _expand(line: str) -> tuple[str, list[int]]:
    """The line as printed (tabs to spaces, controls made visible) and where each character
    starts on screen; one list for both so the caret always lines up with the text."""
    out: list[str] = []
    starts: list[int] = []
    at = 0
    for char in line:
        starts.append(at)
        if char == "\t":
            out.append(" " * (TAB_SIZE - at % TAB_SIZE))
            at += TAB_SIZE - at % TAB_SIZE
            continue
        shown = _visible(char)
        out.append(shown)
        at += _width(shown)
    starts.append(at)
    return "".join(out), starts


def _visible(char: str) -> str:
    """Control characters would move the cursor or recolour the terminal: show a symbol."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if unicodedata.category(char) in ("Cc", "Cs") or char in BIDI_CONTROLS:
        return "\ufffd"
    return char


def _width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _printable(message: str) -> str:
    """One line, as in the concise format, with nothing that could drive the terminal."""
    return "".join(MESSAGE_ESCAPES.get(char) or _visible(char) for char in message)
