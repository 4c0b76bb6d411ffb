"""Adds PDFs in worker processes; stores the results on the GUI thread in small slices.

The GUI thread polls the futures on a timer (no Qt object is touched off the main thread), and
writes to the case (whose SQLite connection it owns) in short steps within a time budget per
event-loop turn: each chunk's pages as soon as its worker returns them, then the findings one
page range at a time, then the new findings go to the session as one incremental insert. So the
window never stalls for long while a 1,000-page PDF goes in.

Pages with no text layer are then OCR'd in the same pool, one page per task (each worker opens
its own read-only PDF and detects on the page it read). Each page is stored as soon as it comes
back, with ocr_done set, so it is never OCR'd again, even after a cancel; its findings are merged
for that page alone.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.model import Detection, PageText
from annotator.core.paths import models_dir
from annotator.ingest.settle import add_bridges, pages_to_redo
from annotator.pdf import ocr
from annotator.pdf.labels import page_label
from annotator.ui import ingest_tasks as tasks
from annotator.ui.session import CaseSession

if TYPE_CHECKING:  # the window never imports spaCy
    from annotator.nlp.worker import PageResult, Settled

_SLICE_SECONDS = 0.008
"""Work per job per event-loop turn; each step inside it is far shorter than the 50 ms budget."""
_POLL_MS = 25
_PAGES_PER_WRITE = 3
_PAGES_PER_LOAD = 100
_PAGES_PER_MERGE = 10
_OCR_REFRESH_SECONDS = 1.0
"""While OCR runs, the session takes in the new findings at most this often (and at the end)."""
log = logging.getLogger(__name__)


@dataclass(eq=False)
class Job:
    path: str
    title: str
    page_count: int
    hash_: Future[str]
    parts: list[Future[tasks.Chunk]]
    version: Future[str]
    settle: Future[Settled] | None = None
    redo: list[int] = field(default_factory=list)
    results: list[PageResult] = field(default_factory=list)
    queued: set[int] = field(default_factory=set)
    """Indexes of the parts whose pages are written or waiting in `unsaved`."""
    unsaved: list[PageText] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)
    storing: Iterator[None] | None = None
    document_id: int | None = None
    cancelled: bool = False

    @property
    def done_pages(self) -> int:
        return sum(len(f.result().results) for f in self.parts if f.done() and not f.cancelled())


OcrReply = tuple[int, "PageResult | None", str]


@dataclass(eq=False)
class OcrJob:
    path: str
    document_id: int
    numbers: list[int]
    futures: dict[Future[OcrReply], int]
    """Each page's task, and the page it reads."""
    version: Future[str]
    ready: list[OcrReply] = field(default_factory=list)
    done: int = 0
    read: int = 0
    problems: list[str] = field(default_factory=list)
    refreshed: float = 0.0
    dirty: bool = False


