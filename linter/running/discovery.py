"""Expand the paths given on the command line into the files to lint, in a stable order."""

from __future__ import annotations

import fnmatch
import functools
import operator
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from linter.config.gitignore import GitIgnore
from linter.config.project_paths import ProjectPaths, real_spelling
from linter.findings import Problem
from linter.reading.bounded import RefusedFile, read_regular_file
from linter.records import NamedTuple
from linter.running import git_files, git_untracked
from linter.running.cache import fingerprint
from linter.running.folder_listings import FolderMemo
from linter.running.git_files import GitListing

SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})
#: Real `.gitignore` files are kilobytes; a larger one is refused rather than parsed.
MAX_GITIGNORE_BYTES = 1 << 20
_BY_NAME = operator.attrgetter("name")


class Source(NamedTuple):
    """A file to lint (`path` as shown to the user) or a problem met while walking. A
    NamedTuple: one is made per file, 100,000 times a run, at a third of a dataclass's cost."""

    path: str
    problem: Problem | None = None


class FileFilter:
    """Which files a walk takes. A plain class: a dataclass would import `dataclasses`."""

    __slots__ = ("content", "exclude", "include", "paths", "respect_gitignore", "root")

    def __init__(
        self,
        include: tuple[str, ...],
        exclude: GitIgnore,
        root: Path,
        respect_gitignore: bool,
        content: GitIgnore | None = None,
    ) -> None:
        self.include = include
        self.exclude = exclude
        self.root = root
        self.respect_gitignore = respect_gitignore
        #: Which files are pages (see Config.content_patterns); None: every included file.
        self.content = content
        #: Where each file is in the project: what `exclude` and `content` match.
        self.paths = ProjectPaths(root)

    @classmethod
    def build(
        cls,
        include: Sequence[str],
        exclude: Sequence[str],
        root: Path,
        respect_gitignore: bool,
        content: Sequence[str] = (),
    ) -> FileFilter:
        pages = GitIgnore(content) if content else None
        return cls(tuple(include), GitIgnore(exclude), root, respect_gitignore, pages)

    def memo_key(self) -> str:
        """What, besides a folder's entries, decides which of them a walk takes (the key of a
        remembered listing, folder_listings.py)."""
        patterns = [spec.key() if spec else None for spec in (self.exclude, self.content)]
        return fingerprint([list(self.include), patterns, str(self.root)])

    def included(self, name: str) -> bool:
        return _include_pattern(self.include).match(name) is not None

    def takes(self, path: str) -> bool:
        """A file named on the command line is checked under --force-exclude only when a walk
        would check it: its name included, not excluded, a page (pre-commit names every file
        its `files` pattern matches; the project decides which are pages)."""
        return self.included(os.path.basename(path)) and not self.excluded(path) and self.is_content(path)

    def pages_in(self, folder: str) -> Callable[[str], bool] | None:
        """Whether a file name in `folder` is a page, its folder's project path worked out once;
        None when every file there is one."""
        if self.content is None:
            return None
        prefix = self.paths.folder(folder)
        if ProjectPaths.outside(prefix):  # beside the root (`../docs`): the rare case
            return lambda name: self.is_content(os.path.join(folder, name))
        matches = self.content.match_file
        return lambda name: matches(prefix + name)

    def is_content(self, path: str) -> bool:
        """Whether the file at `path` is a page; a file outside the root is taken as one, unless
        a pattern names its folder from the root (`../docs/**`, a site's pages kept beside it)."""
        if self.content is None:
            return True
        where = self.paths.of(path)
        if ProjectPaths.outside(where) and not self.content.any_taken(where):
            return True
        return self.content.match_file(where)

    def excluded(self, path: str, is_dir: bool = False) -> bool:
        if not self.exclude.rules:
            return False
        where = self.paths.of(path)
        return self.exclude.match_file(where + "/" if is_dir else where)


@functools.lru_cache(maxsize=8)
def _include_pattern(include: tuple[str, ...]) -> re.Pattern[str]:
    """All include globs as one compiled pattern: one match per file instead of one per glob."""
    return re.compile("|".join(fnmatch.translate(pattern) for pattern in include) or "(?!)")


