"""Hugo pages (gohugo.io front matter; custom keys allowed, as Hugo passes them to .Params).

Pages are the files under `content/` (Hugo's default `contentDir`); `_index.md` files are
list pages, not partials. Front matter is YAML (`---`), TOML (`+++`) or JSON (`{`), and is
optional: a content file without it is a page all the same.
"""

from __future__ import annotations

from pathlib import Path

from linter.config.languages import LANGUAGE_TAG
from linter.config.presets.model import MARKDOWN, NOT_PAGES, SITE_RULES, Preset, Site
from linter.config.presets.probe import existing, first_file, is_dir

CONFIG_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")


def detect(folder: Path) -> Site | None:
    """`hugo.*`, `config/_default/`, or a legacy `config.*` beside `content/` or `archetypes/`
    (a `config.toml` with Zola's `base_url` is Zola's: its probe runs first)."""
    evidence = first_file(folder, *CONFIG_NAMES)
    if evidence is None and is_dir(folder / "config" / "_default"):
        evidence = "config/_default/"
    if evidence is None:
        legacy = first_file(folder, "config.toml", "config.yaml", "config.yml")
        if legacy and (is_dir(folder / "content") or is_dir(folder / "archetypes")):
            evidence = f"{legacy} beside content/"
    if evidence is None:
        return None
    return Site("Hugo", PRESET.name, evidence, folder, PRESET.content, existing(folder, "content"))


PRESET = Preset(
    "hugo",
    "Hugo pages (gohugo.io front matter; custom keys allowed, as Hugo passes them to .Params)",
    "hugo.schema.json",
    {
        "published": ["/date", "/publishDate"],
        "dates": ["/date", "/lastmod", "/publishDate", "/expiryDate"],
        "future": ["/date", "/lastmod", "/publishDate"],
        "date-order": [["/date", "/lastmod"], ["/date", "/expiryDate"], ["/publishDate", "/expiryDate"]],
        "links": ["/url", "/aliases/*"],
        "identity": ["/url", "/aliases/*"],
        # Hugo puts each language's aliases under its prefix (`/old/` in about.de.md is
        # /de/old/): translations in content/<lang>/ or about.<lang>.md are compared apart.
        # (A `url` with a leading slash gets no prefix, so two translations sharing one are
        # a clash this scope does not see.)
        "identity-scope": {
            "path": rf"^content/({LANGUAGE_TAG})/|^content/(?:.*/)?[^/]+\.({LANGUAGE_TAG})\.\w+$"
        },
        "images": ["/images/*", "/cover/image", "/params/images/*"],
        # Hugo's templates take an image from the page bundle (`.Resources`), else make the
        # path absolute from the site root (`absURL`): static/ (and assets/, for themes that
        # `resources.Get` it). A page that is not a bundle has no resources; its neighbours are
        # still accepted, as a theme may look for them.
        "image-folders": ["static", "assets"],
        "image-relative": "page-or-site",
        "title": ["/title", "/linkTitle"],
        "description": ["/description", "/summary"],
        "texts": ["/tags/*", "/categories/*", "/keywords/*"],
        "tags": ["/tags", "/categories", "/keywords"],
        "date-forms": "hugo",
    },
    # Hugo lower-cases every front-matter key: `linktitle` is `linkTitle`, no slip.
    rules={"image-file-mismatch": {}, **SITE_RULES, "unknown-key": {"ignore-case": True}},
    framework="Hugo",
    include=(*MARKDOWN, "*.html", "*.htm"),
    content=("content/**", *NOT_PAGES),
    fences=("yaml", "toml", "json"),
    front_matter_optional=True,
    detect=detect,
)
