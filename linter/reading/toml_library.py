"""The TOML library (tomllib; tomli on Python 3.10): one home for its import, and a cheaper one.

tomllib declares one NamedTuple under `from __future__ import annotations`, so typing compiles
its two string annotations, and the first `compile()` of a process builds the `ast` module's
node types: ~11 M instructions, 4 % of a one-file run on a site with a TOML config or TOML
pages. While no other thread can run (`threading` not loaded: threads are started through it),
`typing.NamedTuple` is linter.records' for the length of the import, which makes the same
class without compiling anything; typing's own is back before any other code runs. Import
this module only where TOML is read: a YAML-only run never loads the library.
"""

from __future__ import annotations

import sys
import typing
from collections.abc import Iterator
from contextlib import contextmanager

from linter.records import NamedTuple


@contextmanager
def _records_without_compiling() -> Iterator[None]:
    if "threading" in sys.modules:  # another thread could meet the stand-in: pay instead
        yield
        return
    typings = typing.NamedTuple
    setattr(typing, "NamedTuple", NamedTuple)  # noqa: B010 - mypy refuses assigning a type
    try:
        yield
    finally:
        setattr(typing, "NamedTuple", typings)  # noqa: B010


with _records_without_compiling():
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib

loads = tomllib.loads
TOMLDecodeError = tomllib.TOMLDecodeError

__all__ = ["TOMLDecodeError", "loads"]
