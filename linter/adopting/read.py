"""The content folders of a site and their front matter, read for `content-lint init`.

Reading goes through the linter's own reader (`linter.reading.frontmatter`, `linter.reading.compose`): regular
files only, a bounded front matter, no YAML tags or alias bombs. A file it cannot read is
skipped with a note, never an error: `init` proposes, the check that follows reports.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from linter.config.settings import Config
from linter.findings import Problem
from linter.reading.compose import Limits, compose_document
from linter.reading.frontmatter import read_front_matter
from linter.running.discovery import FileFilter, discover

MAX_FILES = 20_000  # per content folder: enough to prove a schema, bounded on a huge site
MAX_NAMED = 3  # skipped files named in a note; the rest are counted
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Group:
    """One content folder (or the loose files at the top): a content type to be."""

    name: str
    paths: tuple[str, ...]  # gitignore-style patterns, anchored at the site's folder
    files: tuple[str, ...]


def folder_groups(folder: Path, content: Sequence[str]) -> list[Group]:
    """A group per content folder the framework names; without any, per top-level folder of
    the files found (and one for loose files at the top)."""
    found = _files(folder, [str(folder / name) for name in content] or [str(folder)])
    by_name: dict[str, list[str]] = {}
    for path in found:
        relative = PurePosixPath(Path(os.path.relpath(path, folder)).as_posix())
        top = next((name for name in content if relative.is_relative_to(name)), None)
        by_name.setdefault(top or (relative.parts[0] if len(relative.parts) > 1 else ""), []).append(path)
    return [_group(name, by_name.get(name, [])) for name in list(content) or sorted(by_name)]


def _group(name: str, files: list[str]) -> Group:
    if name:
        return Group(type_name(name), (f"/{name}/",), tuple(files))
    suffixes = sorted({Path(path).suffix for path in files})
    return Group("pages", tuple(f"/*{suffix}" for suffix in suffixes), tuple(files))


def type_name(folder: str) -> str:
    """`src/content/docs` -> `docs`, `_posts` -> `posts`: a type name that is a safe file name."""
    last = folder.rstrip("/").rsplit("/", 1)[-1].lstrip("_.")
    return _UNSAFE_NAME.sub("-", last).strip("-") or "content"


def read_documents(files: Sequence[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """The front matter of each readable file (at most MAX_FILES), and notes on the rest."""
    documents: list[dict[str, Any]] = []
    skipped: list[tuple[str, str]] = []
    for path in files[:MAX_FILES]:
        data = _front_matter(path)
        if isinstance(data, str):
            skipped.append((path, data))
        else:
            documents.append(data)
    notes = [f"read the first {MAX_FILES} of {len(files)} files"] if len(files) > MAX_FILES else []
    if skipped:
        named = "; ".join(f"{path} ({why})" for path, why in skipped[:MAX_NAMED])
        more = f"; and {len(skipped) - MAX_NAMED} more" if len(skipped) > MAX_NAMED else ""
        notes.append(f"skipped {len(skipped)} file(s) without readable front matter: {named}{more}")
    return documents, notes


def _front_matter(path: str) -> dict[str, Any] | str:
    """The front matter as data, or why it cannot be read."""
    front = read_front_matter(path, Config(root=Path(".")).max_front_matter_bytes)
    if isinstance(front, Problem):
        return front.message
    try:
        document, problems = compose_document(path, front, Limits())
    except Exception as exc:  # a reader bug must not stop init; the check will report the file
        return f"{type(exc).__name__}: {exc}"[:200]
    if document is None:
        return problems[0].message if problems else "cannot be read"
    return document.data


def _files(folder: Path, paths: list[str]) -> list[str]:
    defaults = Config(root=folder.resolve())
    filters = FileFilter.build(*defaults.file_patterns, defaults.root, defaults.respect_gitignore)
    existing = [path for path in paths if Path(path).is_dir()]
    return [source.path for source in discover(existing, filters) if source.problem is None]
