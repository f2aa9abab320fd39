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
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

_NAME = "email.utils"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UTC_DATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{1,2}) ([A-Z][a-z]{2}) ([0-9]{4}) "
    r"([0-9]{2}):([0-9]{2}):([0-9]{2}) \+0000"
)


def _real_email_utils() -> ModuleType:
    if isinstance(sys.modules.get(_NAME), _StandIn):
        del sys.modules[_NAME]
    import email.utils

    return email.utils


def parsedate_to_datetime(data: str) -> datetime.datetime:
    """`email.utils.parsedate_to_datetime`, without importing it for a UTC date in the one form
    RFC 2822 writers use; anything else is the real function's."""
    found = _UTC_DATE.fullmatch(data) if isinstance(data, str) else None
    if found is not None and found[2] in _MONTHS:
        day, year, hour, minute, second = (int(found[n]) for n in (1, 3, 4, 5, 6))
        try:
            return datetime.datetime(
                year, _MONTHS.index(found[2]) + 1, day, hour, minute, second, tzinfo=datetime.timezone.utc
            )
        except ValueError:
            pass  # day 31 of a short month: the real function's own error
    result: datetime.datetime = _real_email_utils().parsedate_to_datetime(data)
    return result


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
