"""Ask git which files of a work tree it ships, so a planted `.gitignore` cannot hide a tracked page.

A pull request can add `content/posts/.gitignore` naming a page it broke: the page is still
tracked, still built and still deployed, but a walk that reads `.gitignore` files skips it.
So, like ruff and pre-commit, a walk inside a git work tree asks git for the tracked files and
the untracked ones no ignore rule covers (`git ls-files --cached --others --exclude-standard`),
and falls back to reading `.gitignore` files itself when git is missing, fails, is too slow or
says too much, or the folder is not in a work tree (where no folder up to the root holds a
`.git` or a `HEAD`, git is not even started). With a cache, the tracked and untracked names are
asked apart so that the untracked ones can be reused (linter.running.git_untracked).

git reads the repository's own `.git/config`, which a downloaded or shared repository could
fill with commands. `ls-files` runs none but the file-system monitor (`core.fsmonitor`, a
command line), which is switched off on the command line (it wins over every config file);
no pager, prompt, hook or system config is used; inherited `GIT_*` variables (a hook's
`GIT_DIR`, `GIT_INDEX_FILE`, `GIT_CONFIG_PARAMETERS`) are dropped; no optional lock is taken,
so the index is never written. A repository owned by another user is refused by git itself
(`safe.directory`), and the walk then falls back.
"""

from __future__ import annotations

import bisect
import os
from typing import TYPE_CHECKING

from linter.hashes import blake2b

if TYPE_CHECKING:
    import subprocess
    import threading

#: 200,000 pages list in ~12 MB; far more is not a content tree worth asking git about.
MAX_OUTPUT_BYTES = 64 << 20
TIMEOUT_SECONDS = 15.0
_OPTIONS = ("-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.untrackedCache=false")
#: The questions asked: the names git ships (tracked, and untracked that no ignore rule covers);
#: those two apart (see git_untracked.py); the ignore file named by the config, `~/` expanded.
SHIPPED = ("ls-files", "-z", "--cached", "--others", "--exclude-standard")
TRACKED = ("ls-files", "-z", "--cached")
UNTRACKED = ("ls-files", "-z", "--others", "--exclude-standard")
EXCLUDES_FILE = ("config", "-z", "--type=path", "--get", "core.excludesFile")
_ENVIRONMENT = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_PAGER": "cat",
    "PAGER": "cat",
}


class GitListing:
    """What git lists under the folder `top`; folders asked about are spelled as a walk from
    `top` spells them (`os.path.join(top, ...)`). git's modules are imported by `listing`: a
    run that walks no folder (a pre-commit batch) loads none of them (subprocess, shutil,
    threading: ~1.5 ms). git's names are sorted once and answered by range, a folder at a time:
    a warm walk, whose folders the cache recalls, asks only `answer` and `holds_repository`,
    and a folder listed again costs what it holds, not what the work tree holds."""

    __slots__ = ("_names", "_prefix")

    def __init__(self, top: str, names: list[str]) -> None:
        self._prefix = top if top.endswith(os.sep) else top + os.sep  # as os.path.join spells it
        #: relative to `top`, sorted; a nested repository git does not track comes as `name/`
        self._names = sorted(filter(None, names))

    def answer(self, folder: str) -> str:
        """What git says of what is under `folder`, as a short text: a folder listing kept while
        git said the same is still what a walk of the unchanged folder would take (git's answer
        changes with its index and ignore files, which the folder's stat does not see). Every
        name under the folder counts, not only its own: a change deeper down also lists the few
        folders above it again."""
        start, end = self._under(folder)
        text = "\0".join(self._names[start:end]).encode("utf-8", "surrogateescape")
        return blake2b(text, digest_size=16).hexdigest()

    def holds_repository(self, folder: str) -> bool:
        """Whether git lists `folder` as one entry (a submodule, a nested repository): git lists
        none of its files, so it is asked about on its own when the walk gets there."""
        relative = folder[len(self._prefix) :]
        index = bisect.bisect_left(self._names, relative)
        return index < len(self._names) and self._names[index] in (relative, relative + os.sep)

    def kept_in(self, folder: str) -> tuple[set[str], set[str]]:
        """The names git lists in `folder`: its files, and its subfolders holding a listed file
        (a submodule or nested repository is listed as one entry; keep it as either). One step
        a name, the names under each subfolder skipped by bisection."""
        names, (index, end) = self._names, self._under(folder)
        inside = self._relative(folder)
        files: set[str] = set()
        folders: set[str] = set()
        while index < end:
            head, separator, _ = names[index][len(inside) :].partition(os.sep)
            if separator:
                folders.add(head)
                index = bisect.bisect_left(names, inside + head + _PAST_SEPARATOR, index, end)
            else:
                files.add(head)
                index += 1
        return files, folders

    def _relative(self, folder: str) -> str:
        """How the names under `folder` start: "" for `top` itself, however spelt."""
        relative = folder[len(self._prefix) :].rstrip(os.sep)
        return relative + os.sep if relative else ""

    def _under(self, folder: str) -> tuple[int, int]:
        """The range of the sorted names under `folder` (all of them for `top` itself)."""
        inside = self._relative(folder)
        if not inside:
            return 0, len(self._names)
        after = inside[:-1] + _PAST_SEPARATOR  # the first text past every `inside...`
        return bisect.bisect_left(self._names, inside), bisect.bisect_left(self._names, after)


