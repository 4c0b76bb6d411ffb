"""Scan one document with the detection worker: this process extracts and stores pages while
the worker detects them, and the two share the extraction once the worker has caught up.

This process reads pages from the front of the document. Those holding one of the lexicon's
trigger words go to the worker in small batches, and so do the page breaks a reference may run
over; the rest never leave this process. Pages are stored as they are read. Whenever the
worker has done everything sent to it (spaCy's loading first), it is given a chunk of pages from
the end of the document to extract and detect itself, so on two cores neither process waits for
the other. If the worker is far behind when the last page is read (a file with references on
most pages), this process loads spaCy too and detects the last batches itself. What the worker
found is settled at the end (see settle.py).

Page breaks are detected during extraction with the anchors the document has shown so far; the
few whose anchors turn out incomplete are detected again at the end, so the findings are the
same as a one-process scan's.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections import deque
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

import pymupdf

from annotator.core.model import Detection, PageText
from annotator.core.progress import ProgressCallback, report
from annotator.ingest.settle import junction, settle_in
from annotator.nlp.detect import Detector
from annotator.nlp.language import guess_language
from annotator.nlp.worker import (
    DetectionWorker,
    Found,
    PageResult,
    Settled,
    detect_page_result,
    found,
    remember_anchors,
    worker_detector,
)
from annotator.pdf.extract import extract_page, iter_pages, open_pdf

if TYPE_CHECKING:  # workers import this module for extract_and_detect: no SQLite code there
    from annotator.store import CaseStore

DETECT_BATCH = 10
"""Pages sent to the worker together."""
BRIDGE_BATCH = 20
"""Page breaks sent to the worker together."""
TAIL_CHUNK = 20
"""Pages the worker extracts in one go from the end of a document, when it is idle."""
SAVE_EVERY = 100
"""Pages stored together while extraction goes on."""
HELP_FROM_PAGES = 250
"""Pages still waiting for the worker when this process has read the last page, from which it
loads spaCy too and detects the last batches itself (a file with references on most pages):
below that, loading spaCy here (about a second) would cost more than it saves."""

HANDOFF_INTERVAL = 0.001
"""The interpreter's thread switch interval during a scan. This thread extracts without pause,
and the executor's threads that carry pages to the worker and results back each wait for the
interpreter; Python's default (5 ms) makes every such hand-off wait up to 5 ms."""

Bridging = tuple[Future[Settled], list[int]]
"""Page breaks sent to the worker: its answer, and the numbers of the pages before the breaks."""


