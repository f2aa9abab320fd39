"""How much of the machine other work holds while a run decides on workers (issue 23 item 5).

The 1-minute load average misleads in both directions: it still counts the processes of runs
that just ended (back-to-back CI steps, this run's own workers), and it lags a job that has
just started. Linux tells how many processes are running or ready to run at this instant
(the fourth field of /proc/loadavg); a few samples taken while the first files are timed say
what the workers would share the cores with. Elsewhere the load average stands in.
"""

from __future__ import annotations

import os

_LOADAVG = "/proc/loadavg"


def runnable_others() -> float:
    """Processes running or ready to run now besides this one, on this run's cores: the
    machine's figure scaled by the share of its CPUs this process may use (a container on a big
    host sees the host's). 0 when nothing tells."""
    count: float | None = _runnable_now()
    if count is None:
        try:
            count = os.getloadavg()[0]  # a minute's average: it may count this run too
        except (AttributeError, OSError):
            return 0.0
    return max(0.0, count - 1) * _our_share_of_cpus()


def cores_got(processes: int, cores: int, others: float) -> float:
    """The cores `processes` get beside `others` runnable processes, the scheduler sharing fairly."""
    return min(processes, cores * processes / (processes + others))


def _runnable_now() -> int | None:
    try:
        with open(_LOADAVG, "rb") as source:
            fields = source.read(256).split()
        return int(fields[3].split(b"/")[0])
    except (OSError, ValueError, IndexError):
        return None


def _our_share_of_cpus() -> float:
    try:
        ours = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return 1.0
    return min(1.0, ours / (os.cpu_count() or ours))
