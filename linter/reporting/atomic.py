"""Write files atomically: readers see the old content or the new, never half of either.

The report file is written atomically when it is a regular file, straight through when it is
anything else (`/dev/null`, a FIFO, `/dev/stdout`), which a rename would replace with a regular
file. Inside the project no symlink on the way is followed (see report_path.py). `--fix` writes
content files atomically too, and only while they are unchanged on disk."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from linter.reporting.file_identity import copy_identity
from linter.reporting.report_path import UnsafePath, unfollowed

#: A new report gets the mode any new file gets (this, less the umask), not mkstemp's 0600.
NEW_FILE_MODE = 0o666


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


def write_atomic(
    path: str | Path,
    data: bytes,
    mode: int | None = None,
    *,
    still_current: Callable[[], bool] | None = None,
    like: os.stat_result | None = None,
) -> bool:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`.

    The file gets `mode` (an existing file's, kept), else NEW_FILE_MODE less the umask, and
    with `like` (the replaced file's stat) its owner, group and xattrs (see file_identity.py).
    `still_current` is asked just before the rename; when it says False (the file changed
    since it was read), nothing is replaced and the result is False.
    """
    target = Path(path)
    # os.urandom is what secrets.token_hex reads; the `secrets` module (hmac, random) is not
    # worth loading on every start-up for a name
    temporary = target.parent / f".{target.name}.{os.urandom(6).hex()}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), NEW_FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.chmod(temporary, mode)  # exactly the old mode, whatever the umask
            handle.write(data)
            handle.flush()
            if like is not None:
                copy_identity(like, str(target), str(temporary))
            os.fsync(handle.fileno())
        if still_current is not None and not still_current():
            os.unlink(temporary)
            return False
        os.replace(temporary, target)
        return True
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
