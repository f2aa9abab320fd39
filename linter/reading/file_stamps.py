"""The other files a result depends on (the site images its rules read): each one's stamp,
taken when the lookup looks at it, stored with the cached result, and checked before that
result is reused, so a changed, deleted or newly created image is seen by the next run.

The check is one `lstat` a recorded file and never opens one: the paths come from content (a
page names its image), but only as resolved by the image lookup, inside the project, and they
are read back from the authenticated cache only (see SECURITY.md).
"""

from __future__ import annotations

import json
import operator
import os
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from linter.records import NamedTuple

#: A file changed within 2 s of being read is re-hashed or linted again, never trusted by its stat.
_RACY_NS = 2_000_000_000

#: When a file last changed, as a stamp records it (ns). On POSIX the inode change time: every
#: write, rename, link and `utime` sets it to the clock and no call sets it back, so an edit that
#: restores a file's size and mtime (`touch -r`, `cp -p`, a hardlink swap) still changes it. On
#: Windows st_ctime is the creation time, so there it is the modification time.
last_change_ns: Callable[[os.stat_result], int] = operator.attrgetter(
    "st_ctime_ns" if os.name == "posix" else "st_mtime_ns"
)


class FileStamp(NamedTuple):
    """A file as a rule found it. `size` None: looked for and not a regular file (missing), so
    creating it later makes the result stale. `changed_ns` None: its stat cannot vouch for it
    (changed within 2 s of being read, as the result cache treats racy entries, or reached through
    a symlink, whose own stat says nothing of its target): the result is linted again."""

    path: str
    size: int | None
    changed_ns: int | None


def trusted_time(changed_ns: int, now_ns: int) -> int | None:
    """The change time to compare stats with later, or None when it is too recent to be trusted."""
    return changed_ns if now_ns - changed_ns > _RACY_NS else None


def look(path: Path | str) -> tuple[FileStamp, bool]:
    """The stamp of `path` and whether it is a regular file. A symlink is followed, as the image
    lookup always has; one `lstat` for the usual file that is not a link."""
    where = os.path.abspath(path)
    try:
        info = os.lstat(where)
        direct = not stat.S_ISLNK(info.st_mode)
        if not direct:
            info = os.stat(where)
    except (OSError, ValueError):
        return FileStamp(where, None, None), False
    if not stat.S_ISREG(info.st_mode):
        return FileStamp(where, None, None), False
    changed = trusted_time(last_change_ns(info), time.time_ns()) if direct else None
    return FileStamp(where, info.st_size, changed), True


def still(stamp: FileStamp) -> bool:
    """True when `stamp` describes the file as it is now (one `lstat`, nothing opened)."""
    if stamp.size is not None and stamp.changed_ns is None:
        return False
    try:
        info = os.lstat(stamp.path)
    except (OSError, ValueError):
        return stamp.size is None
    mode = info.st_mode
    if stamp.size is None:  # still missing: nothing, or something the lookup cannot use
        return not (stat.S_ISREG(mode) or stat.S_ISLNK(mode))
    return stat.S_ISREG(mode) and info.st_size == stamp.size and last_change_ns(info) == stamp.changed_ns


def encode_stamps(stamps: Sequence[FileStamp]) -> str:
    """Cache text for `stamps`; "" for none (most results)."""
    return json.dumps([list(s) for s in stamps], separators=(",", ":"), ensure_ascii=False) if stamps else ""


def unchanged_files(text: str) -> bool:
    """True when every file recorded in `text` (`encode_stamps`) is unchanged; a damaged
    record counts as changed, so its result is linted again and overwritten."""
    try:
        stamps = [
            FileStamp(_text(path), _int(size), _int(changed)) for path, size, changed in json.loads(text)
        ]
    except (ValueError, TypeError):
        return False
    return all(still(stamp) for stamp in stamps)


def unique(groups: Iterable[Iterable[FileStamp]]) -> tuple[FileStamp, ...]:
    """The stamps of several views of one document, each once, in the order taken."""
    return tuple(dict.fromkeys(stamp for group in groups for stamp in group))


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("a stamp's path is text")
    return value


def _int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("a stamp holds integers")
    return value
