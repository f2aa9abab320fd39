"""Signals and pipes, with real processes: `python -m linter check` on a few thousand files with
two workers, then Ctrl-C (once or twice), SIGTERM or SIGKILL to the main process, or its stdout
closed early (`| head -1`). The run must end (the harness bounds it), say one line, and leave
no worker behind. Workers are found as the main process's children in /proc."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ARTICLE, REFERENCE_TIME, REPO

pytestmark = [
    pytest.mark.slow,  # real runs over 4,000 files
    pytest.mark.timeout(90),
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds workers through /proc"),
]

FILES = 4000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("signals")
    (root / "content-lint.toml").write_text(REFERENCE_TIME)
    for index in range(FILES):
        folder = root / "content" / f"d{index // 500}"
        folder.mkdir(parents=True, exist_ok=True)
        text = ARTICLE.replace("sea-wall-approved", f"story-{index}")
        (folder / f"a{index:05}.md").write_text(text.replace("approves new", "approves  new"))
    return root


@pytest.fixture
def started(corpus: Path) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Runs started by a test; their whole process group is killed afterwards, whatever happened."""
    runs: list[subprocess.Popen[bytes]] = []
    yield runs
    for run in runs:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
        run.wait()


def _start(
    corpus: Path, runs: list[subprocess.Popen[bytes]], *extra: str, stdout: int = subprocess.DEVNULL
) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "linter", "check", "--no-cache", *extra]
    run = subprocess.Popen(
        command,
        cwd=corpus,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=stdout,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own group, so that cleaning up never reaches pytest
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as from a terminal
    )
    runs.append(run)
    return run


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit() and _stat(int(entry))[1:2] == [str(pid)]:
            found.add(int(entry))
    return found


def _stat(pid: int) -> list[str]:
    """[state, ppid] of a process, [] when it is gone (a zombie counts as gone: it runs no code)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []
    return [] if fields[0] in "ZX" else fields[:2]


def _workers(run: subprocess.Popen[bytes]) -> set[int]:
    """The two workers, once both serve (polled: the run is busy for a second or more). A child
    merely forked may leave the main process still starting it; one that ignores SIGINT has run
    the worker's own start-up, so the run is past starting its workers and is linting."""
    while len(found := {pid for pid in _children(run.pid) if _ignores_sigint(pid)}) < 2:
        assert run.poll() is None, "the run ended before its workers were seen"
        time.sleep(0.002)
    return found


def _ignores_sigint(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    ignored = next(line for line in status.splitlines() if line.startswith("SigIgn:"))
    return bool(int(ignored.split()[1], 16) & (1 << (signal.SIGINT - 1)))


def _wait_gone(pids: set[int]) -> None:
    while any(_stat(pid) for pid in pids):  # bounded by the test's timeout
        time.sleep(0.01)


@pytest.mark.parametrize("pause", [0.0, 0.05])
def test_ctrl_c_twice_ends_the_run_and_its_workers(corpus, started, pause):
    run = _start(corpus, started, "content", "--jobs", "2")
    workers = _workers(run)
    run.send_signal(signal.SIGINT)
    time.sleep(pause)
    if run.poll() is None:
        run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=30)
    # 130, or dead by SIGINT if the second came while Python was shutting down: the shell's $?
    # is 130 either way
    assert run.returncode in (130, -signal.SIGINT)
    assert err.decode() == "content-lint: interrupted\n"
    _wait_gone(workers)


def test_ctrl_c_once_ends_the_run_and_its_workers(corpus, started):
    run = _start(corpus, started, "content", "--jobs", "2")
    workers = _workers(run)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=30)
    assert (run.returncode, err.decode()) == (130, "content-lint: interrupted\n")
    _wait_gone(workers)


def test_sigterm_ends_the_run_and_its_workers(corpus, started):
    run = _start(corpus, started, "content", "--jobs", "2")
    workers = _workers(run)
    run.terminate()
    _, err = run.communicate(timeout=30)
    assert (run.returncode, err.decode()) == (128 + signal.SIGTERM, "content-lint: terminated\n")
    _wait_gone(workers)


def test_workers_end_when_the_main_process_is_killed(corpus, started):
    run = _start(corpus, started, "content", "--jobs", "2")
    workers = _workers(run)
    run.kill()
    run.wait(timeout=30)
    _wait_gone(workers)  # nobody kills them: they notice on their own


#: 1,500 warnings, over 100 KB: more than a pipe holds, so the run writes after the close
FIRST_1500 = ("content/d0", "content/d1", "content/d2")
FIRST_LINE = b"content/d0/a00000.md:3:8: FM502 [warning] [*] `title` has a doubled space at character 25\n"


@pytest.mark.parametrize(("jobs", "output_format"), [("1", "concise"), ("2", "full")])
def test_closed_pipe_is_quiet_and_keeps_the_lints_status(corpus, started, jobs, output_format):
    """`content-lint check | head -1` on warnings alone."""
    extra = ("--jobs", jobs, "--output-format", output_format)
    run = _start(corpus, started, *FIRST_1500, *extra, stdout=subprocess.PIPE)
    first, err = _head(run)
    assert (run.returncode, first, err) == (0, FIRST_LINE, b"")  # exit 0, and no traceback


def test_closed_pipe_keeps_a_failing_status(corpus, started):
    run = _start(corpus, started, *FIRST_1500, "--fail-on", "warning", stdout=subprocess.PIPE)
    first, err = _head(run)
    assert (run.returncode, first, err) == (1, FIRST_LINE, b"")


def _head(run: subprocess.Popen[bytes]) -> tuple[bytes, bytes]:
    """Read one line and close the pipe, like `head -1`; the first line and all of stderr."""
    assert run.stdout is not None and run.stderr is not None
    first = run.stdout.readline()
    run.stdout.close()
    err = run.stderr.read()
    run.wait(timeout=60)
    return first, err
