"""The Ingestor: add PDFs to a case (fingerprint, extract, detect, store, OCR) and re-scan them.

The one ingest: the command line runs it to completion, the window runs it in a background
process (background.py) and listens to its events. A document's text-layer pages are stored and
detected first; then its scanned pages are OCR'd, each stored with its findings as soon as it is
read, so a reviewer can work on them while OCR goes on; a last pass settles what crosses pages.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError, BadInputFile, Cancelled
from annotator.core.model import Document, PageText
from annotator.core.progress import Progress, ProgressCallback
from annotator.ingest.events import EventKind, IngestEvent, Listener, Stage
from annotator.ingest.ocr_pass import OcrPass
from annotator.ingest.pipelined import PipelinedScan
from annotator.ingest.settle import settle_anchors
from annotator.nlp.detect import Detector
from annotator.nlp.sources import document_source
from annotator.nlp.worker import DetectionWorker, PageResult, detect_page_result
from annotator.pdf.extract import document_title, iter_pages, open_pdf, sha256_file
from annotator.pdf.labels import page_label
from annotator.pdf.ocr import OcrEngine, OcrUnavailable, find_engine
from annotator.pdf.withheld import document_withholdings

if TYPE_CHECKING:
    from annotator.store import CaseStore

PARALLEL_FROM_PAGES = 120
"""Pages from which a document pays for starting the detection worker."""


class OcrMode(StrEnum):
    AUTO = "auto"
    """OCR pages with no usable text layer."""
    ALWAYS = "always"
    """OCR every page."""
    NEVER = "never"
    """OCR nothing: pages with no text layer stay marked "not searched"."""


OCR_MODES = tuple(m.value for m in OcrMode)


@dataclass(slots=True)
class IngestResult:
    path: str
    document: Document | None = None
    error: str = ""
    duplicate: bool = False
    rescanned: bool = False
    pages: int = 0
    pages_needing_ocr: int = 0
    unsearched_pages: list[int] = field(default_factory=list)
    """1-based pages with no text layer that OCR has not read: not searched."""
    pages_ocr_read: int = 0
    """Pages OCR'd in this run."""
    ocr_unavailable: str = ""
    """Why OCR could not run at all, with how to install Tesseract."""
    ocr_problems: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.error


