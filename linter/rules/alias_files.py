"""Path aliases a project declares in `tsconfig.json` or `jsconfig.json` (`compilerOptions.paths`
and `baseUrl`), read as Astro reads them to resolve `image()` paths such as `~/assets/a.png`.

The file is JSON with comments and trailing commas. It is read bounded and parsed as data:
nothing it names is run or fetched. An `extends` naming a file by a relative path is followed
(inside the project, a few levels deep); one naming a package (`astro/tsconfigs/strict`) is not,
as the package is not part of the project (Astro's own base configs declare no `paths`). Aliases
set in `astro.config.*` (`vite.resolve.alias`) are code, never run, so they are not known.
"""

from __future__ import annotations

import functools
import json
import os
import posixpath
import re
from pathlib import Path
from typing import Any

from linter.config.image_paths import ImageAlias
from linter.reading.bounded import RefusedFile, read_regular_file
from linter.reading.file_stamps import FileStamp, look
from linter.records import NamedTuple

MAX_BYTES = 1 << 20
MAX_EXTENDS = 5

# A string, a comment, or a comma before a closing bracket; each alternative always matches
# once started (an unterminated string or comment runs to the end), so one pass suffices.


@functools.cache
def _jsonc() -> re.Pattern[str]:
    """Strings, comments and trailing commas of JSONC; compiled when a site has such a file."""
    return re.compile(r'"(?:\\.|[^"\\])*(?:"|\Z)|//[^\n]*|/\*.*?(?:\*/|\Z)|,(?=\s*[}\]])', re.S)


class DeclaredAliases(NamedTuple):
    """The aliases of a project's alias file, and the stamps of every file looked at for them."""

    aliases: tuple[ImageAlias, ...]
    #: `baseUrl` from the site root when the file sets one: bare paths resolve from it.
    base_url: str | None
    stamps: tuple[FileStamp, ...]


def declared_aliases(root: Path, names: tuple[str, ...]) -> DeclaredAliases:
    """The aliases of the first of `names` (from `root`) that exists; none when it is unreadable."""
    stamps: list[FileStamp] = []
    for name in names:
        path = Path(os.path.normpath(root / name))
        stamp, regular = look(path)
        stamps.append(stamp)
        if regular and path.is_relative_to(root):
            options = _options(root, path, stamps, set())
            aliases, base_url = _aliases(root, options)
            return DeclaredAliases(aliases, base_url, tuple(stamps))
    return DeclaredAliases((), None, tuple(stamps))


def _read(path: Path) -> dict[str, Any] | None:
    try:
        text = read_regular_file(path, MAX_BYTES).decode("utf-8-sig")
        data = json.loads(_jsonc().sub(lambda m: m[0] if m[0][0] == '"' else "", text))
    except (OSError, RefusedFile, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _options(root: Path, path: Path, stamps: list[FileStamp], seen: set[Path]) -> dict[str, tuple[Any, Path]]:
    """`baseUrl` and `paths` of the file and the files it extends, each with the folder of the
    file that sets it (relative values are relative to that file)."""
    seen.add(path)
    data = _read(path)
    if data is None:
        return {}
    found: dict[str, tuple[Any, Path]] = {}
    bases = data.get("extends")
    for base in [bases] if isinstance(bases, str) else bases if isinstance(bases, list) else []:
        target = _extended(root, path, base)
        if target is not None and target not in seen and len(seen) <= MAX_EXTENDS:
            stamp, regular = look(target)
            stamps.append(stamp)
            if regular:
                found.update(_options(root, target, stamps, seen))
    compiler = data.get("compilerOptions")
    if isinstance(compiler, dict):
        found.update((key, (compiler[key], path.parent)) for key in ("baseUrl", "paths") if key in compiler)
    return found


def _extended(root: Path, path: Path, base: Any) -> Path | None:
    """The project file a relative `extends` names (`.json` added when left out), else None."""
    if not isinstance(base, str) or not base.startswith(("./", "../")):
        return None
    target = Path(os.path.normpath(path.parent / base))
    if target.suffix != ".json":
        target = target.with_name(target.name + ".json")
    return target if target.is_relative_to(root) else None


def _aliases(root: Path, options: dict[str, tuple[Any, Path]]) -> tuple[tuple[ImageAlias, ...], str | None]:
    base_value, base_from = options.get("baseUrl", (None, root))
    base_dir = base_from / base_value if isinstance(base_value, str) else None
    paths, paths_from = options.get("paths", (None, root))
    # Without `baseUrl`, `paths` are relative to the file that sets them (TypeScript 4.1+).
    paths_dir = base_dir if base_dir is not None else paths_from
    aliases = []
    for pattern, targets in (paths if isinstance(paths, dict) else {}).items():
        listed = (
            [_inside(root, paths_dir, t) for t in targets if isinstance(t, str)]
            if isinstance(targets, list)
            else []
        )
        kept = tuple(t for t in listed if t is not None)
        if pattern.count("*") <= 1 and kept:
            aliases.append(ImageAlias(pattern, kept))
    base_url = _inside(root, base_dir, ".") if base_dir is not None else None
    return tuple(aliases), base_url


def _inside(root: Path, folder: Path, target: str) -> str | None:
    """`target` from `folder`, as a path from `root`; None when it leaves the project."""
    relative = os.path.relpath(os.path.normpath(folder / target), root).replace(os.sep, "/")
    if relative == ".." or relative.startswith("../") or posixpath.isabs(relative):
        return None
    return relative
