"""Add PDFs to a case: fingerprint, extract, detect, store — and re-scan with a newer lexicon.

Heavy work (PyMuPDF extraction and spaCy detection) runs in worker processes when a document is
large enough to pay for them; each worker opens its own copy of the PDF, read-only, because
PyMuPDF objects must not cross threads or processes. The case store is written only here, in
the calling thread.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, BadInputFile
from annotator.core.model import Detection, Document, PageText
from annotator.core.progress import ProgressCallback, report
from annotator.nlp.detect import Detector
from annotator.pdf.extract import document_title, iter_pages, open_pdf, sha256_file
from annotator.pdf.labels import page_label
from annotator.store import CaseStore

CHUNK_PAGES = 40
PARALLEL_FROM_PAGES = 120


@dataclass(slots=True)
class IngestResult:
    path: str
    document: Document | None = None
    error: str = ""
    duplicate: bool = False
    rescanned: bool = False
    pages: int = 0
    pages_needing_ocr: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.error


PageResult = tuple[PageText, list[Detection], set[str], set[str]]
"""A page, its detections, the anchors it introduced, and the anchors it would have used."""


class Ingestor:
    """Runs ingest for one case; keeps one Detector so pipelines are built once."""

    def __init__(self, case: CaseStore, detector: Detector | None = None, workers: int | None = None):
        self.case = case
        self.detector = detector or Detector()
        self.workers = workers if workers is not None else (os.cpu_count() or 1)

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
            if stored == document.page_count and document.lexicon_version == self.detector.lexicon_version:
                return self._summarise(result, document.id)
            if stored == document.page_count:
                self.rescan(document.id, progress)
                result.rescanned = True
                return self._summarise(result, document.id)
        else:
            document = self.case.add_document(sha, str(Path(path).resolve()), title, page_count)
        pages = self._extract_and_detect(path, page_count, progress)
        self._store(document.id, pages)
        return self._summarise(result, document.id)

    def rescan(self, document_id: int, progress: ProgressCallback | None = None) -> dict[str, int]:
        """Detect again on the stored text (no PDF needed), keeping every tag and note."""
        pages = list(self.case.pages(document_id))
        results = _detect_document(self.detector, pages, progress)
        return self._store(document_id, results, save_pages=False)

    def _extract_and_detect(
        self, path: str | os.PathLike[str], page_count: int, progress: ProgressCallback | None
    ) -> list[PageResult]:
        chunks = [(s, min(s + CHUNK_PAGES, page_count)) for s in range(0, page_count, CHUNK_PAGES)]
        if self.workers <= 1 or page_count < PARALLEL_FROM_PAGES:
            pdf = open_pdf(path)
            try:
                pages = list(iter_pages(pdf))
            finally:
                pdf.close()
            return _detect_document(self.detector, pages, progress)
        results: list[PageResult] = []
        models = str(self.detector.models_dir)
        with ProcessPoolExecutor(max_workers=min(self.workers, len(chunks))) as pool:
            futures = pool.map(_work, [(str(path), s, e, models) for s, e in chunks])
            for chunk in futures:
                results.extend(chunk)
                report(progress, len(results), page_count, f"{Path(path).name}: page {len(results)}")
        return _settle_anchors(self.detector, results)

    def _store(
        self, document_id: int, results: list[PageResult], save_pages: bool = True
    ) -> dict[str, int]:
        if save_pages:
            self.case.save_pages(document_id, [r[0] for r in results])
            self.case.update_document(document_id, page_labels=[page_label(r[0].text) for r in results])
        detections = ((r[0].number, d) for r in results for d in r[1])
        return self.case.merge_detections(document_id, detections, self.detector.lexicon_version)

    def _summarise(self, result: IngestResult, document_id: int) -> IngestResult:
        result.document = self.case.document(document_id)
        result.pages = result.document.page_count
        result.pages_needing_ocr = result.document.pages_needing_ocr
        result.counts = Counter(f.category.value for f in self.case.findings(document_id=document_id))
        return result


def _detect_document(
    detector: Detector, pages: Iterable[PageText], progress: ProgressCallback | None = None
) -> list[PageResult]:
    pages = list(pages)
    results: list[PageResult] = []
    for i, page in enumerate(pages):
        results.append(_detect_one(detector, page, set()))
        report(progress, i + 1, len(pages), f"page {i + 1} of {len(pages)}")
    return _settle_anchors(detector, results)


def _detect_one(detector: Detector, page: PageText, known: set[str]) -> PageResult:
    anchors = set(known)
    wanted: set[str] = set()
    detections = detector.detect_page(page, anchors, wanted)
    return page, detections, anchors - known, wanted


def _settle_anchors(detector: Detector, results: list[PageResult]) -> list[PageResult]:
    """Make an acronym introduced anywhere in a document count on every page of it.

    Pages are detected on their own (possibly in parallel); a page that turned down an acronym
    for want of an anchor the document does introduce elsewhere is detected again with it.
    """
    introduced: set[str] = set().union(*(r[2] for r in results)) if results else set()
    settled = []
    for result in results:
        if result[3] & introduced:
            result = _detect_one(detector, result[0], introduced)
        settled.append(result)
    return _bridge_pages(detector, settled, introduced)


def _bridge_pages(
    detector: Detector, results: list[PageResult], anchors: set[str]
) -> list[PageResult]:
    """Add the references that run over a page break to the page they start on."""
    for i in range(len(results) - 1):
        page, detections = results[i][0], results[i][1]
        for det in detector.detect_bridge(page, results[i + 1][0], anchors):
            detections[:] = [
                d for d in detections
                if not (d.category == det.category and d.start >= det.start and d.end <= det.end)
            ]
            detections.append(det)
    return results


def _work(job: tuple[str, int, int, str]) -> list[PageResult]:
    """Worker process: extract and detect pages start..stop of one PDF."""
    path, start, stop, models = job
    detector = _worker_detector(models)
    pdf = open_pdf(path)
    try:
        return [_detect_one(detector, page, set()) for page in iter_pages(pdf, start, stop)]
    finally:
        pdf.close()


_DETECTORS: dict[str, Detector] = {}


def _worker_detector(models: str) -> Detector:
    if models not in _DETECTORS:
        _DETECTORS[models] = Detector(Path(models))
    return _DETECTORS[models]


