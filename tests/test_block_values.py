"""Front matter read line by line (no node graph) reports exactly what the composer would:
the same findings at the same lines and columns, the same JSON report, byte for byte."""

from __future__ import annotations

import json
import random
import shutil

import pytest
from helpers import ARTICLE, EXAMPLES, NOW_TEXT
from hypothesis import given
from hypothesis import strategies as st
from mutations import mutate

from linter.cli import main
from linter.reading import compose
from linter.reading.compose import Limits, compose_document
from linter.reading.frontmatter import LOOSE_FENCES, FrontMatter, split_front_matter


def _report(folder, capsys) -> str:
    main(
        [
            "check",
            "--no-cache",
            "--jobs",
            "1",
            "--reference-time",
            NOW_TEXT,
            "--output-format",
            "json",
            str(folder),
        ]
    )
    return capsys.readouterr().out


def _both(folder, capsys, monkeypatch) -> tuple[str, str]:
    """The JSON report of `folder` with the line reader, and with every block composed."""
    fast = _report(folder, capsys)
    with monkeypatch.context() as patch:
        patch.setattr(compose, "block_values", lambda text, max_depth, line_breaks=None: None)
        composed = _report(folder, capsys)
    return fast, composed


def _read(text: str):
    return compose_document("page.md", FrontMatter(text, text.count("\n") + 1), Limits())


@pytest.mark.parametrize(
    "block",
    [
        "---\ntitle: Tide tables\ndraft: false\nweight: 3\nratio: 1.5\nnothing:\nmore: ~\n",
        "---\ntags:\n- harbour\n- 'it''s'\ncount: 0x1F\n",
        '---\nimages:\n  - url: "https://cdn.example/a.jpg"\n    width: 800\n  -   plain\nlast: -4\n',
        "---\nhero:\n  title: Ferry\n  actions:\n  - text: Go\n    link: /start/\n\n# a comment\nkey:   spaced   \n",
        "---\nrelated:\n  - provider:\n      name: Bay\n    date: 2024-03-28 14:00:00 +0000\n",
    ],
)
def test_plain_blocks_are_read_without_a_node_graph_and_as_composed(block, monkeypatch):
    document, problems = _read(block)
    assert document is not None and document.spots is not None and not problems
    with monkeypatch.context() as patch:
        patch.setattr(compose, "block_values", lambda text, max_depth, line_breaks=None: None)
        composed, _ = _read(block)
    assert json.dumps(document.data) == json.dumps(composed.data)
    assert [type(v) for v in document.data.values()] == [type(v) for v in composed.data.values()]
    for key in document.data:
        for target in ("key", "value"):
            assert document.locate(f"/{key}", target) == composed.locate(f"/{key}", target)


@pytest.mark.parametrize(
    "block",
    [
        '---\ntitle: "a \\"quoted\\" word"\n',  # escapes
        "---\ntitle: Tide\ntitle: Again\n",  # a repeated key: FM004
        "---\ntitle: Tide\n  tables\n",  # a value over two lines
        "---\ntags: [a, b]\n",  # a flow list
        "---\nbody: |\n  text\n",  # a block scalar
        "---\ntitle: Tide # a comment\n",
        "---\ntitle:\tTide\n",
        "---\r\ntitle: Tide\r\n",
        "---\nbase: &b x\n",
        "---\nbase: x\nother: *b\n",
        "---\ntitle: !str x\n",
        "---\n<<: x\n",
        "---\n" + "".join(" " * i + f"k{i}:\n" for i in range(70)) + " " * 70 + "k: v\n",  # too deep
        "---\n" + "k" * 120 + ": long key\n",
        "---\ntitle: " + "x" * 1000 + "\n",
    ],
)
def test_anything_else_is_composed(block):
    document, _ = _read(block)
    assert document is None or document.spots is None


def test_findings_in_a_line_read_file_point_where_the_composer_points(tmp_path, capsys, monkeypatch):
    # Top-level values (placed without composing), nested ones (composed on demand), a
    # suppression comment (which needs the scalars' regions) and a duplicate across files.
    page = ARTICLE.replace("quality: 50", "quality: 150").replace(
        '      - url: "https://bayobserver.example/media/surge-map.png"',
        '      - url: "http://bayobserver.example/media/surge-map.png"',
    )
    (tmp_path / "a.md").write_text(page, encoding="utf-8")
    (tmp_path / "b.md").write_text(
        ARTICLE.replace("heat: 2\n", "heat: 2\n# content-lint: disable-file=FM101\n")
    )
    fast, composed = _both(tmp_path, capsys, monkeypatch)
    assert fast == composed
    found = {
        (f["code"], f["path"].rsplit("/", 1)[-1], f["line"], f["column"])
        for f in json.loads(fast)["findings"]
    }
    assert found == {
        ("FM100", "a.md", 9, 10),  # quality
        ("FM402", "a.md", 34, 14),  # related[0].images[0].url, over http
        ("FM404", "a.md", 7, 9),  # webUrl, the same page as b.md's
        ("FM404", "b.md", 7, 9),
        ("FM009", "b.md", 11, 1),  # the directive silences nothing
    }


