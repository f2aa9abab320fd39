"""Read a file the tool did not write, without hanging or exhausting memory.

A planted `.gitignore` may be a FIFO (a plain `open` waits for a writer forever), a link to
`/dev/zero` (a plain `read` never ends) or gigabytes long. Every such read goes through here
(content files, `.gitignore`, config, baseline, CMS config, quoted source lines): opened
non-blocking, regular files only, never more than a fixed number of bytes.
"""

from __future__ import annotations

import os
import stat

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


class RefusedFile(ValueError):
    """Not a regular file, or too large; the message says which, to follow the file's name."""


class NotRegularFile(RefusedFile):
    def __init__(self, kind: str) -> None:
        super().__init__(f"is {kind}, not a regular file")
        self.kind = kind


def read_regular_file(path: str | os.PathLike[str], limit: int, *, truncate: bool = False) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    A larger file raises RefusedFile, or with `truncate` gives its first `limit` bytes.
    OSError (missing, no permission, a symlink loop) is the caller's to describe.
    """
    fd = os.open(path, _FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(file_kind(info.st_mode))
        data = _read_up_to(fd, limit + 1, info.st_size)  # one more tells "exactly limit" apart
    finally:
        os.close(fd)
    if len(data) > limit:
        if not truncate:
            raise RefusedFile(f"is larger than {limit} bytes")
        return data[:limit]
    return data


def _read_up_to(fd: int, most: int, size: int) -> bytes:
    """Ask for the whole file at once: one read, one right-sized buffer (this is on the path
    of every content file). A short read of a regular file is its end; a file that grew since
    `fstat` is read on in chunks."""
    want = min(most, size + 1)
    first = os.read(fd, want)
    if len(first) < want or len(first) >= most:
        return first
    chunks = [first]
    remaining = most - len(first)
    while remaining > 0:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for a message."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
