"""Reporter registry: one module per output format, all rendering the same Finding records."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from linter.reporters.base import Reporter, RunSummary
from linter.reporters.concise import ConciseReporter
from linter.reporters.json import JsonReporter

REPORTERS: dict[str, Callable[[TextIO], Reporter]] = {
    "concise": ConciseReporter,
    "json": JsonReporter,
}

__all__ = ["REPORTERS", "Reporter", "RunSummary"]
