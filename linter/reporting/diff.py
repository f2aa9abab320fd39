"""`--diff`: what `--fix` would change in a file, as a unified diff headed by what each fix does."""

from __future__ import annotations

import difflib

from linter.reporting.escape import one_line, shown_name
from linter.running.fixing import FileFix


def unified_diff(outcome: FileFix) -> str:
    before = outcome.original.decode("utf-8", "surrogateescape").splitlines(keepends=True)
    after = outcome.fixed.decode("utf-8", "surrogateescape").splitlines(keepends=True)
    name = shown_name(outcome.path)  # a page name must not forge a line (`::error ...`)
    lines = difflib.unified_diff(before, after, f"a/{name}", f"b/{name}")
    # What the fixes do, before the file's diff (patch and git apply skip such lines); titles
    # quote page text (a topic), so they are escaped like every report.
    header = "".join(f"# {one_line(title)}\n" for title in outcome.titles)
    return header + "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
