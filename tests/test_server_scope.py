"""The editor lints only what the project lints: a file a config or a detected framework covers
and does not exclude. A shopping list, a README or an excluded draft gets no diagnostics, and a
stray note never makes its folder a project (no walk, no cache folder written)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from helpers import write

pytest.importorskip("pygls", reason="the language server is an optional extra (pygls)")
from lsprotocol import types
from test_server import Client, codes, open_file, session

pytestmark = pytest.mark.timeout(60)

HUGO_PAGE = "---\ntitle: Tides\ndate: 2024-01-01\nlastmod: 2023-01-01\n---\nText.\n"


async def quiet(client: Client, uri: str) -> None:
    """Nothing was published for `uri`: the server handles messages in order, so once it has
    answered a request sent after the file was opened, what opening it publishes has come."""
    position = types.Position(line=0, character=0)
    await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), position))
    assert client.published.get(uri, []) == []


def test_a_stray_note_gets_nothing_and_leaves_no_cache(tmp_path: Path) -> None:
    write(tmp_path, {"notes/shopping.md": "milk\neggs\n", "notes/idea.md": "---\nquality: 150\n---\n"})
    (tmp_path / ".git").mkdir()

    async def body(client: Client) -> None:
        for name in ("shopping.md", "idea.md"):
            uri = open_file(client, tmp_path / "notes" / name, (tmp_path / "notes" / name).read_text())
            await quiet(client, uri)

    asyncio.run(session(tmp_path, body))
    assert not (tmp_path / "notes" / ".content-lint-cache").exists()


def test_a_detected_site_lints_its_pages_only(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"hugo.toml": "title = 'Tides'\n", "content/posts/tides.md": HUGO_PAGE, "README.md": HUGO_PAGE},
    )
    (tmp_path / ".git").mkdir()

    async def body(client: Client) -> None:
        readme = open_file(client, tmp_path / "README.md", HUGO_PAGE)
        page = open_file(client, tmp_path / "content/posts/tides.md", HUGO_PAGE)
        diagnostics = await client.wait_for(page, lambda d: len(d) > 0)
        assert codes(diagnostics) == [("FM204", 3, 9, 19)]  # lastmod before date
        assert client.published.get(readme, []) == []

    asyncio.run(session(tmp_path, body))


def test_an_excluded_file_gets_no_diagnostics(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "hugo"\nexclude = ["content/drafts/"]\n',
            "content/drafts/tides.md": HUGO_PAGE,
            "content/tides.md": HUGO_PAGE,
        },
    )

    async def body(client: Client) -> None:
        draft = open_file(client, tmp_path / "content/drafts/tides.md", HUGO_PAGE)
        page = open_file(client, tmp_path / "content/tides.md", HUGO_PAGE)
        await client.wait_for(page, lambda d: len(d) > 0)
        assert client.published.get(draft, []) == []

    asyncio.run(session(tmp_path, body))
