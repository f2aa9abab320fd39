"""The cache folder: only a folder this tool created, or one that carries its marker, is used,
marked or cleaned, and nothing in it is ever opened through a symbolic link.

The folder may sit in a checkout that a stranger's pull request filled: a symlinked folder,
a symlinked database pointing at another application's file, or dangling `.gitignore` links
must not make the tool write outside it; and a user's own folder (`--cache-dir .`) must not
get a `.gitignore` of `*` that would hide every file from the next run.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

MARKER = "CACHEDIR.TAG"
MARKER_TEXT = "Signature: 8a477f597d28d172789f06886806bc55\n# content-lint result cache: safe to delete.\n"
_GITIGNORE = ".gitignore"
_GITIGNORE_TEXT = "# Created by content-lint.\n*\n"
#: A database and the side files SQLite opens beside it.
SUFFIXES = (".sqlite3", ".sqlite3-wal", ".sqlite3-shm", ".sqlite3-journal")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
# O_EXCL never follows a link, dangling or not: an existing name is left as it is.
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


class FolderRefused(Exception):
    """The folder is not ours to use: the run goes on without a cache."""


def is_cache_file(name: str) -> bool:
    return name.startswith("results-v") and name.endswith(SUFFIXES)


def claim(folder: Path) -> None:
    """Create `folder` as our cache folder, or check that it already is one; raises
    FolderRefused with a one-line reason otherwise."""
    try:
        if not os.path.lexists(folder):
            _create(folder)
        if not owned(folder):
            raise FolderRefused(f"{folder} is not a content-lint cache folder (no {MARKER} of ours)")
        with contextlib.suppress(OSError):
            _write_new(folder / _GITIGNORE, _GITIGNORE_TEXT)
    except OSError as exc:
        raise FolderRefused(f"cannot use {folder}: {exc.strerror or exc}") from None


def owned(folder: Path) -> bool:
    """A real folder (not a link), of this user, holding our marker as a regular file."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
        return False
    return _read_small(folder / MARKER, len(MARKER_TEXT) + 1) == MARKER_TEXT.encode()


def clear_links(database: Path) -> None:
    """Remove whatever was planted where SQLite will open `database` or its side files and is
    not a regular file of its own (a symlink, or a hard link to someone else's file): unlinking
    a name never touches what it points to."""
    stem = str(database)[: -len(SUFFIXES[0])]
    for suffix in SUFFIXES:
        try:
            info = os.lstat(stem + suffix)
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
            os.unlink(stem + suffix)  # a folder planted there raises: the cache is not used


def clean(folder: Path) -> int:
    """Delete content-lint's own files in `folder`, if it is ours (nothing else, never through
    a link); return how many went. The marker goes last, so an interrupted clean can resume."""
    if not owned(folder):
        return 0
    removed = 0
    names = sorted(os.listdir(folder), key=lambda name: name == MARKER)
    for name in names:
        path = folder / name
        ours = is_cache_file(name) or name == MARKER
        if name == _GITIGNORE:
            ours = _read_small(path, len(_GITIGNORE_TEXT) + 1) == _GITIGNORE_TEXT.encode()
        if ours:
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed += 1
    with contextlib.suppress(OSError):
        os.rmdir(folder)
    return removed


def _create(folder: Path) -> None:
    """Build the marked folder under a private name and rename it into place, so no run ever
    sees our folder without its marker; losing the race to a concurrent run is fine."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.parent / f".{folder.name}.{os.getpid()}.{os.urandom(4).hex()}"
    os.mkdir(staging)
    try:
        _write_new(staging / MARKER, MARKER_TEXT)
        _write_new(staging / _GITIGNORE, _GITIGNORE_TEXT)
        os.rename(staging, folder)
    except OSError:
        for name in (MARKER, _GITIGNORE):
            with contextlib.suppress(OSError):
                os.unlink(staging / name)
        with contextlib.suppress(OSError):
            os.rmdir(staging)
        if not os.path.lexists(folder):
            raise


def _write_new(path: Path, text: str) -> None:
    fd = os.open(path, _CREATE, 0o666)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def _read_small(path: Path, limit: int) -> bytes | None:
    """Up to `limit` bytes of a regular file, never through a link; None otherwise."""
    try:
        fd = os.open(path, _READ)
    except OSError:
        return None
    try:
        return os.read(fd, limit) if stat.S_ISREG(os.fstat(fd).st_mode) else None
    except OSError:
        return None
    finally:
        os.close(fd)
