"""Which files a Jekyll site renders, from its `_config.yml` (read with a safe YAML loader and
a size bound; nothing in it is run): `source`, `collections`, `collections_dir`, `exclude`
and `include`, as Jekyll 4.3's reader and EntryFilter apply them.

Jekyll walks the source folder and skips every entry whose name starts with `.`, `_`, `#` or
ends in `~`, and every path `exclude` names (its own list plus Gemfile, node_modules and
vendor/bundle/, ...), unless `include` names it (by path or by name). It reads posts from every
`_posts/` and `_drafts/` folder it walks into (only under `collections_dir` when one is set)
and each collection `foo` from `_foo/` under `collections_dir`. `exclude` entries match as
prefixes of the path from the source (`script` skips `scripts/` too) or as `fnmatch` globs;
the gitignore patterns below follow that closely, not exactly (a glob's `*` crossing `/`
is read as any one folder level or more only where it leads the entry).
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from pathlib import Path
from typing import Any

from linter.config.presets.probe import first_file
from linter.reading.bounded import read_regular_file

#: The config files Jekyll looks for, in its order; `_config.toml` is left alone.
CONFIG_NAMES = ("_config.yml", "_config.yaml")
#: A site config is read this far; a larger one is read as if it set nothing.
CONFIG_BYTES = 256 * 1024
#: At most this many `exclude`, `include` or `collections` entries are used.
MAX_ENTRIES = 500
#: Jekyll's DEFAULT_EXCLUDES, added to every site's `exclude` (configuration.rb, 4.3).
DEFAULT_EXCLUDES = (
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
)
#: Folders Jekyll reads for other purposes than pages (layouts, includes, data, Sass, output).
NEVER = ("_layouts", "_includes", "_data", "_sass", "_site", "_plugins", ".jekyll-cache")
#: Entry names Jekyll skips unless `include` names them (EntryFilter#special?, #backup?).
SPECIAL = ("_*", ".*", "#*", "*~")
_UNSAFE = re.compile(r"[\\\[\]!#?*]|^\s|\s$")


def config_path(root: Path) -> Path | None:
    name = first_file(root, *CONFIG_NAMES)
    return None if name is None else root / name


def read_config(root: Path) -> dict[str, Any]:
    """The site's `_config.yml` as a mapping; {} when absent, too large or not a mapping."""
    path = config_path(root)
    if path is None:
        return {}
    try:
        stat = os.lstat(path)
    except OSError:
        return {}
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


def site_folders(config: dict[str, Any]) -> tuple[str, str]:
    """(`source`, `collections_dir`), each as `path/` from the site root or "" for none."""
    return _folder(config.get("source")) or "", _folder(config.get("collections_dir")) or ""


@functools.lru_cache(maxsize=16)
def _parsed(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    """Parsed once per version of the file (mtime and size are the cache key's freshness)."""
    if size > CONFIG_BYTES:
        return {}
    import yaml  # loaded only for a site with a Jekyll config: no other run pays for it

    try:
        data = read_regular_file(path, CONFIG_BYTES)
        loaded = yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, ValueError, yaml.YAMLError, RecursionError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def site_pages(root: Path) -> tuple[str, ...]:
    """Gitignore-style patterns (from `root`) of the files Jekyll reads as pages or posts."""
    config = read_config(root)
    base, collections_dir = site_folders(config)
    top = f"/{base}"
    patterns = [f"{top}**"]
    for name in SPECIAL:
        patterns += [f"!{top}**/{name}", f"!{top}**/{name}/**"]
    posts_at = f"{top}{collections_dir}**" if collections_dir else f"{top}**"
    patterns += [f"{posts_at}/_posts/**", f"{posts_at}/_drafts/**"]
    for name in _names(config.get("collections")):
        if name not in ("posts", "drafts"):
            patterns.append(f"{top}{collections_dir}_{name}/**")
    for entry in (*_entries(config.get("exclude")), *DEFAULT_EXCLUDES):
        patterns += _excluded(top, entry)
    for entry in _entries(config.get("include")):
        patterns += _included(top, entry)
    patterns += [f"!{top}{name}/**" for name in NEVER]
    return tuple(patterns)


def _excluded(top: str, entry: str) -> list[str]:
    """An `exclude` entry: a prefix of the path from the source, or an fnmatch glob."""
    entry = entry.strip("/")
    if not entry or entry != entry.strip() or ".." in entry.split("/") or "\\" in entry:
        return []
    if _UNSAFE.search(entry):
        found = [f"!{top}{entry}", f"!{top}{entry}/**"]
        return [*found, f"!{top}**/{entry}"] if entry.startswith("*") else found
    return [f"!{top}{entry}*", f"!{top}{entry}*/**"]


def _included(top: str, entry: str) -> list[str]:
    """An `include` entry: the path from the source, or (without a `/`) a name anywhere."""
    entry = entry.strip("/")
    if not entry or _UNSAFE.search(entry.lstrip(".")) or ".." in entry.split("/"):
        return []
    found = [f"{top}{entry}", f"{top}{entry}/**"]
    if "/" not in entry:
        found += [f"{top}**/{entry}", f"{top}**/{entry}/**"]
    return found


def _folder(value: Any) -> str | None:
    """`source` or `collections_dir` as `path/` from the site root; None when unusable."""
    if not isinstance(value, str) or not value.strip() or os.path.isabs(value):
        return None
    normal = posixpath.normpath(value.strip().replace("\\", "/"))
    if normal == "." or normal.startswith("..") or _UNSAFE.search(normal):
        return None
    return f"{normal}/"


def _entries(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [item for item in value[:MAX_ENTRIES] if isinstance(item, str)]


def _names(value: Any) -> list[str]:
    """Collection names: `collections` is a list of names or a mapping of name to settings."""
    names = list(value)[:MAX_ENTRIES] if isinstance(value, (list, dict)) else []
    return [n for n in names if isinstance(n, str) and n and "/" not in n and not _UNSAFE.search(n)]
