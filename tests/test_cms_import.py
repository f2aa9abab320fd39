"""Importing content types from Front Matter CMS and Decap CMS configs."""

from __future__ import annotations

import json
import os

import jsonschema_rs
import pytest

from linter.adopting.cms import CmsConfigError
from linter.adopting.cms_import import import_cms_config
from linter.config.roles import Roles, RoleSet, parse_roles

FRONT_MATTER = {
    "$schema": "https://frontmatter.codes/frontmatter.schema.json",
    "frontMatter.taxonomy.contentTypes": [
        {
            "name": "article",
            "fields": [
                {"title": "Title", "name": "title", "type": "string", "required": True},
                {"title": "Summary", "name": "description", "type": "string"},
                {"title": "Published", "name": "pubDate", "type": "datetime", "isPublishDate": True},
                {"title": "Revised", "name": "revised", "type": "datetime", "isModifiedDate": True},
                {"title": "Cover", "name": "cover", "type": "image"},
                {"title": "Labels", "name": "labels", "type": "tags"},
                {"title": "Section", "name": "section", "type": "choice", "choices": ["news", "guides"]},
                {"title": "Address", "name": "slug", "type": "slug"},
                {"title": "-", "name": "split", "type": "divider"},
                {
                    "title": "Author",
                    "name": "author",
                    "type": "fields",
                    "fields": [{"title": "Name", "name": "name", "type": "string", "required": True}],
                },
                {"title": "Map", "name": "where", "type": "geoPin"},
            ],
        }
    ],
    "frontMatter.content.pageFolders": [
        {"title": "Articles", "path": "[[workspace]]/content/articles", "contentTypes": ["article"]},
        {"title": "Notes", "path": "[[workspace]]/content/notes"},
    ],
}

DECAP = """\
backend:
  name: git-gateway
media_folder: static/uploads
public_folder: /uploads
collections:
  - name: posts
    label: Posts
    folder: content/posts
    create: true
    fields:
      - {label: Title, name: title, widget: string}
      - {label: Date, name: date, widget: datetime}
      - {label: Updated, name: lastmod, widget: datetime, required: false}
      - {label: Hero, name: hero, widget: image, required: false}
      - {label: Rating, name: rating, widget: number, value_type: int, min: 1, max: 5}
      - {label: Kind, name: kind, widget: select, options: [essay, {label: Link, value: link}]}
      - {label: Tags, name: tags, widget: list, required: false}
      - label: Links
        name: links
        widget: list
        required: false
        fields:
          - {label: Address, name: href, widget: string}
      - {label: Colour, name: colour, widget: swatch, required: false}
      - {label: Body, name: body, widget: markdown}
  - name: pages
    label: Pages
    files:
      - {name: about, label: About, file: content/about.md, fields: [{name: title, widget: string}]}
"""


def validator(schema):
    return jsonschema_rs.validator_for(schema, validate_formats=True)


def failing_paths(check, document) -> list[list[object]]:
    return [list(error.instance_path) for error in check.iter_errors(document)]


def test_front_matter_cms_fields_become_a_schema(tmp_path):
    (tmp_path / "frontmatter.json").write_text(json.dumps(FRONT_MATTER))
    [article] = import_cms_config(tmp_path / "frontmatter.json")
    assert article.name == "article"
    assert article.paths == ["/content/articles/", "/content/notes/"]
    schema = article.schema
    assert schema["required"] == ["title"]
    assert "split" not in schema["properties"]
    check = validator(schema)
    good = {
        "title": "A",
        "pubDate": "2024-01-01",
        "cover": "/img/a.png",
        "labels": ["x"],
        "section": "news",
        "author": {"name": "Ann"},
        "where": [1, 2],
    }
    assert list(check.iter_errors(good)) == []
    assert failing_paths(check, {**good, "section": "blog"}) == [["section"]]
    assert failing_paths(check, {**good, "author": {}}) == [["author"]]


def test_front_matter_cms_roles(tmp_path):
    (tmp_path / "frontmatter.json").write_text(json.dumps(FRONT_MATTER))
    [article] = import_cms_config(tmp_path / "frontmatter.json")
    assert article.roles == {
        "published": ["/pubDate"],
        "dates": ["/pubDate", "/revised"],
        "future": ["/pubDate", "/revised"],
        "date-order": [["/pubDate", "/revised"]],
        "identity": ["/slug"],
        "images": ["/cover"],
        "title": ["/title"],
        "description": ["/description"],
        "texts": ["/labels/*"],
        "tags": ["/labels"],
    }
    parse_roles(article.roles, Roles(RoleSet(), RoleSet()))  # the real [roles] format: no ValueError
    assert article.notes == ["article: field /where has kind 'geoPin', unknown here: any value allowed"]


def test_decap_collections_become_types(tmp_path):
    admin = tmp_path / "static" / "admin"
    admin.mkdir(parents=True)
    (admin / "config.yml").write_text(DECAP)
    posts, about = import_cms_config(admin / "config.yml")
    assert (posts.name, posts.paths) == ("posts", ["/content/posts/"])
    assert (about.name, about.paths) == ("pages/about", ["/content/about.md"])
    assert posts.schema["required"] == ["title", "date", "rating", "kind"]  # required unless false
    assert "body" not in posts.schema["properties"]
    assert posts.schema["properties"]["rating"] == {"type": "integer", "minimum": 1, "maximum": 5}
    assert posts.roles["date-order"] == [["/date", "/lastmod"]]
    assert posts.roles["published"] == ["/date"]
    assert posts.roles["tags"] == ["/tags"]
    assert posts.roles["texts"] == ["/tags/*"]
    assert posts.roles["images"] == ["/hero"]
    check = validator(posts.schema)
    good = {
        "title": "T",
        "date": "2024-01-01T00:00:00Z",
        "rating": 3,
        "kind": "link",
        "links": [{"href": "/a"}],
    }
    assert list(check.iter_errors(good)) == []
    assert failing_paths(check, {**good, "rating": 9}) == [["rating"]]
    assert failing_paths(check, {**good, "links": [{}]}) == [["links", 0]]
    assert posts.notes == ["posts: field /colour has kind 'swatch', unknown here: any value allowed"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("frontmatter.json", "{not json", "cannot be parsed"),
        ("config.yml", "a: [", "cannot be parsed"),
        ("config.yml", "title: a site\n", "neither a Front Matter CMS nor a Decap CMS config"),
    ],
)
def test_unreadable_configs_are_one_clear_error(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    with pytest.raises(CmsConfigError, match=message):
        import_cms_config(tmp_path / name)


def test_a_fifo_config_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "config.yml")
    with pytest.raises(CmsConfigError, match="not a regular file"):
        import_cms_config(tmp_path / "config.yml")


def test_odd_shapes_never_crash(tmp_path):
    odd = {
        "frontMatter.taxonomy.contentTypes": [
            {"fields": [{"type": "fields", "fields": "x"}, 3, {"name": 5}]},
            "x",
        ]
    }
    (tmp_path / "frontmatter.json").write_text(json.dumps(odd))
    [only] = import_cms_config(tmp_path / "frontmatter.json")
    assert only.name == "default"
