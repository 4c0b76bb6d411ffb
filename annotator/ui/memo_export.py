"""Writing the memo off the GUI thread, with a busy bar, on a connection of its own."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.errors import AnnotatorError
from annotator.ui.status import StatusLine

_POLL_MS = 50


class MemoExport(QObject):
    finished = Signal(str, int)
    """path written, findings not yet reviewed (listed under their own heading)."""
    failed = Signal(str)

    def __init__(self, status: StatusLine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="memo-export")
        self._future: Future[int] | None = None
        self._target = ""
        self._timer = QTimer(self, interval=_POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        return self._future is not None

    def start(
        self, case_path: Path, target: str, reviewer: str, approved_only: bool = False
    ) -> None:
        self._target = target
        self._future = self._pool.submit(_export, case_path, target, reviewer, approved_only)
        self.status.show_progress(f"Writing {Path(target).name}…", 0, 0)
        self._timer.start()

    def wait(self) -> None:
        """Let a memo being written finish (closing the case)."""
        if self._future is not None:
            self._future.exception()
            self._poll()

    def shutdown(self) -> None:
        self.wait()
        self._pool.shutdown(wait=True)

    def _poll(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._future = None
        self._timer.stop()
        self.status.hide_progress()
        error = future.exception()
        if error is None:
            self.finished.emit(self._target, future.result())
        elif isinstance(error, AnnotatorError | OSError):
            self.failed.emit(str(error))
        else:
            self.failed.emit(f"unexpected error: {type(error).__name__}: {error}")


def _export(case_path: Path, target: str, reviewer: str, approved_only: bool) -> int:
    """Worker thread: the memo from what the case holds now (every tag is committed)."""
    from annotator.export import export_memo
    from annotator.store import CaseStore

    with CaseStore(case_path) as case:
        memo = export_memo(case, target, reviewer=reviewer, force=True, approved_only=approved_only)
    return len(memo.unreviewed.findings)
