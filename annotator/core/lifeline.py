"""Worker processes that end when the process that started them ends.

A ProcessPoolExecutor's worker waits for its next job on a pipe it holds both ends of, so when
its parent dies (kill -9, SIGTERM, a crash) nothing ever wakes it: it stays, holding its memory,
and the named semaphores of a spawn pool stay in /dev/shm, because multiprocessing's resource
tracker removes them only once every process that uses them has gone.

Give any pool `exit_with_parent` as its initializer, or call it from the initializer it has:
    ProcessPoolExecutor(n, mp_context=..., initializer=exit_with_parent)
A daemon thread in the worker then waits on multiprocessing's parent sentinel (the read end of
a pipe whose other end only the parent holds, so the kernel closes it when the parent dies; a
process handle on Windows) and ends the worker the moment it fires. A process not started by
multiprocessing has no sentinel; it polls os.getppid() instead.

Not prctl(PR_SET_PDEATHSIG) on Linux: the kernel sends that signal when the *thread* that
started the worker ends, and a pool starts workers from whichever thread submits a job.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from multiprocessing.connection import wait

ORPHANED_EXIT = 75
"""The exit status of a worker that ended because its parent had gone."""
POLL_SECONDS = 0.5
"""How often a worker without a parent sentinel looks for its parent."""


def exit_with_parent() -> None:
    """In a worker process: end this process as soon as its parent has gone."""
    parent = multiprocessing.parent_process()
    sentinel = parent.sentinel if parent is not None else None
    watch = _wait_for_sentinel if sentinel is not None else _poll_parent
    args = (sentinel,) if sentinel is not None else (os.getppid(),)
    threading.Thread(target=watch, args=args, name="exit-with-parent", daemon=True).start()


def _wait_for_sentinel(sentinel: int) -> None:
    wait([sentinel])
    os._exit(ORPHANED_EXIT)  # at once: the job under way has no one to report to


def _poll_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(POLL_SECONDS)
    os._exit(ORPHANED_EXIT)
