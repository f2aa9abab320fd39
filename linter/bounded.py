"""Read a whole small file safely: a regular file only, never more than a limit."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of `path`; ValueError for a FIFO, device or folder (opened without blocking,
    never read) or for a file over `limit` bytes (at most `limit` + 1 bytes are read)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError("not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than {limit} bytes")
    return data