class Ingestor:
    """Runs ingest for one case; keeps one Detector so pipelines are built once."""

    def __init__(
        self,
        case: CaseStore,
        detector: Detector | None = None,
        workers: int | None = None,
        ocr: OcrMode | str = OcrMode.AUTO,
        worker: DetectionWorker | None = None,
        listener: Listener | None = None,
    ):
        """`worker`: a detection worker to send pages to (the caller closes it); without one,
        a worker is started for the first document long enough to pay for it, when there is
        more than one core, and kept for the documents after it. `listener` hears every event
        (events.py); returning False from it cancels."""
        if ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
        self.case = case
        self.detector = detector or Detector()
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.ocr = OcrMode(ocr)
        if worker is not None and worker.models != str(self.detector.models_dir):
            raise ValueError("the detection worker and the detector use different models")
        self._worker = worker
        self._own_worker = False
        self.listener = listener
        self.ocr_missing = ""
        """Why OCR cannot run, once it has been tried."""
        self.prefer: Callable[[int], Iterable[int]] | None = None
        """The pages of a document to OCR first (by document id), polled before each page is
        handed out: the window's page in view and the few after it."""

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the detection worker, if this Ingestor started one."""
        if self._worker is not None and self._own_worker:
            self._worker.close()
            self._worker = None

    def tell(self, event: IngestEvent) -> None:
        """Pass an event to the listener; Cancelled if it asks to stop."""
        if self.listener is not None and self.listener(event) is False:
            raise Cancelled("cancelled")

    def announce(self, event: IngestEvent) -> None:
        """Pass on an event that ends a piece of work (a failure): nothing left to cancel."""
        if self.listener is not None:
            self.listener(event)

    # -- adding and finishing documents ---------------------------------------------------------

    def add_files(
        self, paths: Sequence[str | os.PathLike[str]], progress: ProgressCallback | None = None
    ) -> list[IngestResult]:
        """Ingest each file; a bad file is reported in its result and the others go on."""
        results = []
        for path in paths:
            try:
                results.append(self.add_file(path, progress))
            except Cancelled:
                self.announce(IngestEvent(EventKind.FAILED, str(path), message="cancelled"))
                raise
            except AnnotatorError as err:
                problem = err.problem if isinstance(err, BadInputFile) else str(err)
                self.announce(IngestEvent(EventKind.FAILED, str(path), message=problem))
                results.append(IngestResult(str(path), error=problem))
        return results

    def add_file(
        self, path: str | os.PathLike[str], progress: ProgressCallback | None = None
    ) -> IngestResult:
        name = str(path)
        pdf = open_pdf(path)
        try:
            page_count = pdf.page_count
            title = document_title(pdf, path)
        finally:
            pdf.close()
        try:
            sha = sha256_file(path)
        except OSError as err:
            raise BadInputFile(name, f"cannot be read ({err.strerror or err})") from err
        self.tell(IngestEvent(EventKind.STARTED, name, total=page_count, message=title))
        result = IngestResult(name)
        resolved = str(Path(path).resolve())
        document = self.case.document_by_hash(sha)
        if document is not None:
            result.duplicate = True
            if document.path != resolved:
                self.case.update_document(document.id, path=resolved)
            if self.case.page_count_stored(document.id) == document.page_count:
                stale = document.lexicon_version != self.detector.lexicon_version
                read = self._ocr(path, document.id, None, result, progress)
                if stale and not read:
                    self.rescan(document.id, progress)
                result.rescanned = stale
                return self._summarise(result, document.id)
        else:
            document = self.case.add_document(sha, resolved, title, page_count)
        reading = self._reading(name, progress)
        results = self._extract_and_detect(path, document.id, page_count, reading)
        # Pages OCR will read get their redaction boxes looked for once, after it has read them.
        will_ocr = not self.ocr_missing and any(self._wants_ocr(r.page) for r in results)
        self._store(document.id, results, boxes=not will_ocr)
        self.tell(IngestEvent(EventKind.TEXT_STORED, name, document_id=document.id))
        if not self._ocr(path, document.id, results, result, progress) and will_ocr:
            self._describe(document.id, [r.page for r in results], first=False)
        return self._summarise(result, document.id)

    def finish(self, document_id: int, progress: ProgressCallback | None = None) -> IngestResult:
        """Finish a document an earlier run left incomplete (or with pages OCR has not read)."""
        document = self.case.document(document_id)
        path = Path(document.path)
        try:
            same = path.is_file() and sha256_file(path) == document.sha256
        except OSError:
            same = False
        if same:
            return self.add_file(path, progress)
        if document.pages_stored < document.page_count:
            raise BadInputFile(
                document.path, "is missing or has changed, so its reading cannot be finished"
            )
        if document.lexicon_version != self.detector.lexicon_version:
            self.rescan(document_id, progress)
        return self._summarise(IngestResult(document.path, duplicate=True), document_id)

    def rescan(self, document_id: int, progress: ProgressCallback | None = None) -> dict[str, int]:
        """Detect again on the stored text (no PDF needed), keeping every tag and note."""
        pages = list(self.case.pages(document_id))
        results = _detect_document(self.detector, pages, progress)
        return self._store(document_id, results, labels=False)

    # -- the steps ------------------------------------------------------------------------------

    def _reading(self, path: str, progress: ProgressCallback | None) -> ProgressCallback | None:
        """The progress callback for reading pages: the caller's, and the listener's events."""
        if self.listener is None:
            return progress

        def both(p: Progress) -> bool | None:
            self.tell(IngestEvent(EventKind.PROGRESS, path, done=p.done, total=p.total))
            return progress(p) if progress is not None else None

        return both

    def _extract_and_detect(
        self,
        path: str | os.PathLike[str],
        document_id: int,
        page_count: int,
        progress: ProgressCallback | None,
    ) -> list[PageResult]:
        """Every page, extracted, detected and stored (its findings are not stored yet)."""
        if self._worker is None and self.workers > 1 and page_count >= PARALLEL_FROM_PAGES:
            self._worker = DetectionWorker(self.detector.models_dir)
            self._own_worker = True
        if self._worker is not None:
            scan = PipelinedScan(
                self._worker, self.detector, self.case, document_id, path, page_count
            )
            return scan.run(progress)
        pdf = open_pdf(path)
        try:
            pages = list(iter_pages(pdf))
        finally:
            pdf.close()
        results = _detect_document(self.detector, pages, progress)
        self.case.save_pages(document_id, pages)
        return results

    def _ocr(
        self,
        path: str | os.PathLike[str],
        document_id: int,
        results: list[PageResult] | None,
        result: IngestResult,
        progress: ProgressCallback | None,
    ) -> int:
        """OCR the pages that want it, each stored with its findings as it is read; then settle
        the document. `results`: the document's pages just detected (None: use those stored).
        The number of pages read."""
        pages = [r.page for r in results] if results is not None else self.case.pages(document_id)
        wanted = [p.number for p in pages if self._wants_ocr(p)]
        if not wanted:
            return 0
        engine = self._engine(path, result)
        if engine is None:
            return 0
        known: set[str] = set().union(*(r.introduced for r in results)) if results else set()
        ocr = OcrPass(self.case, self.detector, self._worker, self.tell, document_id, path)
        prefer = self.prefer
        first = (lambda: prefer(document_id)) if prefer is not None else None
        read = ocr.run(engine, wanted, known, self.workers, progress, first)
        result.pages_ocr_read += read
        result.ocr_problems += ocr.problems
        if read and results is None:
            self.rescan(document_id, progress)
        elif read:
            self._store(document_id, ocr.settled(results or []))
        else:  # every page failed: the rest is complete as it is
            self.case.update_document(document_id, lexicon_version=self.detector.lexicon_version)
        return read

    def _engine(self, path: str | os.PathLike[str], result: IngestResult) -> OcrEngine | None:
        """Tesseract, or None (the reason in `result`, and told once per Ingestor)."""
        if not self.ocr_missing:
            try:
                return find_engine()
            except OcrUnavailable as err:
                self.ocr_missing = str(err)
                self.tell(IngestEvent(EventKind.OCR_UNAVAILABLE, str(path), message=str(err)))
        result.ocr_unavailable = self.ocr_missing
        return None

    def _wants_ocr(self, page: PageText) -> bool:
        if page.ocr_done or self.ocr is OcrMode.NEVER:
            return False
        return self.ocr is OcrMode.ALWAYS or page.needs_ocr

    def _store(
        self, document_id: int, results: list[PageResult], labels: bool = True, boxes: bool = True
    ) -> dict[str, int]:
        """Store the findings (and the page stamps) of pages already stored; `boxes`: look for
        the redaction boxes of its scanned pages too (each a render of the page image)."""
        if labels:
            stamps = [page_label(r.page.text) for r in results]
            self.case.update_document(document_id, page_labels=stamps)
        self._describe(document_id, [r.page for r in results], first=labels, boxes=boxes)
        detections = ((r.page.number, d) for r in results for d in r.detections)
        return self.case.merge_detections(document_id, detections, self.detector.lexicon_version)

    def _describe(
        self, document_id: int, pages: list[PageText], first: bool, boxes: bool = True
    ) -> None:
        """Who issued the document and its date, from the head of its first pages (when it is
        first read), and what it withholds (whenever its text is read): issue 13."""
        if first:
            source = document_source([p.text for p in pages[:2]], self.detector.models_dir)
            self.case.update_document(document_id, **source._asdict())
        path = self.case.document(document_id).path
        self.case.save_withholdings(document_id, document_withholdings(path, pages, boxes))

    def _summarise(self, result: IngestResult, document_id: int) -> IngestResult:
        result.document = self.case.document(document_id)
        result.pages = result.document.page_count
        result.pages_needing_ocr = result.document.pages_needing_ocr
        if result.pages_needing_ocr:
            result.unsearched_pages = [
                p.number for p in self.case.pages(document_id) if p.needs_ocr and not p.ocr_done
            ]
        result.counts = Counter(self.case.finding_counts(document_id))
        self.tell(
            IngestEvent(
                EventKind.DOCUMENT_STORED,
                result.path,
                document_id=document_id,
                duplicate=result.duplicate,
                stage=Stage.READING,
            )
        )
        return result


def _detect_document(
    detector: Detector, pages: Sequence[PageText], progress: ProgressCallback | None = None
) -> list[PageResult]:
    from annotator.core.progress import report

    results: list[PageResult] = []
    for i, page in enumerate(pages):
        results.append(detect_page_result(detector, page, set()))
        report(progress, i + 1, len(pages), f"page {i + 1} of {len(pages)}")
    return settle_anchors(detector, results)
