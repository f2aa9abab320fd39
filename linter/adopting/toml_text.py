"""Plain data as TOML text, compact enough to review: the config `content-lint init` writes.

Arrays stay on one line and tables of roles are inline, which no general TOML writer offers;
the shapes are few (strings, booleans, integers, lists, tables, one array of tables). Field
names come from untrusted content files, so every string is escaped as TOML requires.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
#: TOML gives a key to the table above it: a top-level key added below would join a type.
TABLES_BELOW = "# Top-level keys go above this line; below it, a key belongs to the table it follows."
_MUST_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def toml_document(table: Mapping[str, Any]) -> str:
    """`table` as a TOML document: values first, then each `[[name]]` array of tables, whose
    own tables (`[name.roles]`) follow their entry's values."""
    lines = [f"{key(name)} = {value(item)}" for name, item in table.items() if not _is_array_of_tables(item)]
    if any(_is_array_of_tables(item) for item in table.values()):
        lines += ["", TABLES_BELOW]
    for name, entries in table.items():
        if _is_array_of_tables(entries):
            for entry in entries:
                lines += ["", f"[[{key(name)}]]"]
                lines += [f"{key(k)} = {value(v)}" for k, v in entry.items() if not isinstance(v, Mapping)]
                for inner, sub in entry.items():
                    if isinstance(sub, Mapping):  # deeper tables stay inline
                        lines += [
                            "",
                            f"[{key(name)}.{key(inner)}]",
                            *(f"{key(k)} = {value(v)}" for k, v in sub.items()),
                        ]
    return "\n".join(lines) + "\n"


def key(text: str) -> str:
    return text if _BARE_KEY.fullmatch(text) else string(text)


def value(item: Any) -> str:
    """One TOML value: inline arrays and inline tables, on one line."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, str):
        return string(item)
    if isinstance(item, list):
        return "[" + ", ".join(value(v) for v in item) + "]"
    if isinstance(item, Mapping):
        return "{ " + ", ".join(f"{key(k)} = {value(v)}" for k, v in item.items()) + " }" if item else "{}"
    raise TypeError(f"cannot write {type(item).__name__} as TOML")


def string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    return '"' + _MUST_ESCAPE.sub(lambda m: _escape(m.group()), text) + '"'


def _escape(char: str) -> str:
    return "\\" + char if char in '"\\' else f"\\u{ord(char):04X}"


def _is_array_of_tables(item: Any) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(v, Mapping) for v in item)
