"""What a preset is: a framework's front-matter format, where its pages live, how it reads them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from linter.records import NamedTuple

#: Markdown file names every Markdown-based framework renders.
MARKDOWN = ("*.md", "*.markdown")
#: Files a repository keeps beside its site that are never pages, wherever a preset looks.
NOT_PAGES = (
    "!README*",
    "!readme*",
    "!LICEN[CS]E*",
    "!COPYING*",
    "!CHANGELOG*",
    "!CHANGES*",
    "!HISTORY*",
    "!CONTRIBUTING*",
    "!CODE_OF_CONDUCT*",
    "!SECURITY*",
    "!SUPPORT*",
    "!AUTHORS*",
    "!**/.github/**",
    "!**/node_modules/**",
)


#: Rule options for a site's pages (every preset but news-article): titles and descriptions
#: are rendered as HTML, where a line break is a space, and a description may expand its
#: title ("Configure page" -> "Configure page behavior."); two pages that claim one path are
#: said to both publish it, not to be the same article.
SITE_RULES: dict[str, dict[str, Any]] = {
    "untidy-whitespace": {"line-breaks": False},
    "excerpt-repeats-title": {"allow-expansion": True},
    "duplicate-article": {"site-pages": True},
}


class Site(NamedTuple):
    """A site found on disk: its framework's preset, the evidence, its root and its pages.

    `content` holds gitignore-style patterns relative to `root` (the files the framework
    renders as pages); `folders` names them for people ("docs, blog"). `outside` are page
    folders the framework reads outside its root (`../docs`, relative to `root`): a run over
    them checks them with this site. `roles` are settings read from the site's own config over
    the preset's roles (`relative-identity` for its docs folders; Hugo's languages), under
    the project's own roles; `note` says what detection
    had to assume.

    A NamedTuple, as Preset is: a run never imports `dataclasses`. Its hash leaves out
    `roles` (a table), so an owner that holds a site is a dict key (config/projects.py).
    """

    framework: str
    preset: str
    evidence: str
    root: Path
    content: tuple[str, ...]
    folders: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()
    roles: Mapping[str, Any] = {}  # never changed: one empty default serves every site
    note: str = ""

    def __hash__(self) -> int:
        return hash(self[:7] + self[8:])  # every field but `roles`


#: A framework's probe: the site in a folder, or None.
Detector = Callable[[Path], "Site | None"]


class Preset(NamedTuple):
    """A site format: schema and role bindings, plus how its framework finds and reads pages.

    `include` are the file names the framework renders; `content` the gitignore-style patterns
    (from the site root) of the files that are pages, empty for every included file; `fences`
    the front-matter flavours it reads (a file opened by any other is body, not front matter);
    `front_matter_optional` says a page without front matter is valid (no FM001). A
    NamedTuple: a run never imports `dataclasses`; its tables are never changed, so one
    empty default serves every preset.
    """

    name: str
    summary: str
    schema: str  # file name in the shipped schemas folder
    roles: dict[str, Any]
    rules: Mapping[str, Mapping[str, Any]] = {}
    severity: Mapping[str, str] = {}
    framework: str = ""
    include: tuple[str, ...] = MARKDOWN
    content: tuple[str, ...] = ()
    fences: tuple[str, ...] = ("yaml",)
    front_matter_optional: bool = False
    detect: Detector | None = None
    #: A `---` fence line may end in spaces or tabs (Jekyll's and Eleventy's readers allow it).
    fence_spaces: bool = False
    #: The pages of the site at a root, as its framework's own config names them (read, never
    #: run); None: `content` as it is.
    site_content: Callable[[Path], tuple[str, ...]] | None = None
