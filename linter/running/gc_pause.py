"""The cyclic garbage collector paused while a run builds its per-file records.

A warm run of 100,000 files builds some 500,000 tuples that live until the report (paths,
stamps, results); none of them forms a cycle, but CPython's collector counts them as they
come and scans every one of them again and again: five full collections, a fifth of the
run's time. They are freed by reference counting as ever (frozen ones too). Linting itself (which may build
cycles: exceptions, YAML node graphs) runs with the collector as the caller left it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic collection inside; the collector is left as found (a caller that disabled
    it keeps it disabled). With `freeze` (a one-shot command, not the language server), what
    lives at the end is never scanned again (`gc.freeze`): else the next collection, and the
    one at exit, would scan it all once more."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
