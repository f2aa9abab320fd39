"""One `check` run: cached results where the file is unchanged, fresh linting (maybe parallel)
for the rest, and the content roots' facts for cross-file rules. The CLI's only entry point.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from linter import __version__, freshness
from linter.cache import CACHE_FORMAT, Entry, Record, ResultCache, digest, fingerprint, fresh_by_stat
from linter.cache_folder import FolderRefused, claim
from linter.cache_secret import SecretUnavailable, load_secret
from linter.discovery import FileFilter, Source, discover
from linter.engine import Engine, Report
from linter.frontmatter import read_head
from linter.identity import Identities, Located
from linter.parallel import lint_many
from linter.results import FileResult, decode, decode_facts, encode, pack_facts

_STORE_BATCH = 1000  # fresh results written to the cache per transaction


@dataclass(frozen=True)
class RunOptions:
    jobs: int = 1
    cache_folder: Path | None = None
    content_roots: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()  # as given on the command line: content roots among them need no second walk
    notice: Callable[[str], None] = lambda line: None  # why the run goes on without its cache


def run_check(
    engine: Engine,
    sources: Sequence[Source],
    filters: FileFilter,
    options: RunOptions,
    on_file: Callable[[], None] | None = None,
) -> Report:
    files = [s.path for s in sources if s.problem is None]
    problems = [(s.path, s.problem) for s in sources if s.problem is not None]
    identities = Identities()
    cache = _open_cache(engine, options.cache_folder, options.notice)
    located: dict[str, Located | None] = {}
    results = _results(engine, files, cache, options.jobs, on_file, identities, located)
    context: list[FileResult] = []
    roots = _roots_to_walk(options) if engine.corpus_rules else []
    if roots:
        checked = set()
        for path in files:
            where = located[path] if path in located else identities.locate(path)
            if where is not None:
                checked.add(where.real)
        wanted = {key for result in results for key in result.keys}
        context = _context(engine, discover(roots, filters), checked, wanted, cache, options.jobs, located)
    if engine.corpus_rules:
        _load_shared_facts(engine, [*results, *context], cache, located)
    return engine.finish(results, problems, context)


def _load_shared_facts(
    engine: Engine,
    results: Sequence[FileResult],
    cache: ResultCache | None,
    located: dict[str, Located | None],
) -> None:
    """Give facts to the cached results that share a key with another file: only those can take
    part in a cross-file finding (see CorpusRule). The rest never pay for decoding theirs."""
    seen: set[str] = set()
    shared: set[str] = set()
    for result in results:
        for key in result.keys:
            if key in seen:
                shared.add(key)
            seen.add(key)
    needy = [r for r in results if not r.facts and not shared.isdisjoint(r.keys)]
    if not needy:
        return
    reals = {
        r.path: where.real for r in needy if not r.packed_facts and (where := located.get(r.path)) is not None
    }
    stored = cache.facts(reals.values()) if cache is not None and reals else {}
    for result in needy:
        try:
            packed = result.packed_facts or stored[reals[result.path]]
            result.facts = decode_facts(packed, engine.corpus_rules)
        except (KeyError, ValueError, TypeError):  # gone from the cache or damaged: lint it again
            result.facts = engine.lint_file(result.path).facts


def _roots_to_walk(options: RunOptions) -> list[str]:
    """Content roots that are not among the folders given: those were walked already."""
    given = {os.path.realpath(p) for p in options.paths if os.path.isdir(p)}
    return [root for root in options.content_roots if os.path.realpath(root) not in given]


def _relative(path: str, cwd: str) -> str:
    """Content roots come from config as absolute paths; show them as the user would type them
    (a prefix test: `os.path.relpath` costs more than reading a cached result)."""
    if path.startswith(cwd):
        return path[len(cwd) :]
    return path


def cache_key(engine: Engine) -> str:
    """Everything that can change a file's findings, except the file itself."""
    config = engine.config
    now = engine.context.now
    return fingerprint(
        {
            "format": CACHE_FORMAT,
            "version": __version__,
            "schema": engine.schema.fingerprint,
            "severities": dict(engine.selection.severities),
            "rules": {code: rule.settings for code, rule in ((r.code, r) for r in engine.rules)},
            "limits": [config.max_front_matter_bytes, repr(engine.limits)],
            "per_file_ignores": dict(config.per_file_ignores),
            "root": str(config.root),
            "setup": engine.setup_fingerprint(),
            # Date rules judge against "now": without a fixed reference time, results last a day.
            "now": now.isoformat() if config.reference_time else now.date().isoformat(),
        }
    )


def _open_cache(engine: Engine, folder: Path | None, notice: Callable[[str], None]) -> ResultCache | None:
    """The cache, if it can be trusted: a folder of ours and the user's secret (see
    cache_secret.py); otherwise the run goes on without it, with the same verdict."""
    if folder is None:
        return None
    try:
        secret = load_secret(engine.config.root)
        claim(folder)
    except (SecretUnavailable, FolderRefused) as exc:
        notice(f"running without a cache: {exc}")
        return None
    return ResultCache.open(folder, cache_key(engine), secret)


