"""Quick fixes offered for a diagnostic: a suppression comment for its line, or for the file.

Comments are `#` comments, which YAML and TOML front matter both have (JSON has none, so
nothing is offered there). A line comment goes at the end of the diagnostic's first line, a
file comment right after the opening fence: both are where `suppression.py` looks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lsprotocol import types

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
        edit=types.WorkspaceEdit(changes={document.uri: [edit]}),
    )
