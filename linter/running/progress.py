"""A one-line progress bar on an interactive stderr; silent everywhere else (CI logs, pipes)."""

from __future__ import annotations

import time
from typing import TextIO

MIN_FILES_FOR_PROGRESS = 300
_WIDTH = 30
_INTERVAL_SECONDS = 0.1


class Progress:
    def __init__(self, stream: TextIO, total: int, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled and total >= MIN_FILES_FOR_PROGRESS
        self.done = 0
        self._last = 0.0

    @staticmethod
    def wanted(stream: TextIO, machine_format: bool, quiet: bool) -> bool:
        isatty = getattr(stream, "isatty", None)
        return bool(isatty and isatty()) and not machine_format and not quiet

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= _INTERVAL_SECONDS or self.done >= self.total:
            self._last = now
            filled = _WIDTH * self.done // max(self.total, 1)
            bar = "#" * filled + "-" * (_WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (_WIDTH + 30) + "\r")
            self.stream.flush()
