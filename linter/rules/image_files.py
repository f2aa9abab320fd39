"""Image files on disk: a site image a content file names, and the cached copy of a remote
image. Only headers are read (for the pixel size); every file looked at, found or not, is
recorded in the field view (`files_read`, see linter.running.file_stamps) so that a cached result is
not reused after an image changes, disappears or appears."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from linter.reading.bounded import read_regular_file
from linter.reading.document import Document
from linter.rules import urlnorm
from linter.rules.base import RunContext
from linter.rules.fields import FieldView
from linter.running.file_stamps import FileStamp, look

#: Where JPEG, PNG, GIF, WebP and SVG headers give the size (EXIF and ICC segments included).
MAX_HEADER_BYTES = 256 << 10
# Characters that would let a decoded URL segment leave its folder or confuse the file system.
_UNSAFE_CHARS = frozenset("/\\\0")


def local_copy(folder: Path, url: str) -> Path | None:
    """`folder/<host>/<path>` for `https://<host>/<path>`, or None when the URL cannot name a
    file safely inside `folder` (no host, no file name, `..` segments, odd characters)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    names = [host, *(unquote(segment) for segment in parts.path.split("/") if segment)]
    if len(names) < 2 or not host or parts.path.endswith("/"):
        return None
    if any(name in (".", "..") or not _UNSAFE_CHARS.isdisjoint(name) for name in names):
        return None
    candidate = folder.joinpath(*names)
    # Belt and braces against traversal: the joined path must still be lexically inside folder.
    if not Path(os.path.normpath(candidate)).is_relative_to(os.path.normpath(folder)):
        return None
    return candidate


def real_size(context: RunContext, view: FieldView, path: Path) -> tuple[int, int] | None:
    """The pixel size from the file header, or None for a missing, unreadable or unknown file;
    the file's stamp joins the view's `files_read` first, whatever it holds."""
    stamp, regular = look(path)
    view.files_read.append(stamp)
    return _header_size(context, path, stamp) if regular else None


def _header_size(context: RunContext, path: Path, stamp: FileStamp) -> tuple[int, int] | None:
    """The size in the first MAX_HEADER_BYTES, read once per run for a file whose stamp can be
    trusted: a fake JPEG (`FF D8`, then 16 MB of zeros) named by many pages is not scanned to
    its end for each of them."""
    if stamp.mtime_ns is not None and stamp in context.image_sizes:
        return context.image_sizes[stamp]
    size = _parsed_size(path)
    if stamp.mtime_ns is not None:
        context.image_sizes[stamp] = size
    return size


def _parsed_size(path: Path) -> tuple[int, int] | None:
    try:
        header = read_regular_file(str(path), MAX_HEADER_BYTES, truncate=True)
        import imagesize  # only this opt-in rule needs it (and its import costs ~20 ms)

        width, height = imagesize.get(io.BytesIO(header))
    except Exception:  # a third-party parser on arbitrary bytes: any failure means "cannot judge"
        return None
    if not (isinstance(width, int) and isinstance(height, int)) or width <= 0 or height <= 0:
        return None
    return width, height


class LocalImage(NamedTuple):
    """A site image file: where it was looked for, and its size (None: missing or unreadable)."""

    path: Path
    exists: bool
    size: tuple[int, int] | None


def local_image(context: RunContext, view: FieldView, document: Document, src: str) -> LocalImage | None:
    """The file a site path or relative path names (None for an absolute URL, a path that
    would leave the project, or a format whose roles name no `image-folders`): relative paths next to the content file first, then in each of
    the roles' `image-folders`; site paths (`/img/a.png`) in the image folders. Once per
    document and path; the stamp of each candidate looked at (missing ones too: creating one
    changes the answer) joins the view's `files_read`, so a cached result is not reused after
    one of them changes."""
    memo: dict[str, LocalImage | None] = view.memo.setdefault(LocalImage, {})
    if src not in memo:
        memo[src] = _find_local(context, view, document, src)
    return memo[src]


def _find_local(context: RunContext, view: FieldView, document: Document, src: str) -> LocalImage | None:
    if not context.binder.roles.image_folders:
        return None  # the format keeps no image files (news-article: absolute URLs only)
    text = unquote(src.strip().split("#", 1)[0].split("?", 1)[0])
    if not text or urlnorm.is_absolute(text) or text.startswith("//") or "\0" in text:
        return None
    root = Path(context.root)
    folders = [root / folder for folder in context.binder.roles.image_folders]
    if text.startswith("/"):
        candidates = [folder / text.lstrip("/") for folder in folders] or [root / text.lstrip("/")]
    else:
        candidates = [
            Path(os.path.abspath(document.path)).parent / text,
            *(folder / text for folder in folders),
        ]
    normal = [Path(os.path.normpath(c)) for c in candidates]
    inside = [c for c in normal if c.is_relative_to(root)]
    for candidate in inside:
        stamp, regular = look(candidate)
        view.files_read.append(stamp)
        if regular:
            # a committed symlink may lead out of the project: its target is never read
            size = _header_size(context, candidate, stamp) if _resolves_inside(candidate, root) else None
            return LocalImage(candidate, True, size)
    return LocalImage(inside[0], False, None) if inside else None


def _resolves_inside(path: Path, root: Path) -> bool:
    """Whether `path`, its symlinks followed, is still inside the project `root`."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))
