"""Quick fixes offered for a diagnostic: its own fix, then a suppression comment for its line
or for the file.

A diagnostic the client sends back may be from an older version of the buffer: only one that
the current text still gives (same code, range and message) gets actions, built from the
current finding's fix (not from the diagnostic's `data`, which the client may change), in the
editor's units, and tagged with the buffer's version.

Comments are `#` comments, which YAML and TOML front matter both have (JSON has none, so
nothing is offered there). A line comment goes at the end of the diagnostic's first line, a
file comment right after the opening fence: both are where `suppression.py` looks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lsprotocol import types

from linter.fixes import Fix
from linter.reporting.escape import one_line

DIRECTIVE = "# content-lint:"
_FENCES = {"---": ("---", "..."), "+++": ("+++",)}


def suppression_actions(document: Any, diagnostics: Sequence[types.Diagnostic]) -> list[types.CodeAction]:
    lines = document.lines
    closing = _closing_line(lines)
    if closing is None:
        return []
    actions = []
    for diagnostic in diagnostics:
        code = str(diagnostic.code)
        line = document.range_from_client_units(diagnostic.range).start.line
        if 0 < line < closing and DIRECTIVE not in lines[line]:
            end = len(lines[line].rstrip("\r\n"))
            actions.append(
                _action(
                    document,
                    f"Disable {code} for this line",
                    line,
                    end,
                    f"  # content-lint: disable={code}",
                    diagnostic,
                )
            )
        actions.append(
            _action(
                document,
                f"Disable {code} for this file",
                1,
                0,
                f"# content-lint: disable-file={code}\n",
                diagnostic,
            )
        )
    return actions


def fix_actions(document: Any, fixes: Sequence[tuple[types.Diagnostic, Fix]]) -> list[types.CodeAction]:
    """Each diagnostic's own fix (as the current text gives it, see lsp.py), safe ones first;
    an unsafe one says so in its title."""
    actions = []
    for diagnostic, fix in fixes:
        edits = [
            types.TextEdit(
                range=_client_range(document, e.line, e.column, e.end_line, e.end_column), new_text=e.content
            )
            for e in fix.edits
        ]
        unsafe = fix.applicability == "unsafe"
        what = one_line(fix.title) if fix.title else f"Fix {diagnostic.code}"
        title = f"{what}{' (unsafe: may change the meaning)' if unsafe else ''}"
        actions.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=not unsafe,
                edit=versioned(document, edits),
            )
        )
    return sorted(actions, key=lambda action: not action.is_preferred)


def _client_range(document: Any, line: int, column: int, end_line: int, end_column: int) -> types.Range:
    server = types.Range(
        start=types.Position(line - 1, column - 1), end=types.Position(end_line - 1, end_column - 1)
    )
    return document.range_to_client_units(server)  # type: ignore[no-any-return]


def _closing_line(lines: Sequence[str]) -> int | None:
    """The index of the closing fence, when the file opens with a `#`-comment front matter."""
    if not lines:
        return None
    closers = _FENCES.get(lines[0].lstrip("\ufeff").rstrip("\r\n"))
    if closers is None:
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n") in closers:
            return index
    return None


def _action(
    document: Any, title: str, line: int, character: int, text: str, diagnostic: types.Diagnostic
) -> types.CodeAction:
    at = document.range_to_client_units(
        types.Range(start=types.Position(line, character), end=types.Position(line, character))
    )
    edit = types.TextEdit(range=at, new_text=text)
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=versioned(document, [edit]),
    )


def versioned(document: Any, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    """Edits for the buffer's version they were computed on: a client applies them to that
    version only, never to a newer text where the same range holds something else."""
    identifier = types.OptionalVersionedTextDocumentIdentifier(uri=document.uri, version=document.version)
    return types.WorkspaceEdit(
        document_changes=[types.TextDocumentEdit(text_document=identifier, edits=edits)]
    )