def _results(
    engine: Engine,
    paths: Sequence[str],
    cache: ResultCache | None,
    jobs: int,
    on_file: Callable[[], None] | None,
    identities: Identities,
    located: dict[str, Located | None],
) -> list[FileResult]:
    """Results in `paths` order: from the cache when the file is unchanged, else freshly linted."""
    results: list[FileResult | None] = [None] * len(paths)
    stats: dict[int, Located] = {}
    if cache is not None:
        for index, path in enumerate(paths):
            where = located[path] if path in located else identities.locate(path)
            located[path] = where
            if where is not None:
                stats[index] = where
        entries = cache.entries([where.real for where in stats.values()])
        for index, where in stats.items():
            entry = entries.pop(where.real, None)  # forgotten once used: 100,000 add up
            if entry is not None and entry.alias == where.alias:
                results[index] = _from_cache(engine, cache, paths[index], where, entry)
                if results[index] is not None and on_file is not None:
                    on_file()
    todo = [index for index, result in enumerate(results) if result is None]
    fresh = lint_many(engine, [paths[i] for i in todo], jobs, on_file)
    for index, result in zip(todo, _stored(engine, cache, fresh, [stats.get(i) for i in todo]), strict=True):
        results[index] = result
    return [r for r in results if r is not None]


def _stored(
    engine: Engine, cache: ResultCache | None, fresh: Iterable[FileResult], stats: Sequence[Located | None]
) -> Iterator[FileResult]:
    """Pass fresh results through, writing them to the cache in batches as they come. In a big
    run a stored result drops its facts: over 100,000 files they were most of the memory, and
    the few that a cross-file rule needs are read back (see _load_shared_facts). Without a
    cache, a big run keeps them packed in one string instead."""
    drop_facts = len(stats) > _STORE_BATCH
    batch: list[tuple[FileResult, Located | None]] = []
    for result, where in zip(fresh, stats, strict=True):
        if cache is not None:
            batch.append((result, where))
            if len(batch) >= _STORE_BATCH:
                _store(engine, cache, batch, drop_facts)
                batch = []
        elif drop_facts and result.facts:
            result.packed_facts = pack_facts(result.facts, engine.corpus_rules)
            result.facts = {}
        yield result
    if cache is not None:
        _store(engine, cache, batch, drop_facts)


def _store(
    engine: Engine, cache: ResultCache, batch: list[tuple[FileResult, Located | None]], drop_facts: bool
) -> None:
    cache.store(_records(engine, batch))
    if drop_facts:
        for result, where in batch:
            if where is not None and result.digest:
                result.facts = {}
                result.packed_facts = ""


def _context(
    engine: Engine,
    sources: Iterable[Source],
    checked: set[str],
    wanted: set[str],
    cache: ResultCache | None,
    jobs: int,
    located: dict[str, Located | None],
) -> list[FileResult]:
    """What the files under the content roots that were not checked contribute to cross-file
    rules. An unchanged file comes from the cache, and only when it shares a key with a checked
    file (nothing else can show in this run's findings); a changed one is linted again."""
    cwd = os.path.join(os.getcwd(), "")
    stamps = cache.stamps() if cache is not None else {}
    paths = [source.path for source in sources if source.problem is None]
    found: list[FileResult] = []
    todo: list[tuple[str, Located]] = []
    for position, where, shared_keys in freshness.judge(paths, stamps, checked, wanted, jobs):
        keys = shared_keys
        if keys is None:  # changed since cached, or not cached: same content, or lint it again
            stamp = stamps.get(where.real)
            if (
                cache is None
                or stamp is None
                or not _unchanged(engine, cache, paths[position], where, stamp[1], stamp[2], None)
            ):
                todo.append((_relative(paths[position], cwd), where))
                continue
            keys = tuple(stamp[3].split("\n")) if stamp[3] else ()
            if wanted.isdisjoint(keys):
                continue
        path = _relative(paths[position], cwd)
        found.append(FileResult(path, keys=keys))
        located[path] = where
    fresh = lint_many(engine, [path for path, _ in todo], jobs)
    for result, (path, where) in zip(_stored(engine, cache, fresh, [w for _, w in todo]), todo, strict=True):
        found.append(result)
        located[path] = where
    return found


def _unchanged(
    engine: Engine,
    cache: ResultCache,
    path: str,
    where: Located,
    size: int,
    mtime_ns: int | None,
    digest_then: str | None,
) -> bool:
    """True when the file is as cached (size, mtime_ns, digest_then): same stat, or same content
    hash. The hash is read from the cache only when needed (`digest_then` None)."""
    if fresh_by_stat(size, mtime_ns, where.size, where.mtime_ns):
        return True
    head = read_head(path, engine.config.max_front_matter_bytes)
    if not isinstance(head, bytes):
        return False
    then = digest_then if digest_then is not None else cache.digest(where.real)
    if digest(head) == then:
        cache.touch(where.real, where.size, where.mtime_ns)
        return True
    return False


def _from_cache(
    engine: Engine, cache: ResultCache, path: str, where: Located, entry: Entry
) -> FileResult | None:
    if not _unchanged(engine, cache, path, where, entry.size, entry.mtime_ns, entry.digest):
        return None
    try:
        # no digest: a cached result is never stored again, and 100,000 of them add up
        return decode(path, path.replace(os.sep, "/"), entry.findings, entry.keys, "")
    except (ValueError, KeyError, TypeError):  # a damaged entry: lint again, overwrite it
        return None


def _records(engine: Engine, pairs: Sequence[tuple[FileResult | None, Located | None]]) -> list[Record]:
    records = []
    for result, where in pairs:
        if result is None or where is None or not result.digest:
            continue
        findings, keys, facts = encode(result, engine.corpus_rules)
        records.append(
            Record(where.real, where.size, where.mtime_ns, result.digest, findings, keys, facts, where.alias)
        )
    return records
