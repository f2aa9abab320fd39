"""`python -m linter` and the `content-lint` command."""

from __future__ import annotations


def run() -> int:
    """Ctrl-C while the modules load ends the run as quietly as one later (linter.interrupts
    needs only the standard library, so it is in place before the rest loads)."""
    import signal

    from linter.interrupts import handled

    with handled() as stop:
        try:
            from linter.cli import main
        except KeyboardInterrupt as exc:
            return stop.end(getattr(exc, "signum", signal.SIGINT))
    return main()


if __name__ == "__main__":
    raise SystemExit(run())
