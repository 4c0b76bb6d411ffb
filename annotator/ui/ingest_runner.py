"""Adds PDFs in worker processes; stores the results on the GUI thread in small slices.

The GUI thread polls the futures on a timer (no Qt object is touched off the main thread), and
writes to the case (whose SQLite connection it owns) a few pages per event-loop turn, so the
window never stalls for long while a 1,000-page PDF goes in.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.model import Detection
from annotator.core.paths import models_dir
from annotator.pdf.labels import page_label
from annotator.ui import ingest_tasks as tasks
from annotator.ui.session import CaseSession

if TYPE_CHECKING:  # importing ingest would load spaCy into the window's process
    from annotator.ingest import PageResult

_SLICE_SECONDS = 0.012
_POLL_MS = 25


@dataclass(eq=False)
class Job:
    path: str
    title: str
    page_count: int
    hash_: Future[str]
    parts: list[Future[list[PageResult]]]
    version: Future[str]
    settle: Future[list[PageResult]] | None = None
    results: list[PageResult] = field(default_factory=list)
    storing: Iterator[None] | None = None
    document_id: int | None = None
    cancelled: bool = False

    @property
    def done_pages(self) -> int:
        return sum(len(f.result()) for f in self.parts if f.done() and not f.cancelled())


class IngestRunner(QObject):
    progress = Signal(str, int, int)
    finished = Signal(str, int, bool)
    """path, document id, True if it was already in the case."""
    failed = Signal(str, str)

    def __init__(
        self, session: CaseSession, workers: int | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.workers = workers or max(1, min(4, (os.cpu_count() or 2) - 1))
        self.models = str(models_dir())
        self.jobs: list[Job] = []
        self._pool: ProcessPoolExecutor | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        return bool(self.jobs)

    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")  # never fork a process running Qt
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool

    def add(self, path: str, title: str, page_count: int) -> None:
        pool = self.pool()
        job = Job(
            str(Path(path).resolve()),
            title,
            page_count,
            hash_=pool.submit(tasks.file_hash, path),
            version=pool.submit(tasks.lexicon_version, self.models),
            parts=[
                pool.submit(tasks.detect_chunk, path, s, e, self.models)
                for s, e in tasks.chunks(page_count)
            ],
        )
        self.jobs.append(job)
        self._timer.start()

    def cancel(self, path: str | None = None) -> None:
        for job in list(self.jobs):
            if path is None or job.path == path:
                job.cancelled = True
                for part in job.parts:
                    part.cancel()
                self.jobs.remove(job)
                self.failed.emit(job.path, "cancelled")
        if not self.jobs:
            self._timer.stop()

    def shutdown(self) -> None:
        self.cancel()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    # -- on the GUI thread ----------------------------------------------------------------------

    def _poll(self) -> None:
        for job in list(self.jobs):
            try:
                self._advance(job)
            except Exception as err:  # a worker's error is this file's problem, not the window's
                self.jobs.remove(job)
                self.failed.emit(job.path, _problem(err))
        if not self.jobs:
            self._timer.stop()

    def _advance(self, job: Job) -> None:
        if job.storing is not None:
            self._store_slice(job)
            return
        if job.hash_.done() and job.document_id is None and self._duplicate(job):
            return
        if not all(f.done() for f in job.parts):
            self.progress.emit(job.path, job.done_pages, job.page_count)
            return
        if job.settle is None:
            job.results = [r for f in job.parts for r in f.result()]
            introduced, redo = tasks.needs_settling(job.results)
            pages = [job.results[i][0] for i in redo]
            job.settle = self.pool().submit(tasks.redetect, pages, introduced, self.models)
            return
        if job.settle.done() and job.version.done() and job.hash_.done():
            _, redo = tasks.needs_settling(job.results)
            for i, result in zip(redo, job.settle.result(), strict=True):
                job.results[i] = result
            job.storing = self._store(job)

    def _duplicate(self, job: Job) -> bool:
        existing = self.session.case.document_by_hash(job.hash_.result())
        if (
            existing is None
            or self.session.case.page_count_stored(existing.id) < existing.page_count
        ):
            job.document_id = -1 if existing is None else existing.id
            return False
        for part in job.parts:
            part.cancel()
        self.jobs.remove(job)
        self.finished.emit(job.path, existing.id, True)
        return True

    def _store_slice(self, job: Job) -> None:
        assert job.storing is not None
        deadline = time.perf_counter() + _SLICE_SECONDS
        for _ in job.storing:
            if time.perf_counter() > deadline:
                return
        self.jobs.remove(job)
        self.session.reload()
        assert job.document_id is not None
        self.finished.emit(job.path, job.document_id, False)

    def _store(self, job: Job) -> Iterator[None]:
        case = self.session.case
        if job.document_id is None or job.document_id < 0:
            document = case.add_document(job.hash_.result(), job.path, job.title, job.page_count)
            job.document_id = document.id
        labels: list[str] = []
        for start in range(0, len(job.results), 5):
            pages = [r[0] for r in job.results[start : start + 5]]
            case.save_pages(job.document_id, pages)
            labels += [page_label(page.text) for page in pages]
            self.progress.emit(job.path, job.page_count, job.page_count)
            yield
        case.update_document(job.document_id, page_labels=labels)
        yield
        detections: list[tuple[int, Detection]] = [
            (r[0].number, d) for r in job.results for d in r[1]
        ]
        case.merge_detections(job.document_id, detections, job.version.result())
        yield


def _problem(err: BaseException) -> str:
    problem = getattr(err, "problem", None)
    return str(problem) if problem else f"could not be processed ({err})"
