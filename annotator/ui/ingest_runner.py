"""IngestRunner: the window's side of the background ingest (annotator.ingest.background).

The ingest itself runs in a child process, through the same Ingestor as the command line; this
only polls its events on a timer and turns them into Qt signals, after the session has re-read
what each says is stored. The GUI thread never reads a PDF's pages or loads spaCy.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.ingest import EventKind, IngestEvent, Stage
from annotator.ingest.background import BackgroundIngest
from annotator.ui.session import CaseSession

_POLL_MS = 25
_REREADS = frozenset({EventKind.TEXT_STORED, EventKind.PAGES_STORED, EventKind.DOCUMENT_STORED})
"""Events after which the session re-reads part of the case (tens of milliseconds each)."""


class IngestRunner(QObject):
    progress = Signal(str, int, int)
    """path, pages read, pages in the file."""
    text_stored = Signal(str, int)
    """path, document id: its text-layer findings are in; its scanned pages may follow."""
    finished = Signal(str, int, bool)
    """path, document id, True if it was already in the case."""
    failed = Signal(str, str)
    """path ("" when the whole request failed), why; "cancelled" when asked to stop."""
    ocr_progress = Signal(int, int, int)
    """document id, pages OCR'd, pages to OCR."""
    ocr_unavailable = Signal(str)
    """Tesseract cannot run: why, and how to install it."""
    idle = Signal()

    def __init__(
        self, session: CaseSession, workers: int | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ingest = BackgroundIngest(
            session.case.path, workers=workers or os.cpu_count(), passphrase=session.passphrase
        )
        self._waiting: deque[IngestEvent] = deque()
        """Events read from the child and not yet handled: one that re-reads the case per
        timer tick, so two of them never make one long stall."""
        self._timer = QTimer(self, interval=_POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        return self.ingest.busy or bool(self._waiting)

    def add(self, paths: list[str]) -> None:
        self.ingest.add(paths)
        self._timer.start()

    def finish(self, document_ids: list[int]) -> None:
        """Finish documents left incomplete, and OCR the pages not read yet."""
        if document_ids:
            self.ingest.finish(document_ids)
            self._timer.start()

    def cancel(self) -> None:
        self.ingest.cancel()

    def want(self, document_id: int | None, page: int) -> None:
        """The reviewer looks at this page: OCR reads it and the next few first."""
        if document_id is not None:
            self.ingest.want(document_id, page)

    def reread(self, document_ids: list[int]) -> None:
        """Read these documents again with the lexicon as it is now (the user's changed): a
        fresh background process loads it, and re-detects on the stored text."""
        self.ingest.close()
        self.finish(document_ids)

    def shutdown(self) -> None:
        self._timer.stop()
        self.ingest.close()

    def _poll(self) -> None:
        self._waiting.extend(self.ingest.events())
        while self._waiting:
            event = self._waiting.popleft()
            if event.kind is EventKind.PAGES_STORED:
                event = self._with_pages_after(event)
            self._dispatch(event)
            if event.kind in _REREADS:
                break
        if not self.busy:
            self._timer.stop()
            self.idle.emit()

    def _with_pages_after(self, event: IngestEvent) -> IngestEvent:
        """The event with the pages of the same document's PAGES_STORED events waiting right
        behind it (OCR progress between them skipped past): one re-read for them all."""
        pages = list(event.pages)
        kept: list[IngestEvent] = []
        while self._waiting:
            nxt = self._waiting[0]
            same = nxt.kind is EventKind.PAGES_STORED and nxt.document_id == event.document_id
            if not same and not (nxt.kind is EventKind.PROGRESS and nxt.stage is Stage.OCR):
                break
            self._waiting.popleft()
            if same:
                pages += nxt.pages
            else:
                kept.append(nxt)
        self._waiting.extendleft(reversed(kept))  # progress is still shown, after the re-read
        return replace(event, pages=tuple(pages))

    def _dispatch(self, event: IngestEvent) -> None:
        kind = event.kind
        if kind is EventKind.PROGRESS and event.stage is Stage.OCR:
            assert event.document_id is not None
            self.ocr_progress.emit(event.document_id, event.done, event.total)
        elif kind is EventKind.PROGRESS:
            self.progress.emit(event.path, event.done, event.total)
        elif kind is EventKind.TEXT_STORED:
            assert event.document_id is not None
            self.session.reload_document(event.document_id)
            self.text_stored.emit(event.path, event.document_id)
        elif kind is EventKind.PAGES_STORED:
            assert event.document_id is not None
            self.session.reload_pages(event.document_id, event.pages)
        elif kind is EventKind.DOCUMENT_STORED:
            assert event.document_id is not None
            self.session.reload_document(event.document_id)
            self.finished.emit(event.path, event.document_id, event.duplicate)
        elif kind is EventKind.FAILED:
            self.failed.emit(event.path, event.message)
        elif kind is EventKind.OCR_UNAVAILABLE:
            self.ocr_unavailable.emit(event.message)
