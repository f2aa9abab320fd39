"""The result cache's storage: per-file results, reused while a file's content, the tool and
the config stay the same (what an entry holds is linter.running.cache).

One SQLite file per (tool version, effective config and schema): SQLite gives atomic,
concurrent-safe writes, so pre-commit's parallel batches can share it. A damaged cache is
deleted and rebuilt; if even that fails the run goes on without a cache. The cache holds only
JSON, never pickles: it lives in the project folder, where a stranger's pull request could
plant a file. So its name and a token inside it are keyed hashes of a per-user secret kept
outside the project (cache_secret.py): a database without the token is deleted, unread.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from linter.reading.file_stamps import trusted_time
from linter.running.cache import CACHE_FORMAT, Brief, Entry, Record, Stamp
from linter.running.cache_folder import SUFFIXES, clear_links, is_cache_file
from linter.running.cache_secret import keyed
from linter.running.folder_listings import restamped

UNUSED_FOR_S = 7 * 24 * 3600  # a cache file for another key, unused this long, is deleted
_LOOKUPS_UP_TO = 2_000  # entries wanted for more files than this are read in one scan of the table
_BATCH = 500  # paths per `IN (...)` lookup
# STRICT tables (SQLite >= 3.37) make SQLite enforce the column types, so the table that is
# read whole on every run needs no check per row; older SQLite filters rows by type instead.
_STRICT = sqlite3.sqlite_version_info >= (3, 37, 0)
# `changed_ns` is NULL when the file had changed less than 2 s before the cache was opened (see
# trusted_time): another change within the same clock tick would keep size and change time, so only
# its hash can vouch for it. The cache is opened before the run stats any file it stores, and
# results are stored seconds after that in a big run: measured from the store, a file changed
# just before it was read would be trusted.
# `path` is the real path; `alias` the absolute path the file was checked as, "" when the same:
# a file linked into the project from outside it is matched where its link is (its project
# path, linter.config.project_paths), so each name it is checked by has its own verdict.
# `files`: the stamps of the images the rules read, "" for none (most files).
_ENTRIES_TABLE = (
    "CREATE TABLE entries (path TEXT PRIMARY KEY, size INTEGER NOT NULL, changed_ns INTEGER,"
    " digest TEXT NOT NULL, findings TEXT NOT NULL, keys TEXT NOT NULL, alias TEXT NOT NULL,"
    " files TEXT NOT NULL)"
    " WITHOUT ROWID" + (", STRICT" if _STRICT else "")
)
# Each entry's keys, one row a key, indexed both ways: the files sharing a key with a changed
# one are looked up, and an entry's old keys deleted when it is written again.
_KEYS_TABLE = (
    "CREATE TABLE keys (key TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (key, path)) WITHOUT ROWID"
)
_KEYS_INDEX = "CREATE INDEX keys_by_path ON keys (path)"
_FACTS_TABLE = "CREATE TABLE facts (path TEXT PRIMARY KEY, facts TEXT) WITHOUT ROWID"
# What a walk of the content roots took from each folder (linter.running.folder_listings), by
# real path ending in a separator; `stamps` the JSON [sizes, change times] of its files' entries,
# copied when the row is written: storing or touching a file stamps it anew there.
_FOLDERS_TABLE = (
    "CREATE TABLE folders (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, files TEXT NOT NULL,"
    " subfolders TEXT NOT NULL, stamps TEXT NOT NULL) WITHOUT ROWID"
)
_META_TABLE = "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"
_TYPED_ROWS = (
    " AND typeof(path) = 'text' AND typeof(size) = 'integer' AND typeof(changed_ns) IN ('integer', 'null')"
    " AND typeof(digest) = 'text' AND typeof(findings) = 'text' AND typeof(keys) = 'text'"
    " AND typeof(alias) = 'text' AND typeof(files) = 'text'"
)
_ENTRY_COLUMNS = "path, size, changed_ns, digest, findings, keys, alias, files"
_BRIEF_COLUMNS = "path, size, changed_ns, alias, keys, findings = '' AND files = ''"


class ResultCache:
    """One cache file. Nothing is read when it is opened: a run reads the full entries of the
    files it checks (`entries`) and only the stamps of the other files under the content roots
    (`stamps`), so one changed file checked against 100,000 reads little more than paths."""

    def __init__(self, folder: Path, key: str, secret: bytes) -> None:
        self.folder = folder
        self.file = folder / f"results-v{CACHE_FORMAT}-{keyed(secret, 'file name', key)}.sqlite3"
        self._token = keyed(secret, "token", key)
        self._typed = ""  # the per-row type filter, needed only for a table that is not ours
        self._opened_ns = time.time_ns()  # what stored stamps are judged racy against (above)
        self._touched: list[tuple[str, int, int | None]] = []  # (path, size, stamp) not written yet
        self._connection: sqlite3.Connection | None = None  # the run's one connection (`_connect`)

    @classmethod
    def open(cls, folder: Path, key: str, secret: bytes) -> ResultCache | None:
        """Open the cache, rebuilding it when damaged or not ours; None when it cannot be used
        at all. `folder` must have been claimed (cache_folder.claim) by the caller."""
        cache = cls(folder, key, secret)
        for _attempt in range(2):
            try:
                cache._check()
                _prune(folder, cache.file)
                return cache
            except (sqlite3.Error, OSError, ValueError):
                with contextlib.suppress(OSError):
                    cache._delete_files()
        return None

    def entries(self, paths: Collection[str], scan: bool = True) -> dict[str, Entry]:
        """The cached entries of `paths` (absent ones are left out); without `scan`, looked up
        however many (the files of a warm run that have findings: a tenth of the table)."""
        rows = self._select(_ENTRY_COLUMNS, paths, scan)
        return {path: Entry._make(row) for path, row in rows.items()}

    def briefs(self, paths: Collection[str]) -> dict[str, Brief]:
        """What a warm run needs of the cached entries of `paths` (absent ones are left out):
        a plain tuple a file, no findings read (`entries` has them, for the files not `plain`)."""
        return self._select(_BRIEF_COLUMNS, paths)

    def _select(self, columns: str, paths: Collection[str], scan: bool = True) -> dict[str, Any]:
        """Rows (`columns`, the path first) of `paths`: looked up one batch at a time when they
        are few (a pre-commit batch), in one scan of the table when many (and `scan`)."""
        query = f"SELECT {columns} FROM entries WHERE 1" + self._typed
        if scan and len(paths) > _LOOKUPS_UP_TO:
            return {row[0]: row for row in self._rows(query)}
        found: dict[str, Any] = {}
        wanted = list(paths)
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            lookup = f"{query} AND path IN ({','.join('?' * len(batch))})"
            found.update((row[0], row) for row in self._rows(lookup, batch))
        return found

    def stamps(self) -> dict[str, Stamp]:
        """Every cached file's stamp, by path."""
        return {
            row[0]: row
            for row in self._rows("SELECT path, size, changed_ns FROM entries WHERE 1" + self._typed)
        }

    def holding(self, keys: Collection[str]) -> dict[str, tuple[str, ...]]:
        """The cached files that hold any of `keys`, with all their keys (from the index)."""
        wanted = set(keys)
        ordered = sorted(wanted)
        found: dict[str, tuple[str, ...]] = {}
        for start in range(0, len(ordered), _BATCH):
            batch = ordered[start : start + _BATCH]
            lookup = f"SELECT path FROM keys WHERE key IN ({','.join('?' * len(batch))})"
            query = f"SELECT path, keys FROM entries WHERE path IN ({lookup})" + self._typed
            for path, held in self._rows(query, batch):
                if isinstance(held, str) and not wanted.isdisjoint(split := held.split("\n")):
                    found[path] = tuple(split)
        return found

    def digest(self, path: str) -> str | None:
        """The content hash a file had when cached (asked only when its stat changed)."""
        query = "SELECT path, digest FROM entries WHERE path = ?" + self._typed
        digests = [digest for _path, digest in self._rows(query, [path])]
        return digests[0] if digests else None

    def facts(self, paths: Iterable[str]) -> dict[str, str]:
        """The facts column of `paths` (those still cached); read in batches, on demand."""
        wanted = list(paths)
        found: dict[str, str] = {}
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            query = f"SELECT path, facts FROM facts WHERE path IN ({','.join('?' * len(batch))})"
            for path, facts in self._rows(query, batch):
                if isinstance(path, str) and isinstance(facts, str):
                    found[path] = facts
        return found

    def folders(self) -> dict[str, tuple[str, str, str, str]]:
        """Every remembered folder listing: path -> (stamp, files, subfolders, stamps)."""
        return {
            row[0]: row[1:]
            for row in self._rows("SELECT path, stamp, files, subfolders, stamps FROM folders")
            if all(isinstance(value, str) for value in row)
        }

    def store_folders(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Remember folder listings (path, stamp, files, subfolders) with their files' stamps,
        read in the same transaction: no store in between can leave them stale. A failure only
        costs the next walk its shortcut."""
        self.flush()
        try:
            with self._connect() as connection:
                connection.execute("BEGIN IMMEDIATE")
                for path, stamp, files, subfolders in rows:
                    stamps = _file_stamps(connection, path, json.loads(files))
                    connection.execute(
                        "INSERT OR REPLACE INTO folders VALUES (?, ?, ?, ?, ?)",
                        (path, stamp, files, subfolders, stamps),
                    )
        except (sqlite3.Error, OSError, ValueError, TypeError):
            pass

    def store(self, records: Iterable[Record]) -> None:
        """Write records in one transaction; a failure only costs the cache, never the run."""
        now = self._opened_ns
        rows = [
            (r.path, r.size, trusted_time(r.changed_ns, now), r.digest, r.findings, r.keys, r.alias, r.files)
            for r in records
        ]
        if not rows:
            return
        self.flush()
        try:
            with self._connect() as connection:
                connection.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
                connection.executemany("DELETE FROM keys WHERE path = ?", [(r.path,) for r in records])
                connection.executemany(
                    "INSERT OR IGNORE INTO keys VALUES (?, ?)",
                    [(key, r.path) for r in records if r.keys for key in r.keys.split("\n")],
                )
                connection.executemany(
                    "INSERT OR REPLACE INTO facts VALUES (?, ?)", [(r.path, r.facts) for r in records]
                )
                _restamp_folders(connection, [(row[0], row[1], row[2]) for row in rows])
        except (sqlite3.Error, OSError):
            pass

    def touch(self, path: str, size: int, changed_ns: int) -> None:
        """A file whose stat changed but whose content did not: trust the stat again. Written
        with the others in one transaction (`flush`, before anything else reads or writes the
        cache): a fresh checkout touches every file, and a transaction each took a 100,000-file
        run 142 s, six times a run without the cache."""
        self._touched.append((path, size, trusted_time(changed_ns, self._opened_ns)))

    def flush(self) -> None:
        """Write the touches not written yet; a failure only costs the next run a re-hash."""
        touched, self._touched = self._touched, []
        if not touched:
            return
        try:
            with self._connect() as connection:
                query = "UPDATE entries SET size = ?, changed_ns = ? WHERE path = ?"
                connection.executemany(query, [(size, stamp, path) for path, size, stamp in touched])
                kept = _cached_paths(connection, [path for path, _, _ in touched])
                _restamp_folders(connection, [each for each in touched if each[0] in kept])
                # no entry to agree with (deleted since it was read): its folder's files are
                # judged one by one
                gone = {path.rpartition(os.sep)[0] + os.sep for path, _, _ in touched if path not in kept}
                connection.executemany("UPDATE folders SET stamps = '' WHERE path = ?", [(f,) for f in gone])
        except (sqlite3.Error, OSError):
            pass

    def _check(self) -> None:
        """Create the tables if needed, prove the file was made with our secret (its token), and
        see whether `entries` is the table we create (looser types get their rows filtered);
        raises when the file is damaged or not ours."""
        clear_links(self.file)
        with self._connect() as connection:
            token = connection.execute("SELECT value FROM meta WHERE name = 'token'").fetchone()
            if token is None:  # new, or made without the secret: only an empty file is adopted
                if connection.execute("SELECT path FROM entries LIMIT 1").fetchone() is not None:
                    raise ValueError("a cache file without a token")
                connection.execute("INSERT OR IGNORE INTO meta VALUES ('token', ?)", (self._token,))
            elif token[0] != self._token:
                raise ValueError("a cache file made with another secret")
            (created,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'entries'").fetchone()
        self._typed = "" if _STRICT and created == _ENTRIES_TABLE else _TYPED_ROWS

    def _rows(self, query: str, parameters: Sequence[Any] = ()) -> Iterator[Any]:
        """Rows of a read, streamed; a cache that fails to read (damaged since it was opened)
        is deleted, to be rebuilt by this run's writes, and reads as empty from there on."""
        self.flush()
        try:
            yield from self._connect().execute(query, parameters)
        except (sqlite3.Error, OSError):
            self._delete_files()

    def close(self) -> None:
        """Write the touches not written yet and let the file go (the end of a run); a later
        read or write opens it again."""
        self.flush()
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(sqlite3.Error):
                connection.close()

    def _connect(self) -> sqlite3.Connection:
        """The one connection of this cache, opened at first use: each connection costs the
        statements below, and closing the last one checkpoints the WAL with two fsyncs (a
        connection each read or write took 3 ms of system time from a one-file run's 11 ms)."""
        if self._connection is None:
            self._connection = self._open_connection()
        return self._connection

    def _open_connection(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.file, timeout=60)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        # Facts live in a table of their own: the entries table is read whole on every run,
        # the facts of a few files only.
        for table in (_ENTRIES_TABLE, _FACTS_TABLE, _KEYS_TABLE, _FOLDERS_TABLE, _META_TABLE):
            connection.execute(table.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", 1))
        connection.execute(_KEYS_INDEX.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
        return connection

    def _delete_files(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(sqlite3.Error):
                connection.close()
        for suffix in SUFFIXES:
            with contextlib.suppress(OSError):
                os.unlink(str(self.file)[: -len(".sqlite3")] + suffix)


def _file_stamps(connection: sqlite3.Connection, folder: str, names: Sequence[str]) -> str:
    """The JSON [sizes, change times] of the entries of `names` in `folder` (None for a file not cached)."""
    found: dict[str, tuple[object, object]] = {}
    for start in range(0, len(names), _BATCH):
        batch = [folder + name for name in names[start : start + _BATCH]]
        query = f"SELECT path, size, changed_ns FROM entries WHERE path IN ({','.join('?' * len(batch))})"
        found.update(
            (path, (size, changed_ns)) for path, size, changed_ns in connection.execute(query, batch)
        )
    stamps = [found.get(folder + name, (None, None)) for name in names]
    return json.dumps([[size for size, _ in stamps], [changed for _, changed in stamps]])


def _cached_paths(connection: sqlite3.Connection, paths: Sequence[str]) -> set[str]:
    """Which of `paths` have an entry."""
    found: set[str] = set()
    for start in range(0, len(paths), _BATCH):
        batch = paths[start : start + _BATCH]
        query = f"SELECT path FROM entries WHERE path IN ({','.join('?' * len(batch))})"
        found.update(path for (path,) in connection.execute(query, batch))
    return found


def _restamp_folders(connection: sqlite3.Connection, stamps: Iterable[tuple[str, int, int | None]]) -> None:
    """Stamp anew, in the rows of the folders holding them, the files (real path, size, change
    time as their entries now hold them) just stored or touched: the rows keep saying what the
    entries say (folder_listings.restamped)."""
    by_folder: dict[str, dict[str, tuple[int, int | None]]] = {}
    for path, size, changed_ns in stamps:
        folder, separator, name = path.rpartition(os.sep)
        by_folder.setdefault(folder + separator, {})[name] = (size, changed_ns)
    for folder, changed in by_folder.items():
        query = "SELECT files, stamps FROM folders WHERE path = ?"
        for files, old in connection.execute(query, (folder,)).fetchall():
            new = restamped(files, old, changed) if isinstance(files, str) and isinstance(old, str) else ""
            connection.execute("UPDATE folders SET stamps = ? WHERE path = ?", (new, folder))


def _prune(folder: Path, used: Path) -> None:
    """Mark `used` as used now, and delete this tool's cache files that no run has used for
    UNUSED_FOR_S: without a fixed reference time the key changes every day (as it does with a
    new version or config), and each file can weigh tens of MB."""
    now = time.time()
    with contextlib.suppress(OSError):
        os.utime(used, (now, now))
    for entry in os.scandir(folder):
        name = entry.name
        if not is_cache_file(name) or name.startswith(used.stem):
            continue
        with contextlib.suppress(OSError):
            if now - entry.stat(follow_symlinks=False).st_mtime > UNUSED_FOR_S:
                os.unlink(entry.path)
