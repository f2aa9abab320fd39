"""One project as an editor sees it: its config, its engine, and every other file's facts.

The language server lints the text being typed, not the file on disk, and judges cross-file
rules (a duplicate alias) against the rest of the project. The rest is read once, in the
background, from the result cache where a file is unchanged (linted otherwise), and kept as
per-file results; an edit replaces one result, so each keystroke costs
one file plus the cross-file judgement, whatever the size of the project.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from linter.config.settings import Config
from linter.findings import Finding, Problem
from linter.reading import pointers
from linter.reading.compose import compose_document
from linter.reading.frontmatter import split_front_matter
from linter.running.cache import DEFAULT_FOLDER
from linter.running.discovery import FileFilter, discover
from linter.running.engine import Engine, build_engine
from linter.running.results import FileResult
from linter.running.runner import RunOptions, project_results


class Workspace:
    """A project found from a file's folder (its config file decides the root)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.engine: Engine = build_engine(config)
        self._results: dict[str, FileResult] = {}
        self._paths_by_key: dict[str, set[str]] = {}
        self._lock = threading.Lock()
        self.indexed = threading.Event()
        self.filters = FileFilter.build(
            *config.file_patterns, config.root, config.respect_gitignore, config.content_patterns
        )

    def covers(self, path: str) -> bool:
        """`check` would lint `path` from the project root: a page, its name included, not excluded."""
        filters = self.filters
        return filters.included(Path(path).name) and filters.is_content(path) and not filters.excluded(path)

    def index(self) -> int:
        """Every file of the project once (the cross-file context), from the result cache where
        a file is unchanged, as `check` would; returns how many."""
        config = self.config
        sources = [s for s in discover([str(config.root)], self.filters) if s.problem is None]
        folder = (config.cache_dir or config.root / DEFAULT_FOLDER) if config.cache else None
        for result in project_results(self.engine, sources, RunOptions(cache_folder=folder)):
            with self._lock:
                if result.path not in self._results:  # an open file's edits win over the disk
                    self._remember(result.path, result)
        self.indexed.set()
        return len(sources)

    def lint_text(self, path: str, text: str) -> list[Finding]:
        """Findings for `text` as the content of `path`, cross-file rules included."""
        result = self.engine.lint_bytes(path, text.encode("utf-8", "surrogatepass"))
        with self._lock:
            self._remember(path, result)
            sharing = {p for key in result.keys for p in self._paths_by_key.get(key, ())}
            others = [self._results[p] for p in sharing if p != path]
        return self.engine.finish([result], context=others, judge_bindings=False).findings

    def forget_edits(self, path: str) -> None:
        """A closed file counts again as it is on disk."""
        result = self.engine.lint_file(path) if Path(path).is_file() else None
        with self._lock:
            self._forget(path)
            if result is not None:
                self._remember(path, result)

    def _remember(self, path: str, result: FileResult) -> None:
        """Keep `result` and index it by its fact keys: only files sharing a key with the
        edited one are judged with it (10,000 files: ~100 ms per edit judged all, a few ms so)."""
        self._forget(path)
        self._results[path] = result
        for key in result.keys:
            self._paths_by_key.setdefault(key, set()).add(path)

    def _forget(self, path: str) -> None:
        old = self._results.pop(path, None)
        for key in old.keys if old is not None else ():
            holders = self._paths_by_key.get(key)
            if holders is not None:
                holders.discard(path)
                if not holders:  # each keystroke makes new keys: an empty entry would stay forever
                    del self._paths_by_key[key]

    def key_at(self, path: str, text: str, line: int, column: int) -> str | None:
        """The JSON pointer of the front-matter key at 1-based `line`/`column` of `text`."""
        applies = self.engine.content_type_of(path)
        front = split_front_matter(
            text.encode("utf-8", "surrogatepass"), self.config.max_front_matter_bytes, applies.flavours
        )
        if isinstance(front, Problem):
            return None
        document, _problems = compose_document(path, front, applies.limits)
        if document is None:
            return None
        for pointer in _key_pointers(document.data, ""):
            region = document.locate(pointer, "key")
            if region.line == line and region.column <= column < max(region.end_column, region.column + 1):
                return pointer
        return None

    def description(self, path: str, pointer: str) -> str | None:
        """The `description` (or `title`) that the schema checking `path` gives the value at
        `pointer`: the schema the engine already loaded for the file's content type."""
        node = _schema_node(self.engine.content_type_of(path).schema.schema, pointer)
        if not isinstance(node, dict):
            return None
        text = node.get("description") or node.get("title")
        return text if isinstance(text, str) else None


def _schema_node(root: Any, pointer: str) -> Any:
    node = root
    for token in pointers.split(pointer):
        node = _resolve(root, node)
        if not isinstance(node, dict):
            return None
        if token.isdigit() and "items" in node:
            node = node["items"]
        else:
            node = (node.get("properties") or {}).get(token)
    return _resolve(root, node)


def _key_pointers(value: Any, parent: str) -> Iterator[str]:
    """Every mapping key's pointer, parents first."""
    if isinstance(value, dict):
        for key, child in value.items():
            here = pointers.join(parent, key)
            yield here
            yield from _key_pointers(child, here)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _key_pointers(child, pointers.join(parent, index))


def _resolve(root: Any, node: Any, hops: int = 16) -> Any:
    """Follow local `$ref`s (`#/...`), a bounded number of times (a loop ends, never hangs)."""
    for _ in range(hops):
        if not (
            isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#")
        ):
            return node
        node = pointers.resolve(root, node["$ref"][1:])
    return node
