"""The shape of a Docusaurus site's content (its plugin instances and locales), apart from the
config reader (linter.config.presets.docusaurus_config), so the preset's defaults need no
reader: a run loads that only where a Docusaurus config is found."""

from __future__ import annotations

from linter.records import NamedTuple

DEFAULT_ID = "default"
#: Each content plugin and its default `path`.
PLUGINS = {"docs": "docs", "blog": "blog", "pages": "src/pages"}


class Instance(NamedTuple):
    """One content plugin instance: `plugin` is docs, blog or pages; `path` from the site root."""

    plugin: str
    id: str
    path: str


class Layout(NamedTuple):
    instances: tuple[Instance, ...]
    locales: tuple[str, ...] | None  # None: not readable, every folder under i18n/ is taken
    notes: tuple[str, ...] = ()
