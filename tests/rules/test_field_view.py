"""The field view reads each document by itself, whatever documents of other shapes came before.

The walk reuses how it read a container of the same shape at the same place (linter.rules.
field_trie); a run over thousands of made-up shapes must neither grow without bound nor
mix one document's keys with another's.
"""

from __future__ import annotations

import random

from helpers import lint_paths, only

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
