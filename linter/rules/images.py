"""Image rules: declared sizes that are implausible, oddly shaped, or wrong for the cached file."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from linter import pointers, urlnorm
from linter.document import Document
from linter.fields import FieldView, derived
from linter.roles import ImageBinding
from linter.rules.base import Option, Rule, RunContext, Violation

SIDES = ("width", "height")
# Characters that would let a decoded URL segment leave its folder or confuse the file system.
_UNSAFE_CHARS = frozenset("/\\\0")


def _pixels(value: float) -> str:
    return f"{int(value)}" if float(value).is_integer() else f"{value:g}"


def _ratio(value: float) -> str:
    """A width/height ratio as people write it: `4:1`, `1:4`, `2.35:1`."""

    def short(number: float) -> str:
        return f"{number:.2f}".rstrip("0").rstrip(".")

    if value >= 1:
        return f"{short(value)}:1"
    return f"1:{short(1 / value)}" if value > 0 else "0"


class Image(NamedTuple):
    """One image the `images` role binds: its pointer, its mapping (None for a bare path or
    URL string), its path or URL (None when not a string) and the binding's key names."""

    pointer: str
    mapping: Mapping[str, Any] | None
    src: str | None
    binding: ImageBinding


def images(view: FieldView) -> list[Image]:
    """Every image of the document and its items: `derived(view, images)`."""
    found: list[Image] = []
    for record, index, pointer, value in view.role("images"):
        binding = view.records[record].roles.images[index]
        if isinstance(value, dict):
            src = value.get(binding.src)
            found.append(Image(pointer, value, src if isinstance(src, str) else None, binding))
        elif isinstance(value, str):
            found.append(Image(pointer, None, value, binding))
    return found


def declared_size(image: Image) -> tuple[float, float] | None:
    """Width and height when both are positive numbers, else None."""
    if image.mapping is None:
        return None
    width, height = image.mapping.get(image.binding.width), image.mapping.get(image.binding.height)
    # Numbers only: a bool is an int in Python, but not a size.
    if isinstance(width, bool) or not isinstance(width, (int, float)) or width <= 0:
        return None
    if isinstance(height, bool) or not isinstance(height, (int, float)) or height <= 0:
        return None
    return width, height


class ImageSize(Rule):
    """An image `width` or `height` outside sensible bounds, or not positive at all.

    Checked on every image of the article and of its related articles.

    Why: a 1-pixel "image" is a tracking pixel or a placeholder, and a 50,000-pixel one a
    mistake in the scraper; both break page layouts that reserve space from these numbers.
    A zero or negative size (which a custom schema may let through) is always reported.

    Options: `min-width` (default 100), `max-width` (10000), `min-height` (50) and
    `max-height` (10000), in pixels, inclusive.

    Bad::

        images:
          - url: "https://cdn.example.com/pixel.gif"
            width: 1
            height: 1

    Good::

        images:
          - url: "https://cdn.example.com/lead.jpg"
            width: 1200
            height: 800
    """

    code = "FM301"
    name = "image-size"
    default_severity = "warning"
    summary = "An image's width or height is outside the allowed bounds."
    options = (
        Option("min-width", int, 100, "Smallest allowed width in pixels."),
        Option("max-width", int, 10000, "Largest allowed width in pixels."),
        Option("min-height", int, 50, "Smallest allowed height in pixels."),
        Option("max-height", int, 10000, "Largest allowed height in pixels."),
    )

    def check(self, document: Document) -> Iterator[Violation]:
        settings = self.settings
        bounds = [(side, settings[f"min-{side}"], settings[f"max-{side}"]) for side in SIDES]
        view = self.fields(document)
        for image in derived(view, images):
            if declared_size(image) is None and image.src is not None:
                yield from self._real(view, document, image, bounds)
            if image.mapping is None:
                continue
            keys = (image.binding.width, image.binding.height)
            for (side, low, high), key in zip(bounds, keys, strict=True):
                value = image.mapping.get(key)
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    continue  # not a number (a bool is an int in Python, but not a size)
                if value > 0 and low <= value <= high:
                    continue  # within bounds: what `_problem` would say is nothing
                message = self._problem(side, key, value)
                if message:
                    yield Violation(pointers.join(image.pointer, key), message)

    def _real(
        self, view: FieldView, document: Document, image: Image, bounds: list[tuple[str, int, int]]
    ) -> Iterator[Violation]:
        """Bounds on the size read from a site image file's header, when none is declared."""
        assert image.src is not None
        local = local_image(self.context, view, document, image.src)
        if local is None or local.size is None:
            return
        pointer = image.pointer if image.mapping is None else pointers.join(image.pointer, image.binding.src)
        for (side, low, high), value in zip(bounds, local.size, strict=True):
            if not low <= value <= high:
                limit = f"below the minimum of {low}" if value < low else f"above the maximum of {high}"
                yield Violation(pointer, f"image file is {value} px in {side}, {limit} px")

    def _problem(self, side: str, key: str, value: float) -> str | None:
        low, high = self.settings[f"min-{side}"], self.settings[f"max-{side}"]
        if value <= 0:
            return f"image `{key}` {_pixels(value)} is not a positive number of pixels"
        if value < low:
            return f"image `{key}` {_pixels(value)} px is below the minimum of {low} px"
        if value > high:
            return f"image `{key}` {_pixels(value)} px is above the maximum of {high} px"
        return None


