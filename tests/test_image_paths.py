"""Image paths resolve as each framework resolves them, from the site root: Starlight through
tsconfig `paths` and `~/`, Docusaurus `./` beside the doc and other paths from static/, Hugo page
bundles, static/ and assets/, Jekyll from the site root. A missing file's message lists where it
was looked for, and an image given as a URL gets the URL rules."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import NOW_TEXT, png, write
from helpers import check_json as run

from linter.cli import main

PICTURE = png(800, 600)


HERO = """\
---
title: Welcome
template: splash
hero:
  tagline: Start here.
  image:
    file: {image}
---
"""

TSCONFIG = """\
{
  // Astro's strict settings, and the site's own aliases
  "extends": "astro/tsconfigs/strict",
  "compilerOptions": {
    "paths": {
      "@/*": ["src/*"], /* components, assets */
      "@media/*": ["src/missing/*", "src/media/*"],
    },
  },
}
"""


def starlight(root: Path, image: str, extra: dict[str, str | bytes] | None = None) -> None:
    write(
        root,
        {
            "content-lint.toml": 'preset = "starlight"\n',
            "astro.config.mjs": "export default {};\n",
            "src/assets/hero.png": PICTURE,
            "src/media/team.png": PICTURE,
            "src/content/docs/index.mdx": HERO.format(image=image),
            **(extra or {}),
        },
    )


@pytest.mark.parametrize(
    "image",
    [
        "~/assets/hero.png",
        "'@/assets/hero.png'",
        "'@media/team.png'",
        "../../assets/hero.png",
        "./../../assets/hero.png",
    ],
)
def test_starlight_paths_through_tsconfig_aliases_and_from_the_page_pass(
    tmp_path, capsys, monkeypatch, image
):
    starlight(tmp_path, image, {"tsconfig.json": TSCONFIG})
    assert run(capsys, tmp_path, monkeypatch, "src/content/docs") == (0, [])


def test_starlight_tilde_is_src_without_a_tsconfig(tmp_path, capsys, monkeypatch):
    """Starlight's frontmatter reference writes `~/assets/...`: without a tsconfig alias the
    preset reads `~/` as `src/`."""
    starlight(tmp_path, "~/assets/hero.png")
    assert run(capsys, tmp_path, monkeypatch, "src/content/docs") == (0, [])


def test_starlight_missing_file_behind_an_alias_says_where_it_looked(tmp_path, capsys, monkeypatch):
    starlight(tmp_path, "'@media/gone.png'", {"tsconfig.json": TSCONFIG})
    status, found = run(capsys, tmp_path, monkeypatch, "src/content/docs")
    message = "image file `@media/gone.png` not found: looked in src/missing/gone.png, src/media/gone.png"
    assert (status, found) == (0, [("src/content/docs/index.mdx", 7, 11, "FM303", message)])


def test_starlight_aliases_of_an_extended_tsconfig_and_its_base_url(tmp_path, capsys, monkeypatch):
    """`baseUrl` and `paths` of a file the tsconfig extends are relative to that file's folder;
    with a `baseUrl`, a bare path is looked for from it, then beside the page."""
    base = '{"compilerOptions": {"baseUrl": "../src", "paths": {"$pics/*": ["assets/*"]}}}'
    extra = {"tsconfig.json": '{"extends": "./config/base"}', "config/base.json": base}
    starlight(tmp_path, "$pics/hero.png", extra)
    assert run(capsys, tmp_path, monkeypatch, "src/content/docs") == (0, [])
    write(tmp_path, {"src/content/docs/index.mdx": HERO.format(image="media/team.png")})
    assert run(capsys, tmp_path, monkeypatch, "src/content/docs") == (0, [])
    write(tmp_path, {"src/content/docs/index.mdx": HERO.format(image="media/gone.png")})
    status, found = run(capsys, tmp_path, monkeypatch, "src/content/docs")
    looked = "src/media/gone.png, src/content/docs/media/gone.png"
    assert status == 0
    assert [message for *_, message in found] == [
        f"image file `media/gone.png` not found: looked in {looked}"
    ]


def test_starlight_alias_it_cannot_see_is_not_judged(tmp_path, capsys, monkeypatch):
    """An alias set in astro.config (`vite.resolve.alias`, code that is never run) is unknown:
    a path that starts like one is left alone rather than looked for beside the page."""
    starlight(tmp_path, "'@images/hero.png'")
    assert run(capsys, tmp_path, monkeypatch, "src/content/docs") == (0, [])


@pytest.mark.parametrize(
    "tsconfig", ["{ not json", '{"compilerOptions": {"paths": ["src/*"]}}', "[]", "\0" * 10]
)
def test_starlight_unreadable_tsconfig_falls_back_to_the_presets_aliases(
    tmp_path, capsys, monkeypatch, tsconfig
):
    starlight(tmp_path, "~/assets/hero.png", {"tsconfig.json": tsconfig})
    assert run(capsys, tmp_path, monkeypatch, "src/content/docs") == (0, [])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_starlight_tsconfig_that_is_a_fifo_does_not_hang(tmp_path, capsys, monkeypatch):
    starlight(tmp_path, "~/assets/hero.png")
    os.mkfifo(tmp_path / "tsconfig.json")
    assert run(capsys, tmp_path, monkeypatch, "src/content/docs") == (0, [])


def test_paths_resolve_from_the_site_root_whatever_the_working_folder(tmp_path, capsys, monkeypatch):
    starlight(tmp_path, "~/assets/gone.png", {"tsconfig.json": TSCONFIG.replace("@/*", "~/*")})
    status, found = run(capsys, tmp_path / "src/content/docs", monkeypatch, ".")
    message = "image file `~/assets/gone.png` not found: looked in src/assets/gone.png"
    assert (status, found) == (0, [("index.mdx", 7, 11, "FM303", message)])


def test_a_changed_tsconfig_is_seen_by_the_cache(tmp_path, capsys, monkeypatch):
    starlight(tmp_path, "'@media/team.png'", {"tsconfig.json": '{"compilerOptions": {}}'})
    os.utime(tmp_path / "tsconfig.json", (1, 1))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CONTENT_LINT_SECRET_DIR", str(tmp_path.parent / "secret"))
    args = ["check", "--reference-time", NOW_TEXT, "--output-format", "json", "src/content/docs"]
    for _ in range(2):  # not judged (no alias known); the second run comes from the cache
        assert main(args) == 0
        assert json.loads(capsys.readouterr().out)["findings"] == []
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"paths": {"@media/*": ["src/other/*"]}}}')
    os.utime(tmp_path / "tsconfig.json", (2, 2))
    assert main(args) == 0
    assert [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["FM303"]


DOC = "---\ntitle: Cards\nimage: {image}\n---\nText.\n"


def docusaurus(root: Path, image: str) -> None:
    write(
        root,
        {
            "content-lint.toml": 'preset = "docusaurus"\n',
            "docusaurus.config.js": "module.exports = {};\n",
            "static/img/card.png": PICTURE,
            "docs/guides/card.png": PICTURE,
            "docs/guides/cards.md": DOC.format(image=image),
        },
    )


@pytest.mark.parametrize(
    "image", ["./card.png", "/img/card.png", "img/card.png", "https://cdn.example.com/card.png"]
)
def test_docusaurus_image_beside_the_doc_or_in_static_passes(tmp_path, capsys, monkeypatch, image):
    docusaurus(tmp_path, image)
    assert run(capsys, tmp_path, monkeypatch, "docs") == (0, [])


@pytest.mark.parametrize(
    ("image", "looked"),
    [
        ("./gone.png", "docs/guides/gone.png"),
        # Without `./` the path goes through useBaseUrl: a site path, served from static/.
        ("card.png", "static/card.png"),
        # `@site/` is an alias of imports; front matter is not imported.
        ("'@site/static/img/card.png'", "static/@site/static/img/card.png"),
    ],
)
def test_docusaurus_missing_image_says_where_it_looked(tmp_path, capsys, monkeypatch, image, looked):
    docusaurus(tmp_path, image)
    shown = image.strip("'")
    message = f"image file `{shown}` not found: looked in {looked}"
    assert run(capsys, tmp_path, monkeypatch, "docs") == (
        0,
        [("docs/guides/cards.md", 3, 8, "FM303", message)],
    )


def test_docusaurus_http_image_is_an_insecure_url(tmp_path, capsys, monkeypatch):
    docusaurus(tmp_path, "http://cdn.example.com/card.png")
    message = "`image` uses http://; use https://"
    assert run(capsys, tmp_path, monkeypatch, "docs") == (
        0,
        [("docs/guides/cards.md", 3, 8, "FM402", message)],
    )


def test_docusaurus_malformed_image_url_is_an_error(tmp_path, capsys, monkeypatch):
    docusaurus(tmp_path, "'https://cdn.example.com/my card.png'")
    status, found = run(capsys, tmp_path, monkeypatch, "docs")
    assert (status, [(line, column, code) for _, line, column, code, _ in found]) == (1, [(3, 8, "FM401")])


def test_docusaurus_require_form_is_not_a_path(tmp_path, capsys, monkeypatch):
    docusaurus(tmp_path, "\"require('./card.png').default\"")
    assert run(capsys, tmp_path, monkeypatch, "docs") == (0, [])


BUNDLE = "---\ntitle: Trip\ndate: 2024-05-01\nimages:\n  - {image}\n---\n"


@pytest.mark.parametrize(
    "image", ["cover.png", "photos/cover.png", "/images/sea.png", "images/sea.png", "/logo.png"]
)
def test_hugo_bundle_resources_static_and_assets_pass(tmp_path, capsys, monkeypatch, image):
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "hugo"\n',
            "hugo.toml": "title = 'Trips'\n",
            "content/posts/trip/index.md": BUNDLE.format(image=image),
            "content/posts/trip/cover.png": PICTURE,
            "content/posts/trip/photos/cover.png": PICTURE,
            "static/images/sea.png": PICTURE,
            "assets/logo.png": PICTURE,
        },
    )
    assert run(capsys, tmp_path, monkeypatch, "content") == (0, [])


def test_hugo_missing_bundle_image_and_an_http_one(tmp_path, capsys, monkeypatch):
    page = (
        "---\ntitle: Trip\ndate: 2024-05-01\nimages:\n  - gone.png\n  - http://cdn.example.com/sea.png\n---\n"
    )
    write(tmp_path, {"content-lint.toml": 'preset = "hugo"\n', "content/posts/trip/index.md": page})
    looked = "content/posts/trip/gone.png, static/gone.png, assets/gone.png"
    assert run(capsys, tmp_path, monkeypatch, "content") == (
        0,
        [
            (
                "content/posts/trip/index.md",
                5,
                5,
                "FM303",
                f"image file `gone.png` not found: looked in {looked}",
            ),
            ("content/posts/trip/index.md", 6, 5, "FM402", "`images[1]` uses http://; use https://"),
        ],
    )


POST = "---\nlayout: post\ntitle: Beans\ndate: 2016-04-02\nimage:\n  path: {image}\n---\n"


@pytest.mark.parametrize(
    "image", ["/assets/img/beans.png", "assets/img/beans.png", "../assets/img/beans.png"]
)
def test_jekyll_image_paths_are_from_the_site_root(tmp_path, capsys, monkeypatch, image):
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "jekyll"\n',
            "_config.yml": "title: Garden\n",
            "assets/img/beans.png": PICTURE,
            "_posts/2016-04-02-beans.md": POST.format(image=image),
        },
    )
    assert run(capsys, tmp_path, monkeypatch, "_posts") == (0, [])


def test_jekyll_image_beside_the_post_is_not_served(tmp_path, capsys, monkeypatch):
    """jekyll-seo-tag makes `image` absolute from the site root; a file beside the post in
    `_posts/` is never copied to the site."""
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "jekyll"\n',
            "_posts/beans.png": PICTURE,
            "_posts/2016-04-02-beans.md": POST.format(image="beans.png"),
        },
    )
    message = "image file `beans.png` not found: looked in beans.png"
    assert run(capsys, tmp_path, monkeypatch, "_posts") == (
        0,
        [("_posts/2016-04-02-beans.md", 6, 9, "FM303", message)],
    )


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (
            'image-relative = "nowhere"',
            "`image-relative` should be one of 'page', 'site', 'page-or-site', 'dot-page'",
        ),
        ('image-aliases = ["src"]', '`image-aliases` should be a table of prefix = "folder"'),
        (
            'image-aliases = { "~/" = 3 }',
            "`image-aliases` entry `~/` should map a prefix to a folder or folders",
        ),
        (
            'image-alias-files = "tsconfig.json"',
            "`image-alias-files` should be a list of file names (e.g. tsconfig.json)",
        ),
    ],
)
def test_image_path_keys_are_checked_in_the_config(tmp_path, capsys, monkeypatch, line, error):
    starlight(tmp_path, "~/assets/hero.png")
    write(tmp_path, {"content-lint.toml": f'preset = "starlight"\n[roles]\n{line}\n'})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "src/content/docs"]) == 2
    assert capsys.readouterr().err.strip().endswith(error)


def test_a_project_can_say_where_its_images_are(tmp_path, capsys, monkeypatch):
    """The keys are data: a news-style project with images under media/ and a `$img/` alias."""
    roles = '[roles]\nimages = "/banner"\nimage-folders = ["media"]\nimage-aliases = { "$img/" = "media/" }\n'
    write(
        tmp_path,
        {
            "content-lint.toml": f'preset = "hugo"\n{roles}',
            "media/a.png": PICTURE,
            "content/a.md": "---\ntitle: A\ndate: 2024-01-01\nbanner: '$img/a.png'\n---\n",
            "content/b.md": "---\ntitle: B\ndate: 2024-01-01\nbanner: '$img/b.png'\n---\n",
        },
    )
    message = "image file `$img/b.png` not found: looked in media/b.png"
    assert run(capsys, tmp_path, monkeypatch, "content") == (0, [("content/b.md", 4, 9, "FM303", message)])


def test_pages_named_through_a_link_to_the_site_resolve_from_its_root(tmp_path, capsys, monkeypatch):
    site = tmp_path / "site"
    starlight(site, "../../assets/gone.png")
    (tmp_path / "link").symlink_to(site, target_is_directory=True)
    status, found = run(capsys, site, monkeypatch, str(tmp_path / "link/src/content/docs"))
    message = "image file `../../assets/gone.png` not found: looked in src/assets/gone.png"
    assert (status, [(line, code, text) for _, line, _, code, text in found]) == (0, [(7, "FM303", message)])


def test_folders_outside_the_project_are_never_looked_in(tmp_path, capsys, monkeypatch):
    """A 20-pixel file outside would be an FM301 finding if it were read: nothing is said."""
    outside = tmp_path / "outside"
    write(outside, {"a.png": png(20, 20)})
    roles = f'[roles]\nimages = "/banner"\nimage-folders = ["{outside}", "../outside"]\n'
    roles += f'image-aliases = {{ "$o/" = ["{outside}", "../outside"] }}\n'
    page = "---\ntitle: A\ndate: 2024-01-01\nbanner: {image}\n---\n"
    write(
        tmp_path / "site",
        {
            "content-lint.toml": f'preset = "hugo"\n{roles}',
            "content/a.md": page.format(image="/a.png"),
            "content/b.md": page.format(image="$o/a.png"),
            "content/c.md": page.format(image="../../../outside/a.png"),
        },
    )
    assert run(capsys, tmp_path / "site", monkeypatch, "content") == (0, [])


@pytest.mark.parametrize("image", ["/src/assets/hero.png", "/hero.png", "/favicon.png"])
def test_starlight_site_paths_found_anywhere_astro_may_look_pass(tmp_path, capsys, monkeypatch, image):
    starlight(tmp_path, image, {"public/favicon.png": PICTURE})
    assert run(capsys, tmp_path, monkeypatch, "src/content/docs") == (0, [])


def test_an_image_url_no_urls_binding_holds_is_checked_as_a_url(tmp_path, capsys, monkeypatch):
    """An image table whose URL key the `urls` role does not bind (a `gallery` of the
    project's own): its http:// URL is FM402's, and a relative path is not a URL at all."""
    roles = '[roles]\nimages = [{ at = "/gallery/*", src = "src" }]\n'
    page = (
        "---\n"
        'title: "Harbour gallery"\n'
        "gallery:\n"
        '  - src: "http://cdn.coastline.example/img/wall.jpg"\n'
        '  - src: "media/wall.jpg"\n'
        "---\n"
    )
    write(tmp_path, {"content-lint.toml": roles, "news/gallery.md": page, "media/wall.jpg": png(4, 3)})
    found = run(capsys, tmp_path, monkeypatch, "news")[1]
    assert [f for f in found if f[3].startswith("FM4")] == [
        ("news/gallery.md", 4, 10, "FM402", "`gallery[0].src` uses http://; use https://")
    ]
