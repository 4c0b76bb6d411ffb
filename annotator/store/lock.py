"""One writer per case: an OS file lock beside the case file, released if the process dies.

The lock file is left in place when released: removing it would let two openers lock two
different files of the same name.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from annotator.core.errors import CaseLocked


class CaseLock:
    def __init__(self, case_path: Path) -> None:
        self.path = case_path.with_name(case_path.name + ".lock")
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        try:
            _lock(fh)
        except OSError as err:
            fh.seek(0)
            holder = fh.read().strip() or "another program"
            fh.close()
            raise CaseLocked(
                f"{self.path.with_suffix('')}: is already open in {holder}; close it there first"
            ) from err
        fh.seek(0)
        fh.truncate()
        fh.write(f"Case-File Annotator (process {os.getpid()})")
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            _unlock(self._fh)
        finally:
            self._fh.close()
            self._fh = None


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fh: IO[str]) -> None:
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[str]) -> None:
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
