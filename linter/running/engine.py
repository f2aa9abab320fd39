"""Files -> documents -> schema -> document rules -> corpus rules -> suppression -> findings.

The engine never prints; it returns findings for reporters to render. Per-file work
(`lint_file`) is independent of every other file, so it can run in worker processes or be
replayed from the cache; `finish` joins the results.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Any

from linter.config.content_types import TypeMatcher
from linter.config.gitignore import GitIgnore
from linter.config.globs import gitignore_form
from linter.config.project_paths import ProjectPaths
from linter.config.settings import Config
from linter.findings import Finding, Problem, Severity
from linter.reading.compose import compose_document
from linter.reading.document import Document
from linter.reading.file_stamps import unique
from linter.reading.frontmatter import FrontMatter, read_head, split_front_matter
from linter.records import NamedTuple
from linter.rules.base import Violation
from linter.rules.bindings import matched_bindings, unmatched, unmatched_problems
from linter.rules.fields import FieldView
from linter.rules.registry import ALL_RULES, RULES_BY_CODE
from linter.rules.selection import Selection, matches
from linter.rules.suppression import apply_suppressions, comment_directives
from linter.running.cache import digest
from linter.running.content_type import TOP, ContentType
from linter.running.finding_cap import split_findings
from linter.running.fix_proofs import proved
from linter.running.results import FileResult, fact_keys, pack_facts, sharing, unpack_facts
from linter.running.setup import Setup, selection_in_force


class Report(NamedTuple):
    files_checked: int
    findings: list[Finding]
    #: The findings each file's FM010 counts instead of showing (for a baseline to match).
    hidden: tuple[Finding, ...] = ()


class Engine:
    """Lints each file by what applies to it (its ContentType, the top level's when no
    `[[types]]` entry claims it) and judges the results together."""

    def __init__(
        self, config: Config, selection: Selection, top: ContentType, types: Sequence[ContentType] = ()
    ) -> None:
        self.config = config
        self.selection = selection
        self.top = top
        self.types = tuple(types)
        #: The top level's cross-file rules judge every file's facts, whatever its type.
        self.corpus_rules = top.corpus_rules
        self.matcher = TypeMatcher(tuple(t.entry for t in self.types))
        #: Where each file is in the project: the memo the rules' context holds (see Setup).
        self.project_path = top.context.project_path
        self._ignores = _ignores(config)
        self._by_name = {t.name: t for t in self.types}

    def content_type_of(self, path: str) -> ContentType:
        """The first content type whose `paths` match `path`; the top level otherwise (always
        for a file outside the root)."""
        if not self.types:
            return self.top
        where = self.project_path(path)
        matched = None if ProjectPaths.outside(where) else self.matcher.match(where)
        return self.top if matched is None else self._by_name[matched.name]

    def setup_fingerprint(self) -> dict[str, Any]:
        """What the content types and roles add to the result-cache key."""
        config = self.config
        return {
            "preset": config.preset,
            "roles": dict(config.roles),
            # The bindings as resolved (a preset's too): a preset that changes between two
            # builds of one version must not leave results judged by its old bindings.
            "bound": repr(self.top.binder.roles),
            "timezone": config.timezone,
            "types": [
                [
                    t.name,
                    list(t.entry.paths),
                    t.schema.fingerprint,
                    t.entry.preset,
                    dict(t.entry.roles),
                    dict(t.entry.rules),
                    repr(t.limits),
                    repr(t.binder.roles),
                ]
                for t in self.types
            ],
        }

    def run(self, paths: Iterable[str], problems: Iterable[tuple[str, Problem]] = ()) -> Report:
        """Lint `paths` in this process, without a cache (the simple path tests and embedders use)."""
        return self.finish([self.lint_file(path) for path in paths], problems)

    def finish(
        self,
        results: Sequence[FileResult],
        problems: Iterable[tuple[str, Problem]] = (),
        context: Sequence[FileResult] = (),
        judge_bindings: bool = True,
    ) -> Report:
        """Judge corpus rules over `results` plus `context` (files not being reported on), apply
        suppressions, sort. Results may come from any worker or from the cache. Without
        `judge_bindings` (one file being edited), bindings that match nothing are not judged."""
        extra = self._judge_corpus([*results, *context])
        if judge_bindings:
            patterns = unmatched(result.bindings for result in results)
            problems = [*problems, *unmatched_problems(self.config.source, patterns, len(results))]
        findings: list[Finding] = []
        hidden: list[Finding] = []
        for result in results:
            if not (result.findings or result.directives or result.path in extra):
                continue  # most files of a warm run: nothing to suppress, cap or report
            merged = [*result.findings, *self._findings(result.path, extra.get(result.path, []))]
            kept, unused = apply_suppressions(merged, result.directives)
            shown, counted = split_findings([*kept, *self._findings(result.path, unused)])
            findings.extend(shown)
            hidden.extend(counted)
        for path, problem in problems:
            findings.extend(self._findings(path, [problem]))
        findings.sort(key=lambda f: f.sort_key)
        return Report(len(results), findings, tuple(hidden))

    def lint_file(self, path: str) -> FileResult:
        head = read_head(path, self.config.max_front_matter_bytes)
        if isinstance(head, Problem):
            return FileResult(path, tuple(self._findings(path, [head])))
        return self.lint_bytes(path, head)

    def lint_bytes(self, path: str, head: bytes) -> FileResult:
        # The hash only lets the result cache reuse a result: a run without one skips it
        # (4 µs a file, 1.3 % of a cold run).
        head_digest = digest(head) if self.config.cache else ""
        applies = self.content_type_of(path)
        front = split_front_matter(
            head, self.config.max_front_matter_bytes, applies.flavours, applies.fence_spaces
        )
        if isinstance(front, Problem):
            if front.code == "FM001" and applies.front_matter_optional:
                return FileResult(path, (), digest=head_digest)  # a page as its framework allows
            return FileResult(path, tuple(self._findings(path, [front])), digest=head_digest)
        try:
            return self.lint_front_matter(path, front, head_digest, applies)
        except Exception as exc:  # a bug of ours must not stop the run or hide the other files
            message = f"content-lint failed on this file ({type(exc).__name__}: {exc}); please report it"
            return FileResult(path, tuple(self._findings(path, [Problem("FM000", message[:500])])))

    def lint_front_matter(
        self, path: str, front: FrontMatter, head_digest: str = "", applies: ContentType | None = None
    ) -> FileResult:
        """The result of one file's front matter; `head_digest` (the hash of the bytes read)
        makes it cacheable."""
        if applies is None:
            applies = self.content_type_of(path)
        document, problems = compose_document(path, front, applies.limits)
        if document is None:
            return FileResult(path, tuple(self._findings(path, problems)), digest=head_digest)
        directives = comment_directives(document)
        fix_zone = (
            self.top.context.zone if self.config.timezone is not None else None
        )  # only a zone the user chose
        problems.extend(applies.schema.check(document, fix_zone))
        problems.extend(self._rule_problems(document, applies))
        facts, keys = self._collect(document, applies)
        findings = tuple(self._findings(path, proved(document, problems, self._reported(path))))
        # The files the rules read (image headers) go with a result the cache may keep (one
        # with a digest): it is reused only while each is unchanged.
        files = (
            unique(view.files_read for view in document.memo.values() if isinstance(view, FieldView))
            if head_digest
            else ()
        )
        bindings = matched_bindings(applies.binder, document)
        return FileResult(path, findings, tuple(directives), facts, keys, head_digest, bindings, files)

    def _collect(self, document: Document, applies: ContentType) -> tuple[str, tuple[str, ...]]:
        """The document's corpus-rule facts, packed, and the keys they can match elsewhere."""
        facts: dict[str, Any] = {}
        keys: tuple[str, ...] = ()
        for code, rule in applies.corpus_rules.items():
            value = rule.collect(document)
            if value is not None:
                facts[code] = value
                keys += fact_keys(code, rule.keys(value))
        return (pack_facts(facts, self.corpus_rules) if facts else ""), keys

    def _rule_problems(self, document: Document, applies: ContentType) -> Iterator[Problem]:
        for rule in applies.document_rules:
            for violation in rule.check(document):
                yield _locate(rule.code, violation, document)

    def _judge_corpus(self, results: Sequence[FileResult]) -> dict[str, list[Problem]]:
        """Only results that share a key can meet in a finding (see CorpusRule): only their
        facts are unpacked."""
        extra: dict[str, list[Problem]] = {}
        if not self.corpus_rules:
            return extra
        unpacked = [(r.path, self._unpacked(r)) for r in sharing(results)]
        for code, rule in self.corpus_rules.items():
            facts = {path: held[code] for path, held in unpacked if code in held}
            for path, problem in rule.judge(facts):
                extra.setdefault(path, []).append(problem)
        return extra

    def _unpacked(self, result: FileResult) -> dict[str, Any]:
        """The facts of `result`; facts from a damaged cache are rebuilt by linting again."""
        try:
            return unpack_facts(result.facts, self.corpus_rules)
        except (KeyError, ValueError, TypeError):
            return unpack_facts(self.lint_file(result.path).facts, self.corpus_rules)

    def _findings(self, path: str, problems: Iterable[Problem]) -> list[Finding]:
        ignored = self._per_file_ignores(path)
        out = []
        for problem in problems:
            severity = self.selection.severity(problem.code)
            if severity is not None and problem.code not in ignored:
                out.append(_finding(path, problem, severity))
        return out

    def _reported(self, path: str) -> Callable[[str], bool]:
        """Whether a code is reported for `path` (its fixes are worth proving)."""
        ignored: frozenset[str] | None = None

        def reported(code: str) -> bool:
            nonlocal ignored
            if ignored is None:  # only for a file with a fix to prove
                ignored = self._per_file_ignores(path)
            return code not in ignored and self.selection.severity(code) is not None

        return reported

    def _per_file_ignores(self, path: str) -> frozenset[str]:
        """The codes `per-file-ignores` silence in the file at `path`, by its project path."""
        if not self._ignores:
            return frozenset()
        where = self.project_path(path)
        codes: frozenset[str] = frozenset()
        for spec, silenced in self._ignores:
            if spec.match_file(where):
                codes |= silenced
        return codes


