"""An exclusive lock on a folder, for a read-modify-write of a file in it by several runs.

Two `--update-baseline` runs at once (pre-commit batches, parallel CI jobs) each read the
baseline, add their files' entries and write it: the last writer won and the other's entries
were lost. The update now re-reads the file and writes it while holding this lock. The lock is
`flock` on the folder itself, so no lock file is left in the project; where there is no
`flock` (Windows) the update runs unlocked, as before.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def folder_locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (waiting for another holder) for the block."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield  # the write that follows reports why the folder cannot be used
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
