"""Open documents whose lines are the protocol's: only `\\n`, `\\r\\n` and `\\r` end a line.

pygls splits a buffer with `str.splitlines`, which also breaks at U+2028, U+2029, U+0085 and
a few control characters. The client does not (LSP counts only the three line ends), so one
U+2028 in the front matter shifted every line below it: incremental edits landed on the wrong
line and the buffer the server linted no longer matched the editor's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pygls.workspace import TextDocument, Workspace

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


class LspTextDocument(TextDocument):
    @property
    def lines(self) -> Sequence[str]:
        return tuple(_LINE.findall(self.source))


class LspWorkspace(Workspace):
    """pygls's workspace, making LspTextDocument documents."""

    def _create_text_document(
        self,
        doc_uri: str,
        source: str | None = None,
        version: int | None = None,
        language_id: str | None = None,
    ) -> TextDocument:
        return LspTextDocument(
            doc_uri,
            source=source,
            version=version,
            language_id=language_id,
            sync_kind=self._sync_kind,
            position_codec=self._position_codec,
        )


def use_protocol_lines(workspace: Any) -> None:
    """Make `workspace` (pygls's, built at `initialize`) create LspTextDocument documents."""
    if type(workspace) is Workspace:
        workspace.__class__ = LspWorkspace
