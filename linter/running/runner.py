"""One `check` run, planned then executed: the CLI's only entry point.

`plan_check` decides, before any file is linted, which files are checked and which of them the
cache answers. Executing the plan lints the rest (maybe in worker processes, linter.running.parallel),
storing them in the cache; then the content roots are consulted for cross-file facts (see
`Consulted`: which of those files matter depends on the keys of the checked ones), the few
results that share a key get their facts, and the engine judges. Every step returns new
immutable results; nothing is changed in place.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from linter.findings import Problem
from linter.records import NamedTuple
from linter.running import freshness
from linter.running.cached import Seen, cache_key, from_cache, stored, unchanged
from linter.running.discovery import FileFilter, Source, discover
from linter.running.engine import Engine, Report
from linter.running.folder_listings import FolderMemo
from linter.running.gc_pause import collector_paused
from linter.running.identity import Identities, Located
from linter.running.parallel import lint_many
from linter.running.results import FileResult, sharing

if TYPE_CHECKING:
    from linter.running.cache_store import ResultCache

#: Files walked one by one up to which their entries are read instead of every cached stamp.
_FEW_STAMPS = 2_000

__all__ = ["Consulted", "Plan", "RunOptions", "cache_key", "open_cache", "plan_check", "run_check"]


class RunOptions(NamedTuple):
    """How a check runs. This module's records are NamedTuples: built once a run, they cost a
    tenth of a frozen dataclass to define at start-up (0.05 against 0.45 ms each)."""

    jobs: int = 1
    cache_folder: Path | None = None
    content_roots: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()  # as given on the command line: content roots among them need no second walk
    notice: Callable[[str], None] = lambda line: None  # why the run goes on without its cache
    #: The run covers the whole project (or its config file): only then is a role binding
    #: that matches no file worth a word (FM011); a pre-commit batch rarely holds every field.
    whole_project: bool = True


class Plan(NamedTuple):
    """What a run does, decided before any file is linted.

    `files` (each once) are checked (reported on), in order; `cached` answers some of them by
    path, the rest are linted. `located` holds the identity of each file whose real path the run
    needs (with a cache or content roots). `roots` are walked for cross-file facts only,
    leaving out the `checked` real paths.
    """

    files: tuple[str, ...]
    problems: tuple[tuple[str, Problem], ...]
    cached: Mapping[str, FileResult]
    located: Mapping[str, Located]
    roots: tuple[str, ...]
    checked: frozenset[str]


class Consulted(NamedTuple):
    """The files under the content roots that are not checked and can take part in a
    cross-file finding: unchanged ones that share a key with a checked file (`cached`, keys
    only) and changed or uncached ones (`todo`, linted again)."""

    cached: tuple[FileResult, ...]
    todo: tuple[str, ...]
    located: Mapping[str, Located]


def run_check(
    engine: Engine,
    sources: Sequence[Source],
    filters: FileFilter,
    options: RunOptions,
    on_file: Callable[[], None] | None = None,
) -> Report:
    cache = open_cache(engine, options.cache_folder, options.notice)
    with _closed_at_end(cache):
        with collector_paused(freeze=True):  # no cycles built; see gc_pause.py
            plan = plan_check(engine, sources, options, cache)
        results = _checked(engine, plan, cache, options.jobs, on_file)
        context: list[FileResult] = []
        located = dict(plan.located)
        if plan.roots:
            consulted = _consult(engine, plan, filters, results, cache)
            fresh = lint_many(engine, consulted.todo, options.jobs)
            places = [consulted.located.get(path) for path in consulted.todo]
            context = [*consulted.cached, *stored(cache, fresh, places)]
            located.update(consulted.located)
        if cache is not None:
            cache.flush()  # the touches of files whose stat changed but not their bytes
        with collector_paused(freeze=True):
            if engine.corpus_rules:
                everything = _with_shared_facts(engine, [*results, *context], cache, located)
                results, context = everything[: len(results)], everything[len(results) :]
            return engine.finish(results, plan.problems, context, judge_bindings=options.whole_project)


def project_results(engine: Engine, sources: Sequence[Source], options: RunOptions) -> list[FileResult]:
    """Every file's own result with its facts: from the cache where the file is unchanged,
    linted (and stored) otherwise. The language server's cross-file index: a warm project is
    indexed at the speed of the cache instead of linting every file."""
    cache = open_cache(engine, options.cache_folder, options.notice)
    with _closed_at_end(cache):
        with collector_paused():
            plan = plan_check(engine, sources, options, cache)
        results = _checked(engine, plan, cache, options.jobs, None)
        if cache is not None:
            cache.flush()
        needy = [r for r in results if r.keys and not r.facts]
        return _with_facts(engine, results, needy, cache, plan.located)


def plan_check(
    engine: Engine, sources: Sequence[Source], options: RunOptions, cache: ResultCache | None
) -> Plan:
    """Which of `sources` are checked, which of those the cache answers, which roots to consult."""
    files = tuple(s.path for s in sources if s.problem is None)
    problems = tuple((s.path, s.problem) for s in sources if s.problem is not None)
    roots = tuple(_roots_to_walk(options)) if engine.corpus_rules else ()
    located: dict[str, Located] = {}
    cached: dict[str, FileResult] = {}
    if cache is not None:
        located, cached = _answered(engine, files, cache)
    elif roots:
        located = Identities().locate_all(files)
    checked = frozenset(where.real for where in located.values()) if roots else frozenset()
    return Plan(files, problems, cached, located, roots, checked)


def _answered(
    engine: Engine, files: Sequence[str], cache: ResultCache
) -> tuple[dict[str, Located], dict[str, FileResult]]:
    """Where each of `files` is, and the cached results of those unchanged since, by path:
    from the entries' briefs where a file's stamp is the same and its entry plain (most files
    of a warm run), from its whole entry otherwise."""
    located = Identities().locate_all(files)
    briefs = cache.briefs([where.real for where in located.values()])
    answered: dict[str, FileResult] = {}
    rest: list[tuple[str, Located]] = []
    new_result = tuple.__new__  # a FileResult without its generated __new__: 100,000 times
    for path, where in located.items():
        brief = briefs.pop(where.real, None)  # a real path once
        if brief is None or brief[3] != where.alias:
            continue
        if brief[5] and brief[1] == where.size and brief[2] == where.changed_ns:
            keys = tuple(brief[4].split("\n")) if brief[4] else ()
            answered[path] = new_result(FileResult, (path, (), (), "", keys, "", None, ()))
        else:
            rest.append((path, where))
    entries = cache.entries([where.real for _, where in rest], scan=False) if rest else {}
    for path, where in rest:
        entry = entries.get(where.real)
        if entry is not None and entry.alias == where.alias:
            result = from_cache(engine, cache, path, where, entry)
            if result is not None:
                answered[path] = result
    return located, answered


def _checked(
    engine: Engine, plan: Plan, cache: ResultCache | None, jobs: int, on_file: Callable[[], None] | None
) -> list[FileResult]:
    """Results in `plan.files` order: the cached ones, and the rest linted (and stored)."""
    if on_file is not None:
        for _ in plan.cached:
            on_file()
    cached = plan.cached
    todo = [path for path in plan.files if path not in cached]
    fresh = lint_many(engine, todo, jobs, on_file)
    places = [plan.located.get(path) for path in todo]
    linted = dict(zip(todo, stored(cache, fresh, places), strict=True))
    return [cached[path] if path in cached else linted[path] for path in plan.files]


def _consult(
    engine: Engine, plan: Plan, filters: FileFilter, results: Sequence[FileResult], cache: ResultCache | None
) -> Consulted:
    """Which files under the roots matter, now that the checked files' keys are known. An
    unchanged file comes from the cache, and only when it shares a key with a checked file
    (nothing else can show in this run's findings); a changed one is linted again. Folders the
    cache recalls are judged a folder at a time as the walk meets them (freshness.FolderJudge)."""
    cwd = os.path.join(os.getcwd(), "")
    wanted = {key for result in results for key in result.keys}
    shared = cache.holding(wanted) if cache is not None and wanted else {}
    folders = freshness.FolderJudge(plan.checked, shared)
    memo = FolderMemo(cache.folders(), filters.memo_key(), folders) if cache is not None else None
    paths = [s.path for s in discover(plan.roots, filters, memo=memo) if s.problem is None]
    # the files walked one by one: few (a folder listed again) are looked up with their
    # entries below, many (a first walk, one that reads `.gitignore` files) compared to every
    # cached stamp first
    stamps = cache.stamps() if cache is not None and len(paths) > _FEW_STAMPS else {}
    verdicts = [*folders.found, *freshness.judge(paths, stamps, plan.checked, shared)]
    # a file whose stat changed may hold the same bytes (a fresh checkout): its entry says
    restat = [
        where.real for _, where, keys in verdicts if keys is None and (not stamps or where.real in stamps)
    ]
    entries = cache.entries(restat) if cache is not None and restat else {}
    found: list[FileResult] = []
    todo: list[str] = []
    located: dict[str, Located] = {}
    for walked, where, keys in verdicts:
        path = _relative(walked, cwd)
        located[path] = where
        if keys is None:  # changed since cached, or not cached: same content, or lint it again
            entry = entries.get(where.real)
            if (
                cache is None
                or entry is None
                or not unchanged(
                    engine, cache, walked, where, Seen(entry.size, entry.changed_ns, entry.digest)
                )
            ):
                todo.append(path)
                continue
            keys = tuple(entry.keys.split("\n")) if entry.keys else ()
            if wanted.isdisjoint(keys):
                continue
        found.append(FileResult(path, keys=keys))
    if cache is not None and memo is not None and memo.fresh:  # after the touches above
        cache.store_folders(memo.fresh)
    return Consulted(tuple(found), tuple(todo), located)


def _with_shared_facts(
    engine: Engine, results: Sequence[FileResult], cache: ResultCache | None, located: Mapping[str, Located]
) -> list[FileResult]:
    """`results`, where those that share a key with another file and left their facts in the
    cache get them back: only those can take part in a cross-file finding (see CorpusRule)."""
    return _with_facts(engine, results, [r for r in sharing(results) if not r.facts], cache, located)


def _with_facts(
    engine: Engine,
    results: Sequence[FileResult],
    needy: Sequence[FileResult],
    cache: ResultCache | None,
    located: Mapping[str, Located],
) -> list[FileResult]:
    """`results`, the `needy` ones with their facts read back from the cache (or linted again)."""
    if not needy:
        return list(results)
    reals = {r.path: where.real for r in needy if (where := located.get(r.path)) is not None}
    stored_facts = cache.facts(reals.values()) if cache is not None and reals else {}
    # gone from the cache: lint again (damaged facts are the engine's to rebuild)
    given = {r.path: stored_facts.get(reals.get(r.path, "")) or engine.lint_file(r.path).facts for r in needy}
    return [r._replace(facts=given[r.path]) if r.path in given else r for r in results]


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


@contextlib.contextmanager
def _closed_at_end(cache: ResultCache | None) -> Iterator[None]:
    """The cache keeps one connection for the run (see ResultCache._connect); let it go after."""
    try:
        yield
    finally:
        if cache is not None:
            cache.close()


def open_cache(engine: Engine, folder: Path | None, notice: Callable[[str], None]) -> ResultCache | None:
    """The cache, if it can be trusted: a folder of ours and the user's secret (see
    cache_secret.py); otherwise the run goes on without it, with the same verdict."""
    if folder is None:
        return None
    # SQLite and the secret's modules load only for a run that uses the cache
    from linter.running.cache_folder import FolderRefused, claim
    from linter.running.cache_secret import SecretUnavailable, load_secret
    from linter.running.cache_store import ResultCache

    try:
        secret = load_secret(engine.config.root)
        claim(folder)
    except (SecretUnavailable, FolderRefused) as exc:
        notice(f"running without a cache: {exc}")
        return None
    return ResultCache.open(folder, cache_key(engine), secret)
