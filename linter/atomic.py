"""Write files atomically: readers see the old content or the new, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(
    path: str | Path,
    data: bytes,
    *,
    mode: int | None = None,
    still_current: Callable[[], bool] | None = None,
) -> bool:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`.

    `mode` gives the new file those permission bits (mkstemp's are 0600). `still_current` is
    asked just before the rename; when it says False (the file changed since it was read),
    nothing is replaced and the result is False.
    """
    target = Path(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
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
