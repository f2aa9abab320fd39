"""Reuse git's list of untracked files while nothing it was made from has changed, so that
checking one changed page in a big work tree does not make git read every folder again.

A walk in a git work tree asks git which files it ships (linter.running.git_files). The tracked
ones (`git ls-files --cached`) come from the index: ~10 ms of git's CPU for 100,000 files. The
untracked ones no ignore rule covers (`--others --exclude-standard`) take a read of every
folder: ~45 ms more, most of what a run checking one changed page spends in git. That answer
depends only on:
- the folders' entries: each folder's stat, as the walk's folder rows record it;
- which files are tracked: the tracked names, asked on every walk;
- the ignore rules: the `.gitignore` files of those folders and of the folders above them up
  to the work tree's root, `.git/info/exclude`, the file `core.excludesFile` names (or git's
  default one), and the config files that may set it or `core.ignoreCase`.
So a walk that asked git for both keeps the untracked names in the cache with a digest of all of
these, and a later walk of the same top that computes the same digest reuses them: a `stat` of
each folder and an `lstat` of its `.gitignore`, and the tracked names, instead of git's read.

Nothing is kept, and the next walk asks git for everything as before, when:
- a folder or an input changed within 2 s before git was asked (another change in the same clock
  tick could leave its stat as it was; the result cache treats racy files the same way);
- some folder holds subfolders git lists nothing under (folder_listings' `quiet`: a file added
  deep inside an empty folder changes no stat the walk looks at);
- the walk met a problem (FM007) or a nested repository, or did not finish;
- the OS is not POSIX (git on Windows finds the user's config through other variables);
- `.git` is not a folder (a linked work tree or a submodule keeps its git files elsewhere), a
  config file includes another (`include`, `includeIf`: what it reads can change with no stat
  here changing), or `core.excludesFile` is a relative path.
The kept answer lives in the authenticated cache, never in a file a pull request could plant,
and a fresh checkout changes every folder's stat: CI asks git in full.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable

from linter.hashes import blake2b
from linter.reading.bounded import RefusedFile, read_regular_file
from linter.reading.file_stamps import trusted_time
from linter.running import git_files
from linter.running.folder_listings import FolderMemo
from linter.running.git_files import GitListing

#: A config file this large is not one a person wrote; its answer is not kept.
MAX_CONFIG_BYTES = 1 << 20


class Keeper:
    """What the untracked answer a walk was given depends on, collected folder by folder as the
    walk takes them (`saw`), and kept with the answer when the walk ends (`keep`)."""

    __slots__ = (
        "_asked_ns",
        "_excludes_file",
        "_inputs",
        "_lines",
        "_memo",
        "_top",
        "_tracked",
        "_untracked",
    )

    def __init__(
        self,
        memo: FolderMemo,
        top: str,
        asked_ns: int,
        excludes_file: str,
        inputs: str,
        answers: tuple[bytes, bytes],
    ) -> None:
        self._memo, self._top, self._asked_ns = memo, top, asked_ns
        self._excludes_file, self._inputs = excludes_file, inputs
        self._tracked, self._untracked = answers
        self._lines: list[str] = []

    def saw(self, folder: str, info: os.stat_result) -> bool:
        """Note a folder the walk took; False when it changed too recently to vouch for git's answer."""
        line = _folder_line(self._memo.real(folder), info, self._asked_ns)
        if line is not None:
            self._lines.append(line)
        return line is not None

    def keep(self) -> None:
        """Keep the answer for the next walk of the same top (in the memo's fresh rows)."""
        digest = _digest(self._inputs, self._tracked, self._lines)
        stamp = json.dumps([self._excludes_file, digest])
        self._memo.keep_untracked(
            self._top, stamp, [name for name in git_files.names(self._untracked) if name]
        )


def ask(top: str, memo: FolderMemo | None) -> tuple[GitListing | None, Keeper | None]:
    """What git ships under `top` (None when git cannot say), and, when the walk may keep
    git's untracked answer for the next one, the Keeper to tell what it took."""
    if memo is None:  # nothing to keep it in: one question, as always
        return git_files.listing(top), None
    asked_ns = time.time_ns()
    reused = _reused(top, memo, asked_ns)
    if reused is not None:
        return reused, None
    tracked, untracked, named = git_files.ask(
        top, git_files.TRACKED, git_files.UNTRACKED, git_files.EXCLUDES_FILE
    ) or (None, None, None)
    if tracked is None or untracked is None:
        return None, None
    listing = GitListing(top, git_files.names(tracked) + git_files.names(untracked))
    excludes_file = _excludes_file(named)
    inputs = _inputs(top, excludes_file, asked_ns) if excludes_file is not None else None
    if excludes_file is None or inputs is None:
        return listing, None
    return listing, Keeper(memo, top, asked_ns, excludes_file, inputs, (tracked, untracked))


def _reused(top: str, memo: FolderMemo, asked_ns: int) -> GitListing | None:
    """The listing of the tracked names now and the untracked ones kept, when the kept digest
    is the one computed now; else None (and git is asked for everything)."""
    kept = memo.kept_untracked(top)
    if kept is None:
        return None
    try:
        excludes_file, digest = json.loads(kept[0])
    except ValueError:
        return None
    if not (isinstance(excludes_file, str) and isinstance(digest, str)):
        return None
    inputs = _inputs(top, excludes_file, asked_ns)
    lines = _tree_lines(top, memo, asked_ns) if inputs is not None else None
    if inputs is None or lines is None:
        return None
    (tracked,) = git_files.ask(top, git_files.TRACKED) or (None,)
    if tracked is None or _digest(inputs, tracked, lines) != digest:
        return None
    return GitListing(top, git_files.names(tracked) + kept[1])


