"""Where a format keeps the image files its front matter names: the `[roles]` keys that say how
an image path resolves, as data each preset (or a project) gives, never a framework's name.

- `image-folders`: folders (from the site root) where a site path such as `/img/a.png` lives.
- `image-aliases`: path prefixes that name a folder, `{ "~/" = "src/" }` (as a bundler alias
  does); a list of folders is tried in order.
- `image-alias-files`: project files whose `compilerOptions.paths` (and `baseUrl`) add aliases,
  as Astro reads `tsconfig.json` or `jsconfig.json`: the first that exists is read.
- `image-relative`: where a relative path (no `/`, no alias) is looked for: `page` (next to the
  content file), `site` (as a site path, in the image folders), `page-or-site` (both, in that
  order; the default) or `dot-page` (a `./` path next to the file, any other as a site path).
"""

from __future__ import annotations

from typing import Any

from linter.records import NamedTuple

RELATIVE_MODES = ("page", "site", "page-or-site", "dot-page")


class ImageAlias(NamedTuple):
    """A pattern with at most one `*` (`~/*`, `@assets/*`, `logo`) and the paths it stands for
    (`src/*`), relative to the site root, tried in order (tsconfig `paths`' form)."""

    pattern: str
    targets: tuple[str, ...]

    def expand(self, text: str) -> list[str] | None:
        """The paths `text` names through this alias, or None when it does not match."""
        head, star, tail = self.pattern.partition("*")
        if not star:
            return list(self.targets) if text == self.pattern else None
        # `*` stands for one character or more (Astro's `(.+)`).
        if len(text) <= len(head) + len(tail) or not text.startswith(head) or not text.endswith(tail):
            return None
        middle = text[len(head) : len(text) - len(tail)]
        return [target.replace("*", middle, 1) for target in self.targets]


def parse_aliases(value: Any) -> tuple[ImageAlias, ...]:
    """`image-aliases`: prefix -> folder (or list of folders); ValueError when malformed."""
    if not isinstance(value, dict):
        raise ValueError('`image-aliases` should be a table of prefix = "folder"')
    found = []
    for prefix, folders in value.items():
        listed = [folders] if isinstance(folders, str) else folders
        if not prefix or "*" in prefix or not isinstance(listed, list) or not listed:
            raise ValueError(f"`image-aliases` entry `{prefix}` should map a prefix to a folder or folders")
        if not all(isinstance(folder, str) and "*" not in folder for folder in listed):
            raise ValueError(f"`image-aliases` entry `{prefix}` should map a prefix to a folder or folders")
        found.append(ImageAlias(prefix + "*", tuple(_joined(folder) for folder in listed)))
    return tuple(found)


def _joined(folder: str) -> str:
    folder = folder.rstrip("/")
    return f"{folder}/*" if folder else "*"


def parse_alias_files(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("`image-alias-files` should be a list of file names (e.g. tsconfig.json)")
    return tuple(value)


def parse_relative(value: Any) -> str:
    if value not in RELATIVE_MODES:
        raise ValueError(f"`image-relative` should be one of {', '.join(map(repr, RELATIVE_MODES))}")
    return str(value)
