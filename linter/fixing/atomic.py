"""Write a file atomically: readers see the old content or the new, never half of either.

`--fix` writes content files this way, and only while they are unchanged on disk; reports,
baselines and `init`'s config files are written the same way.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from linter.fixing.file_identity import copy_identity

#: A new file gets the mode any new file gets (this, less the umask), not mkstemp's 0600.
NEW_FILE_MODE = 0o666


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
