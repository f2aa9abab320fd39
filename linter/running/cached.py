"""The run's side of the result cache: the key of a configuration, which cached results still
hold, and fresh results written back in batches (linter.running.cache_store is the storage itself)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from linter import __version__
from linter.reading.file_stamps import unchanged_files
from linter.reading.frontmatter import read_head
from linter.records import NamedTuple
from linter.running.cache import CACHE_FORMAT, Entry, Record, digest, fingerprint, fresh_by_stat
from linter.running.engine import Engine
from linter.running.identity import Located
from linter.running.results import FileResult, decode, encode

if TYPE_CHECKING:  # SQLite loads only for a run that opens the cache (runner.open_cache)
    from linter.running.cache_store import ResultCache

#: Fresh results written to the cache per transaction; a run linting more keeps the stored
#: ones without their facts (over 100,000 files they were most of the memory).
STORE_BATCH = 1000


class Seen(NamedTuple):
    """A file as the cache saw it; `digest` None when it is read from the cache only if needed."""

    size: int
    changed_ns: int | None
    digest: str | None


def cache_key(engine: Engine) -> str:
    """Everything that can change a file's findings, except the file itself."""
    config = engine.config
    now = engine.top.context.now
    return fingerprint(
        {
            "format": CACHE_FORMAT,
            "version": __version__,
            "schema": engine.top.schema.fingerprint,
            "severities": dict(engine.selection.severities),
            "rules": {code: rule.settings for code, rule in ((r.code, r) for r in engine.top.rules)},
            "limits": [config.max_front_matter_bytes, repr(engine.top.limits)],
            "per_file_ignores": dict(config.per_file_ignores),
            "root": str(config.root),
            "setup": engine.setup_fingerprint(),
            # Date rules judge against "now": without a fixed reference time, results last a day.
            "now": now.isoformat() if config.reference_time else now.date().isoformat(),
        }
    )


def unchanged(engine: Engine, cache: ResultCache, path: str, where: Located, seen: Seen) -> bool:
    """True when the file is as the cache saw it: same stat, or same content hash (then the
    new stat is recorded, so the next run needs no hash)."""
    if fresh_by_stat(seen.size, seen.changed_ns, where.size, where.changed_ns):
        return True
    head = read_head(path, engine.config.max_front_matter_bytes)
    if not isinstance(head, bytes):
        return False
    then = seen.digest if seen.digest is not None else cache.digest(where.real)
    if digest(head) == then:
        cache.touch(where.real, where.size, where.changed_ns)
        return True
    return False


def from_cache(
    engine: Engine, cache: ResultCache, path: str, where: Located, entry: Entry
) -> FileResult | None:
    """The cached result of an unchanged file whose rules read no file that changed since (one
    `lstat` each, only for the entries that record any); None when something changed or the
    entry is damaged (it is linted again and overwritten)."""
    same_stat = entry.size == where.size and entry.changed_ns == where.changed_ns  # 100,000 times: inline
    if not same_stat and not unchanged(
        engine, cache, path, where, Seen(entry.size, entry.changed_ns, entry.digest)
    ):
        return None
    if entry.files and not unchanged_files(entry.files):
        return None
    if not entry.findings:  # most files: nothing to decode
        return FileResult(path, (), (), "", tuple(entry.keys.split("\n")) if entry.keys else ())
    try:
        return decode(path, path.replace(os.sep, "/"), entry.findings, entry.keys)
    except (ValueError, KeyError, TypeError):
        return None


def stored(
    cache: ResultCache | None, fresh: Iterable[FileResult], places: Sequence[Located | None]
) -> Iterator[FileResult]:
    """`fresh` results, written to the cache in batches as they come. In a run of more than
    one batch, a stored result comes back without its facts; the few that a cross-file rule
    needs are read back from the cache (see linter.running.runner)."""
    if cache is None:
        yield from fresh
        return
    keep_facts = len(places) <= STORE_BATCH
    batch: list[tuple[FileResult, Located | None]] = []
    for pair in zip(fresh, places, strict=True):
        batch.append(pair)
        if len(batch) >= STORE_BATCH:
            yield from _store(cache, batch, keep_facts)
            batch = []
    yield from _store(cache, batch, keep_facts)


def _store(
    cache: ResultCache, batch: Sequence[tuple[FileResult, Located | None]], keep_facts: bool
) -> Iterator[FileResult]:
    records = [_record(result, where) for result, where in batch if where is not None and result.digest]
    cache.store(records)
    for result, where in batch:
        if keep_facts or where is None or not result.digest or not result.facts:
            yield result
        else:
            yield result._replace(facts="")


def _record(result: FileResult, where: Located) -> Record:
    findings, keys, facts, files = encode(result)
    return Record(
        where.real, where.size, where.changed_ns, result.digest, findings, keys, facts, where.alias, files
    )
