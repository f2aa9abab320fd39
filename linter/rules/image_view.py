"""The images of a document as the `images` role binds them: shared by the image rules and by
the URL rules (an image given as an absolute URL is a URL like any other)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from linter.config.roles import ImageBinding
from linter.reading import pointers
from linter.records import NamedTuple
from linter.rules.fields import FieldView


class Image(NamedTuple):
    """One image the `images` role binds: its pointer, its mapping (None for a bare path or
    URL string), its path or URL (None when not a string), the binding's key names and its
    declared width and height (when both are positive numbers, else None)."""

    pointer: str
    mapping: Mapping[str, Any] | None
    src: str | None
    binding: ImageBinding
    size: tuple[float, float] | None


#: An Image from one tuple: a NamedTuple's own constructor is a Python function a call.
_new_image = functools.partial(tuple.__new__, Image)


def images(view: FieldView) -> list[Image]:
    """Every image of the document and its items: `derived(view, images)`."""
    found: list[Image] = []
    for spot, value in view.role("images"):
        binding = view.records[spot.record].roles.images[spot.binding]
        if isinstance(value, dict):
            src = value.get(binding.src)
            size = declared_size(value, binding)
            found.append(
                _new_image((spot.pointer, value, src if isinstance(src, str) else None, binding, size))
            )
        elif isinstance(value, str):
            found.append(_new_image((spot.pointer, None, value, binding, None)))
    return found


def declared_size(mapping: Mapping[str, Any], binding: ImageBinding) -> tuple[float, float] | None:
    """Width and height when both are positive numbers, else None."""
    width, height = mapping.get(binding.width), mapping.get(binding.height)
    # Numbers only: a bool is an int in Python, but not a size.
    if isinstance(width, bool) or not isinstance(width, (int, float)) or width <= 0:
        return None
    if isinstance(height, bool) or not isinstance(height, (int, float)) or height <= 0:
        return None
    return width, height


def src_pointer(image: Image) -> str:
    """Where the image's path or URL is: the image's own pointer for a bare string, else its
    `src` key's."""
    if image.mapping is None:
        return image.pointer
    key = image.binding.src
    # `pointers.join` without its two calls where no `~` or `/` needs escaping (the URL rules
    # ask for every image of a file).
    return pointers.join(image.pointer, key) if "~" in key or "/" in key else f"{image.pointer}/{key}"
