"""Front matter of a site whose framework content-lint does not know.

No key is required and unknown keys are fine; the rules act through roles bound to the key
names most static-site generators share (title, description, date, slug, url, aliases, image,
tags). A page without front matter is not reported: many generators take such pages as they are.
"""

from __future__ import annotations

from linter.config.presets.model import NOT_PAGES, SITE_RULES, Preset

PRESET = Preset(
    "generic",
    "Any Markdown site: conventional key names, nothing required",
    "generic.schema.json",
    {
        "published": ["/date", "/pubDate", "/publishDate", "/published"],
        "dates": ["/date", "/pubDate", "/publishDate", "/published", "/lastmod", "/updated", "/updatedDate"],
        "date-order": [["/date", "/lastmod"], ["/date", "/updated"], ["/pubDate", "/updatedDate"]],
        "links": ["/url", "/permalink", "/slug", "/aliases/*", "/redirect_from/*"],
        "identity": ["/url", "/permalink"],
        "images": ["/image", "/cover", "/heroImage", "/cover/image", "/og_image"],
        "title": "/title",
        "description": ["/description", "/summary", "/excerpt"],
        "texts": ["/tags/*", "/categories/*", "/keywords/*"],
        "tags": ["/tags", "/categories", "/keywords"],
    },
    rules=dict(SITE_RULES),
    framework="Markdown",
    include=("*.md", "*.markdown", "*.mdx"),
    content=("*", *NOT_PAGES),
    fences=("yaml", "toml", "json"),
    front_matter_optional=True,
)
