"""SIGINT and SIGTERM end a run promptly, quietly and with the conventional status, wherever
they arrive: the first one unwinds the run (its workers are killed on the way out, see
linter.running.pool), a second one ends the process at once. Python's own handling hangs on a second
Ctrl-C while the interpreter waits for worker processes at exit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from types import FrameType

_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_MESSAGES: dict[int, str] = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}


class Interrupted(KeyboardInterrupt):
    """Raised in the main thread by the first SIGINT or SIGTERM (a KeyboardInterrupt, so code
    that cleans up after Ctrl-C does so for both)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def exit_status(signum: int) -> int:
    return 128 + signum


def message(signum: int) -> str:
    return f"content-lint: {_MESSAGES.get(signum, 'interrupted')}"


class Stop:
    """How the run ends after an interrupt: said once, by whichever signal gets there first."""

    def __init__(self) -> None:
        self.caught: int | None = None  # the first signal, once its handler ran
        self.signum: int | None = None  # the signal whose message was printed

    def end(self, signum: int) -> int:
        """Kill the workers, say why the run ended (once) and return the exit status."""
        stop_workers()
        with _signals_held():  # a second signal here would end the process before the message
            if self.signum is None:
                self.signum = signum
                with contextlib.suppress(Exception):  # a signal may have cut a write to it short
                    sys.stderr.flush()
                os.write(2, (message(signum) + "\n").encode())  # no buffer: safe in a handler
        return exit_status(self.signum)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block ends (where the platform can hold them)."""
    hold = getattr(signal, "pthread_sigmask", None)
    if hold is None or not _in_main_thread():
        yield
        return
    before = hold(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        hold(signal.SIG_SETMASK, before)


@contextlib.contextmanager
def handled() -> Iterator[Stop]:
    """Within this block, SIGINT and SIGTERM raise Interrupted; after the first one, another
    ends the process at once. A signal that was ignored (`nohup`, a background job) stays
    ignored. Outside the main thread Python allows no handlers, and nothing changes."""
    stop = Stop()
    if not _in_main_thread():
        yield stop
        return
    owner = os.getpid()
    previous = {signum: signal.getsignal(signum) for signum in _SIGNALS}

    def again(signum: int, frame: FrameType | None) -> None:
        # In a worker forked before it set its own handlers, end it quietly too.
        os._exit(stop.end(signum) if os.getpid() == owner else exit_status(signum))

    def first(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:
            os._exit(exit_status(signum))
        stop.caught = signum
        for each in _SIGNALS:
            if previous[each] is not signal.SIG_IGN:
                signal.signal(each, again)
        raise Interrupted(signum)

    for signum, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(signum, first)
    try:
        yield stop
    finally:
        # Once interrupted the process is ending, and a late signal must still end it at once
        # (the exit handlers join child processes): `again` stays. Otherwise restore.
        if stop.caught is None:
            for signum, handler in previous.items():
                signal.signal(signum, handler)


def _in_main_thread() -> bool:
    """Python lets only the main thread hold signals or set their handlers. Threads are started
    through `threading` (ours, the language server's), so while it is not loaded this is the
    main thread: a check need not import it (~4 M instructions of every start)."""
    threading = sys.modules.get("threading")
    return threading is None or threading.current_thread() is threading.main_thread()


def stop_workers() -> None:
    """Kill this process's worker processes without waiting for them to finish their work."""
    # Workers are started only through multiprocessing (linter.running.pool): a run that never
    # loaded it has none, and a signal handler is no place to load it.
    if "multiprocessing" not in sys.modules:
        return
    import multiprocessing  # loaded already: only a lookup

    for child in multiprocessing.active_children():
        with contextlib.suppress(OSError):
            child.kill()
