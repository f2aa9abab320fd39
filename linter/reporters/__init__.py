"""Reporter registry: one module per output format, all rendering the same Finding records."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from linter.reporters.base import Reporter, RunSummary
from linter.reporters.concise import ConciseReporter
from linter.reporters.full import FullReporter
from linter.reporters.github import GithubReporter
from linter.reporters.gitlab import GitlabReporter
from linter.reporters.json import JsonReporter
from linter.reporters.jsonlines import JsonLinesReporter
from linter.reporters.junit import JunitReporter
from linter.reporters.sarif import SarifReporter

REPORTERS: dict[str, Callable[[TextIO], Reporter]] = {
    "full": FullReporter,
    "concise": ConciseReporter,
    "json": JsonReporter,
    "json-lines": JsonLinesReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
    "gitlab": GitlabReporter,
}

__all__ = ["REPORTERS", "Reporter", "RunSummary"]