class ImageAspectRatio(Rule):
    """An image much wider than tall, or much taller than wide (width / height out of range).

    The finding points at the image. Images without a positive width and height are skipped.

    Why: a 20:1 strip is usually a banner, a divider or swapped numbers, and a lead image in
    it will be cropped to nothing by card layouts.

    Options: `min-ratio` (default 0.25, i.e. 1:4) and `max-ratio` (default 4.0, i.e. 4:1),
    inclusive.

    Bad::

        images:
          - url: "https://cdn.example.com/banner.png"
            width: 2000
            height: 100

    Good::

        images:
          - url: "https://cdn.example.com/lead.jpg"
            width: 1200
            height: 800
    """

    code = "FM302"
    name = "image-aspect-ratio"
    default_severity = "warning"
    summary = "An image's width/height ratio is outside the allowed range."
    options = (
        Option("min-ratio", (int, float), 0.25, "Smallest allowed width / height (0.25 is 1:4)."),
        Option("max-ratio", (int, float), 4.0, "Largest allowed width / height (4.0 is 4:1)."),
    )

    def check(self, document: Document) -> Iterator[Violation]:
        low, high = self.settings["min-ratio"], self.settings["max-ratio"]
        for image in derived(self.fields(document), images):
            size = declared_size(image)
            if size is None:
                continue
            width, height = size
            if not low <= width / height <= high:
                yield Violation(
                    image.pointer,
                    f"image {_pixels(width)}x{_pixels(height)} has aspect ratio {_ratio(width / height)}, "
                    f"outside {_ratio(low)} to {_ratio(high)}",
                )


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


def real_size(path: Path) -> tuple[int, int] | None:
    """The pixel size from the file header, or None for a missing, unreadable or unknown file."""
    try:
        if not path.is_file():
            return None
        import imagesize  # only this opt-in rule needs it (and its import costs ~20 ms)

        width, height = imagesize.get(str(path))
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
    document and path; the file's stat joins the view's `files_read`, so a cached result is
    not reused after the image changes."""
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
    inside = [c for c in candidates if Path(os.path.normpath(c)).is_relative_to(root)]
    for candidate in inside:
        try:
            info = candidate.stat()
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(info.st_mode):
            view.files_read.append((str(candidate), info.st_size, info.st_mtime_ns))
            return LocalImage(candidate, True, real_size(candidate))
    return LocalImage(inside[0], False, None) if inside else None


class ImageFileMismatch(Rule):
    """An image's declared `width`/`height` differ from the real size of its cached copy.

    Opt-in: it is off until switched on, e.g. by setting `folder`. For each image with
    `isCached: true`, the local copy of `https://<host>/<path>` is looked for at
    `<folder>/<host>/<path>` (percent-escapes decoded, query ignored), with `folder` relative
    to the folder of the config file. Only the file header is read. A missing copy, a file
    that is not a readable PNG, JPEG, GIF, WebP, TIFF, BMP, SVG, AVIF or HEIC image, and
    URLs that cannot name a file inside the folder (`..` segments, no file name) are
    skipped quietly; so is everything when `folder` is empty.

    Why: pages reserve space from the declared size; if the file is different, the layout
    jumps or the image is distorted.

    Options: `folder` (default "", meaning nothing to compare) is the image cache folder.

    With `folder = "cache"` and a file `cache/cdn.example.com/lead.jpg` of 600x400 pixels:

    Bad::

        # with folder = "cache"
        images:
          - url: "https://cdn.example.com/lead.jpg"
            width: 1200
            height: 800
            isCached: true

    Good::

        # with folder = "cache"
        images:
          - url: "https://cdn.example.com/lead.jpg"
            width: 600
            height: 400
            isCached: true
    """

    code = "FM303"
    name = "image-file-mismatch"
    default_severity = "off"
    summary = "An image's declared size differs from its cached file (opt-in)."
    options = (
        Option("folder", str, "", "Image cache folder, relative to the config file; <folder>/<host>/<path>."),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        folder: str = self.settings["folder"]
        self.root = Path(context.root)
        self.folder = self.root / folder if folder else None

    def check(self, document: Document) -> Iterator[Violation]:
        view = self.fields(document)
        for image in derived(view, images):
            yield from self._local(view, document, image)
            if self.folder is None:
                continue
            url, declared, cached = image.src, declared_size(image), image.binding.cached
            if not cached or image.mapping is None or image.mapping.get(cached) is not True:
                continue
            if url is None or declared is None:
                continue
            path = local_copy(self.folder, url)
            if path is None:
                continue
            real = real_size(path)
            if real is None or real == declared:
                continue
            side = image.binding.width if real[0] != declared[0] else image.binding.height
            yield Violation(
                pointers.join(image.pointer, side),
                f"image declared as {_pixels(declared[0])}x{_pixels(declared[1])} but its cached copy "
                f"{self._shown(path)} is {real[0]}x{real[1]}",
            )

    def _local(self, view: FieldView, document: Document, image: Image) -> Iterator[Violation]:
        """A site image file that is missing, or whose header size differs from the declared one."""
        local = local_image(self.context, view, document, image.src) if image.src else None
        if local is None:
            return
        pointer = image.pointer if image.mapping is None else pointers.join(image.pointer, image.binding.src)
        if not local.exists:
            yield Violation(pointer, f"image file {self._shown(local.path)} does not exist")
            return
        declared = declared_size(image)
        if local.size is not None and declared is not None and local.size != declared:
            yield Violation(
                pointer,
                f"image declared as {_pixels(declared[0])}x{_pixels(declared[1])} but the file "
                f"{self._shown(local.path)} is {local.size[0]}x{local.size[1]}",
            )

    def _shown(self, path: Path) -> str:
        """The cached copy's path relative to the config folder when it lies inside it."""
        if path.is_relative_to(self.root):
            return path.relative_to(self.root).as_posix()
        return str(path)


IMAGES_RULES: tuple[type[Rule], ...] = (ImageSize, ImageAspectRatio, ImageFileMismatch)
