"""What a fixed file keeps of the file it replaces: owner, group and extended attributes; and a
file with several hard links is edited in place, so every name keeps seeing it.

An atomic write makes a new file and renames it over the old one. Run as root (a CI container,
a sudo'd hook), the new file was `root:root`: at mode 0640 its owner could no longer read it.
Its xattrs (SELinux labels, macOS quarantine, user tags) were dropped, and a hard link to it
kept the old text. Owner and group are copied when the process may (root may; anyone may keep
their own), xattrs as far as the file system takes them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable


def copy_identity(source: os.stat_result, old: str, new: str) -> None:
    """Give the file `new` the owner, group and extended attributes of `old` (`source` its stat)."""
    if hasattr(os, "chown") and (source.st_uid, source.st_gid) != _owner(new):
        with contextlib.suppress(OSError):  # not allowed: the new file stays the writer's
            os.chown(new, source.st_uid, source.st_gid)
    if hasattr(os, "listxattr"):
        with contextlib.suppress(OSError):
            for name in os.listxattr(old):
                with contextlib.suppress(OSError):
                    os.setxattr(new, name, os.getxattr(old, name))


def write_in_place(path: str, data: bytes, still_current: Callable[[], bool] | None) -> bool:
    """Overwrite `path` through its own inode (for a file with several hard links): False,
    and nothing written, when `still_current` says it changed since it was read."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "r+b") as handle:
        if still_current is not None and not still_current():
            return False
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
    return True


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid
