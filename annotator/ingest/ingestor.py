"""The Ingestor: add PDFs to a case (fingerprint, extract, OCR, detect, store) and re-scan
them with a newer lexicon."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError, BadInputFile
from annotator.core.model import Document, PageText
from annotator.core.progress import ProgressCallback, report
from annotator.ingest.pipelined import PipelinedScan, send_pages
from annotator.ingest.settle import settle_anchors, settle_in
from annotator.nlp.detect import Detector
from annotator.nlp.sources import document_source
from annotator.nlp.worker import DetectionWorker, PageResult, detect_page_result, found
from annotator.pdf.extract import document_title, iter_pages, open_pdf, sha256_file
from annotator.pdf.labels import page_label
from annotator.pdf.ocr import OcrUnavailable, find_engine, ocr_pages
from annotator.pdf.withheld import document_withholdings

if TYPE_CHECKING:
    from annotator.store import CaseStore

PARALLEL_FROM_PAGES = 120
"""Pages from which a document pays for starting the detection worker."""
OCR_MODES = ("auto", "always", "never")
"""auto: OCR pages with no usable text layer; always: every page; never: none (they stay marked)."""


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
        ocr: str = "auto",
        worker: DetectionWorker | None = None,
    ):
        """`worker`: a detection worker to send pages to (the caller closes it); without one,
        a worker is started for the first document long enough to pay for it, when there is
        more than one core, and kept for the documents after it."""
        if ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
        self.case = case
        self.detector = detector or Detector()
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.ocr = ocr
        if worker is not None and worker.models != str(self.detector.models_dir):
            raise ValueError("the detection worker and the detector use different models")
        self._worker = worker
        self._own_worker = False

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the detection worker, if this Ingestor started one."""
        if self._worker is not None and self._own_worker:
            self._worker.close()
            self._worker = None

    def add_files(
        self, paths: Sequence[str | os.PathLike[str]], progress: ProgressCallback | None = None
    ) -> list[IngestResult]:
        """Ingest each file; a bad file is reported in its result and the others go on."""
        results = []
        for path in paths:
            try:
                results.append(self.add_file(path, progress))
            except AnnotatorError as err:
                problem = err.problem if isinstance(err, BadInputFile) else str(err)
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
        result = IngestResult(name)
        document = self.case.document_by_hash(sha)
        if document is not None:
            result.duplicate = True
            if document.path != str(Path(path).resolve()):
                self.case.update_document(document.id, path=str(Path(path).resolve()))
            stored = self.case.page_count_stored(document.id)
            if stored == document.page_count:
                stale = document.lexicon_version != self.detector.lexicon_version
                if self._ocr_stored(path, document, result, progress) or stale:
                    self.rescan(document.id, progress)
                    result.rescanned = stale
                return self._summarise(result, document.id)
        else:
            document = self.case.add_document(sha, str(Path(path).resolve()), title, page_count)
        pages = self._extract_and_detect(path, document.id, page_count, progress)
        pages = self._add_ocr(path, document.id, pages, result, progress)
        self._store(document.id, pages)
        return self._summarise(result, document.id)

    def rescan(self, document_id: int, progress: ProgressCallback | None = None) -> dict[str, int]:
        """Detect again on the stored text (no PDF needed), keeping every tag and note."""
        pages = list(self.case.pages(document_id))
        results = _detect_document(self.detector, pages, progress)
        return self._store(document_id, results, labels=False)

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

    def _wants_ocr(self, page: PageText) -> bool:
        if page.ocr_done or self.ocr == "never":
            return False
        return self.ocr == "always" or page.needs_ocr

    def _ocr_stored(
        self,
        path: str | os.PathLike[str],
        document: Document,
        result: IngestResult,
        progress: ProgressCallback | None,
    ) -> int:
        """OCR the stored pages of a document that still want it; the number read."""
        if self.ocr == "never" or (self.ocr == "auto" and not document.pages_needing_ocr):
            return 0
        numbers = [p.number for p in self.case.pages(document.id) if self._wants_ocr(p)]
        if not numbers:
            return 0
        # Cleared first, so that a run stopped after storing some OCR text still re-detects.
        self.case.update_document(document.id, lexicon_version="")
        read = len(self._ocr(path, document.id, numbers, result, progress))
        if not read:
            self.case.update_document(document.id, lexicon_version=document.lexicon_version)
        return read

    def _add_ocr(
        self,
        path: str | os.PathLike[str],
        document_id: int,
        results: list[PageResult],
        result: IngestResult,
        progress: ProgressCallback | None,
    ) -> list[PageResult]:
        """Swap in OCR text for the pages that want it, reusing pages an earlier run read."""
        read = {p.number: p for p in self.case.pages(document_id, ocr_done=True)}
        todo = [r[0].number for r in results if r[0].number not in read and self._wants_ocr(r[0])]
        read.update(self._ocr(path, document_id, todo, result, progress))
        if not read:
            return results
        if self._worker is not None:
            pages = [read.get(r[0].number, r[0]) for r in results]
            kept = [found(r) for r in results if r[0].number not in read]
            fresh = send_pages(self._worker, [read[n] for n in sorted(read)]).result()
            results = settle_in(self._worker, self.detector.lexicon, pages, kept + fresh)
        else:
            results = [
                detect_page_result(self.detector, read[r[0].number], set())
                if r[0].number in read
                else r
                for r in results
            ]
            results = settle_anchors(self.detector, results)
        self.case.save_pages(document_id, [r[0] for r in results if r[0].number in read])
        return results

    def _ocr(
        self,
        path: str | os.PathLike[str],
        document_id: int,
        numbers: list[int],
        result: IngestResult,
        progress: ProgressCallback | None,
    ) -> dict[int, PageText]:
        """OCR these pages on all workers, storing each as it is read."""
        if not numbers:
            return {}
        try:
            engine = find_engine()
        except OcrUnavailable as err:
            result.ocr_unavailable = str(err)
            return {}
        read: dict[int, PageText] = {}
        name = Path(path).name
        with closing(ocr_pages(path, numbers, engine, self.workers)) as outcomes:
            for done, outcome in enumerate(outcomes, start=1):
                if outcome.page is None:
                    result.ocr_problems.append(f"page {outcome.number}: {outcome.problem}")
                else:
                    self.case.save_pages(document_id, [outcome.page])
                    read[outcome.number] = outcome.page
                report(progress, done, len(numbers), f"OCR page {outcome.number} of {name}")
        result.pages_ocr_read += len(read)
        return read

    def _store(
        self, document_id: int, results: list[PageResult], labels: bool = True
    ) -> dict[str, int]:
        """Store the findings (and the page stamps) of pages already stored."""
        if labels:
            stamps = [page_label(r[0].text) for r in results]
            self.case.update_document(document_id, page_labels=stamps)
        self._describe(document_id, [r[0] for r in results], first=labels)
        detections = ((r[0].number, d) for r in results for d in r[1])
        return self.case.merge_detections(document_id, detections, self.detector.lexicon_version)

    def _describe(self, document_id: int, pages: list[PageText], first: bool) -> None:
        """Who issued the document and its date, from the head of its first pages (when it is
        first read), and what it withholds (whenever its text is read): issue 13."""
        if first:
            source = document_source([p.text for p in pages[:2]], self.detector.models_dir)
            self.case.update_document(document_id, **source._asdict())
        path = self.case.document(document_id).path
        self.case.save_withholdings(document_id, document_withholdings(path, pages))

    def _summarise(self, result: IngestResult, document_id: int) -> IngestResult:
        result.document = self.case.document(document_id)
        result.pages = result.document.page_count
        result.pages_needing_ocr = result.document.pages_needing_ocr
        if result.pages_needing_ocr:
            result.unsearched_pages = [
                p.number for p in self.case.pages(document_id) if p.needs_ocr and not p.ocr_done
            ]
        result.counts = Counter(self.case.finding_counts(document_id))
        return result


def _detect_document(
    detector: Detector, pages: Iterable[PageText], progress: ProgressCallback | None = None
) -> list[PageResult]:
    pages = list(pages)
    results: list[PageResult] = []
    for i, page in enumerate(pages):
        results.append(detect_page_result(detector, page, set()))
        report(progress, i + 1, len(pages), f"page {i + 1} of {len(pages)}")
    return settle_anchors(detector, results)