class PipelinedScan:
    """One document scanned by this process and the detection worker together (see above)."""

    def __init__(
        self,
        worker: DetectionWorker,
        detector: Detector,
        case: CaseStore,
        document_id: int,
        path: str | os.PathLike[str],
        page_count: int,
    ) -> None:
        self.worker = worker
        self.detector = detector
        self.lexicon = detector.lexicon
        self.case = case
        self.document_id = document_id
        self.path = str(path)
        self.page_count = page_count
        self.key = uuid.uuid4().hex
        """The key the worker keeps this document's anchors under."""
        self.pages: list[PageText] = []
        """Pages extracted here, in order."""
        self.detected: list[Found] = []
        """What the worker found, page by page, as it came back."""
        self.introduced: set[str] = set()
        """Anchors the pages detected so far introduce."""
        self.checked: dict[int, bool] = {}
        """Page breaks looked at, by the page before: True when a reference may cross."""
        self._batch: list[PageText] = []
        self._pairs: list[tuple[PageText, PageText]] = []
        self._jobs: deque[tuple[Future[list[Found]], list[PageText]]] = deque()
        self._bridging: list[Bridging] = []
        self._tails: list[Future[list[PageResult]]] = []
        self._saved = 0
        self.shared_pages = 0
        """Pages the worker extracted itself (a figure for tests and benchmarks)."""
        self.breaks_redone = 0
        """Page breaks detected again at the end, their anchors having changed since."""
        self.helped_pages = 0
        """Pages sent to the worker and detected here after all (see HELP_FROM_PAGES)."""

    def run(self, progress: ProgressCallback | None = None) -> list[PageResult]:
        """Every page extracted, detected and stored; the findings are left to the caller."""
        interval = sys.getswitchinterval()
        sys.setswitchinterval(HANDOFF_INTERVAL)
        try:
            return self._run(progress)
        finally:
            sys.setswitchinterval(interval)

    def _run(self, progress: ProgressCallback | None) -> list[PageResult]:
        name = Path(self.path).name
        stop = self.page_count
        pdf = open_pdf(self.path)
        try:
            while len(self.pages) < stop:
                self._take(extract_page(pdf.load_page(len(self.pages))))
                if stop - len(self.pages) >= 2 * TAIL_CHUNK and not self.worker.backlog():
                    stop -= TAIL_CHUNK
                    job = (self.path, stop, stop + TAIL_CHUNK, self.worker.models, self.key)
                    self._tails.append(self.worker.submit(_extract_tail, job))
                done = len(self.pages) + TAIL_CHUNK * sum(t.done() for t in self._tails)
                report(progress, done, self.page_count, f"{name}: page {done}")
        finally:
            pdf.close()
        self._send_batch()
        self._send_pairs()
        self._save()
        self._help()
        tail = sorted((r for t in self._tails for r in t.result()), key=lambda r: r.page.number)
        self.shared_pages = len(tail)
        self.case.save_pages(self.document_id, [r.page for r in tail])
        self.detected += map(found, tail)
        while self._jobs:
            self._harvest(wait=True)
        self.introduced.update(*(f.introduced for f in self.detected))
        bridged: dict[int, list[Detection]] = {}
        for job, numbers in self._bridging:
            answer = job.result()
            if answer.anchors == self.introduced:
                bridged.update({n: [] for n in numbers})
                bridged.update(answer.bridges)
            else:  # settle_in detects them again with the final anchors
                self.breaks_redone += len(numbers)
        pages = self.pages + [r.page for r in tail]
        return settle_in(
            self.worker,
            self.lexicon,
            pages,
            self.detected,
            bridged,
            self.checked,
            self.key,
        )

    def _take(self, page: PageText) -> None:
        """A page just extracted: batched for the worker if it may match, and the break before
        it looked at; results that came back are collected; pages stored now and then."""
        if self.pages:
            before = self.pages[-1]
            crosses = self.lexicon.might_match_page(junction(before, page))
            self.checked[before.number] = crosses
            if crosses:
                self._pairs.append((before, page))
        self.pages.append(page)
        if self.lexicon.might_match_page(page.text):
            self._batch.append(page)
        if len(self._batch) >= DETECT_BATCH:
            self._send_batch()
        self._harvest(wait=False)
        if len(self._pairs) >= BRIDGE_BATCH:
            self._send_pairs()
        if len(self.pages) - self._saved >= SAVE_EVERY:
            self._save()

    def _send_batch(self) -> None:
        if self._batch:
            self._jobs.append((send_pages(self.worker, self._batch, self.key), self._batch))
            self._batch = []

    def _help(self) -> None:
        """With many pages still waiting for the worker, detect batches here as well: the last
        one first, back to the one the worker is about to start."""
        if sum(len(pages) for job, pages in self._jobs if not job.done()) < HELP_FROM_PAGES:
            return
        for k in range(len(self._jobs) - 1, -1, -1):
            job, pages = self._jobs[k]
            if job.done() or not self.worker.withdraw(job):
                break
            here: Future[list[Found]] = Future()
            here.set_result([found(detect_page_result(self.detector, p, set())) for p in pages])
            self._jobs[k] = (here, pages)
            self.helped_pages += len(pages)

    def _send_pairs(self) -> None:
        """Detect these page breaks with the anchors known so far, here and in the worker."""
        if self._pairs:
            future = self.worker.settle([], self._pairs, self.introduced, self.key)
            self._bridging.append((future, [a.number for a, _ in self._pairs]))
            self._pairs = []

    def _harvest(self, wait: bool) -> None:
        while self._jobs and (wait or self._jobs[0][0].done()):
            batch = self._jobs.popleft()[0].result()
            self.detected += batch
            self.introduced.update(*(f.introduced for f in batch))

    def _save(self) -> None:
        self.case.save_pages(self.document_id, self.pages[self._saved :])
        self._saved = len(self.pages)


def send_pages(
    worker: DetectionWorker, pages: list[PageText], document: str = ""
) -> Future[list[Found]]:
    """Send pages to the worker, their language set here first (the worker sends back only
    what it found)."""
    for page in pages:
        page.language = guess_language(page.text)
    return worker.detect(pages, document=document)


def extract_and_detect(
    job: tuple[str, int, int, str] | tuple[str, int, int, str, str], keep_open: bool = False
) -> list[PageResult]:
    """Worker process: extract and detect pages start..stop of one PDF (and, given the
    document's key, keep the anchors they introduce). With `keep_open` the PDF stays open for
    the next chunk of the same file; otherwise it is closed, so that no idle worker holds a
    file the user may want to move or delete."""
    path, start, stop, models, *key = job
    detector = worker_detector(models)
    pdf = _worker_pdf(path) if keep_open else open_pdf(path)
    try:
        results = [detect_page_result(detector, p, set()) for p in iter_pages(pdf, start, stop)]
    finally:
        if not keep_open:
            pdf.close()
    for result in results:
        remember_anchors(key[0] if key else "", result.introduced)
    return results


def _extract_tail(job: tuple[str, int, int, str, str]) -> list[PageResult]:
    """Worker process: a chunk from the end of the document this scan is reading; more will
    follow, so the PDF stays open."""
    return extract_and_detect(job, keep_open=True)


_OPEN: dict[tuple[str, int, int], pymupdf.Document] = {}


def _worker_pdf(path: str) -> pymupdf.Document:
    """Worker process: the PDF open for reading, kept open for the next chunk of the same file
    (opening a 1,000-page PDF costs as much as reading four of its pages). Only the last file
    stays open; a file changed on disk is opened afresh."""
    stat = os.stat(path)
    key = (path, stat.st_size, stat.st_mtime_ns)
    if key not in _OPEN:
        for pdf in _OPEN.values():
            pdf.close()
        _OPEN.clear()
        _OPEN[key] = open_pdf(path)
    return _OPEN[key]
