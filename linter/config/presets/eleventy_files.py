"""What reveals an Eleventy site (its config file names, a package.json naming Eleventy) and
its template formats: shared by detection and the config reader
(linter.config.presets.eleventy_config), which a run loads only for an Eleventy site."""

from __future__ import annotations

import json
from pathlib import Path

from linter.config.presets.probe import first_file, head

#: Config files Eleventy looks for, in its order (v3.0: `.eleventy.js` first).
CONFIG_NAMES = (
    ".eleventy.js",
    "eleventy.config.js",
    "eleventy.config.mjs",
    "eleventy.config.cjs",
    "eleventy.config.ts",
    "eleventy.config.mts",
    "eleventy.config.cts",
)
#: Template formats whose files may open with front matter (`11ty.js` templates export data).
FRONT_MATTER_FORMATS = ("md", "html", "njk", "liquid", "webc")
#: Eleventy 3's default `templateFormats` of those; WebC comes with its plugin.
DEFAULT_FORMATS = ("md", "html", "njk", "liquid")


def config_file(folder: Path) -> str | None:
    return first_file(folder, *CONFIG_NAMES)


def depends_on_eleventy(folder: Path) -> bool:
    """package.json names `@11ty/eleventy` among its dependencies."""
    package = package_json(folder)
    for key in ("dependencies", "devDependencies", "peerDependencies"):
        named = package.get(key)
        if isinstance(named, dict) and "@11ty/eleventy" in named:
            return True
    return False


def package_json(folder: Path) -> dict[str, object]:
    """The top-level object of `folder`'s package.json (bounded read); {} for anything else."""
    try:
        loaded = json.loads(head(folder / "package.json"))
    except (ValueError, RecursionError):
        return {}
    return loaded if isinstance(loaded, dict) else {}
