"""`content-lint server`: the language server (LSP over stdio, on pygls).

Diagnostics while typing, with the project's own config, schema and cross-file index;
quick fixes: each finding's own fix (safe first, unsafe marked), and a suppression comment
for the line or the file; the schema's description on hover over a front-matter key. All linting goes through `Workspace`, as in the CLI.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from linter import __version__
from linter.config.projects import project_of
from linter.config.settings import ConfigError
from linter.findings import Finding
from linter.schema.check import SchemaError
from linter.server.workspace import Workspace

SOURCE = "content-lint"
RULES_URL = "https://github.com/content-lint/content-lint#rules"
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}


class ContentLintServer(LanguageServer):
    """Keeps one `Workspace` per project (per config file), built on first use."""

    def __init__(self) -> None:
        super().__init__(SOURCE, __version__)
        self.projects: dict[Path, Workspace] = {}
        self.failed: set[Path] = set()
        self._indexing: set[asyncio.Task[None]] = set()

    def workspace_for(self, path: Path) -> Workspace | None:
        """The project that lints `path`, or None: a file no config or detected framework
        covers, or one its project excludes or does not take as a page, gets no diagnostics."""
        try:
            project = project_of(path)
        except ConfigError as exc:
            self._fail_once(path.parent, str(exc))
            return None
        if project is None:
            self._log_once(path.parent, f"{path.parent}: no config or known site framework; not linted")
            return None
        config = project.config
        key = config.source or config.root
        if key not in self.projects:
            try:
                workspace = Workspace(config)
            except (ConfigError, SchemaError) as exc:
                self._fail_once(key, str(exc))
                return None
            self.projects[key] = workspace
            task = asyncio.get_running_loop().create_task(self._index(workspace))
            self._indexing.add(task)
            task.add_done_callback(self._indexing.discard)
        workspace = self.projects[key]
        return workspace if workspace.covers(str(path)) else None

    def publish(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri)
        project = self.workspace_for(Path(path)) if path else None
        if project is None or path is None:
            return
        findings = project.lint_text(path, document.source)
        diagnostics = [_diagnostic(document, f) for f in findings if f.path == path]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=diagnostics)
        )

    async def _index(self, project: Workspace) -> None:
        """Lint the project in a thread; then, back on the event loop (the only thread that
        may write to the client), publish the open files again with the cross-file context."""
        await asyncio.to_thread(project.index)
        for uri in list(self.workspace.text_documents):
            self.publish(uri)

    def _log_once(self, key: Path, message: str) -> None:
        """A note in the client's log, never a popup: a stray file is not an error."""
        if key not in self.failed:
            self.failed.add(key)
            self.window_log_message(types.LogMessageParams(types.MessageType.Log, f"{SOURCE}: {message}"))

    def _fail_once(self, key: Path, message: str) -> None:
        if key not in self.failed:
            self.failed.add(key)
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"{SOURCE}: {message}"))


def _diagnostic(document: Any, finding: Finding) -> types.Diagnostic:
    server_range = types.Range(
        start=types.Position(line=finding.line - 1, character=finding.column - 1),
        end=types.Position(line=finding.end_line - 1, character=finding.end_column - 1),
    )
    return types.Diagnostic(
        range=document.range_to_client_units(server_range),
        message=finding.message,
        severity=_SEVERITY[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=f"{RULES_URL}"),
        source=SOURCE,
        data={
            "rule": finding.rule,
            "pointer": finding.pointer,
            "fix": finding.fix.to_dict() if finding.fix is not None else None,
        },
    )


server = ContentLintServer()


@server.feature(types.INITIALIZED)
def initialized(ls: ContentLintServer, params: types.InitializedParams) -> None:
    from linter.server.documents import use_protocol_lines

    use_protocol_lines(ls.workspace)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ContentLintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ContentLintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ContentLintServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ContentLintServer, params: types.DidCloseTextDocumentParams) -> None:
    path = to_fs_path(params.text_document.uri)
    project = ls.workspace_for(Path(path)) if path else None
    if project is not None and path is not None:
        project.forget_edits(path)
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
    )


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_actions(ls: ContentLintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    from linter.server.actions import fix_actions, suppression_actions

    document = ls.workspace.get_text_document(params.text_document.uri)
    path = to_fs_path(params.text_document.uri)
    project = ls.workspace_for(Path(path)) if path else None
    if project is None or path is None:
        return []
    current = {
        _identity(_diagnostic(document, f)): f
        for f in project.lint_text(path, document.source)
        if f.path == path
    }
    ours = [d for d in params.context.diagnostics if d.source == SOURCE and _identity(d) in current]
    fixes = [(d, fix) for d in ours if (fix := current[_identity(d)].fix) is not None]
    return fix_actions(document, fixes) + suppression_actions(document, ours)


def _identity(diagnostic: types.Diagnostic) -> tuple[str, int, int, int, int, str]:
    """What makes a client's diagnostic the current text's: an older buffer's one is not."""
    start, end = diagnostic.range.start, diagnostic.range.end
    return (str(diagnostic.code), start.line, start.character, end.line, end.character, diagnostic.message)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: ContentLintServer, params: types.HoverParams) -> types.Hover | None:
    document = ls.workspace.get_text_document(params.text_document.uri)
    path = to_fs_path(params.text_document.uri)
    project = ls.workspace_for(Path(path)) if path else None
    if project is None or path is None:
        return None
    position = document.position_from_client_units(params.position)
    pointer = project.key_at(path, document.source, position.line + 1, position.character + 1)
    text = project.description(path, pointer) if pointer is not None else None
    if text is None:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=f"`{pointer}`: {text}")
    )


def serve() -> int:
    """Speak LSP on stdin/stdout until the client says exit."""
    server.start_io()
    return 0


__all__ = ["ContentLintServer", "serve", "server"]
