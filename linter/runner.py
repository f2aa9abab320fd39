"""One `check` run: cached results where the file is unchanged, fresh linting (maybe parallel)
for the rest, and the content roots' facts for cross-file rules. The CLI's only entry point.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from linter import __version__
from linter.cache import CACHE_FORMAT, Record, ResultCache, digest, fingerprint
from linter.discovery import FileFilter, Source, discover
from linter.engine import Engine, Report
from linter.frontmatter import read_head
from linter.parallel import lint_many
from linter.results import FileResult, decode, encode


@dataclass(frozen=True)
class RunOptions:
    jobs: int = 1
    cache_folder: Path | None = None
    content_roots: tuple[str, ...] = ()


def run_check(
    engine: Engine,
    sources: Sequence[Source],
    filters: FileFilter,
    options: RunOptions,
    on_file: Callable[[], None] | None = None,
) -> Report:
    files = [s.path for s in sources if s.problem is None]
    problems = [(s.path, s.problem) for s in sources if s.problem is not None]
    cache = _open_cache(engine, options.cache_folder)
    results = _results(engine, files, cache, options.jobs, on_file)
    context: list[FileResult] = []
    if engine.corpus_rules and options.content_roots:
        checked = {os.path.realpath(p) for p in files}
        others = [
            _relative(s.path)
            for s in discover(options.content_roots, filters)
            if s.problem is None and os.path.realpath(s.path) not in checked
        ]
        context = _results(engine, others, cache, options.jobs, None)
    return engine.finish(results, problems, context)


def _relative(path: str) -> str:
    """Content roots come from config as absolute paths; show them as the user would type them."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


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
            "limits": [config.max_front_matter_bytes, config.max_depth],
            "per_file_ignores": dict(config.per_file_ignores),
            "root": str(config.root),
            # Date rules judge against "now": without a fixed reference time, results last a day.
            "now": now.isoformat() if config.reference_time else now.date().isoformat(),
        }
    )


def _open_cache(engine: Engine, folder: Path | None) -> ResultCache | None:
    return ResultCache.open(folder, cache_key(engine)) if folder is not None else None


def _results(
    engine: Engine,
    paths: Sequence[str],
    cache: ResultCache | None,
    jobs: int,
    on_file: Callable[[], None] | None,
) -> list[FileResult]:
    """Results in `paths` order: from the cache when the file is unchanged, else freshly linted."""
    results: list[FileResult | None] = [None] * len(paths)
    stats: dict[int, tuple[str, int, int]] = {}
    todo: list[int] = []
    for index, path in enumerate(paths):
        hit, stat = _from_cache(engine, cache, path) if cache is not None else (None, None)
        if stat is not None:
            stats[index] = stat
        if hit is not None:
            results[index] = hit
            if on_file is not None:
                on_file()
        else:
            todo.append(index)
    fresh = list(lint_many(engine, [paths[i] for i in todo], jobs, on_file))
    for index, result in zip(todo, fresh, strict=True):
        results[index] = result
    if cache is not None:
        cache.store(_records(engine, [(results[i], stats.get(i)) for i in todo]))
    return [r for r in results if r is not None]


def _from_cache(
    engine: Engine, cache: ResultCache, path: str
) -> tuple[FileResult | None, tuple[str, int, int] | None]:
    try:
        real = os.path.realpath(path)
        info = os.stat(real)
    except OSError:
        return None, None
    stat = (real, info.st_size, info.st_mtime_ns)
    entry = cache.lookup(real)
    if entry is None:
        return None, stat
    if not entry.fresh_by_stat(info.st_size, info.st_mtime_ns):
        head = read_head(path, engine.config.max_front_matter_bytes)
        if isinstance(head, bytes) and digest(head) == entry.digest:
            cache.store([Record(real, info.st_size, info.st_mtime_ns, entry.digest, entry.payload)])
        else:
            return None, stat
    try:
        return decode(path, path.replace(os.sep, "/"), entry.payload, engine.corpus_rules, entry.digest), stat
    except (ValueError, KeyError, TypeError):  # a damaged entry: lint again, overwrite it
        return None, stat


def _records(
    engine: Engine, pairs: list[tuple[FileResult | None, tuple[str, int, int] | None]]
) -> list[Record]:
    records = []
    for result, stat in pairs:
        if result is None or stat is None or not result.digest:
            continue
        real, size, mtime_ns = stat
        records.append(Record(real, size, mtime_ns, result.digest, encode(result, engine.corpus_rules)))
    return records
