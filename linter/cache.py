"""Per-file results, reused while a file's content, the tool and the config stay the same.

One SQLite file per (tool version, effective config and schema): SQLite gives atomic,
concurrent-safe writes, so pre-commit's parallel batches can share it. A damaged cache is
deleted and rebuilt; if even that fails the run goes on without a cache. The cache holds only
JSON, never pickles: it lives in the project folder, where a stranger's pull request could
plant a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

CACHE_FORMAT = 4
DEFAULT_FOLDER = ".content-lint-cache"
_MARKER = "CACHEDIR.TAG"
_MARKER_TEXT = "Signature: 8a477f597d28d172789f06886806bc55\n# content-lint result cache: safe to delete.\n"
_SUFFIXES = (".sqlite3", ".sqlite3-wal", ".sqlite3-shm", ".sqlite3-journal")
_RACY_NS = 2_000_000_000  # a file changed within 2 s of being cached is re-hashed, never trusted by stat
# STRICT tables (SQLite >= 3.37) make SQLite enforce the column types, so the table that is
# read whole on every run needs no check per row; older SQLite filters rows by type instead.
_STRICT = sqlite3.sqlite_version_info >= (3, 37, 0)
_ENTRIES_TABLE = (
    "CREATE TABLE entries (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
    " recorded_ns INTEGER NOT NULL, digest TEXT NOT NULL, findings TEXT NOT NULL, keys TEXT NOT NULL)"
    " WITHOUT ROWID" + (", STRICT" if _STRICT else "")
)
_FACTS_TABLE = "CREATE TABLE facts (path TEXT PRIMARY KEY, facts TEXT) WITHOUT ROWID"
_SELECT_ENTRIES = "SELECT path, size, mtime_ns, recorded_ns, digest, findings, keys FROM entries"
_TYPED_ROWS = (
    " WHERE typeof(path) = 'text' AND typeof(size) = 'integer' AND typeof(mtime_ns) = 'integer'"
    " AND typeof(recorded_ns) = 'integer' AND typeof(digest) = 'text' AND typeof(findings) = 'text'"
    " AND typeof(keys) = 'text'"
)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def fingerprint(parts: Any) -> str:
    """A stable hash of everything that can change a file's findings."""
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:24]


class Entry(NamedTuple):
    """What a cached file contributes, minus its corpus-rule facts (fetched only when needed).

    `findings` is "" for a file without findings or directives, so most entries cost no JSON
    decoding; `keys` (one per line) say which other files its facts can interact with. A
    NamedTuple: 100,000 of them are built per warm run, a frozen dataclass costs 3x more.
    """

    path: str
    size: int
    mtime_ns: int
    recorded_ns: int
    digest: str
    findings: str
    keys: str

    def fresh_by_stat(self, size: int, mtime_ns: int) -> bool:
        return size == self.size and mtime_ns == self.mtime_ns and self.recorded_ns - mtime_ns > _RACY_NS


@dataclass(frozen=True, slots=True)
class Record:
    path: str
    size: int
    mtime_ns: int
    digest: str
    findings: str
    keys: str
    facts: str


class ResultCache:
    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.file = folder / f"results-v{CACHE_FORMAT}-{key}.sqlite3"
        self.entries: dict[str, Entry] = {}

    @classmethod
    def open(cls, folder: Path, key: str) -> ResultCache | None:
        """Load the cache, rebuilding it when damaged; None when it cannot be used at all."""
        cache = cls(folder, key)
        for _attempt in range(2):
            try:
                cache._load()
                return cache
            except (sqlite3.Error, OSError, ValueError):
                cache._delete_files()
        return None

    def take(self, path: str) -> Entry | None:
        """Look up and forget: a checked file is looked up once a run, and on a warm run over
        100,000 files the entries would otherwise stay in memory beside the results."""
        return self.entries.pop(path, None)

    def facts(self, paths: Iterable[str]) -> dict[str, str]:
        """The facts column of `paths` (those still cached); read in batches, on demand."""
        wanted = list(paths)
        found: dict[str, str] = {}
        try:
            with contextlib.closing(self._connect()) as connection:
                for start in range(0, len(wanted), 500):
                    batch = wanted[start : start + 500]
                    marks = ",".join("?" * len(batch))
                    query = f"SELECT path, facts FROM facts WHERE path IN ({marks})"
                    for path, facts in connection.execute(query, batch):
                        if isinstance(path, str) and isinstance(facts, str):
                            found[path] = facts
        except (sqlite3.Error, OSError):
            pass
        return found

    def store(self, records: Iterable[Record]) -> None:
        """Write records in one transaction; a failure only costs the cache, never the run."""
        now = time.time_ns()
        rows = [(r.path, r.size, r.mtime_ns, now, r.digest, r.findings, r.keys) for r in records]
        if not rows:
            return
        try:
            with contextlib.closing(self._connect()) as connection, connection:
                connection.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
                connection.executemany(
                    "INSERT OR REPLACE INTO facts VALUES (?, ?)", [(r.path, r.facts) for r in records]
                )
        except (sqlite3.Error, OSError):
            pass

    def touch(self, path: str, size: int, mtime_ns: int) -> None:
        """A file whose stat changed but whose content did not: trust the stat again."""
        try:
            with contextlib.closing(self._connect()) as connection, connection:
                connection.execute(
                    "UPDATE entries SET size = ?, mtime_ns = ?, recorded_ns = ? WHERE path = ?",
                    (size, mtime_ns, time.time_ns(), path),
                )
        except (sqlite3.Error, OSError):
            pass

    def _load(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        _mark_folder(self.folder)
        with contextlib.closing(self._connect()) as connection:
            (created,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'entries'").fetchone()
            trusted = _STRICT and created == _ENTRIES_TABLE  # not a table planted with looser types
            rows = connection.execute(_SELECT_ENTRIES if trusted else _SELECT_ENTRIES + _TYPED_ROWS)
            self.entries = {row[0]: Entry._make(row) for row in rows}

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.file, timeout=60)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        # Facts live in a table of their own: the entries table is read whole on every run,
        # the facts of a few files only.
        for table in (_ENTRIES_TABLE, _FACTS_TABLE):
            connection.execute(table.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", 1))
        return connection

    def _delete_files(self) -> None:
        for suffix in _SUFFIXES:
            with contextlib.suppress(OSError):
                os.unlink(str(self.file)[: -len(".sqlite3")] + suffix)


def _mark_folder(folder: Path) -> None:
    """A `.gitignore` so the cache is never committed, and the standard cache-folder tag."""
    for name, text in ((".gitignore", "# Created by content-lint.\n*\n"), (_MARKER, _MARKER_TEXT)):
        target = folder / name
        if not target.exists():
            with contextlib.suppress(OSError):
                target.write_text(text, encoding="utf-8")


def clean(folder: Path) -> int:
    """Delete content-lint's own files in `folder` (nothing else); return how many went."""
    if not (folder / _MARKER).is_file():
        return 0
    removed = 0
    for child in folder.iterdir():
        if child.name in (".gitignore", _MARKER) or (
            child.name.startswith("results-v") and child.name.endswith(_SUFFIXES)
        ):
            with contextlib.suppress(OSError):
                child.unlink()
                removed += 1
    with contextlib.suppress(OSError):
        folder.rmdir()
    return removed
