"""`content-lint init` on small sites of each framework and CMS: the config it writes checks the
site clean, and planted defects in a copy are found at their lines."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import jsonschema_rs
import pytest
from helpers import check_report, fields, png
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.cli import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib
from linter.adopting.toml_text import toml_document

HUGO = {
    "hugo.toml": "title = 'Tides'\n",
    "content/posts/tides.md": (
        "---\ntitle: Tides\ndate: 2024-05-01T10:00:00+02:00\nlastmod: 2024-05-03\n"
        "tags: [Go, Hugo]\naliases: [/old/tides/]\n---\nBody.\n"
    ),
    "content/posts/moon.md": '+++\ntitle = "Moon"\ndate = 2024-06-01\n+++\n',
}
JEKYLL = {
    "_config.yml": "title: Notes\n",
    "_posts/2016-01-01-a.md": (
        "---\nlayout: post\ntitle: A\ndate: 2016-01-01 10:00:00 +0000\nlast_modified_at: 2016-01-02\n"
        "permalink: /blog/a/\n---\n"
    ),
    "_posts/2016-02-01-b.md": "---\nlayout: post\ntitle: B\ndate: 2016-02-01\npermalink: /blog/b/\n---\n",
}
DOCUSAURUS = {
    "docusaurus.config.js": "module.exports = {};\n",
    "docs/intro.md": "---\ntitle: Intro\nslug: /intro\nsidebar_position: 1\n---\n",
    "docs/setup.mdx": "---\ntitle: Setup\nslug: /setup\nsidebar_position: 2\n---\n",
    "blog/2024-01-01-hello.md": "---\ntitle: Hello\nauthors: [ann]\ntags: [news]\n---\n",
}
STARLIGHT = {
    "astro.config.mjs": "import starlight from '@astrojs/starlight';\nexport default {};\n",
    "src/content/docs/index.mdx": "---\ntitle: Home\ndescription: Start here\nlastUpdated: 2024-01-01\n---\n",
    "src/content/docs/guides/a.md": "---\ntitle: Guide\ndescription: How to\nlastUpdated: 2024-02-01\n---\n",
}
PLAIN = {
    "README.md": "No front matter here.\n",
    "notes/one.md": (
        "---\ntitle: One\ndate: 2024-01-01\nupdated: 2024-01-05\nweight: 10\n"
        "canonical: https://notes.example/one/\n---\n"
    ),
    "notes/two.md": (
        "---\ntitle: Two\ndate: 2024-02-01\nupdated: 2024-02-03\nweight: 20\n"
        "canonical: https://notes.example/two/\n---\n"
    ),
    "notes/broken.md": "---\ntitle: [unclosed\n---\n",
}
FRONT_MATTER_CMS = {
    "frontMatter.taxonomy.contentTypes": [
        {
            "name": "article",
            "fields": [
                {"name": "title", "type": "string", "required": True},
                {"name": "date", "type": "datetime", "isPublishDate": True},
                {"name": "section", "type": "choice", "choices": ["news", "guides"]},
                {"name": "tags", "type": "tags"},
                {"name": "where", "type": "geoPin"},
            ],
        }
    ],
    "frontMatter.content.pageFolders": [
        {"title": "Articles", "path": "[[workspace]]/content/articles", "contentTypes": ["article"]}
    ],
}
DECAP = """\
media_folder: static/uploads
collections:
  - name: posts
    folder: content/posts
    fields:
      - {name: title, widget: string}
      - {name: date, widget: datetime}
      - {name: lastmod, widget: datetime, required: false}
      - {name: rating, widget: number, value_type: int, min: 1, max: 5}
      - {name: body, widget: markdown}
