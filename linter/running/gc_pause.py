"""The cyclic garbage collector paused while a run builds its per-file records.

A warm run of 100,000 files builds some 500,000 tuples that live until the report (paths,
stamps, results); none of them forms a cycle, but CPython's collector counts them as they
come and scans every one of them again and again: five full collections, a fifth of the
run's time. They are freed by reference counting as ever (frozen ones too). Linting itself
(which may build cycles: exceptions, YAML node graphs) runs with the collector as the caller
left it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_PROCESS = {"one_shot": False}


def one_shot_process() -> None:
    """Say that the process ends with its command (linter.__main__, never library code): what
    a pause leaves alive may then be frozen rather than scanned by every later collection."""
    _PROCESS["one_shot"] = True


@contextlib.contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic collection inside; the collector is left as found (a caller that disabled
    it keeps it disabled). With `freeze`, in a one-shot process, what lives at the end is not
    scanned again (`gc.freeze`): else the next collections, and the one at exit, would scan it
    all once more. A process that runs command after command (tests, an editor calling `main`,
    the language server) never freezes: the garbage cycles alive then would be kept for good."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze and _PROCESS["one_shot"]:
            gc.freeze()
        if enabled:
            gc.enable()
