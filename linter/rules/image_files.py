"""Image files on disk: a site image a content file names, and the cached copy of a remote
image. Only headers are read (for the pixel size); every file looked at, found or not, is
recorded in the field view (`files_read`, see linter.reading.file_stamps) so that a cached result is
not reused after an image changes, disappears or appears."""

from __future__ import annotations

import io
import os
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from linter.reading.bounded import read_regular_file
from linter.reading.document import Document
from linter.reading.file_stamps import FileStamp, look
from linter.records import NamedTuple
from linter.rules.alias_files import declared_aliases
from linter.rules.base import RunContext
from linter.rules.fields import FieldView
from linter.rules.image_paths import Lookup, local_text, places

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
    if stamp.changed_ns is not None and stamp in context.image_sizes:
        return context.image_sizes[stamp]
    size = _parsed_size(path)
    if stamp.changed_ns is not None:
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
    """A site image file: where it is (or, missing, the first place looked), whether it is
    there, its size (None: missing or unreadable) and every place looked, in order."""

    path: Path
    exists: bool
    size: tuple[int, int] | None
    looked: tuple[Path, ...]


class ImageFiles:
    """How one content type finds the site image files its pages name (linter.rules.image_paths),
    with the aliases of the project's alias file read once, on first need."""

    def __init__(self, context: RunContext) -> None:
        roles = context.binder.roles
        self.context = context
        self.root = Path(os.path.abspath(context.root))
        self.roles = roles
        # A format whose roles say nowhere images live keeps none (news-article: URLs only).
        self.active = bool(roles.image_folders or roles.image_aliases or roles.image_alias_files)
        self._lookup: Lookup | None = None
        self._stamps: tuple[FileStamp, ...] = ()

    def find(self, view: FieldView, document: Document, src: str) -> LocalImage | None:
        """The file `src` names (None when it names none this lookup can judge: an absolute
        URL, a path leaving the project, an alias it cannot see). Once per document and path;
        the stamp of each place looked at (missing ones too: creating one changes the answer)
        and of the alias files joins the view's `files_read`, so a cached result is not reused
        after one of them changes."""
        memo: dict[str, LocalImage | None] = view.memo.setdefault(LocalImage, {})
        if src not in memo:
            memo[src] = self._find(view, document, src) if self.active else None
        return memo[src]

    def _find(self, view: FieldView, document: Document, src: str) -> LocalImage | None:
        text = local_text(src)
        if text is None:
            return None
        lookup = self._loaded()
        view.files_read.extend(self._stamps)
        where = self.context.project_path(document.path)
        if os.path.isabs(where):  # another drive (Windows): no path from the root
            return None
        found = places(lookup, text, posixpath.dirname(where) or ".")
        if not found:
            return None
        candidates = tuple(self.root / place for place in found)
        for candidate in candidates:
            stamp, regular = look(candidate)
            view.files_read.append(stamp)
            if regular:
                # a committed symlink may lead out of the project: its target is never read
                inside = _resolves_inside(candidate, self.root)
                size = _header_size(self.context, candidate, stamp) if inside else None
                return LocalImage(candidate, True, size, candidates)
        return LocalImage(candidates[0], False, None, candidates)

    def _loaded(self) -> Lookup:
        if self._lookup is None:
            roles = self.roles
            declared = (
                declared_aliases(self.root, roles.image_alias_files) if roles.image_alias_files else None
            )
            aliases = (*declared.aliases, *roles.image_aliases) if declared else roles.image_aliases
            self._stamps = declared.stamps if declared else ()
            guarded = bool(roles.image_aliases or roles.image_alias_files)
            base_url = declared.base_url if declared else None
            self._lookup = Lookup(roles.image_folders, aliases, base_url, roles.image_relative, guarded)
        return self._lookup


def _resolves_inside(path: Path, root: Path) -> bool:
    """Whether `path`, its symlinks followed, is still inside the project `root`."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))
