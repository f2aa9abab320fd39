"""Hugo pages (gohugo.io front matter, Hugo 0.144-0.160; custom keys allowed, as Hugo passes
them to .Params).

Pages are the content files under `content/`, or where the site config puts content
(`contentDir`, a language's `contentDir`, `module.mounts` with target `content`: see
`hugo_config`). Content files are Hugo's six formats by extension: Markdown (`.md`,
`.markdown`, `.mdown`), HTML (`.html`, `.htm`), Org (`.org`), AsciiDoc (`.ad`, `.adoc`,
`.asciidoc`), Pandoc (`.pandoc`, `.pdc`) and reStructuredText (`.rst`); the last three need
an external tool, which a site that has such files has installed. Front matter is YAML
(`---`), TOML (`+++`) or JSON (`{`), and optional; Org's own `#+TITLE:` keywords are body
here, so such a page is not checked. `_index.md` files are list pages, not partials.

A leaf bundle (a folder with an `index.*` content file) is one page: its other content files
are page resources, never published, so they are not checked. `ignoreFiles` regular
expressions are not read (they match full paths in Go syntax). Headless bundles and
`build` options are checked like any page.

Routes: `url`, `aliases` and `slug` identify a page. `url` is read from the site root;
`slug` replaces the file name within the page's section (a leaf bundle's section is the folder
above it), and an alias without a leading `/` is read from the page's section too, as Hugo
resolves page-relative aliases. `slug` is not compared in list pages (`_index.*`, where Hugo
ignores it) nor in sections whose URLs the config's `permalinks` set; a page with both `url`
and `slug` publishes only its `url`, yet its slug is compared too. Hugo puts each language's
aliases, and a `url` without a leading `/`, under the language's prefix: values are compared
within one language, and the language comes only from the site's configured languages (a
translation's folder, or `name.<lang>.md` for a declared language); a one-language site is
one scope. (A `url` with a leading `/` gets no prefix, so two languages sharing one are a
clash these scopes do not see.)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.config.presets.model import NOT_PAGES, SITE_RULES, Preset, Site
from linter.config.presets.probe import first_file, folder_files, is_dir

if TYPE_CHECKING:
    from linter.config.presets.hugo_config import HugoConfig

CONFIG_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
#: Hugo's content formats, by the file extensions it recognises.
EXTENSIONS = (
    "md",
    "markdown",
    "mdown",
    "html",
    "htm",
    "org",
    "ad",
    "adoc",
    "asciidoc",
    "pandoc",
    "pdc",
    "rst",
)
#: Inside the content folder a `README.md` or `LICENSE.md` is a page like any other (Hugo
#: renders every content file there); only tool folders are left out.
NOT_IN_CONTENT = tuple(pattern for pattern in NOT_PAGES if pattern.startswith("!**/"))
#: At most this many folders are looked at for leaf bundles (a huge tree keeps its resources).
BUNDLE_SCAN = 20_000


def detect(folder: Path) -> Site | None:
    """`hugo.*`, `config/_default/`, or a legacy `config.*` beside `content/` or `archetypes/`
    (a `config.toml` with Zola's `base_url` is Zola's: its probe runs first)."""
    evidence = first_file(folder, *CONFIG_NAMES)
    if evidence is None and is_dir(folder / "config" / "_default"):
        evidence = "config/_default/"
    if evidence is None:
        legacy = first_file(folder, "config.toml", "config.yaml", "config.yml", "config.json")
        if legacy and (is_dir(folder / "content") or is_dir(folder / "archetypes")):
            evidence = f"{legacy} beside content/"
    if evidence is None:
        return None
    from linter.config.presets.hugo_config import read_site_config  # only for a Hugo site

    config = read_site_config(folder)
    roots = tuple(dict.fromkeys(root for root, _ in config.roots))
    pages = (*(f"{literal(root)}/**" for root in roots), *bundle_patterns(folder, roots), *NOT_IN_CONTENT)
    shown = tuple(root for root in roots if is_dir(folder / root))
    scope = language_scope(config)
    roles: dict[str, Any] = {"relative-identity": relative_identity(roots, config.permalinked)}
    if scope:
        roles["identity-scope"] = {"path": scope}
    return Site("Hugo", PRESET.name, evidence, folder, pages, shown, roles=roles)


def relative_identity(roots: tuple[str, ...], permalinked: tuple[str, ...] = ()) -> dict[str, Any]:
    """`slug` and aliases without a leading `/` are read in the page's section; not in a list
    page (`_index.*`, where Hugo ignores `slug`) nor in a section whose URLs `permalinks` set."""
    where = "|".join(map(re.escape, sorted(roots, key=len, reverse=True)))  # `content/de` before `content`
    skip = f"(?!(?:{'|'.join(map(re.escape, permalinked))})/)" if permalinked else ""
    path = rf"^(?:{where})/{skip}(?!(?:.*/)?_index\.[^/]+$)"
    return {"path": path, "keys": ["/slug", "/aliases/*"], "bundles": True}


def language_scope(config: HugoConfig) -> str | None:
    """A pattern whose first group names a page's language, from the configured languages
    only: a translation's content folder, or `name.<lang>.md`; None for one language."""
    others = [code for code in config.languages if code != config.default_language]
    if len(config.languages) < 2 or not others:
        return None
    roots = "|".join(re.escape(root) for root, _ in config.roots)
    codes = "|".join(re.escape(code) for code in others)
    found = [rf"^(?:{roots})/(?:.*/)?[^/]+\.((?i:{codes}))\.\w+$"]
    for root, lang in config.roots:
        if lang:
            parent, _, name = root.rpartition("/")
            before = f"{re.escape(parent)}/" if parent else ""
            found.append(rf"^{before}({re.escape(name)})/" if name == lang else rf"^({re.escape(root)})/")
    return "|".join(found)


def literal(path: str) -> str:
    """`path` as a gitignore pattern that matches only itself (`[`, `*`, `!` escaped)."""
    return re.sub(r"([*?\[\]\\!#])", r"\\\1", path)


def bundle_patterns(folder: Path, roots: tuple[str, ...]) -> list[str]:
    """`!bundle/**` then `bundle/index.*` for each leaf bundle: its page, not its resources."""
    found: list[str] = []

    def bundle(current: str, names: set[str]) -> bool:
        return current not in roots and any(f"index.{ext}" in names for ext in EXTENSIONS)

    starts = [root for root in roots if is_dir(folder / root)]
    for current, names in folder_files(folder, starts, BUNDLE_SCAN, lambda f, n: not bundle(f, n)):
        if bundle(current, names):
            found += [f"!{literal(current)}/**", f"{literal(current)}/index.*"]
    return found


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
        "identity": ["/url", "/aliases/*", "/slug"],
        "relative-identity": relative_identity(("content",)),
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
    include=tuple(f"*.{ext}" for ext in EXTENSIONS),
    content=("content/**", *NOT_IN_CONTENT),
    fences=("yaml", "toml", "json"),
    front_matter_optional=True,
    detect=detect,
)