#: The character just after the separator: `folder` + it sorts after every `folder/...`.
_PAST_SEPARATOR = chr(ord(os.sep) + 1)


def listing(top: str) -> GitListing | None:
    """What git ships under the folder `top`, None when git cannot say (see the docstring)."""
    (output,) = ask(top, SHIPPED) or (None,)
    return GitListing(top, names(output)) if output is not None else None


def ask(top: str, *questions: tuple[str, ...]) -> list[bytes | None] | None:
    """git's answers (its standard output) to `questions`, asked at once in the folder `top`;
    None when git is not asked (no git, or no repository there), an answer None when that
    question failed, timed out or said too much. `git config --get` finding nothing is ""."""
    if not _may_be_in_repository(top):
        return None
    import shutil

    git = shutil.which("git")
    if git is None:
        return None
    import time

    deadline = time.monotonic() + TIMEOUT_SECONDS
    runs = [_start([git, *_OPTIONS, *question], top) for question in questions]
    return [
        _finish(run, deadline, (0, 1) if question[0] == "config" else (0,))
        for run, question in zip(runs, questions, strict=True)
    ]


def names(output: bytes) -> list[str]:
    """The paths in an `ls-files -z` answer, spelt as the OS spells them."""
    found = os.fsdecode(output).split("\0")
    return [name.replace("/", os.sep) for name in found] if os.sep != "/" else found


#: What git's discovery looks for in each folder from the work tree up: `.git` (a repository, or
#: a file naming one: a linked work tree, a submodule), and `HEAD`, which any git directory has
#: (a bare repository, or `.git` itself, can be given a work tree by its config).
_REPOSITORY_MARKS = (".git", "HEAD")


def _may_be_in_repository(top: str) -> bool:
    """False only when git would say `not a git repository`: no folder from `top` (as the
    kernel resolves it, as git does) up to the root holds a `.git` or `HEAD`. Inherited `GIT_*`
    variables are dropped (`_ENVIRONMENT`), so nothing else can point git at a repository.
    Asking git there costs a fork, an exec and the subprocess modules: ~1.5 % of a cold run
    of 1,000 pages. Anything that cannot be looked at counts as a repository: git decides."""
    folder = os.path.realpath(top)
    while not any(_may_exist(os.path.join(folder, mark)) for mark in _REPOSITORY_MARKS):
        parent = os.path.dirname(folder)
        if parent == folder:
            return False
        folder = parent
    return True


def _may_exist(path: str) -> bool:
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True  # cannot look: git decides
    return True


def _start(
    command: list[str], folder: str
) -> tuple[subprocess.Popen[bytes], threading.Thread, list[bytes]] | None:
    """git started on one question, its output read by a thread (bounded: see `_finish`)."""
    import subprocess
    import threading

    environment = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | _ENVIRONMENT
    try:
        process = subprocess.Popen(
            command, cwd=folder, env=environment, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    except OSError:
        return None
    chunks: list[bytes] = []
    reader = threading.Thread(target=_read_bounded, args=(process, chunks), daemon=True)
    reader.start()
    return process, reader, chunks


def _finish(
    run: tuple[subprocess.Popen[bytes], threading.Thread, list[bytes]] | None,
    deadline: float,
    allowed: tuple[int, ...],
) -> bytes | None:
    """git's standard output when it ends with an `allowed` status before `deadline` (a
    `time.monotonic()`) and within bounds; else None (and git is killed)."""
    import time

    if run is None:
        return None
    process, reader, chunks = run
    reader.join(max(0.0, deadline - time.monotonic()))
    if reader.is_alive() or sum(map(len, chunks)) > MAX_OUTPUT_BYTES:
        process.kill()
    reader.join()
    status = process.wait()
    return b"".join(chunks) if status in allowed and sum(map(len, chunks)) <= MAX_OUTPUT_BYTES else None


def _read_bounded(process: subprocess.Popen[bytes], chunks: list[bytes]) -> None:
    """Read until the end, or until one byte past the bound (then the caller kills git)."""
    assert process.stdout is not None
    size = 0
    with process.stdout:
        while size <= MAX_OUTPUT_BYTES and (chunk := process.stdout.read(1 << 16)):
            chunks.append(chunk)
            size += len(chunk)
