"""Worker processes that never outlive the run.

The standard pools wait for their workers on the way out (shutdown, atexit joins), and a worker
blocked on a queue, or interrupted mid-way, then hangs the run; if the main process is killed
they are left running. Here each worker has one pipe and at most one chunk of work, so:
- when the main process stops iterating for any reason (an interrupt, an error, an early exit)
  it kills its workers at once instead of waiting for them;
- a worker ends itself as soon as its parent is gone (it watches the parent's sentinel, which
  works with every start method on every OS), so `kill -9` of the main process leaves nothing;
- a worker ignores SIGINT: Ctrl-C reaches the whole process group, and the main process alone
  decides what an interrupt does.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

Chunk = Sequence[Any]


def map_chunks(
    function: Callable[[Any, Any], Any],
    chunks: Sequence[Chunk],
    workers: int,
    context: Any,
    setup: Callable[..., Any],
    setup_args: tuple[Any, ...] = (),
) -> Iterator[list[Any]]:
    """Yield `[function(state, item) for item in chunk]` for each chunk, in order, computed by
    `workers` processes of the multiprocessing `context`, each with its own
    `state = setup(*setup_args)` (no module global to hand it over); an exception in a worker
    is raised here."""
    processes: list[Any] = []
    connections: list[Connection] = []
    try:
        for _ in range(min(workers, len(chunks))):
            mine, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, function, setup, setup_args), daemon=True)
            process.start()
            theirs.close()
            processes.append(process)
            connections.append(mine)
        yield from _dispatch(connections, chunks)
    finally:
        _kill(processes)
        for connection in connections:
            connection.close()


def _dispatch(connections: list[Connection], chunks: Sequence[Chunk]) -> Iterator[list[Any]]:
    """Give each idle worker the next chunk (one at a time, so neither side can block the other
    on a full pipe) and yield the results in chunk order."""
    working: dict[Connection, int] = {}
    done: dict[int, bytes] = {}
    next_chunk = next_result = 0
    for connection in connections:
        connection.send(chunks[next_chunk])
        working[connection] = next_chunk
        next_chunk += 1
    while next_result < len(chunks):
        for ready in wait(list(working)):
            assert isinstance(ready, Connection)
            try:
                done[working.pop(ready)] = ready.recv_bytes()  # unpickled after the next send
            except EOFError:
                raise RuntimeError("a worker process ended unexpectedly (out of memory?)") from None
            if next_chunk < len(chunks):
                ready.send(chunks[next_chunk])
                working[ready] = next_chunk
                next_chunk += 1
        while next_result in done:
            failed, value = pickle.loads(done.pop(next_result))
            if failed:
                raise value
            yield value
            next_result += 1


def _kill(processes: list[Any]) -> None:
    for process in processes:
        if process.exitcode is None:
            process.kill()
    for process in processes:
        process.join()  # a killed process ends at once; this only reaps it


def _serve(
    connection: Connection,
    function: Callable[[Any, Any], Any],
    setup: Callable[..., Any],
    setup_args: tuple[Any, ...],
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _end_with_parent()
    state = setup(*setup_args)
    while True:
        try:
            chunk = connection.recv()
        except EOFError:  # the main process closed the pipe: it is done or gone
            return
        try:
            reply: tuple[bool, Any] = (False, [function(state, item) for item in chunk])
        except Exception as exc:
            reply = (True, exc)
        try:
            connection.send(reply)  # pickled whole before any byte is sent
        except OSError:  # the main process is gone
            return
        except Exception as exc:
            connection.send((True, RuntimeError(f"a worker's result cannot be sent back: {exc}")))


def _end_with_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()