def discover(
    paths: Sequence[str], filters: FileFilter, force_exclude: bool = False, memo: FolderMemo | None = None
) -> Iterator[Source]:
    """Yield files under `paths` (sorted, each file once however many paths reach it); explicit
    files are taken as given. Walking a folder never follows a symlink (see `_walk`); `memo`
    recalls the folders unchanged since a walk listed them."""
    if len(paths) == 1:  # one walk never yields a file twice: it follows no links
        yield from _expand(paths[0], filters, force_exclude, memo)
        return
    seen: set[object] = set()
    for given in paths:
        for source in _expand(given, filters, force_exclude, memo):
            key = _identity(source.path)
            if key not in seen:
                seen.add(key)
                yield source


def _identity(path: str) -> object:
    """The file a path names (a link and its target, or two spellings, are one), else the path:
    one file reached twice must be checked once, or FM404 would call it its own duplicate."""
    try:
        info = os.stat(path)
    except OSError:
        return os.path.normpath(path)
    return info.st_dev, info.st_ino


def _expand(
    given: str, filters: FileFilter, force_exclude: bool, memo: FolderMemo | None = None
) -> Iterator[Source]:
    try:
        info = os.stat(given)
    except OSError as exc:
        if os.path.islink(given):
            yield Source(
                given, Problem("FM007", f"cannot read file: {exc.strerror} (broken or looping symlink)")
            )
        else:
            yield Source(given, Problem("FM007", f"no such file or folder: {given}"))
        return
    given = real_spelling(given, filters.root)
    if not stat.S_ISDIR(info.st_mode):
        if not (force_exclude and not filters.takes(given)):
            yield Source(given)
        return
    if force_exclude and filters.excluded(given, is_dir=True):
        return
    if given in (".", "./"):  # shown as `docs/a.md`, not `./docs/a.md`, as git and ruff do
        yield from _walk(".", filters, memo, len("./") if os.path.join(".", "") == "./" else 0)
        return
    yield from _walk(given, filters, memo)


Ignores = list[tuple[str, GitIgnore]]


def _walk(top: str, filters: FileFilter, memo: FolderMemo | None = None, cut: int = 0) -> Iterator[Source]:
    """Depth-first, sorted, iterative. Like git, it never follows a symlink (to a folder or a
    file): a planted `ln -s / content/r` must not walk the file system, and every file it
    yields is inside `top` and reached by one path only. In a git work tree git says what is
    ignored, so a tracked file is never skipped (see git_files.py). With a `memo`, a folder
    unchanged since it was listed is not listed again (see folder_listings.py). The paths
    yielded lose their first `cut` characters (`./` of `top` ".", each path built once)."""
    visited: set[tuple[int, int]] = set()
    whole, keeper = git_untracked.ask(top, memo) if filters.respect_gitignore else (None, None)
    stack: list[tuple[str, Ignores, GitListing | None]] = [(top, [], whole)]
    while stack:
        folder, ignores, shipped = stack.pop()
        info = _folder(folder, visited)
        if isinstance(info, Source):
            keeper = None
            yield _cut(info, cut)
            continue
        if filters.respect_gitignore and shipped is None:
            own = _gitignore(folder)
            if isinstance(own, Source):
                yield _cut(own, cut)
            elif own is not None:
                ignores = [*ignores, own]
        memo_here = memo if not ignores else None
        git_says = shipped.answer(folder) if shipped is not None and memo_here is not None else ""
        known = memo_here.recall(folder, info, git_says) if memo_here is not None else None
        if known is not None:
            paths, subfolders, quiet = known
        else:
            listing = _listing(folder)
            if isinstance(listing, Source):
                keeper = None
                yield _cut(listing, cut)
                continue
            paths, subfolders = _split_entries(listing, filters, ignores)
            quiet = False
            if shipped is not None:
                paths, subfolders, quiet = _shipped(folder, paths, subfolders, shipped)
            if memo_here is not None:
                memo_here.remember(folder, info, paths, subfolders, git_says, quiet)
        if keeper is not None and (quiet or shipped is not whole or not keeper.saw(folder, info)):
            keeper = None  # git's untracked answer cannot be vouched for: asked again next time
        yield from [Source(path[cut:]) for path in paths] if cut else map(Source, paths)
        stack.extend((path, ignores, _below(path, shipped)) for path in reversed(subfolders))
    if keeper is not None:
        keeper.keep()


