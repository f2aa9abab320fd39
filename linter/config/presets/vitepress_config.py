"""What detection needs from a `.vitepress/config.*`: `srcDir` and `srcExclude`, read as text.

The config is JavaScript or TypeScript, so it is never run: the first `srcDir: '...'` and the
string literals of the first `srcExclude: [...]` are read from its bounded head. A value that
is computed (`srcDir: resolve(...)`) is not seen, and the defaults apply: the pages are then
looked for in the site root, as VitePress does without the option.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from linter.config.presets.probe import head
from linter.records import NamedTuple

_SRC_DIR = re.compile(rb"""\bsrcDir\s*:\s*(['"`])([^'"`\n]*)\1""")
_SRC_EXCLUDE = re.compile(rb"""\bsrcExclude\s*:\s*\[([^\]]*)\]""")
_STRING = re.compile(rb"""(['"`])([^'"`\n]*)\1""")
#: Glob syntax gitignore patterns cannot say (braces, extglobs): such a pattern is left out,
#: so its files are checked rather than wrongly skipped.
_UNSAID = re.compile(r"[{}()|+@]")


class VitePressConfig(NamedTuple):
    """`srcDir` from the site root ("" for the root itself) and the `srcExclude` globs."""

    src_dir: str = ""
    src_exclude: tuple[str, ...] = ()


def read_config(path: Path) -> VitePressConfig:
    """The page settings written as plain literals in the config at `path`."""
    text = head(path)
    found = _SRC_DIR.search(text)
    src_dir = _folder(found.group(2).decode("utf-8", "replace")) if found else ""
    excluded = _SRC_EXCLUDE.search(text)
    globs: list[str] = []
    if excluded:
        for literal in _STRING.finditer(excluded.group(1)):
            glob = literal.group(2).decode("utf-8", "replace").strip()
            if glob and not _UNSAID.search(glob):
                globs.append(glob)
    return VitePressConfig(src_dir, tuple(globs))


def _folder(value: str) -> str:
    """A folder inside the site root as a clean posix path; "" for the root or for a path
    that leaves it (an absolute one, or one climbing out with `..`)."""
    folder = posixpath.normpath(value.strip().replace("\\", "/")) if value.strip() else "."
    if folder == "." or folder.startswith(("/", "..")):
        return ""
    return folder
