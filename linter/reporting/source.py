"""Read just the source lines a report quotes, and never fail the run over them."""

from __future__ import annotations

from linter.reading.bounded import read_regular_file

BOM = "\ufeff"
#: Findings sit in the front matter, near the top; a longer file is quoted from its start only.
MAX_QUOTED_BYTES = 8 << 20


def read_lines(path: str, last: int) -> list[str | None]:
    """Lines 1..`last` of `path` as text (shorter at end of file); None for a line that is not
    UTF-8 text. Empty when the file is missing, unreadable or not a regular file."""
    if last < 1:
        return []
    try:
        data = read_regular_file(path, MAX_QUOTED_BYTES, truncate=True)
    except (OSError, ValueError):
        return []  # a FIFO or device would block or never end; a vanished file has no lines
    raw = data.split(b"\n", last)  # only LF ends a line, as in the reader's positions
    if len(raw) <= last and raw[-1] == b"":
        raw.pop()  # the file's final newline ends its last line; it starts no new one
    raw = raw[:last]
    lines = [_decode(line) for line in raw]
    if lines and lines[0] is not None and lines[0].startswith(BOM):
        lines[0] = lines[0][len(BOM) :]  # the reader skips it too, so columns start after it
    return lines


def _decode(raw: bytes) -> str | None:
    if b"\0" in raw:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text.removesuffix("\n").removesuffix("\r")