def _cut(source: Source, cut: int) -> Source:
    """A problem's Source as `_walk` shows paths (`top` itself, ".", keeps its name)."""
    return Source(source.path[cut:], source.problem) if cut and source.path.startswith("./") else source


def _shipped(
    folder: str, paths: list[str], subfolders: list[str], shipped: GitListing
) -> tuple[list[str], list[str], bool]:
    """What git lists of a folder's files and subfolders (paths below `folder`), and whether
    some subfolders were left out (git lists nothing under them)."""
    files, folders = shipped.kept_in(folder)
    cut = len(os.path.join(folder, ""))
    kept = [path for path in subfolders if path[cut:] in folders or path[cut:] in files]
    return [path for path in paths if path[cut:] in files], kept, len(kept) < len(subfolders)


def _below(folder: str, shipped: GitListing | None) -> GitListing | None:
    """The listing that answers for `folder`: a submodule (listed as a file) asks its own git."""
    if shipped is not None and shipped.holds_repository(folder):
        return git_files.listing(folder)
    return shipped


def _folder(folder: str, visited: set[tuple[int, int]]) -> os.stat_result | Source:
    """The folder's stat, or the FM007 Source of a folder that cannot be stat-ed or loops back."""
    try:
        info = os.stat(folder)
    except OSError as exc:
        return Source(folder, Problem("FM007", f"cannot read folder: {exc.strerror or exc}"))
    if (info.st_dev, info.st_ino) in visited:
        return Source(
            folder, Problem("FM007", "folder loop: a symlink leads back into a folder already checked")
        )
    visited.add((info.st_dev, info.st_ino))
    return info


def _listing(folder: str) -> list[os.DirEntry[str]] | Source:
    """The folder's entries sorted by name, or the FM007 Source of an unreadable folder."""
    try:
        return sorted(os.scandir(folder), key=_BY_NAME)
    except OSError as exc:
        return Source(folder, Problem("FM007", f"cannot read folder: {exc.strerror or exc}"))


def _split_entries(
    entries: list[os.DirEntry[str]], filters: FileFilter, ignores: Ignores
) -> tuple[list[str], list[str]]:
    """The paths of the files to check and of the subfolders to walk; symlinks are neither."""
    included = _include_pattern(filters.include).match
    excludes = bool(filters.exclude.rules)
    pages = filters.pages_in(os.path.dirname(entries[0].path)) if entries else None
    files: list[str] = []
    subfolders: list[str] = []
    for entry in entries:
        path, name = entry.path, entry.name
        try:
            if entry.is_symlink():
                continue
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            skipped = name.startswith(".") or name in SKIPPED_FOLDERS
            if not (
                skipped or _ignored(path, ignores, True) or (excludes and filters.excluded(path, is_dir=True))
            ):
                subfolders.append(path)
        elif (
            included(name) is not None
            and not (ignores and _ignored(path, ignores, False))
            and not (excludes and filters.excluded(path))
            and (pages is None or pages(name))
        ):
            files.append(path)
    return files, subfolders


def _gitignore(folder: str) -> tuple[str, GitIgnore] | Source | None:
    """The folder's `.gitignore` as (folder, patterns); None when it has none; a Source with
    FM007 when it is a FIFO, a device or too large (then its patterns are not applied). A line
    that is not a pattern (`foo\\`, `[z-a]`) is skipped: a typo must not stop the walk."""
    path = os.path.join(folder, ".gitignore")
    try:
        data = read_regular_file(path, MAX_GITIGNORE_BYTES)
    except RefusedFile as exc:
        return Source(path, Problem("FM007", f"`.gitignore` not read, its patterns not applied: it {exc}"))
    except OSError:
        return None  # none here (the usual case), or unreadable: git skips those too
    lines = data.decode("utf-8", errors="replace").splitlines()
    return folder, GitIgnore(lines, skip_invalid=True)


def _ignored(path: str, ignores: Ignores, is_dir: bool) -> bool:
    for base, spec in ignores:
        relative = os.path.relpath(path, base).replace(os.sep, "/")
        if spec.match_file(relative + "/" if is_dir else relative):
            return True
    return False