def _tree_lines(top: str, memo: FolderMemo, asked_ns: int) -> list[str] | None:
    """A line for each folder the last walk of `top` took, as the folder rows recall them
    (`Keeper.saw` wrote the same while walking); None when one is gone, listed anew since,
    quiet, or too recent."""
    lines: list[str] = []
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
        except OSError:
            return None
        subfolders = memo.listed_subfolders(folder, info)
        line = _folder_line(memo.real(folder), info, asked_ns) if subfolders is not None else None
        if subfolders is None or line is None:
            return None
        lines.append(line)
        stack.extend(os.path.join(folder, name) for name in subfolders)
    return lines


def _folder_line(real: str, info: os.stat_result, asked_ns: int) -> str | None:
    """A folder's stat and its `.gitignore`'s (git reads that one without following a link)."""
    if not _settled(info, asked_ns):
        return None
    ignore = _file_line(real + ".gitignore", asked_ns, os.lstat)
    folder = f"{real} {info.st_dev} {info.st_ino} {info.st_mtime_ns} {info.st_ctime_ns}"
    return f"{folder} | {ignore}" if ignore is not None else None


def _inputs(top: str, excludes_file: str, asked_ns: int) -> str | None:
    """The stats of the ignore files and config files git reads for the untracked answer, one
    line each; None when the work tree's files are elsewhere, a config file includes another,
    or one of them changed too recently."""
    if os.name != "posix":  # git on Windows finds the user's config through other variables
        return None
    root = _work_tree_root(top)
    if root is None:
        return None
    home, config_home = os.environ.get("HOME", ""), os.environ.get("XDG_CONFIG_HOME", "")
    global_configs = [os.path.join(home, ".gitconfig")] if home else []
    if user_folder := _user_git_folder():
        global_configs.append(os.path.join(user_folder, "config"))
    configs = [os.path.join(root, ".git", name) for name in ("config", "config.worktree")] + global_configs
    if any(_includes(path) for path in configs):
        return None
    followed = [
        *configs,
        os.path.join(root, ".git", "info", "exclude"),
        *([excludes_file] if excludes_file else []),
    ]
    lines = [_file_line(path, asked_ns, os.stat) for path in followed]
    lines += [
        _file_line(os.path.join(folder, ".gitignore"), asked_ns, os.lstat) for folder in _above(top, root)
    ]
    if None in lines:
        return None
    return "\n".join([f"HOME={home}", f"XDG_CONFIG_HOME={config_home}", *map(str, lines)])


def _file_line(path: str, asked_ns: int, look: Callable[[str], os.stat_result]) -> str | None:
    """The stat of the file at `path` ("-" when there is none); None when it cannot be looked
    at or changed too recently."""
    try:
        info = look(path)
    except (FileNotFoundError, NotADirectoryError):
        return f"{path} -"
    except (OSError, ValueError):
        return None
    if not _settled(info, asked_ns):
        return None
    return f"{path} {info.st_mode:o} {info.st_dev} {info.st_ino} {info.st_size} {info.st_mtime_ns} {info.st_ctime_ns}"


def _settled(info: os.stat_result, asked_ns: int) -> bool:
    """Whether the stat last changed more than 2 s before git was asked."""
    return (
        trusted_time(info.st_mtime_ns, asked_ns) is not None
        and trusted_time(info.st_ctime_ns, asked_ns) is not None
    )


def _includes(path: str) -> bool:
    """Whether a config file may read another (or cannot be read to tell)."""
    try:
        text = read_regular_file(path, MAX_CONFIG_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, RefusedFile):
        return True
    return b"include" in text.lower()


def _work_tree_root(top: str) -> str | None:
    """The folder holding the `.git` folder git finds from `top`; None when the first `.git`
    (or bare repository's `HEAD`) found is anything else."""
    folder = os.path.realpath(top)
    while True:
        mark = os.path.join(folder, ".git")
        if os.path.isdir(mark) and not os.path.islink(mark):
            return folder
        if os.path.lexists(mark) or os.path.lexists(os.path.join(folder, "HEAD")):
            return None
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _above(top: str, root: str) -> list[str]:
    """The folders from the one above `top` up to the work tree's `root` (top's own
    `.gitignore` is in its folder line)."""
    folder = os.path.realpath(top)
    found: list[str] = []
    while folder != root and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
        found.append(folder)
    return found


def _excludes_file(answer: bytes | None) -> str | None:
    """The ignore file git reads besides `.gitignore` files and `info/exclude`: the one
    `core.excludesFile` names, else git's default; "" for none, None when it cannot be told."""
    if answer is None:
        return None
    named = os.fsdecode(answer).rstrip("\0\n")
    if named:
        return named if os.path.isabs(named) else None
    user_folder = _user_git_folder()
    return os.path.join(user_folder, "ignore") if user_folder else ""


def _user_git_folder() -> str:
    """Where git keeps the user's `config` and `ignore` besides `~/.gitconfig`:
    `$XDG_CONFIG_HOME/git`, else `~/.config/git`; "" without either variable."""
    config_home, home = os.environ.get("XDG_CONFIG_HOME", ""), os.environ.get("HOME", "")
    if config_home:
        return os.path.join(config_home, "git")
    return os.path.join(home, ".config", "git") if home else ""


def _digest(inputs: str, tracked: bytes, lines: list[str]) -> str:
    """One digest of the inputs, the tracked names as git gave them, and the folders' lines."""
    digest = blake2b(inputs.encode("utf-8", "surrogateescape"), digest_size=16)
    digest.update(b"\0tracked\0" + tracked + b"\0folders\0")
    digest.update("\n".join(sorted(lines)).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()
