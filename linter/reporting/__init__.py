"""Reporter registry: one module per output format, all rendering the same Finding records.

Modules are imported when their format is used: a run prints in one format, and importing all
eight (XML, SARIF, ...) cost ~20 ms of every start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TextIO

from linter.reporting.base import Reporter, RunSummary

_WHERE: dict[str, tuple[str, str]] = {
    "full": ("full", "FullReporter"),
    "concise": ("concise", "ConciseReporter"),
    "json": ("json", "JsonReporter"),
    "json-lines": ("jsonlines", "JsonLinesReporter"),
    "github": ("github", "GithubReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "junit": ("junit", "JunitReporter"),
    "gitlab": ("gitlab", "GitlabReporter"),
    "markdown": ("markdown", "MarkdownReporter"),
}


class _Registry(Mapping[str, Callable[[TextIO], Reporter]]):
    """Format name -> reporter class, importing the class's module on first use."""

    def __getitem__(self, name: str) -> Callable[[TextIO], Reporter]:
        module, attribute = _WHERE[name]
        reporter: Callable[[TextIO], Reporter] = getattr(
            importlib.import_module(f"linter.reporting.{module}"), attribute
        )
        return reporter

    def __contains__(self, name: object) -> bool:  # a name check imports nothing
        return name in _WHERE

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


REPORTERS: Mapping[str, Callable[[TextIO], Reporter]] = _Registry()


def format_module(name: str) -> str:
    """The module that renders format `name`: a run that prints another format never loads it."""
    return f"linter.reporting.{_WHERE[name][0]}"


def formats_markdown_list() -> str:
    """The README's list of output formats, each told by its module's docstring (first paragraph)."""
    lines = []
    for name in REPORTERS:
        doc = importlib.import_module(format_module(name)).__doc__ or ""
        paragraph = " ".join(doc.strip().split("\n\n")[0].split())
        lines.append(f"- `{name}`: {paragraph}")
    return "\n".join(lines) + "\n"


__all__ = ["REPORTERS", "Reporter", "RunSummary", "format_module", "formats_markdown_list"]
