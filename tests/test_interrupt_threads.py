"""Ctrl-C handling is set up in the main thread only (Python allows signal handlers nowhere
else), and a run finds out which thread it is in without importing `threading`."""

from __future__ import annotations

import signal
import threading

from helpers import ARTICLE, fresh_python

from linter.running.interrupts import handled


def test_in_the_main_thread_a_handler_is_set_and_then_restored():
    before = signal.getsignal(signal.SIGINT)
    with handled():
        assert signal.getsignal(signal.SIGINT) is not before
    assert signal.getsignal(signal.SIGINT) is before


def test_off_the_main_thread_nothing_is_set_and_nothing_fails():
    before = signal.getsignal(signal.SIGINT)
    seen: list[object] = []

    def body() -> None:
        with handled() as stop:
            seen.append(signal.getsignal(signal.SIGINT))
            seen.append(stop.end(signal.SIGINT))

    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    assert seen == [before, 130]  # untouched, and the status a Ctrl-C ends a run with


def test_a_check_run_does_not_import_threading(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE)
    script = (
        "import sys\nfrom linter.__main__ import run\nsys.argv = ['content-lint', *sys.argv[1:]]\n"
        "status = run()\nprint('---', status, 'threading' in sys.modules)\n"
    )
    done = fresh_python(script, "check", "--no-cache", "a.md", cwd=tmp_path)
    assert done.stdout.rsplit("---", 1)[1].split() == ["0", "False"], done.stderr
