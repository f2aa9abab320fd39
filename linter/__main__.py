"""`python -m linter` and the `content-lint` command."""

from __future__ import annotations

import gc

#: Allocations between two passes of the cyclic GC (CPython's default is 700). Each file
#: allocates ~1,000 objects (nodes, marks, values) that refcounting frees; at the default the
#: cyclic GC scans each file's live node graph several times. Set here, for the whole process
#: (and its workers, see linter.running.parallel), never by library code.
GC_ALLOCATIONS_PER_PASS = 50_000


def run() -> int:
    """Ctrl-C while the modules load ends the run as quietly as one later (linter.running.interrupts
    needs only the standard library, so it is in place before the rest loads)."""
    import signal

    from linter.running.gc_pause import one_shot_process
    from linter.running.interrupts import handled

    gc.set_threshold(GC_ALLOCATIONS_PER_PASS, *gc.get_threshold()[1:])
    one_shot_process()
    with handled() as stop:
        try:
            from linter.cli import main
        except KeyboardInterrupt as exc:
            return stop.end(getattr(exc, "signum", signal.SIGINT))
    status = main()
    # The interpreter's exit scans every object still alive for cycles, up to three times
    # (~6 % of a one-file run's instructions); frozen, they are left to the process's end.
    # Only exit-time cleanup of cyclic garbage is skipped: our files are closed by then.
    gc.freeze()
    return status


if __name__ == "__main__":
    raise SystemExit(run())
