"""What detection needs from an `mkdocs.yml`: where the pages are and which MkDocs leaves out.

The file is read bounded and parsed as plain YAML. MkDocs configs carry tags that name Python
objects or environment variables (`!!python/name:material.extensions.emoji.to_svg`, `!ENV`,
`!relative`): every tag is read as nothing, so nothing is imported, looked up or run. An
`INHERIT`ed parent file is not followed (its `docs_dir` is then taken as the default).
"""

from __future__ import annotations

import functools
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.config.presets.probe import head
from linter.records import NamedTuple

if TYPE_CHECKING:
    import yaml

#: Enough for any real mkdocs.yml (Material's own is about 15 kB); a longer one is cut and
#: then, unreadable, gives the defaults.
CONFIG_BYTES = 256 * 1024
#: MkDocs' `docs_dir` when the config names none.
DOCS_DIR = "docs"


class MkDocsConfig(NamedTuple):
    """`docs_dir` (from the config's folder) and the `exclude_docs` lines (gitignore-style,
    from docs_dir)."""

    docs_dir: str = DOCS_DIR
    exclude_docs: tuple[str, ...] = ()


@functools.cache
def _tag_blind_loader() -> type[yaml.SafeLoader]:
    """A safe loader that reads every tagged node as None instead of refusing it (built when
    an mkdocs.yml is first read: no other run loads PyYAML for it)."""
    import yaml

    class TagBlindLoader(yaml.SafeLoader):
        pass

    TagBlindLoader.add_multi_constructor("", _nothing)
    return TagBlindLoader


def _nothing(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


def read_config(path: Path) -> MkDocsConfig:
    """The settings of the mkdocs.yml at `path`; the defaults when it cannot be read."""
    import yaml

    data = head(path, CONFIG_BYTES)
    try:
        loaded = yaml.load(data, Loader=_tag_blind_loader())  # a safe loader: tags read as None
    except (yaml.YAMLError, ValueError, RecursionError):
        return MkDocsConfig()
    if not isinstance(loaded, dict):
        return MkDocsConfig()
    return MkDocsConfig(_folder(loaded.get("docs_dir")) or DOCS_DIR, _lines(loaded.get("exclude_docs")))


def _folder(value: Any) -> str | None:
    """A relative folder inside the site as a clean posix path; None for anything else (an
    absolute path or one climbing out with `..` cannot be named from the site root)."""
    if not isinstance(value, str) or not value.strip():
        return None
    folder = posixpath.normpath(value.strip().replace("\\", "/"))
    if folder.startswith(("/", "..")) or folder == ".":
        return None
    return folder


def _lines(value: Any) -> tuple[str, ...]:
    """`exclude_docs` is one string of gitignore lines; comments and blank lines dropped."""
    if not isinstance(value, str):
        return ()
    lines = (line.strip() for line in value.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))
