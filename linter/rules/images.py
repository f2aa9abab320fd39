"""Image rules: declared sizes that are implausible, oddly shaped, or wrong for the cached file."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from linter.reading import pointers
from linter.reading.document import Document
from linter.records import NamedTuple
from linter.rules.base import Option, Rule, RunContext, Violation, settings_record
from linter.rules.fields import FieldView, derived
from linter.rules.image_files import ImageFiles, local_copy, real_size
from linter.rules.image_view import Image, images


def _pixels(value: float) -> str:
    return f"{int(value)}" if float(value).is_integer() else f"{value:g}"


def _ratio(value: float) -> str:
    """A width/height ratio as people write it: `4:1`, `1:4`, `2.35:1`."""

    def short(number: float) -> str:
        return f"{number:.2f}".rstrip("0").rstrip(".")

    if value >= 1:
        return f"{short(value)}:1"
    return f"1:{short(1 / value)}" if value > 0 else "0"


class ImageSizeSettings(NamedTuple):
    min_width: int
    max_width: int
    min_height: int
    max_height: int


class Bounds(NamedTuple):
    """The pixels one side of an image may have, inclusive."""

    side: str
    low: int
    high: int


class ImageSize(Rule):
    """An image of the `images` role whose width or height is outside sensible bounds, or
    not positive at all.

    Checked on every image of the document and of its items: the width and height keys the
    binding names (news-article: `images[].width`/`height`, in the article and each related
    article); for an image given as a local file (Hugo `cover.image`, Starlight
    `hero.image.file`) without a declared size, the size read from the file's header.

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

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        given = settings_record(ImageSizeSettings, self.settings)
        self.bounds = (
            Bounds("width", given.min_width, given.max_width),
            Bounds("height", given.min_height, given.max_height),
        )
        self.files = ImageFiles(context)

    def check(self, document: Document) -> Iterator[Violation]:
        width, height = bounds = self.bounds
        view = self.fields(document)
        for image in derived(view, images):
            size = image.size
            if (
                size is not None
                and width.low <= size[0] <= width.high
                and height.low <= size[1] <= height.high
            ):
                continue  # declared, and within bounds: most images
            if size is None and image.src is not None:
                yield from self._real(view, document, image, bounds)
            if image.mapping is None:
                continue
            keys = (image.binding.width, image.binding.height)
            for bound, key in zip(bounds, keys, strict=True):
                value = image.mapping.get(key)
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    continue  # not a number (a bool is an int in Python, but not a size)
                if value > 0 and bound.low <= value <= bound.high:
                    continue  # within bounds: what `_problem` would say is nothing
                message = _problem(bound, key, value)
                if message:
                    yield Violation(pointers.join(image.pointer, key), message)

    def _real(
        self, view: FieldView, document: Document, image: Image, bounds: tuple[Bounds, Bounds]
    ) -> Iterator[Violation]:
        """Bounds on the size read from a site image file's header, when none is declared."""
        assert image.src is not None
        local = self.files.find(view, document, image.src)
        if local is None or local.size is None:
            return
        pointer = image.pointer if image.mapping is None else pointers.join(image.pointer, image.binding.src)
        for bound, value in zip(bounds, local.size, strict=True):
            if not bound.low <= value <= bound.high:
                limit = (
                    f"below the minimum of {bound.low}"
                    if value < bound.low
                    else f"above the maximum of {bound.high}"
                )
                yield Violation(pointer, f"image file is {value} px in {bound.side}, {limit} px")


def _problem(bound: Bounds, key: str, value: float) -> str | None:
    if value <= 0:
        return f"image `{key}` {_pixels(value)} is not a positive number of pixels"
    if value < bound.low:
        return f"image `{key}` {_pixels(value)} px is below the minimum of {bound.low} px"
    if value > bound.high:
        return f"image `{key}` {_pixels(value)} px is above the maximum of {bound.high} px"
    return None


class ImageAspectRatioSettings(NamedTuple):
    min_ratio: float
    max_ratio: float


class ImageAspectRatio(Rule):
    """An image of the `images` role much wider than tall, or much taller than wide (declared
    width / height out of range; news-article: `images[].width` / `images[].height`).

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

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        self.given = settings_record(ImageAspectRatioSettings, self.settings)

    def check(self, document: Document) -> Iterator[Violation]:
        low, high = self.given.min_ratio, self.given.max_ratio
        for image in derived(self.fields(document), images):
            size = image.size
            if size is None:
                continue
            width, height = size
            if not low <= width / height <= high:
                yield Violation(
                    image.pointer,
                    f"image {_pixels(width)}x{_pixels(height)} has aspect ratio {_ratio(width / height)}, "
                    f"outside {_ratio(low)} to {_ratio(high)}",
                )


class ImageFileMismatchSettings(NamedTuple):
    folder: str


class ImageFileMismatch(Rule):
    """An image of the `images` role whose declared size differs from its real file, or
    whose local file does not exist.

    A site image (a path such as `/images/a.png`, `../assets/a.png` or `~/assets/a.png`) is
    looked for as the format's framework resolves it, always from the site root (the config
    file's folder): aliases (`image-aliases`, and the `paths` of the project's tsconfig.json
    where `image-alias-files` names it), site paths in the `image-folders`, relative paths
    next to the content file and/or as site paths (`image-relative`). It is reported when it
    is missing, with every place looked at ("image file `~/assets/hero.png` not found: looked
    in src/assets/hero.png"), or when its header size differs from a declared width and
    height; the hugo, jekyll, docusaurus and starlight presets switch this on. Opt-in otherwise: it is off until switched on,
    e.g. by setting `folder`. For each image whose binding's `cached` key is true
    (news-article: `isCached: true`), the local copy of `https://<host>/<path>` is looked for at
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
    summary = "An image file is missing or differs from its declared size (opt-in)."
    options = (
        Option("folder", str, "", "Image cache folder, relative to the config file; <folder>/<host>/<path>."),
    )

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        folder = settings_record(ImageFileMismatchSettings, self.settings).folder
        self.root = Path(context.root)
        self.folder = self.root / folder if folder else None
        self.files = ImageFiles(context)

    def check(self, document: Document) -> Iterator[Violation]:
        view = self.fields(document)
        for image in derived(view, images):
            yield from self._local(view, document, image)
            if self.folder is None:
                continue
            url, declared, cached = image.src, image.size, image.binding.cached
            if not cached or image.mapping is None or image.mapping.get(cached) is not True:
                continue
            if url is None or declared is None:
                continue
            path = local_copy(self.folder, url)
            if path is None:
                continue
            real = real_size(self.context, view, path)
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
        local = self.files.find(view, document, image.src) if image.src else None
        if local is None:
            return
        pointer = image.pointer if image.mapping is None else pointers.join(image.pointer, image.binding.src)
        if not local.exists:
            looked = ", ".join(self._shown(path) for path in local.looked)
            yield Violation(pointer, f"image file `{image.src}` not found: looked in {looked}")
            return
        declared = image.size
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