class IngestRunner(QObject):
    progress = Signal(str, int, int)
    finished = Signal(str, int, bool)
    """path, document id, True if it was already in the case."""
    failed = Signal(str, str)
    ocr_progress = Signal(int, int, int)
    """document id, pages OCR'd, pages to OCR."""
    ocr_finished = Signal(int, int, bool)
    """document id, pages read, True if cancelled (what was read is kept)."""
    ocr_unavailable = Signal(str)
    """Tesseract cannot run: why, and how to install it (emitted once per runner)."""

    def __init__(
        self, session: CaseSession, workers: int | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.session = session
        self.workers = workers or max(1, min(4, (os.cpu_count() or 2) - 1))
        self.models = str(models_dir())
        self.jobs: list[Job] = []
        self.ocr_jobs: list[OcrJob] = []
        self.ocr_missing = ""
        """Why OCR cannot run, once find_engine has said so."""
        self._engine: ocr.OcrEngine | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        return bool(self.jobs or self.ocr_jobs)

    def ocr_running(self, document_id: int) -> tuple[int, int] | None:
        """(pages done, pages to do) if the document is being OCR'd."""
        job = next((j for j in self.ocr_jobs if j.document_id == document_id), None)
        return None if job is None else (job.done, len(job.numbers))

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

    def start_ocr(self, document_id: int) -> bool:
        """OCR the document's pages that have no text layer and were never OCR'd; True if begun.

        Without Tesseract, ocr_unavailable is emitted (once) and the pages stay not searched.
        """
        case = self.session.case
        document = case.document(document_id)
        if (
            document is None
            or not document.pages_needing_ocr
            or any(j.document_id == document_id for j in self.ocr_jobs)
            or any(j.document_id == document_id for j in self.jobs)
        ):
            return False
        if self._engine is None:
            if self.ocr_missing:
                return False
            try:
                self._engine = ocr.find_engine()
            except ocr.OcrUnavailable as err:
                self.ocr_missing = str(err)
                self.ocr_unavailable.emit(self.ocr_missing)
                return False
        numbers = [p.number for p in case.pages(document_id) if p.needs_ocr and not p.ocr_done]
        if not numbers:
            return False
        pool = self.pool()
        version = pool.submit(tasks.lexicon_version, self.models)  # first: pages wait for it
        job = OcrJob(
            document.path,
            document_id,
            numbers,
            futures={
                pool.submit(tasks.ocr_detect, document.path, n, self._engine, self.models): n
                for n in numbers
            },
            version=version,
            refreshed=time.perf_counter(),
        )
        self.ocr_jobs.append(job)
        self.ocr_progress.emit(document_id, 0, len(numbers))
        self._timer.start()
        return True

    def cancel(self, path: str | None = None) -> None:
        for ocr_job in list(self.ocr_jobs):
            if path is None or ocr_job.path == path:
                self._cancel_ocr(ocr_job)
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

    def _cancel_ocr(self, job: OcrJob) -> None:
        """Stop OCR; the pages already read (stored or waiting) are kept."""
        for future in job.futures:
            future.cancel()
        read = [_reply(f, n) for f, n in job.futures.items() if f.done() and not f.cancelled()]
        job.ready += read
        job.futures = {}
        self.ocr_jobs.remove(job)
        try:
            while job.ready:
                self._ocr_store(job, job.ready.pop(0))
            self._ocr_refresh(job)
        except Exception:
            log.warning("cannot store the OCR of %s", job.path, exc_info=True)
        self.ocr_finished.emit(job.document_id, job.read, True)

    def _poll(self) -> None:
        for ocr_job in list(self.ocr_jobs):
            try:
                self._advance_ocr(ocr_job, time.perf_counter() + _SLICE_SECONDS)
            except Exception:  # OCR is extra: the document stays, its scanned pages unsearched
                log.warning("cannot OCR %s", ocr_job.path, exc_info=True)
                self.ocr_jobs.remove(ocr_job)
                self._ocr_refresh(ocr_job)
                self.ocr_finished.emit(ocr_job.document_id, ocr_job.read, False)
        for job in list(self.jobs):
            try:
                self._advance(job, time.perf_counter() + _SLICE_SECONDS)
            except Exception as err:  # a worker's error is this file's problem, not the window's
                log.warning("cannot add %s", job.path, exc_info=True)
                self.jobs.remove(job)
                self.failed.emit(job.path, _problem(err))
        if not self.busy:
            self._timer.stop()

    def _advance_ocr(self, job: OcrJob, deadline: float) -> None:
        """Store the pages the workers have read, one page (text, then findings) per step."""
        if not job.version.done():
            return
        for future in [f for f in job.futures if f.done()]:
            job.ready.append(_reply(future, job.futures.pop(future)))
        while job.ready and time.perf_counter() < deadline:
            self._ocr_store(job, job.ready.pop(0))
            self.ocr_progress.emit(job.document_id, job.done, len(job.numbers))
        if job.futures or job.ready:
            if job.dirty and time.perf_counter() - job.refreshed > _OCR_REFRESH_SECONDS:
                self._ocr_refresh(job)
            return
        self.ocr_jobs.remove(job)
        self._ocr_refresh(job)
        if job.problems:
            log.warning("OCR of %s: %s", job.path, "; ".join(job.problems))
        self.ocr_finished.emit(job.document_id, job.read, False)

    def _ocr_store(self, job: OcrJob, reply: OcrReply) -> None:
        number, result, problem = reply
        job.done += 1
        if result is None:
            job.problems.append(f"page {number}: {problem}")
            return
        case = self.session.case
        page, detections, *_ = result
        case.save_pages(job.document_id, [page])
        self.session.forget_page(job.document_id, number)
        case.merge_detections(
            job.document_id,
            [(number, d) for d in detections],
            job.version.result(),
            pages=range(number, number + 1),
        )
        job.read += 1
        job.dirty = True

    def _ocr_refresh(self, job: OcrJob) -> None:
        """Hand the document's findings (and its fewer pages needing OCR) to the session."""
        if not job.dirty:
            return
        case = self.session.case
        document = case.document(job.document_id)
        self.session.add_document_findings(document, case.findings(document_id=job.document_id))
        job.dirty, job.refreshed = False, time.perf_counter()

    def _advance(self, job: Job, deadline: float) -> None:
        if job.storing is not None:
            self._store_slice(job, deadline)
            return
        if job.document_id is None and (not job.hash_.done() or self._duplicate(job)):
            return
        self._write_pages(job, deadline)
        if not all(f.done() for f in job.parts) or job.unsaved:
            self.progress.emit(job.path, job.done_pages, job.page_count)
            return
        if job.settle is None:
            job.settle = self._settle(job)
            return
        if job.settle.done() and job.version.done():
            answer = job.settle.result()
            for i, (_, *found) in zip(job.redo, answer.redone, strict=True):
                job.results[i] = (job.results[i][0], *found)  # type: ignore[assignment]
            crossings = dict(answer.bridges)
            for page, detections, *_ in job.results:
                add_bridges(detections, crossings.get(page.number, ()))
            job.storing = self._store(job)

    def _settle(self, job: Job) -> Future[Settled]:
        """Send the worker what crosses pages: those that lack an anchor or acronym another page
        introduces, and the breaks a reference may run over (each chunk's own, and every break
        between two chunks)."""
        chunks = [f.result() for f in job.parts]
        job.results = [r for c in chunks for r in c.results]
        breaks = {n for c in chunks for n in c.breaks}
        breaks |= {c.results[-1][0].number for c in chunks[:-1] if c.results}
        introduced, redo = pages_to_redo(job.results)
        job.redo = sorted(redo)
        pages = [job.results[i][0] for i in job.redo]
        pairs = [(a[0], b[0]) for a, b in pairwise(job.results) if a[0].number in breaks]
        return self.pool().submit(tasks.settle, pages, pairs, introduced, self.models)

    def _duplicate(self, job: Job) -> bool:
        """True if the file is in the case already; otherwise give the job its document."""
        case = self.session.case
        existing = case.document_by_hash(job.hash_.result())
        if existing is not None and existing.path != job.path:
            case.update_document(existing.id, path=job.path)  # a moved file, found by its hash
            self.session.refresh_document(existing.id)
        if existing is None or case.page_count_stored(existing.id) < existing.page_count:
            job.document_id = (
                existing.id
                if existing is not None
                else case.add_document(job.hash_.result(), job.path, job.title, job.page_count).id
            )
            return False
        for part in job.parts:
            part.cancel()
        self.jobs.remove(job)
        self.start_ocr(existing.id)  # added again: read what an earlier run could not
        self.finished.emit(job.path, existing.id, True)
        return True

    def _write_pages(self, job: Job, deadline: float) -> None:
        """Write the pages of every chunk the workers have returned, a few pages a step."""
        assert job.document_id is not None
        for i, part in enumerate(job.parts):
            if i not in job.queued and part.done():
                job.queued.add(i)
                job.unsaved += [r[0] for r in part.result().results]
        while job.unsaved and time.perf_counter() < deadline:
            pages, job.unsaved = job.unsaved[:_PAGES_PER_WRITE], job.unsaved[_PAGES_PER_WRITE:]
            self.session.case.save_pages(job.document_id, pages)
            job.labels.update((page.number, page_label(page.text)) for page in pages)

    def _store_slice(self, job: Job, deadline: float) -> None:
        assert job.storing is not None
        for _ in job.storing:
            if time.perf_counter() > deadline:
                return
        self.jobs.remove(job)
        assert job.document_id is not None
        self.start_ocr(job.document_id)
        self.finished.emit(job.path, job.document_id, False)

    def _store(self, job: Job) -> Iterator[None]:
        """Merge the findings one page range per step, then hand them to the session."""
        case, document_id = self.session.case, job.document_id
        assert document_id is not None
        version = job.version.result()
        by_page: dict[int, list[Detection]] = {}
        for page, detections, *_ in job.results:
            by_page.setdefault(page.number, []).extend(detections)
        if job.page_count == 0:
            case.merge_detections(document_id, [], version)
        for first in range(1, job.page_count + 1, _PAGES_PER_MERGE):
            pages = range(first, min(first + _PAGES_PER_MERGE, job.page_count + 1))
            found = [(n, d) for n in pages for d in by_page.get(n, [])]
            case.merge_detections(document_id, found, version, pages=pages)
            self.progress.emit(job.path, job.page_count, job.page_count)
            yield
        labels = [job.labels.get(n, "") for n in range(1, job.page_count + 1)]
        case.update_document(document_id, page_labels=labels)
        yield
        findings = []
        for first in range(1, job.page_count + 1, _PAGES_PER_LOAD):
            pages = range(first, first + _PAGES_PER_LOAD)
            findings += case.findings(document_id=document_id, pages=pages)
            yield
        self.session.add_document_findings(case.document(document_id), findings)
        yield


def _reply(future: Future[OcrReply], number: int) -> OcrReply:
    """A page's OCR, or why it could not be read (a worker that died is this page's problem)."""
    try:
        return future.result()
    except Exception as err:
        return number, None, f"OCR failed ({err})"


def _problem(err: BaseException) -> str:
    problem = getattr(err, "problem", None)
    return str(problem) if problem else f"could not be processed ({err})"