def test_every_example_site_reports_the_same_bytes(tmp_path, capsys, monkeypatch):
    copy = shutil.copytree(EXAMPLES, tmp_path / "examples")
    fast, composed = _both(copy, capsys, monkeypatch)
    assert fast == composed and json.loads(fast)["findings"]


def test_damaged_articles_report_the_same_bytes(tmp_path, capsys, monkeypatch):
    seeds = [ARTICLE.encode(), *(p.read_bytes() for p in sorted((EXAMPLES / "content").iterdir()))]
    rng = random.Random(23)
    for number in range(300):
        (tmp_path / f"page{number:03}.md").write_bytes(mutate(rng.choice(seeds), rng, rng.randint(1, 2)))
    fast, composed = _both(tmp_path, capsys, monkeypatch)
    assert fast == composed


NESTED = """---
title: Ferry
related:
  - title: 'Harbour''s tide'
    publishedDateTime: 2024-03-28T14:00:00Z
    provider:
      name: "Bay Observer"
    tags:
    - surge
    -   map
  - plain item
  - "quoted item"
hero:
  actions:
  - link: /start/
  size: 3
""".replace("-   map", "-   map   ")  # spaces after a value
SCALARS = [
    "/title",
    "/related/0/title",
    "/related/0/publishedDateTime",
    "/related/0/provider/name",
    "/related/0/tags/0",
    "/related/0/tags/1",
    "/related/1",
    "/related/2",
    "/hero/actions/0/link",
    "/hero/size",
]


def _facts(node):
    if node is None:
        return None
    marks = [(mark.index, mark.line, mark.column) for mark in (node.start_mark, node.end_mark)]
    return node.id, node.value if node.id == "scalar" else None, getattr(node, "style", None), marks


def test_a_nested_scalar_is_found_without_composing_and_as_composed(monkeypatch):
    # How a date is written and where a nested value is, without loading libyaml.
    document, _ = _read(NESTED)
    with monkeypatch.context() as patch:
        patch.setattr(compose, "block_values", lambda text, max_depth, line_breaks=None: None)
        composed, _ = _read(NESTED)
    assert document is not None and composed is not None
    for pointer in SCALARS:
        assert list(map(_facts, document.nodes(pointer))) == list(map(_facts, composed.nodes(pointer)))
        for target in ("key", "value"):
            assert document.locate(pointer, target) == composed.locate(pointer, target)
    assert document.root is None  # never composed
    for pointer in ("/related/0", "/related/0/tags", "/hero", "/missing", "/related/9/title"):
        assert list(map(_facts, document.nodes(pointer))) == list(map(_facts, composed.nodes(pointer)))
    assert document.root is not None  # a mapping, a list or a missing value: the graph's answer


SPOTS_BLOCK = (
    "---\n"
    "title: A quiet harbour   \n"
    "#note: a comment, not a key\n"
    "webUrl: https://example.org/harbour/\n"
    "x.y-z: 3\n"
    "tags:\n"
    "  - sea\n"
    "author:\n"
    "  name: Ann\n"
    "titles: second\n"
)
SPOTS_POINTERS = [
    "", "/", "/title", "/title/0", "/webUrl", "/x.y-z", "/tags", "/tags/0", "/author", "/author/name",
    "/titles", "/missing", "/#note", "/x.y~1z", "/x.y~0z", "/ title", "//title",
]  # fmt: skip


@pytest.mark.parametrize("target", ["value", "key"])
def test_positions_from_the_line_reader_are_the_composers(target):
    document, problems = compose_document("page.md", FrontMatter(SPOTS_BLOCK, 11), Limits())
    assert document is not None and not problems and document.root is None  # read line by line
    fast = [document.locate(pointer, target) for pointer in SPOTS_POINTERS]
    document.node_graph()  # composed: every position now comes from the node graph
    assert fast == [document.locate(pointer, target) for pointer in SPOTS_POINTERS]
    assert fast[2] == ((2, 1, 2, 6) if target == "key" else (2, 8, 2, 23))


_PIECES = [
    b"---",
    b"...",
    b"+++",
    b"--- ",
    b"{",
    b"}",
    b"",
    b"a: 1",
    b"  - x",
    b"\r",
    b"  ",
    b'"s"',
    b"\xef\xbb\xbf",
]
_FLAVOURS = [
    ("yaml",),
    ("toml",),
    ("json",),
    ("yaml", "toml", "json"),
    ("yaml", "toml", "json", LOOSE_FENCES),
]


@given(
    parts=st.lists(st.sampled_from(_PIECES), max_size=12),
    flavours=st.sampled_from(_FLAVOURS),
    fence_spaces=st.booleans(),
)
def test_a_front_matter_closes_on_the_line_after_its_last_line_break(parts, flavours, fence_spaces):
    """The composer hands `closing_line - 1` to the line reader as the block's count of line
    breaks (so the block is not counted twice): every FrontMatter must agree with its text."""
    front = split_front_matter(b"\n".join(parts), 1 << 20, flavours, fence_spaces)
    if isinstance(front, FrontMatter):
        assert front.closing_line == front.text.count("\n") + 1
