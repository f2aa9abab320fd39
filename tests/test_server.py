"""The language server, end to end: a real LSP client drives `content-lint server` over stdio."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest
from helpers import ARTICLE, REFERENCE_TIME

pytest.importorskip("pygls", reason="the language server is an optional extra (pygls)")
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

pytestmark = pytest.mark.timeout(60)


class Client(LanguageClient):
    """Collects published diagnostics; `wait_for` waits until a predicate holds on them."""

    def __init__(self) -> None:
        super().__init__("test-client", "1")
        self.published: dict[str, list[types.Diagnostic]] = {}
        self.messages: list[str] = []

    async def wait_for(self, uri: str, predicate, timeout: float = 30) -> list[types.Diagnostic]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not (uri in self.published and predicate(self.published[uri])):
            if loop.time() > deadline:
                raise AssertionError(f"no matching diagnostics for {uri}: {self.published.get(uri)}")
            await asyncio.sleep(0.02)
        return self.published[uri]


def make_client() -> Client:
    client = Client()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        client.published[params.uri] = params.diagnostics

    @client.feature(types.WINDOW_SHOW_MESSAGE)
    def on_message(params: types.ShowMessageParams) -> None:
        client.messages.append(params.message)

    return client


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME)
    content = tmp_path / "content"
    content.mkdir()
    (content / "other.md").write_text(ARTICLE)
    return tmp_path


async def session(root: Path, body) -> None:
    client = make_client()
    await client.start_io(sys.executable, "-m", "linter", "server")
    try:
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(), root_uri=from_fs_path(str(root)), process_id=None
            )
        )
        client.initialized(types.InitializedParams())
        await body(client)
    finally:
        # Shut down even when the body failed, so the server process always exits.
        await asyncio.wait_for(client.shutdown_async(None), 10)
        client.exit(None)
        await asyncio.wait_for(client.stop(), 10)


def open_file(client: Client, path: Path, text: str) -> str:
    uri = from_fs_path(str(path))
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    return uri


def codes(diagnostics) -> list[tuple[str, int, int, int]]:
    return sorted(
        (str(d.code), d.range.start.line, d.range.start.character, d.range.end.character) for d in diagnostics
    )


def test_diagnostics_change_fix_and_shutdown(site):
    path = site / "content" / "new.md"
    bad = ARTICLE.replace("sea-wall", "ferry").replace("quality: 50", "quality: 150")
    path.write_text(bad)

    async def body(client: Client) -> None:
        uri = open_file(client, path, bad)
        diagnostics = await client.wait_for(uri, lambda d: len(d) > 0)
        assert codes(diagnostics) == [("FM100", 8, 9, 12)]
        [diagnostic] = diagnostics
        assert diagnostic.severity == types.DiagnosticSeverity.Error
        assert diagnostic.source == "content-lint"
        assert diagnostic.code_description is not None

        fixed = bad.replace("quality: 150", "quality: 60")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
            )
        )
        await client.wait_for(uri, lambda d: len(d) == 0)

        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=bad)],
            )
        )
        diagnostics = await client.wait_for(uri, lambda d: len(d) == 1)
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=diagnostics[0].range,
                context=types.CodeActionContext(diagnostics=diagnostics),
            )
        )
        titles = [a.title for a in actions]
        assert titles == ["Disable FM100 for this line", "Disable FM100 for this file"]
        [edit] = actions[0].edit.document_changes[0].edits
        lines = bad.split("\n")
        applied = lines[edit.range.start.line][: edit.range.start.character] + edit.new_text
        assert applied == "quality: 150  # content-lint: disable=FM100"
        lines[edit.range.start.line] = applied
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=4),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text="\n".join(lines))],
            )
        )
        await client.wait_for(uri, lambda d: len(d) == 0)

    asyncio.run(session(site, body))


def test_a_duplicate_across_files_shows_while_typing(site):
    path = site / "content" / "copy.md"
    path.write_text("")  # on disk: nothing yet; the editor holds a copy of other.md

    async def body(client: Client) -> None:
        uri = open_file(client, path, ARTICLE)
        diagnostics = await client.wait_for(uri, lambda d: "FM404" in [str(x.code) for x in d])
        assert ("FM404", 6, 8, 62) in codes(diagnostics)  # the webUrl value on line 7

    asyncio.run(session(site, body))


def test_hover_shows_the_schema_description(site):
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {"title": {"$ref": "#/$defs/title"}},
        "$defs": {"title": {"type": "string", "description": "The page's title, shown in lists."}},
    }
    (site / "schema.json").write_text(json.dumps(schema))
    (site / "content-lint.toml").write_text('schema = "schema.json"\n')
    path = site / "content" / "page.md"
    text = "---\ntitle: Hello\n---\n"
    path.write_text(text)

    async def body(client: Client) -> None:
        uri = open_file(client, path, text)
        await client.wait_for(uri, lambda d: True)
        hover = await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(1, 2)
            )
        )
        assert hover is not None
        assert hover.contents.value == "`/title`: The page's title, shown in lists."
        nothing = await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(1, 9)
            )
        )
        assert nothing is None

    asyncio.run(session(site, body))


def test_a_bad_config_is_one_message_not_a_crash(site):
    (site / "content-lint.toml").write_text("nonsense = 1\n")
    path = site / "content" / "other.md"

    async def body(client: Client) -> None:
        open_file(client, path, ARTICLE)
        for _ in range(400):
            if client.messages:
                break
            await asyncio.sleep(0.05)
        [message] = client.messages
        assert "unknown key `nonsense`" in message

    asyncio.run(session(site, body))


def apply_edits(text: str, edits) -> str:
    """Apply LSP text edits (ASCII text, so UTF-16 units are characters), last first."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    spans = sorted(
        (
            (
                offsets[e.range.start.line] + e.range.start.character,
                offsets[e.range.end.line] + e.range.end.character,
                e.new_text,
            )
            for e in edits
        ),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def test_code_actions_offer_each_fix_safe_first(site):
    path = site / "content" / "fixable.md"
    text = (
        ARTICLE.replace("sea-wall", "tide-gate")
        .replace("  - Infrastructure\n", "  - Infrastructure\n  - Local\n")
        .replace('originalUrl: "https://', 'originalUrl: "http://')
    )
    path.write_text(text)

    async def body(client: Client) -> None:
        uri = open_file(client, path, text)
        diagnostics = await client.wait_for(uri, lambda d: {"FM402", "FM506"} <= {str(x.code) for x in d})
        ours = [d for d in diagnostics if str(d.code) in ("FM402", "FM506")]
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=ours[0].range,
                context=types.CodeActionContext(diagnostics=ours),
            )
        )
        fixes = [a for a in actions if not a.title.startswith("Disable")]
        assert [a.title for a in fixes] == [  # each says what it does, as ruff's do
            "Remove the repeated topic `Local`",
            "Use `https://` (unsafe: may change the meaning)",
        ]
        assert [a.is_preferred for a in fixes] == [True, False]
        fixed = apply_edits(text, fixes[0].edit.document_changes[0].edits)
        assert fixed == text.replace("  - Infrastructure\n  - Local\n", "  - Infrastructure\n")
        fixed = apply_edits(fixed, fixes[1].edit.document_changes[0].edits)
        assert 'originalUrl: "https://www.coastline.example/news/tide-gate-approved"' in fixed
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
            )
        )
        await client.wait_for(uri, lambda d: not {"FM402", "FM506"} & {str(x.code) for x in d})

    asyncio.run(session(site, body))


