"""Is each document's PDF still the file that was added? Checked by SHA-256, off the GUI thread.

Highlights are drawn from geometry stored for one exact file; drawn on another file they would
mark the wrong words. So a document's pages show with highlights only once its file is known to
match. Hashing is a plain function run on a worker thread (hashlib releases the GIL); the GUI
thread polls the results. A small file still waiting its turn is hashed at once when it is shown.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.model import Document
from annotator.pdf.extract import sha256_file


class FileState(StrEnum):
    """Whether a document's PDF on disk is the file that was added."""

    OK = "ok"
    CHECKING = "checking"
    MISSING = "missing"
    CHANGED = "changed"


SYNC_BYTES = 16 * 1024 * 1024
"""Up to this size a file being shown is hashed on the spot (tens of milliseconds)."""
_POLL_MS = 50
log = logging.getLogger(__name__)


class FileChecks(QObject):
    checked = Signal(int, str)
    """document id, and its FileState: ok, missing or changed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state: dict[int, FileState] = {}
        self._expected: dict[int, tuple[str, str]] = {}
        self._futures: dict[int, Future[str]] = {}
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="pdf-check")
        self._timer = QTimer(self, interval=_POLL_MS)
        self._timer.timeout.connect(self._poll)

    def check(self, documents: list[Document]) -> None:
        """Start checking these documents' files; missing ones are known at once."""
        for document in documents:
            self._expected[document.id] = (document.path, document.sha256)
            if not Path(document.path).is_file():
                self._set(document.id, FileState.MISSING)
                continue
            self.state[document.id] = FileState.CHECKING
            self._futures[document.id] = self._pool.submit(sha256_file, document.path)
        if self._futures:
            self._timer.start()

    def state_of(self, document_id: int) -> FileState:
        """A document not checked here (one just ingested from its file) counts as OK."""
        return self.state.get(document_id, FileState.OK)

    def ensure(self, document_id: int) -> FileState:
        """The state now; a small file still being checked is hashed right here."""
        if self.state_of(document_id) != FileState.CHECKING:
            return self.state_of(document_id)
        path, _ = self._expected[document_id]
        try:
            small = Path(path).stat().st_size <= SYNC_BYTES
        except OSError:
            small = True
        if small:
            self._futures.pop(document_id).cancel()
            self._conclude(document_id, _hash(path))
        return self.state_of(document_id)

    def matches(self, document_id: int, path: str) -> bool:
        """Whether `path` holds the document's file (call `mark_ok` once it is recorded)."""
        expected = self._expected.get(document_id, ("", ""))[1]
        if expected and _hash(path) == expected:
            self._expected[document_id] = (path, expected)
            return True
        return False

    def mark_ok(self, document_id: int, force: bool = False) -> None:
        """The document's file is known good (just ingested from it, or located)."""
        if force or self.state.get(document_id, FileState.OK) != FileState.OK:
            future = self._futures.pop(document_id, None)
            if future is not None:
                future.cancel()
            self._set(document_id, FileState.OK)

    def shutdown(self) -> None:
        self._timer.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _poll(self) -> None:
        for document_id, future in list(self._futures.items()):
            if future.done():
                del self._futures[document_id]
                try:
                    digest = future.result()
                except OSError:
                    digest = None
                self._conclude(document_id, digest)
        if not self._futures:
            self._timer.stop()

    def _conclude(self, document_id: int, digest: str | None) -> None:
        expected = self._expected[document_id][1]
        if digest is None:
            self._set(document_id, FileState.MISSING)
        else:
            self._set(document_id, FileState.OK if digest == expected else FileState.CHANGED)

    def _set(self, document_id: int, state: FileState) -> None:
        self.state[document_id] = state
        if state != FileState.OK:
            log.warning("document %s: its PDF is %s", document_id, state)
        self.checked.emit(document_id, state)


def _hash(path: str) -> str | None:
    try:
        return sha256_file(path)
    except OSError:
        return None
