"""One writer per case: an OS file lock beside the case file, released if the process dies.

The lock file is left in place when released: removing it would let two openers lock two
different files of the same name. An opener may wait a little for the lock (a command tagging
while another finishes its tag); a window asks with no wait, to say at once that the case is
open elsewhere.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from pathlib import Path
from typing import IO

from annotator.core.errors import CaseError, CaseLocked

POLL_SECONDS = 0.05
"""How often a waiting opener tries the lock again."""


class CaseLock:
    def __init__(self, case_path: Path) -> None:
        self.case = case_path
        self.path = case_path.with_name(case_path.name + ".lock")
        self._fh: IO[bytes] | None = None

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock, trying for up to `wait` seconds; CaseLocked if it stays taken."""
        try:
            # Unbuffered: nothing is left to write at close, which a full disk would refuse.
            fh = open(self.path, "a+b", buffering=0)  # noqa: SIM115 - held until release()
        except OSError as err:
            raise CaseError(_cannot_lock(self.case, err)) from err
        deadline = time.monotonic() + wait
        while True:
            try:
                _lock(fh)
                break
            except OSError as err:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().decode("utf-8", "replace").strip() or "another program"
                    fh.close()
                    waited = f" (waited {wait:g} s)" if wait > 0 else ""
                    raise CaseLocked(
                        f"{self.case}: is already open in {holder}{waited}; close it there first"
                    ) from err
                time.sleep(POLL_SECONDS)
        with contextlib.suppress(OSError):  # who holds it is a courtesy; a full disk may refuse
            fh.seek(0)
            fh.truncate()
            fh.write(f"Case-File Annotator (process {os.getpid()})".encode())
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            _unlock(self._fh)
        finally:
            self._fh.close()
            self._fh = None


def _cannot_lock(case: Path, err: OSError) -> str:
    if err.errno == errno.EROFS:
        return (
            f"{case}: is on read-only media: nothing can be changed there; "
            "copy the case to a writable folder"
        )
    if err.errno in (errno.EACCES, errno.EPERM):
        return f"{case}: cannot be changed (no permission to write in {case.parent})"
    return f"{case}: cannot be opened for writing ({err.strerror or err})"


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fh: IO[bytes]) -> None:
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[bytes]) -> None:
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
