"""Where an Eleventy site keeps its templates, from its config file read as text (never run):
the input folder (`dir.input`, `setInputDirectory()`, or `--input` in package.json's
scripts), `_includes`/`_data`/layouts under it, the template formats, and the ignores in
`.eleventyignore` files (project root and input folder), as Eleventy 3.x documents them.

A config file is JavaScript: only literal strings in the usual places are read. Where a value
is computed, the default is taken (input `.`, `_includes`, `_data`). `eleventyConfig.ignores.add()`
calls are not read: they are often conditional (production or development builds), and a
page either build renders is checked.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from linter.config.presets.eleventy_files import (
    DEFAULT_FORMATS,
    FRONT_MATTER_FORMATS,
    config_file,
    package_json,
)
from linter.config.presets.probe import head

#: A config file is read this far (the 11ty.dev site's own is 28 KiB).
CONFIG_BYTES = 256 * 1024
#: At most this many `.eleventyignore` lines are used, per file.
MAX_IGNORES = 500
_DIR_BLOCK = re.compile(r"\bdir\s*:\s*\{([^{}]{0,2000})\}")
_STRING = r"""\s*[:=(]\s*(["'`])([^"'`\n]{1,300})\1"""
_SETTERS = {
    "input": re.compile(r"\bsetInputDirectory\s*\(\s*([\"'`])([^\"'`\n]{1,300})\1"),
    "includes": re.compile(r"\bsetIncludesDirectory\s*\(\s*([\"'`])([^\"'`\n]{1,300})\1"),
    "data": re.compile(r"\bsetDataDirectory\s*\(\s*([\"'`])([^\"'`\n]{1,300})\1"),
    "layouts": re.compile(r"\bsetLayoutsDirectory\s*\(\s*([\"'`])([^\"'`\n]{1,300})\1"),
}
_FORMATS = re.compile(r"\b(?:templateFormats\s*:|setTemplateFormats\s*\()\s*\[([^\]]{0,500})\]")
_CLI_INPUT = re.compile(r"--input[= ]+[\"']?([^\s\"']{1,300})")
_UNSAFE = re.compile(r"[\\\[\]!#?*{}]")


def site_pages(root: Path) -> tuple[str, ...]:
    """Gitignore-style patterns (from `root`) of the templates Eleventy renders."""
    name = config_file(root)
    text = head(root / name, CONFIG_BYTES).decode("utf-8", "replace") if name else ""
    dirs = _directories(text)
    input_dir = _folder(dirs.get("input") or _cli_input(root)) or ""
    top = f"/{input_dir}"
    formats = _formats(text)
    patterns = [f"{top}**/*.{ext}" for ext in formats]
    patterns += [f"!{top}**/.*", f"!{top}**/.*/**", "!**/node_modules/**"]
    # Includes, layouts and data are read from the input folder; the output from the root.
    kept = [dirs.get("includes", "_includes"), dirs.get("data", "_data"), dirs.get("layouts", "")]
    others = [_folder(posixpath.join(input_dir, name)) for name in kept if name]
    for folder in (*others, _folder(dirs.get("output", "_site"))):
        if folder:
            patterns.append(f"!/{folder}**")
    for folder in dict.fromkeys(("", input_dir)):
        patterns += _ignore_file(root, folder)
    return tuple(patterns)


def _directories(text: str) -> dict[str, str]:
    """`dir: { input: "src", ... }` and the v3 setters, literal strings only."""
    found: dict[str, str] = {}
    block = _DIR_BLOCK.search(text)
    if block is not None:
        for key in ("input", "includes", "data", "layouts", "output"):
            match = re.search(rf"\b{key}{_STRING}", block.group(1))
            if match is not None:
                found[key] = match.group(2)
    for key, setter in _SETTERS.items():
        match = setter.search(text)
        if match is not None:
            found[key] = match.group(2)
    return found


def _formats(text: str) -> tuple[str, ...]:
    """The configured template formats that carry front matter (WebC when its plugin is used)."""
    match = _FORMATS.search(text)
    named = re.findall(r"[\"'`]([\w.]+)[\"'`]", match.group(1)) if match else list(DEFAULT_FORMATS)
    if "eleventy-plugin-webc" in text:
        named.append("webc")
    return tuple(dict.fromkeys(f for f in named if f in FRONT_MATTER_FORMATS)) or DEFAULT_FORMATS


def _cli_input(root: Path) -> str | None:
    scripts = package_json(root).get("scripts")
    if not isinstance(scripts, dict):
        return None
    for script in scripts.values():
        if isinstance(script, str) and "eleventy" in script:
            match = _CLI_INPUT.search(script)
            if match is not None:
                return match.group(1)
    return None


def _ignore_file(root: Path, folder: str) -> list[str]:
    """`.eleventyignore` in `folder`: one glob or path a line, from that folder."""
    lines = head(root / folder / ".eleventyignore").decode("utf-8", "replace").splitlines()
    patterns: list[str] = []
    for line in lines[:MAX_IGNORES]:
        entry = line.strip().removeprefix("./").strip("/")
        if not entry or entry.startswith(("#", "!")) or ".." in entry.split("/") or "\\" in entry:
            continue
        patterns += [f"!/{folder}{entry}", f"!/{folder}{entry}/**"]
    return patterns


def _folder(value: str | None) -> str | None:
    """A folder as `path/` from the site root; None for the root itself or an unusable one."""
    if not value or posixpath.isabs(value):
        return None
    normal = posixpath.normpath(value.strip().replace("\\", "/"))
    if normal == "." or normal.startswith("..") or _UNSAFE.search(normal):
        return None
    return f"{normal}/"