def test_a_stale_diagnostic_gets_no_fix_and_edits_carry_the_version(site):
    """The client asks for actions with a diagnostic of an older buffer: a line was added above
    the duplicate topic since. Its old range now holds another topic: no fix is offered."""
    path = site / "content" / "tags.md"
    text = ARTICLE.replace("sea-wall", "tide-gate").replace(
        "  - Infrastructure\n", "  - Infrastructure\n  - local\n"
    )
    path.write_text(text)

    async def body(client: Client) -> None:
        uri = open_file(client, path, text)
        diagnostics = await client.wait_for(uri, lambda d: "FM506" in {str(x.code) for x in d})
        old = [d for d in diagnostics if str(d.code) == "FM506"]
        newer = text.replace("topics:\n", "topics:\n  - Harbour\n")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=newer)],
            )
        )
        fresh = await client.wait_for(
            uri,
            lambda d: (
                [x.range.start.line for x in d if str(x.code) == "FM506"] == [old[0].range.start.line + 1]
            ),
        )
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=old[0].range,
            context=types.CodeActionContext(diagnostics=old),
        )
        assert not await client.text_document_code_action_async(params)
        params.context = types.CodeActionContext(diagnostics=[d for d in fresh if str(d.code) == "FM506"])
        actions = await client.text_document_code_action_async(params)
        [fix] = [a for a in actions if a.title.startswith("Remove the repeated topic")]
        [change] = fix.edit.document_changes
        assert change.text_document.version == 2
        assert apply_edits(newer, change.edits) == newer.replace("  - local\n", "")

    asyncio.run(session(site, body))


def test_a_u2028_in_the_front_matter_does_not_shift_incremental_edits(site):
    """LSP ends lines at \\n, \\r\\n and \\r only: a U+2028 inside the title is not a line end,
    so an edit sent for line `quality:` lands on that line."""
    path = site / "content" / "sep.md"
    text = (
        ARTICLE.replace("sea-wall", "sep-wall")
        .replace('"Harbour council approves new sea wall"', '"Harbour council\\u2028approves new sea wall"')
        .replace("\\u2028", "\u2028")
    )
    path.write_text(text)
    line = text.split("\n").index("quality: 50")

    async def body(client: Client) -> None:
        uri = open_file(client, path, text)
        await client.wait_for(uri, lambda d: True)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(line, 9), types.Position(line, 11)), text="150"
                    )
                ],
            )
        )
        diagnostics = await client.wait_for(uri, lambda d: any(str(x.code) == "FM100" for x in d))
        assert sorted((str(d.code), d.range.start.line, d.range.start.character) for d in diagnostics) == [
            ("FM100", line, 9),
            ("FM502", 2, 7),  # the title's U+2028 is a line break to YAML: a finding of its own
        ]

    asyncio.run(session(site, body))
