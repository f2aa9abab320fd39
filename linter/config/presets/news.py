"""News articles as a feed publishes them: the format of the project's first users.

Chosen when no framework is found and most files carry the article's required keys (see
`linter.config.projects`); never detected from a framework's files.
"""

from __future__ import annotations

from linter.config.presets.model import NOT_PAGES, Preset

PRESET = Preset(
    "news-article",
    "News articles as a feed publishes them",
    "article.schema.json",
    {
        "published": "/publishedDateTime",
        "dates": "/*DateTime",
        "future": "/publishedDateTime",
        "date-order": [["/publishedDateTime", "/updatedDateTime"]],
        "urls": ["/originalUrl", "/webUrl", "/images/*/url"],
        "identity": ["/webUrl", "/originalUrl"],
        "images": [
            {"at": "/images/*", "src": "url", "width": "width", "height": "height", "cached": "isCached"}
        ],
        "title": "/title",
        "description": "/excerpt",
        "texts": ["/category", "/type", "/provider/name", "/topics/*"],
        "tags": "/topics",
        "provider": {"domain": "/provider/domain", "url": "/webUrl"},
        "secured": "/secured",
        "items": "/related/*",
        "date-forms": "rfc3339",
    },
    framework="news articles",
    include=("*.md", "*.markdown", "*.mdx", "*.markdoc", "*.mdoc", "*.txt"),
    content=("*", *NOT_PAGES),
    fences=("yaml", "toml", "json"),
)
