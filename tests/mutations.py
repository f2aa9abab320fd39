"""Mutations of valid articles, shared by the property tests and the long fuzz target."""

from __future__ import annotations

import random

_JUNK = [
    "\x00",
    "\r",
    "\t",
    "\u2028",
    "\u2029",
    "\x85",
    "\ufeff",
    "é",
    "\udcff",
    ": ",
    "- ",
    "[",
    "{",
    "&a",
    "*a",
    "!!",
    "'",
    '"',
    "#",
    "|",
    ">",
    "---",
    "...",
    "%",
    "@",
    "`",
]


def mutate(data: bytes, rng: random.Random, rounds: int = 3) -> bytes:
    """Apply a few random damaging edits: the kinds of breakage real files and attackers produce."""
    for _ in range(rounds):
        data = rng.choice(_MUTATIONS)(data, rng)
    return data


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _delete_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def _duplicate_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    index = rng.randrange(len(lines))
    lines.insert(index, lines[index])
    return b"\n".join(lines)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _reindent(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    index = rng.randrange(len(lines))
    lines[index] = rng.choice([b"", b" ", b"  ", b"\t", b"    "]) + lines[index].lstrip()
    return b"\n".join(lines)


def _random_bytes(data: bytes, rng: random.Random) -> bytes:
    index = rng.randrange(len(data) + 1)
    return data[:index] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8))) + data[index:]


def _insert_junk(data: bytes, rng: random.Random) -> bytes:
    index = rng.randrange(len(data) + 1)
    junk = rng.choice(_JUNK).encode("utf-8", "surrogatepass")
    return data[:index] + junk + data[index:]


def _long_line(data: bytes, rng: random.Random) -> bytes:
    index = rng.randrange(len(data) + 1)
    return data[:index] + b"x" * rng.choice([1000, 100_000]) + data[index:]


def _line_endings(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\n"]))


_MUTATIONS = [
    _delete_line,
    _duplicate_line,
    _truncate,
    _reindent,
    _random_bytes,
    _insert_junk,
    _long_line,
    _line_endings,
]
