"""What the result cache holds: its format, the records and stamps of files, and the hashes
that key them. Free of SQLite, so a run without a cache (and the engine, which hashes every
file) never loads it; the database itself is linter.running.cache_store.
"""

from __future__ import annotations

import json
from typing import Any

from linter.hashes import blake2b
from linter.records import NamedTuple

# 6: findings carry fixes, directives what removing them may take; 7: an authenticated
# database (a `meta` token) whose entries record the alias a file was checked as; 8: results
# record which of the user's role patterns matched (FM011); 9: entries record the stamps of
# the other files their rules read (site images, linter.reading.file_stamps); 10: the keys are
# indexed (table `keys`), so a run finds the files sharing one without reading every file's;
# 11: folder listings hold their files' stamps (linter.running.folder_listings); 12: a stamp
# holds the file's last change time (ctime on POSIX) instead of its mtime
# (linter.reading.file_stamps.last_change_ns).
CACHE_FORMAT = 12
DEFAULT_FOLDER = ".content-lint-cache"


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


def fingerprint(parts: Any) -> str:
    """A stable hash of everything that can change a file's findings."""
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return blake2b(text.encode(), digest_size=12).hexdigest()


class Entry(NamedTuple):
    """What a cached file contributes, minus its corpus-rule facts (fetched only when needed).

    `findings` is "" for a file without findings or directives, so most entries cost no JSON
    decoding; `keys` (one per line) say which other files its facts can interact with. A
    NamedTuple: 100,000 of them are built per warm run, a frozen dataclass costs 3x more.
    """

    path: str
    size: int
    changed_ns: int | None
    digest: str
    findings: str
    keys: str
    alias: str
    files: str


#: (path, size, changed_ns, alias, keys, plain): what a warm run reads of each entry, a plain row;
#: `plain` (1 or 0) when the entry holds no findings and read no other file, so that its
#: keys and its stamp are its whole result (the rest read `Entry`s).
Brief = tuple[str, int, "int | None", str, str, int]

#: (path, size, changed_ns): all a file under the content roots needs to show that it is
#: unchanged. A plain row, 100,000 a run: no object is built per file.
Stamp = tuple[str, int, "int | None"]


def fresh_by_stat(size: int, changed_ns: int | None, stat_size: int, stat_changed_ns: int) -> bool:
    """Same size and change time as when cached (never true for a racy entry)."""
    return size == stat_size and changed_ns == stat_changed_ns


class Record(NamedTuple):
    """What a run stores for a linted file (see Entry, which a later run reads back)."""

    path: str
    size: int
    changed_ns: int
    digest: str
    findings: str
    keys: str
    facts: str
    alias: str
    files: str