def _ignores(config: Config) -> list[tuple[GitIgnore, frozenset[str]]]:
    """Each `per-file-ignores` key as a gitignore-style pattern (an old form as it was meant:
    see gitignore_form) with the codes its selectors name."""
    return [
        (
            GitIgnore([gitignore_form(key)]),
            frozenset(r.code for r in ALL_RULES if any(matches(s, r) for s in selectors)),
        )
        for key, selectors in config.per_file_ignores.items()
    ]


def build_engine(config: Config, now: datetime | None = None, paths: ProjectPaths | None = None) -> Engine:
    """Wire config -> selection -> what applies to the top level and each content type ->
    engine (what the CLI, workers and tests need). `paths`: the project paths discovery
    worked out, reused (by default the engine works them out itself)."""
    setup = Setup(config, now or config.reference_time or datetime.now(timezone.utc), paths)
    selection = selection_in_force(config)
    top = setup.content_type(TOP, selection)
    return Engine(config, selection, top, [setup.content_type(entry, selection) for entry in config.types])


def _finding(path: str, problem: Problem, severity: Severity) -> Finding:
    rule = RULES_BY_CODE.get(problem.code)
    region = problem.region
    return Finding(
        path=path.replace(os.sep, "/") if os.sep != "/" else path,
        line=region.line,
        column=region.column,
        end_line=region.end_line,
        end_column=region.end_column,
        code=problem.code,
        rule=rule.name if rule else problem.code,
        severity=severity,
        message=problem.message,
        pointer=problem.pointer,
        fix=problem.fix,
    )


def _locate(code: str, violation: Violation, document: Document) -> Problem:
    region = document.locate(violation.pointer, violation.target)
    return Problem(code, violation.message, region, violation.pointer, proposed=violation.fix)


__all__ = ["ContentType", "Engine", "FileResult", "Report", "build_engine"]
