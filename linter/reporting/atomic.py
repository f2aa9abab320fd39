"""Write the report file where the user asked, so that readers never see half of it.

The report file is written atomically (fixing/atomic.py) when it is a regular file, straight
through when it is anything else (`/dev/null`, a FIFO, `/dev/stdout`), which a rename would
replace with a regular file. Inside the project no symlink on the way is followed (see
report_path.py)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from linter.reporting.report_path import UnsafePath, unfollowed


class OutputError(Exception):
    """The report cannot be written there; the message is one line for the user."""


def check_output(path: str | Path, project: Iterable[str | Path] = ()) -> None:
    """Fail before the run, not after it, when `path` cannot take the report."""
    target, replaced = _target(path, project)
    info = None if replaced else _stat(target, path)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"--output-file {path}: is a folder")
    if info is not None and not stat.S_ISREG(info.st_mode):
        writable = os.access(target, os.W_OK)
    else:
        folder = Path(os.path.realpath(target.parent))
        if not folder.is_dir():
            raise OutputError(f"--output-file {path}: the folder {folder} does not exist")
        writable = os.access(folder, os.W_OK)
    if not writable:
        raise OutputError(f"--output-file {path}: permission denied or read-only file system")


def write_report(path: str | Path, data: bytes, project: Iterable[str | Path] = ()) -> None:
    """Write `data` to `path` (see the module docstring); OutputError when that fails."""
    from linter.fixing.atomic import write_atomic  # every run checks OutputError; few write a file

    target, replaced = _target(path, project)
    info = None if replaced else _stat(target, path)
    try:
        if info is not None and not stat.S_ISREG(info.st_mode):
            with open(target, "wb") as handle:
                handle.write(data)
        elif replaced:  # a link inside the project: the report takes its place
            write_atomic(target, data)
        else:
            mode = stat.S_IMODE(info.st_mode) if info is not None else None
            write_atomic(os.path.realpath(target), data, mode)
    except OSError as exc:
        raise OutputError(f"--output-file {path}: {exc.strerror or exc}") from None


def _target(path: str | Path, project: Iterable[str | Path]) -> tuple[Path, bool]:
    try:
        return unfollowed(path, project)
    except UnsafePath as exc:
        raise OutputError(f"--output-file {exc}") from None


def _stat(target: Path, path: str | Path) -> os.stat_result | None:
    """What `target` is (through symlinks), None when nothing is there yet."""
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"--output-file {path}: {exc.strerror}") from None
