"""Files -> documents -> schema -> document rules -> corpus rules -> suppression -> findings.

The engine never prints; it returns findings for reporters to render. Per-file work
(`lint_file`) is independent of every other file, so it can run in worker processes or be
replayed from the cache; `finish` joins the results.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

from linter.config.content_types import ContentType, TypeMatcher
from linter.config.options import build_rules
from linter.config.selection import Selection, matches
from linter.config.settings import Config
from linter.findings import Finding, Problem, Severity
from linter.reading.compose import Limits, compose_document
from linter.reading.document import Document
from linter.reading.frontmatter import FrontMatter, read_head, split_front_matter
from linter.rules import ALL_RULES, RULES_BY_CODE
from linter.rules.base import CorpusRule, Rule, RunContext, Violation
from linter.rules.bindings import matched_bindings, unmatched, unmatched_problems
from linter.rules.fields import FieldView
from linter.rules.suppression import apply_suppressions, comment_directives
from linter.running.cache import digest
from linter.running.file_stamps import unique
from linter.running.finding_cap import split_findings
from linter.running.fix_proofs import proved
from linter.running.kinds import Kind
from linter.running.results import FileResult, fact_keys, pack_facts, sharing, unpack_facts
from linter.running.setup import Setup, reading_kind, selection_in_force
from linter.schema.check import SchemaChecker


class Report(NamedTuple):
    files_checked: int
    findings: list[Finding]
    #: The findings each file's FM010 counts instead of showing (for a baseline to match).
    hidden: tuple[Finding, ...] = ()


class Engine:
    def __init__(
        self,
        config: Config,
        schema: SchemaChecker,
        selection: Selection,
        context: RunContext,
        kinds: Sequence[tuple[ContentType, Kind]] = (),
    ) -> None:
        self.config = config
        self.schema = schema
        self.selection = selection
        self.context = context
        self.limits = Limits(
            max_depth=config.max_depth,
            allow_aliases=config.allow_aliases,
            case_insensitive_keys=config.case_insensitive_keys,
        )
        self.rules: list[Rule] = build_rules(config, selection, context)
        self.corpus_rules = {r.code: r for r in self.rules if isinstance(r, CorpusRule)}
        self.document_rules = [r for r in self.rules if not isinstance(r, CorpusRule)]
        self.default_kind = reading_kind(
            "", schema, self.rules, context.binder, self.limits, config.preset_name
        )
        self.kinds = list(kinds)
        self.matcher = TypeMatcher(tuple(t for t, _ in self.kinds), config.root)
        self._by_name = {t.name: kind for t, kind in self.kinds}

    def kind_of(self, path: str) -> Kind:
        """The first content type whose `paths` match `path`; the top-level settings otherwise."""
        matched = self.matcher.match(path)
        return self.default_kind if matched is None else self._by_name[matched.name]

    def setup_fingerprint(self) -> dict[str, Any]:
        """What the content types and roles add to the result-cache key."""
        config = self.config
        return {
            "preset": config.preset,
            "roles": dict(config.roles),
            # The bindings as resolved (a preset's too): a preset that changes between two
            # builds of one version must not leave results judged by its old bindings.
            "bound": repr(self.default_kind.binder.roles),
            "timezone": config.timezone,
            "types": [
                [
                    t.name,
                    list(t.paths),
                    kind.schema.fingerprint,
                    t.preset,
                    dict(t.roles),
                    dict(t.rules),
                    repr(kind.limits),
                    repr(kind.binder.roles),
                ]
                for t, kind in self.kinds
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
        kind = self.kind_of(path) if self.kinds else self.default_kind
        front = split_front_matter(head, self.config.max_front_matter_bytes, kind.flavours, kind.fence_spaces)
        if isinstance(front, Problem):
            if front.code == "FM001" and kind.front_matter_optional:
                return FileResult(path, (), digest=head_digest)  # a page as its framework allows
            return FileResult(path, tuple(self._findings(path, [front])), digest=head_digest)
        try:
            return self.lint_front_matter(path, front, head_digest, kind)
        except Exception as exc:  # a bug of ours must not stop the run or hide the other files
            message = f"content-lint failed on this file ({type(exc).__name__}: {exc}); please report it"
            return FileResult(path, tuple(self._findings(path, [Problem("FM000", message[:500])])))

    def lint_front_matter(
        self, path: str, front: FrontMatter, head_digest: str = "", kind: Kind | None = None
    ) -> FileResult:
        """The result of one file's front matter; `head_digest` (the hash of the bytes read)
        makes it cacheable."""
        if kind is None:
            kind = self.kind_of(path) if self.kinds else self.default_kind
        document, problems = compose_document(path, front, kind.limits)
        if document is None:
            return FileResult(path, tuple(self._findings(path, problems)), digest=head_digest)
        directives = comment_directives(document)
        fix_zone = (
            self.context.zone if self.config.timezone is not None else None
        )  # only a zone the user chose
        problems.extend(kind.schema.check(document, fix_zone))
        problems.extend(self._rule_problems(document, kind))
        facts, keys = self._collect(document, kind)
        findings = tuple(self._findings(path, proved(document, problems, self._reported(path))))
        # The files the rules read (image headers) go with a result the cache may keep (one
        # with a digest): it is reused only while each is unchanged.
        files = (
            unique(view.files_read for view in document.memo.values() if isinstance(view, FieldView))
            if head_digest
            else ()
        )
        bindings = matched_bindings(kind.binder, document)
        return FileResult(path, findings, tuple(directives), facts, keys, head_digest, bindings, files)

    def _collect(self, document: Document, kind: Kind) -> tuple[str, tuple[str, ...]]:
        """The document's corpus-rule facts, packed, and the keys they can match elsewhere."""
        facts: dict[str, Any] = {}
        keys: tuple[str, ...] = ()
        for code, rule in (self.corpus_rules if kind is self.default_kind else kind.corpus_rules).items():
            value = rule.collect(document)
            if value is not None:
                facts[code] = value
                keys += fact_keys(code, rule.keys(value))
        return (pack_facts(facts, self.corpus_rules) if facts else ""), keys

    def _rule_problems(self, document: Document, kind: Kind) -> Iterator[Problem]:
        for rule in self.document_rules if kind is self.default_kind else kind.document_rules:
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
        ignored: set[str] | None = None

        def reported(code: str) -> bool:
            nonlocal ignored
            if ignored is None:  # only for a file with a fix to prove
                ignored = self._per_file_ignores(path)
            return code not in ignored and self.selection.severity(code) is not None

        return reported

    def _per_file_ignores(self, path: str) -> set[str]:
        if not self.config.per_file_ignores:
            return set()
        try:
            relative = Path(os.path.abspath(path)).relative_to(self.config.root).as_posix()
        except ValueError:
            relative = Path(path).as_posix()
        codes: set[str] = set()
        for pattern, selectors in self.config.per_file_ignores.items():
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern):
                codes.update(r.code for r in ALL_RULES if any(matches(s, r) for s in selectors))
        return codes


def build_engine(config: Config, now: datetime | None = None) -> Engine:
    """Wire config -> selection -> schemas and roles per content type -> engine (what the CLI,
    workers and tests need)."""
    moment = now or config.reference_time or datetime.now(timezone.utc)
    setup = Setup(config, moment)
    top = setup.top()
    selection = selection_in_force(config)
    kinds = [(kind, setup.kind(kind, selection)) for kind in config.types]
    return Engine(replace(config, rules=top.rules), top.schema, selection, top.context, kinds)


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


__all__ = ["Engine", "FileResult", "Kind", "Report", "build_engine"]
