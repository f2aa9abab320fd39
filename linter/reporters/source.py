"""Read just the source lines a report quotes, and never fail the run over them."""

from __future__ import annotations

import os
import stat
from itertools import islice

BOM = "\ufeff"


def read_lines(path: str, last: int) -> list[str | None]:
    """Lines 1..`last` of `path` as text (shorter at end of file); None for a line that is not
    UTF-8 text. Empty when the file is missing, unreadable or not a regular file."""
    if last < 1:
        return []
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return []  # a FIFO or device would block or never end
        with open(path, "rb") as handle:
            raw = list(islice(handle, last))
    except (OSError, ValueError):
        return []
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
