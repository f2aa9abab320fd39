"""jsonschema-rs, imported without the `email.utils` its extension loads for one date.

At start-up the extension calls `email.utils.parsedate_to_datetime` once, on its own build time,
to fill its `__build__` metadata (pyo3-built); importing `email.utils` (socket, random,
calendar, email.charset, ...) costs ~38 M instructions, a tenth of a one-file run. While the
extension loads, a stand-in module answers that call exactly for the one form pyo3-built writes
(`Thu, 12 Nov 2026 07:50:16 +0000`) and hands any other date or name to the real module, so no
result differs; the stand-in is gone as soon as the import is done. Import the engine from here.
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

_NAME = "email.utils"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon,", "Tue,", "Wed,", "Thu,", "Fri,", "Sat,", "Sun,")


def _real_email_utils() -> ModuleType:
    if isinstance(sys.modules.get(_NAME), _StandIn):
        del sys.modules[_NAME]
    import email.utils

    return email.utils


def parsedate_to_datetime(data: str) -> datetime.datetime:
    """`email.utils.parsedate_to_datetime`, without importing it for a UTC date in the one form
    RFC 2822 writers use; anything else is the real function's."""
    found = _utc_fields(data) if isinstance(data, str) else None
    if found is not None:
        try:
            return datetime.datetime(*found, tzinfo=datetime.timezone.utc)
        except ValueError:
            pass  # day 31 of a short month: the real function's own error
    result: datetime.datetime = _real_email_utils().parsedate_to_datetime(data)
    return result


def _utc_fields(data: str) -> tuple[int, int, int, int, int, int] | None:
    """(year, month, day, hour, minute, second) of exactly `Thu, 12 Nov 2026 07:50:16 +0000`
    (a day of one or two digits), else None. String methods, not a regex: this runs once in
    every run, and compiling a pattern for it cost more than the rest of the stand-in."""
    parts = data.split(" ")
    if len(parts) != 6 or parts[0] not in _DAYS or parts[2] not in _MONTHS or parts[5] != "+0000":
        return None
    day, year, clock = parts[1], parts[3], parts[4].split(":")
    numbers = [day, year, *clock]
    shaped = len(day) in (1, 2) and len(year) == 4 and len(clock) == 3 and all(len(n) == 2 for n in clock)
    if not shaped or not all(n.isascii() and n.isdigit() for n in numbers):
        return None
    hour, minute, second = (int(n) for n in clock)
    return int(year), _MONTHS.index(parts[2]) + 1, int(day), hour, minute, second


class _StandIn(ModuleType):
    """`email.utils` for the length of the engine's import."""

    parsedate_to_datetime = staticmethod(parsedate_to_datetime)

    def __getattr__(self, name: str) -> Any:
        return getattr(_real_email_utils(), name)


@contextmanager
def _email_utils_deferred() -> Iterator[None]:
    if _NAME in sys.modules:  # already paid for: nothing to save
        yield
        return
    stand_in = _StandIn(_NAME)
    sys.modules[_NAME] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(_NAME) is stand_in:
            del sys.modules[_NAME]


with _email_utils_deferred():
    import jsonschema_rs as jsonschema_rs
