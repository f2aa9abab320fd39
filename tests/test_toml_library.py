"""The TOML library is imported from one place, cheaply, and leaves typing as it found it."""

from __future__ import annotations

import pytest
from helpers import fresh_python

_SCRIPT = """
{prelude}
import typing
from linter.reading import toml_library
print(typing.NamedTuple is typing.__dict__["NamedTuple"] and typing.NamedTuple.__module__ == "typing")
Pair = typing.NamedTuple("Pair", [("a", int), ("b", str)])  # typing's functional form still works
print(Pair(1, "x"))
print(sorted(toml_library.loads(
    'title = "Harbour"\\ndate = 2024-06-01T09:30:00Z\\n[params]\\ntags = ["tides", "sea"]\\n'
).items()))
try:
    toml_library.loads("title = ")
except toml_library.TOMLDecodeError as error:
    print(type(error).__name__, error)
"""


@pytest.mark.parametrize("prelude", ["", "import threading"])
def test_typing_is_left_as_found_and_the_library_reads_toml(prelude):
    done = fresh_python(_SCRIPT.format(prelude=prelude))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "True",
        "Pair(a=1, b='x')",
        "[('date', datetime.datetime(2024, 6, 1, 9, 30, tzinfo=datetime.timezone.utc)),"
        " ('params', {'tags': ['tides', 'sea']}), ('title', 'Harbour')]",
        "TOMLDecodeError Invalid value (at end of document)",
    ]
