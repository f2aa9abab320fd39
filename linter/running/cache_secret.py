"""The per-user secret that makes the result cache unforgeable by anything in the checked tree.

The cache lives in the project folder, where a pull request can plant files. Its file name and
the token stored inside it are keyed hashes of this secret, which lives in the user's cache
directory (never in the project): without it, nobody can name or forge a database the tool
would trust. It is created once, 32 random bytes, in a 0700 folder and a 0600 file, never
through a symbolic link.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from linter.hashes import blake2b

#: Where the secret lives instead of `$XDG_CACHE_HOME/content-lint` (CI, tests).
SECRET_DIR_VARIABLE = "CONTENT_LINT_SECRET_DIR"
_FILE = "cache-secret"
_SIZE = 32
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_POSIX = hasattr(os, "geteuid")


class SecretUnavailable(Exception):
    """The secret cannot be trusted or made: the run goes on without a cache."""


def secret_folder(environ: Mapping[str, str] = os.environ) -> Path:
    override = environ.get(SECRET_DIR_VARIABLE)
    if override:
        return Path(os.path.abspath(override))
    base = environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(base):
        return Path(base) / "content-lint"
    return Path.home() / ".cache" / "content-lint"


def load_secret(project_root: Path, environ: Mapping[str, str] = os.environ) -> bytes:
    """The secret, created on first use; raises SecretUnavailable with a one-line reason."""
    try:
        folder = secret_folder(environ)
    except RuntimeError:  # no home directory
        raise SecretUnavailable("no home directory for the cache secret") from None
    if _inside(folder, project_root):
        raise SecretUnavailable(f"the cache secret folder {folder} is inside the project {project_root}")
    try:
        _own_folder(folder)
        secret = _read(folder / _FILE)
        if secret is None:
            _create(folder)
            secret = _read(folder / _FILE)
    except OSError as exc:
        raise SecretUnavailable(f"cannot use the cache secret in {folder}: {exc.strerror or exc}") from None
    if secret is None:
        raise SecretUnavailable(f"cannot create the cache secret in {folder}")
    return secret


def keyed(secret: bytes, purpose: str, text: str) -> str:
    """A hash of `text` that only the holder of `secret` can compute, one per `purpose`."""
    message = f"{purpose}\0{text}".encode("utf-8", "surrogatepass")
    return blake2b(message, key=secret, digest_size=16).hexdigest()


def _inside(folder: Path, root: Path) -> bool:
    real_folder, real_root = os.path.realpath(folder), os.path.realpath(root)
    return real_folder == real_root or real_folder.startswith(os.path.join(real_root, ""))


def _own_folder(folder: Path) -> None:
    """Make the folder private to us, or check that it is: a real folder, ours, not writable
    by others (who could otherwise swap the secret)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, 0o700)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise SecretUnavailable(f"the cache secret folder {folder} is not a folder (or is a link)")
    if _POSIX and (info.st_uid != os.geteuid() or info.st_mode & 0o022):
        raise SecretUnavailable(f"the cache secret folder {folder} is not private to this user")


def _read(path: Path) -> bytes | None:
    """The secret, None when it does not exist yet; raises when it is not a private regular
    file of the right size (a link, a FIFO, someone else's)."""
    try:
        fd = os.open(path, _READ)
    except FileNotFoundError:
        return None
    try:
        info = os.fstat(fd)
        private = not _POSIX or (info.st_uid == os.geteuid() and not info.st_mode & 0o077)
        if not stat.S_ISREG(info.st_mode) or info.st_size != _SIZE or not private:
            raise SecretUnavailable(f"{path} is not a private file of {_SIZE} bytes")
        data = os.read(fd, _SIZE)
    finally:
        os.close(fd)
    return data if len(data) == _SIZE else None


def _create(folder: Path) -> None:
    """Write the secret beside its final name, then link it there: a concurrent run either
    wins the link or reads the complete file that won, never a half-written one."""
    staging = folder / f".{_FILE}.{os.getpid()}.{os.urandom(4).hex()}"
    fd = os.open(staging, _CREATE, 0o600)
    try:
        try:
            # The CSPRNG `secrets.token_bytes` reads, without loading secrets (hmac, base64).
            os.write(fd, os.urandom(_SIZE))
            os.fsync(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(FileExistsError):
            os.link(staging, folder / _FILE)
    finally:
        os.unlink(staging)
