"""The field view reads each document by itself, whatever documents of other shapes came before.

The walk reuses how it read a container of the same shape at the same place (linter.rules.
field_trie); a run over thousands of made-up shapes must neither grow without bound nor
mix one document's keys with another's.
"""

from __future__ import annotations

import random

from helpers import lint_paths, only

from linter.config.presets import DEFAULT_PRESET, preset_roles
from linter.config.roles import parse_roles
from linter.reading.compose import Limits, compose_document
from linter.reading.frontmatter import FrontMatter, split_front_matter
from linter.rules.base import default_binder
from linter.rules.field_trie import WalkedRole
from linter.rules.fields import Binder

_FUTURE = "2031-05-01T00:00:00Z"
_PAST = "2024-04-02T09:30:00Z"


def _page(index: int, rng: random.Random) -> tuple[str, int]:
    """A news-article page with made-up extra keys around its date; the date's line."""
    keys = [f"k{index}_{n}: {n}" for n in range(rng.randrange(2, 12))]
    at = rng.randrange(len(keys) + 1)
    future = index % 3 == 0
    keys.insert(at, f"publishedDateTime: {_FUTURE if future else _PAST}")
    related = f"related:\n  - publishedDateTime: {_FUTURE}\n    k{index}: x\n" if index % 5 == 0 else ""
    text = "---\n" + "\n".join(keys) + "\n" + related + "---\n"
    return text, (at + 2 if future else 0)


def test_every_document_of_thousands_of_shapes_is_read_at_its_own_lines(tmp_path):
    rng = random.Random(7)
    pages = [_page(index, rng) for index in range(3000)]  # more shapes than the view keeps
    paths = []
    for index, (text, _) in enumerate(pages):
        path = tmp_path / f"p{index:04}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    found = only(lint_paths(tmp_path, paths, config={"select": ["FM201"]}), "FM201")
    lines = {(f.path.rsplit("/", 1)[-1], f.line) for f in found}
    expected = set()
    for index, (text, line) in enumerate(pages):
        if line:
            expected.add((f"p{index:04}.md", line))
        if index % 5 == 0:
            expected.add(
                (f"p{index:04}.md", text.splitlines().index(f"  - publishedDateTime: {_FUTURE}") + 1)
            )
    assert lines == expected


def test_the_same_shape_at_another_place_gets_its_own_pointers(tmp_path):
    text = (
        "---\npublishedDateTime: 2024-04-02T09:30:00Z\nrelated:\n"
        "  - publishedDateTime: 2024-04-01T00:00:00Z\n"
        f"  - publishedDateTime: {_FUTURE}\n"
        f"  - publishedDateTime: {_FUTURE}\n---\n"
    )
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    found = only(lint_paths(tmp_path, [path], config={"select": ["FM201"]}), "FM201")
    assert [(f.line, f.column, f.pointer) for f in found] == [
        (5, 24, "/related/1/publishedDateTime"),
        (6, 24, "/related/2/publishedDateTime"),
    ]


def _hits(text: str, role: WalkedRole) -> list[tuple[str, object]]:
    front = split_front_matter(text.encode(), 1 << 20)
    assert isinstance(front, FrontMatter)
    document, problems = compose_document("a.md", front, Limits())
    assert document is not None, problems
    return [(spot.pointer, value) for spot, value in default_binder().view(document).role(role)]


def test_a_small_mapping_is_read_whatever_the_order_and_number_of_its_keys():
    # The same views, in documents read one after the other: whichever shape came first.
    pages = {
        "name: Coastline Daily\n  domain: coastline.example": True,
        "domain: coastline.example\n  name: Coastline Daily": True,
        "domain: coastline.example\n  owner: x\n  1: one\n  true: yes\n  name: Coastline Daily": True,
        "domain: coastline.example": False,
    }
    for provider, named in pages.items():
        text = f"---\ntitle: T\nprovider:\n  {provider}\n---\n"
        assert _hits(text, "provider_domain") == [("/provider/domain", "coastline.example")]
        assert _hits(text, "texts") == ([("/provider/name", "Coastline Daily")] if named else [])
    assert _hits("---\nprovider:\n  - domain: coastline.example\n---\n", "provider_domain") == []
    assert _hits("---\nprovider: coastline.example\n---\n", "provider_domain") == []


def test_urls_keep_file_order_across_images_and_their_mappings():
    text = (
        "---\nimages:\n  - width: 1\n    url: https://a.example/1.jpg\n  - url: https://a.example/2.jpg\n"
        "  - https://a.example/3.jpg\n  - {}\nwebUrl: https://a.example/\n"
        "originalUrl: https://a.example/o\n---\n"
    )
    assert [pointer for pointer, _ in _hits(text, "urls")] == [
        "/images/0/url",
        "/images/1/url",
        "/webUrl",
        "/originalUrl",
    ]


def test_two_keys_of_one_mapping_bound_to_one_role_are_read_in_file_order():
    binder = Binder(parse_roles({"urls": ["/more/b", "/more/a"]}, preset_roles(DEFAULT_PRESET)))
    for first, second in (("a", "b"), ("b", "a"), ("a", "b")):
        text = (
            f"---\nmore:\n  {first}: https://a.example/{first}\n  {second}: https://a.example/{second}\n---\n"
        )
        front = split_front_matter(text.encode(), 1 << 20)
        assert isinstance(front, FrontMatter)
        document, _ = compose_document("a.md", front, Limits())
        assert document is not None
        pointers = [spot.pointer for spot, _ in binder.view(document).role("urls")]
        assert pointers == [f"/more/{first}", f"/more/{second}"]


def test_a_number_in_a_pattern_names_a_key_or_a_list_index():
    # YAML reads `1:` as the number 1 and the document keeps it as the key "1".
    binder = Binder(parse_roles({"urls": ["/more/1"]}, preset_roles(DEFAULT_PRESET)))
    for text in (
        "more:\n  a: https://a.example/a\n  1: https://a.example/1",
        "more:\n  - https://a.example/0\n  - https://a.example/1",
    ):
        front = split_front_matter(f"---\n{text}\n---\n".encode(), 1 << 20)
        assert isinstance(front, FrontMatter)
        document, _ = compose_document("a.md", front, Limits())
        assert document is not None
        assert [(spot.pointer, value) for spot, value in binder.view(document).role("urls")] == [
            ("/more/1", "https://a.example/1")
        ]