"""


def make(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def init(site: Path, monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(site)
    status = main(["init", *args])
    out, err = capsys.readouterr()
    return status, out, err


def check(site: Path, monkeypatch, capsys, *paths: str) -> tuple[int, list[tuple[str, int, str]]]:
    monkeypatch.chdir(site)
    status, findings, _ = check_report(capsys, *paths)
    return status, sorted(fields(findings, "path", "line", "code"))


def planted(site: Path, tmp_path: Path, files: dict[str, str]) -> Path:
    """A copy of `site` (with its written config) with `files` added or replaced."""
    copy = shutil.copytree(site, tmp_path / "copy")
    return make(copy, files)


def config_of(site: Path) -> dict[str, object]:
    return tomllib.loads((site / "content-lint.toml").read_text(encoding="utf-8"))


def test_hugo_site_gets_the_hugo_preset_and_checks_clean(tmp_path, monkeypatch, capsys):
    site = make(tmp_path / "site", HUGO)
    status, out, _ = init(site, monkeypatch, capsys)
    assert status == 0
    assert out.splitlines()[:3] == [
        "framework: Hugo (hugo.toml)",
        "preset: `hugo` (shipped for Hugo)",
        "pages: content",
    ]
    assert "    0  total" in out  # the closing check's statistics
    assert config_of(site) == {"preset": "hugo"}  # the pages are found as Hugo finds them
    assert check(site, monkeypatch, capsys, "content") == (0, [])
    broken = planted(
        site,
        tmp_path,
        {"content/posts/moon.md": '+++\ntitle = "Moon"\ndate = 2024-06-01\nlastmod = 2024-05-01\n+++\n'},
    )
    assert check(broken, monkeypatch, capsys, "content") == (1, [("content/posts/moon.md", 4, "FM204")])


def test_jekyll_site_gets_the_preset_which_finds_its_pages(tmp_path, monkeypatch, capsys):
    # Jekyll renders pages anywhere outside `_` folders, posts in every `_posts/`: a type per
    # folder would miss the pages and compare posts' permalinks apart from them.
    site = make(tmp_path / "site", {**JEKYLL, "_drafts/c.md": "---\ntitle: C\n---\n"})
    status, out, _ = init(site, monkeypatch, capsys)
    assert status == 0
    assert config_of(site) == {"preset": "jekyll"}
    assert "pages: _posts, _drafts" in out.splitlines()
    assert check(site, monkeypatch, capsys, "_posts", "_drafts") == (0, [])
    broken = planted(
        site,
        tmp_path,
        {"_posts/2016-03-01-c.md": "---\ntitle: C\ndate: 2016-03-01\npermalink: /blog/a\n---\n"},
    )
    assert check(broken, monkeypatch, capsys, "_posts") == (
        1,
        [("_posts/2016-01-01-a.md", 6, "FM404"), ("_posts/2016-03-01-c.md", 4, "FM404")],
    )


def test_docusaurus_site_checks_clean_and_a_repeated_slug_is_found(tmp_path, monkeypatch, capsys):
    site = make(tmp_path / "site", DOCUSAURUS)
    status, out, _ = init(site, monkeypatch, capsys)
    assert status == 0
    assert config_of(site) == {"preset": "docusaurus"}
    assert "pages: docs, blog" in out.splitlines()
    assert check(site, monkeypatch, capsys, "docs", "blog") == (0, [])
    broken = planted(
        site, tmp_path, {"docs/again.md": "---\ntitle: Again\nslug: /Intro/\nsidebar_position: 2\n---\n"}
    )
    assert check(broken, monkeypatch, capsys, "docs") == (
        1,
        [("docs/again.md", 3, "FM404"), ("docs/intro.md", 3, "FM404")],
    )


def test_starlight_site_checks_clean_and_a_future_update_is_found(tmp_path, monkeypatch, capsys):
    site = make(tmp_path / "site", STARLIGHT)
    status, _, _ = init(site, monkeypatch, capsys)
    assert status == 0
    assert config_of(site) == {"preset": "starlight"}
    assert check(site, monkeypatch, capsys, "src") == (0, [])
    broken = planted(
        site,
        tmp_path,
        {
            "src/content/docs/guides/a.md": "---\ntitle: Guide\ndescription: How to\nlastUpdated: 2031-02-01\n---\n"
        },
    )
    assert check(broken, monkeypatch, capsys, "src") == (1, [("src/content/docs/guides/a.md", 4, "FM201")])


def test_unknown_site_falls_back_to_inference(tmp_path, monkeypatch, capsys):
    site = make(tmp_path / "site", PLAIN)
    status, out, _ = init(site, monkeypatch, capsys)
    said = out.splitlines()
    assert said[0].startswith("framework: none recognised")
    assert "type `notes`: /notes/, schema inferred from 2 file(s) -> schemas/notes.schema.json" in said
    assert any(
        line.startswith("  skipped 1 file(s) without readable front matter: notes/broken.md") for line in said
    )
    assert "  role /date: published, dates, future, date-order (every value is a date)" in said
    assert "  role /canonical: urls, identity (every value is an absolute URL)" in said
    assert status == 1  # the closing check reports the unreadable file
    assert check(site, monkeypatch, capsys, "notes") == (1, [("notes/broken.md", 3, "FM003")])
    (site / "notes/broken.md").unlink()
    assert check(site, monkeypatch, capsys, "notes") == (0, [])
    broken = planted(
        site,
        tmp_path,
        {
            "notes/three.md": (
                "---\ntitle: Three\ndate: 2024-03-05\nupdated: 2024-03-01\nweight: 15\n"
                "canonical: https://notes.example/one/\n---\n"
            ),
            "notes/four.md": "---\ntitle: Four\ndate: 2024-03-01\nupdated: 2024-03-02\nweight: ten\n---\n",
        },
    )
    assert check(broken, monkeypatch, capsys, "notes") == (
        1,
        [
            ("notes/four.md", 2, "FM100"),  # `canonical` is required: every file had one
            ("notes/four.md", 5, "FM100"),
            ("notes/one.md", 6, "FM404"),
            ("notes/three.md", 4, "FM204"),
            ("notes/three.md", 6, "FM404"),
        ],
    )


def test_an_inferred_site_type_gets_the_site_text_options(tmp_path, monkeypatch, capsys):
    """An unrecognised site's pages are HTML pages as under the presets: a wrapped description
    or one that expands its title is fine; one that is the title again is not."""
    notes = {
        "notes/one.md": "---\ntitle: Tides\ndescription: >\n  Tides of the bay,\n  day by day.\n---\n",
        "notes/two.md": "---\ntitle: Moon\ndescription: Moon phases and the tides they bring.\n---\n",
    }
    site = make(tmp_path / "site", notes)
    assert init(site, monkeypatch, capsys)[0] == 0
    assert config_of(site)["types"][0]["rules"] == {  # type: ignore[index]
        "untidy-whitespace": {"line-breaks": False},
        "excerpt-repeats-title": {"allow-expansion": True},
        "duplicate-article": {"site-pages": True},
    }
    copy = planted(site, tmp_path, {"notes/two.md": "---\ntitle: Moon\ndescription: Moon.\n---\n"})
    assert check(copy, monkeypatch, capsys, "notes") == (0, [("notes/two.md", 3, "FM504")])


def test_nested_titles_and_urls_are_not_the_pages_own(tmp_path, monkeypatch, capsys):
    """A navigation entry's `title` (HTML allowed) and a listed host's `url` (the same host on
    several pages) belong to other records: init binds only top-level keys as the page's
    title, description and identity."""
    page = (
        "---\ntitle: {title}\nnav:\n  title: The <code>{title}</code> filter\n"
        "hosts:\n  - name: Pages\n    url: https://pages.example/\n---\n"
    )
    site = make(
        tmp_path / "site", {"docs/a.md": page.format(title="log"), "docs/b.md": page.format(title="url")}
    )
    assert init(site, monkeypatch, capsys)[0] == 0
    roles = config_of(site)["types"][0]["roles"]  # type: ignore[index]
    assert (roles["title"], roles["identity"]) == (["/title"], [])  # type: ignore[index]
    assert check(site, monkeypatch, capsys, "docs") == (0, [])


MIXED = {
    "posts/a.md": "---\ntitle: A\nweight: 3\ndraft: true\nauthor: {name: Ann, links: [a, b]}\n---\n",
    "posts/b.md": '+++\ntitle = "B"\nweight = 4.5\ndate = 2024-01-01T10:00:00Z\n[author]\nname = "Bo"\n+++\n',
    "posts/c.md": '{\n  "title": "C",\n  "weight": null,\n  "tags": ["x", 1],\n  "images": [{"src": "/c.png"}]\n}\n',
    "posts/d.md": "---\ntitle: D\ndate: 2024-01-02 10:00\nlayout: ~\ncover: /img/d.png\n---\n",
}


def test_the_inferred_schema_accepts_every_file_it_was_inferred_from(tmp_path, monkeypatch, capsys):
    site = make(tmp_path / "site", MIXED)
    status, _, _ = init(site, monkeypatch, capsys)
    assert status == 0
    schema = json.loads((site / "schemas/posts.schema.json").read_text(encoding="utf-8"))
    assert schema["required"] == ["title"]
    checker = jsonschema_rs.validator_for(schema, validate_formats=True)
    assert checker.is_valid(
        {"title": "A", "weight": 3, "draft": True, "author": {"name": "Ann", "links": ["a", "b"]}}
    )
    assert not checker.is_valid({"weight": 3})
    assert check(site, monkeypatch, capsys, "posts") == (0, [])


def test_front_matter_cms_import(tmp_path, monkeypatch, capsys):
    article = "---\ntitle: {title}\ndate: 2024-01-0{day}\nsection: {section}\ntags: [a]\n---\n"
    site = make(
        tmp_path / "site",
        {
            "frontmatter.json": json.dumps(FRONT_MATTER_CMS),
            "content/articles/a.md": article.format(title="A", day=1, section="news"),
            "content/articles/b.md": article.format(title="B", day=2, section="guides"),
        },
    )
    status, out, _ = init(site, monkeypatch, capsys, "--from", "frontmatter.json")
    assert status == 0
    said = out.splitlines()
    assert said[:2] == [
        "content types: 1 from frontmatter.json",
        "type `article`: /content/articles/ -> schemas/article.schema.json",
    ]
    assert "  article: field /where has kind 'geoPin', unknown here: any value allowed" in said
    [written] = config_of(site)["types"]  # type: ignore[misc]
    assert (written["name"], written["paths"], written["schema"]) == (
        "article",
        ["/content/articles/"],
        "schemas/article.schema.json",
    )
    bound = {role: found for role, found in written["roles"].items() if found}
    assert bound == {
        "published": ["/date"],
        "dates": ["/date"],
        "future": ["/date"],
        "title": ["/title"],
        "texts": ["/tags/*"],
        "tags": ["/tags"],
        "provider": {"domain": [], "url": []},
        "date-forms": "any",
    }
    assert written["roles"]["secured"] == written["roles"]["items"] == []  # nothing of news-article
    assert check(site, monkeypatch, capsys, "content") == (0, [])
    broken = planted(
        site, tmp_path, {"content/articles/c.md": article.format(title="C", day=3, section="blog")}
    )
    assert check(broken, monkeypatch, capsys, "content") == (1, [("content/articles/c.md", 4, "FM100")])


@pytest.mark.parametrize("admin", ["static/admin/config.yml", "public/admin/config.yml"])
def test_decap_cms_import(tmp_path, monkeypatch, capsys, admin):
    post = "---\ntitle: {title}\ndate: {date}\nlastmod: {lastmod}\nrating: {rating}\n---\nBody.\n"
    site = make(
        tmp_path / "site",
        {
            admin: DECAP,
            "content/posts/a.md": post.format(title="A", date="2024-01-01", lastmod="2024-01-02", rating=4),
        },
    )
    status, _, _ = init(site, monkeypatch, capsys, "--from", admin)
    assert status == 0
    assert config_of(site)["types"][0]["roles"]["date-order"] == [["/date", "/lastmod"]]  # type: ignore[index]
    assert check(site, monkeypatch, capsys, "content") == (0, [])
    broken = planted(
        site,
        tmp_path,
        {"content/posts/b.md": post.format(title="B", date="2024-02-02", lastmod="2024-02-01", rating=9)},
    )
    assert check(broken, monkeypatch, capsys, "content") == (
        1,
        [("content/posts/b.md", 4, "FM204"), ("content/posts/b.md", 5, "FM100")],
    )


def test_existing_files_are_kept_unless_forced(tmp_path, monkeypatch, capsys):
    site = make(tmp_path / "site", {**HUGO, "content-lint.toml": "# mine\n"})
    status, out, err = init(site, monkeypatch, capsys)
    assert (status, out) == (2, "")
    assert err == "content-lint: error: init: content-lint.toml exists; pass --force to overwrite it\n"
    assert (site / "content-lint.toml").read_text() == "# mine\n"
    status, _, _ = init(site, monkeypatch, capsys, "--force")
    assert status == 0
    assert config_of(site)["preset"] == "hugo"


def test_an_existing_schema_is_kept_and_nothing_is_written(tmp_path, monkeypatch, capsys):
    site = make(tmp_path / "site", {**PLAIN, "schemas/notes.schema.json": "{}"})
    status, _, err = init(site, monkeypatch, capsys)
    assert status == 2
    assert err.count("\n") == 1 and "schemas/notes.schema.json exists; pass --force" in err
    assert not (site / "content-lint.toml").exists()
    assert (site / "schemas/notes.schema.json").read_text() == "{}"


def test_a_planted_schemas_symlink_is_not_followed(tmp_path, monkeypatch, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    site = make(tmp_path / "site", PLAIN)
    (site / "schemas").symlink_to(outside)
    status, _, err = init(site, monkeypatch, capsys, "--force")
    assert status == 2
    assert err == "content-lint: error: init: schemas exists and is not a folder\n"
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("frontmatter.json", "{not json", "frontmatter.json: cannot be parsed: "),
        ("config.yml", "title: a site\n", "config.yml: neither a Front Matter CMS nor a Decap CMS config"),
        ("missing.yml", None, "missing.yml: No such file or directory"),
    ],
)
def test_a_bad_from_file_is_one_line(tmp_path, monkeypatch, capsys, name, text, message):
    site = make(tmp_path / "site", HUGO)
    if text is not None:
        (site / name).write_text(text)
    status, out, err = init(site, monkeypatch, capsys, "--from", name)
    assert (status, out) == (2, "")
    assert err.startswith(f"content-lint: error: init: {message}") and err.count("\n") == 1
    assert not (site / "content-lint.toml").exists()


def test_the_hint_of_check_leads_to_a_config_that_removes_it(tmp_path, monkeypatch, capsys):
    site = make(tmp_path / "site", DOCUSAURUS)
    monkeypatch.chdir(site)
    main(["check", "--no-cache", "--output-format", "concise", "docs"])
    hint = capsys.readouterr().err.splitlines()[0]
    assert hint.startswith("content-lint: checked as a Docusaurus site (docs")
    assert hint.endswith("; `content-lint init` pins this in content-lint.toml")
    assert init(site, monkeypatch, capsys)[0] == 0
    main(["check", "--no-cache", "--output-format", "concise", "docs"])
    assert "checked as" not in capsys.readouterr().err


def test_a_folder_without_front_matter_is_one_line(tmp_path, monkeypatch, capsys):
    site = make(tmp_path / "site", {"README.md": "hello\n"})
    status, _, err = init(site, monkeypatch, capsys)
    assert status == 2
    assert err == (
        "content-lint: error: init: .: no file with front matter found; nothing to infer a schema from\n"
    )


@given(st.dictionaries(st.text(max_size=8), st.lists(st.text(max_size=8), max_size=3), max_size=4))
@settings(max_examples=200, deadline=None)
def test_field_names_from_content_files_are_written_as_valid_toml(roles):
    table = {"preset": "hugo", "types": [{"name": "x", "paths": ["/x/"], "roles": roles}]}
    assert tomllib.loads(toml_document(table)) == table


def test_decap_media_folder_tells_where_site_image_paths_live(tmp_path, monkeypatch, capsys):
    config = (
        "media_folder: static/uploads\npublic_folder: /uploads\ncollections:\n"
        "  - name: posts\n    folder: content/posts\n    fields:\n"
        "      - {name: title, widget: string}\n      - {name: hero, widget: image, required: false}\n"
    )
    post = "---\ntitle: {title}\nhero: /uploads/{image}\n---\nBody.\n"
    site = make(
        tmp_path / "site",
        {"static/admin/config.yml": config, "content/posts/a.md": post.format(title="A", image="wide.png")},
    )
    (site / "static" / "uploads").mkdir(parents=True)
    (site / "static" / "uploads" / "wide.png").write_bytes(png(1200, 630))
    status, _, _ = init(site, monkeypatch, capsys, "--from", "static/admin/config.yml")
    assert status == 0
    assert config_of(site)["types"][0]["roles"]["image-folders"] == ["static"]  # type: ignore[index]
    assert check(site, monkeypatch, capsys, "content") == (0, [])
    broken = planted(site, tmp_path, {"content/posts/b.md": post.format(title="B", image="gone.png")})
    assert check(broken, monkeypatch, capsys, "content") == (0, [("content/posts/b.md", 3, "FM303")])


def test_init_at_a_monorepo_root_writes_the_config_beside_the_site_and_check_agrees(
    tmp_path, monkeypatch, capsys
):
    repo = make(
        tmp_path / "repo", {"README.md": "# Tool\n", **{f"website/{k}": v for k, v in DOCUSAURUS.items()}}
    )
    (repo / ".git").mkdir()
    status, out, _ = init(repo, monkeypatch, capsys)
    assert status == 0
    assert f"wrote {repo / 'website' / 'content-lint.toml'}" in out.splitlines()
    assert "pages: website/docs, website/blog" in out.splitlines()
    closing = out.split("checking: ", 1)[1]
    assert main(["check", "--output-format", "concise", "--statistics", "."]) == status
    assert capsys.readouterr().out == closing.split("\n", 1)[1]  # the same report, line for line


def test_inferred_roles_skip_shared_values_and_find_images_by_name_and_value(tmp_path, monkeypatch, capsys):
    pages = {
        f"notes/{n}.md": (
            f"---\ntitle: Note {n}\nurl: /notes/{n}/\nauthor:\n  url: https://me.example/\n"
            f"canonical: https://notes.example/\nheroImage: ./hero-{n}.png\nog:\n  picture: /img/{n}.webp\n---\n"
        )
        for n in range(1, 6)
    }
    site = make(tmp_path / "site", pages)
    assert init(site, monkeypatch, capsys)[0] == 0
    roles = config_of(site)["types"][0]["roles"]  # type: ignore[index]
    assert roles["identity"] == ["/url"]  # not /author/url (nested) nor /canonical (every file's)
    assert set(roles["images"]) == {"/heroImage", "/og/picture"}


def test_init_writes_top_level_keys_first_and_says_where_they_go(tmp_path, monkeypatch, capsys):
    site = make(tmp_path / "site", PLAIN)
    init(site, monkeypatch, capsys)
    text = (site / "content-lint.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    comment = lines.index(
        "# Top-level keys go above this line; below it, a key belongs to the table it follows."
    )
    assert lines[comment + 1 :].count("[[types]]") >= 1 and "[[types]]" not in lines[:comment]


def test_init_prints_field_names_escaped_and_takes_a_lone_surrogate_key(tmp_path, capsys):
    """Field names come from content files: no terminal escape, no forged line, no crash."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text('---\ntitle: b\n"y\\e[2Jclear\\n::error::forged": 3\n---\n')
    (tmp_path / "content" / "b.md").write_text('{\n  "title": "a",\n  "\\ud800": 1\n}\n')
    status = main(["init", str(tmp_path)])
    out, err = capsys.readouterr()
    assert status == 1 and "Traceback" not in err
    assert "\x1b" not in out and not any(line.startswith("::error") for line in out.splitlines())
    assert "y\\x1b[2Jclear\\n::error::forged" in out
    assert "    1  FM003  yaml-syntax" in out  # the closing check's table (it prints no message)
    main(["check", "--no-cache", "--output-format", "concise", str(tmp_path)])
    assert "b.md:3:3: FM003 [error] the key at /\\ud800 escapes a lone surrogate" in capsys.readouterr().out
