"""Add PDFs to a case: fingerprint, extract, OCR, detect, store — and re-scan with a newer lexicon.

Heavy work (PyMuPDF extraction and spaCy detection) runs in worker processes when a document is
large enough to pay for them; each worker opens its own copy of the PDF, read-only, because
PyMuPDF objects must not cross threads or processes. OCR runs in worker processes on all cores
whenever more than one page needs it, and each OCR'd page is stored as soon as it is read, so no
page is OCR'd twice, even after a cancel or a crash. The case store is written only here, in the
calling thread.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, BadInputFile
from annotator.core.model import Detection, Document, PageText
from annotator.core.progress import ProgressCallback, report
from annotator.nlp.detect import Detector
from annotator.nlp.lexicon import ALIAS
from annotator.nlp.normalize import fold
from annotator.pdf.extract import document_title, iter_pages, open_pdf, sha256_file
from annotator.pdf.labels import page_label
from annotator.pdf.ocr import OcrUnavailable, find_engine, ocr_pages
from annotator.store import CaseStore

PARALLEL_FROM_PAGES = 120
DETECT_BATCH = 10
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


PageResult = tuple[PageText, list[Detection], set[str], set[str]]
"""A page, its detections, the anchors it introduced, and the anchors it would have used."""


class Ingestor:
    """Runs ingest for one case; keeps one Detector so pipelines are built once."""

    def __init__(
        self,
        case: CaseStore,
        detector: Detector | None = None,
        workers: int | None = None,
        ocr: str = "auto",
    ):
        if ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
        self.case = case
        self.detector = detector or Detector()
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.ocr = ocr

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
        pages = self._extract_and_detect(path, page_count, progress)
        pages = self._add_ocr(path, document.id, pages, result, progress)
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
        if self.workers <= 1 or page_count < PARALLEL_FROM_PAGES:
            pdf = open_pdf(path)
            try:
                pages = list(iter_pages(pdf))
            finally:
                pdf.close()
            return _detect_document(self.detector, pages, progress)
        return self._pipelined(path, page_count, progress)

    def _pipelined(
        self, path: str | os.PathLike[str], page_count: int, progress: ProgressCallback | None
    ) -> list[PageResult]:
        """A large document: this process extracts every page while one worker process, started
        at once, loads spaCy and detects the pages that hold one of the lexicon's trigger words.

        spaCy's start-up (about 2 s) overlaps extraction instead of preceding it, this process
        never loads it, and pages that cannot match never cross to the worker.
        """
        detector = self.detector
        models = str(detector.models_dir)
        # fork shares what this process has loaded, but is safe only with no other threads
        # running (a GUI has some); spawn starts afresh.
        method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            pool.submit(_warm, models)  # start loading spaCy now
            jobs: list[Future[list[PageResult]]] = []
            pages: list[PageText] = []
            batch: list[PageText] = []
            pdf = open_pdf(path)
            try:
                for page in iter_pages(pdf):
                    pages.append(page)
                    if detector.lexicon.might_match(fold(page.text).text):
                        batch.append(page)
                    if len(batch) >= DETECT_BATCH:
                        jobs.append(pool.submit(_detect_pages, models, batch, set()))
                        batch = []
                    report(
                        progress, len(pages), page_count, f"{Path(path).name}: page {len(pages)}"
                    )
            finally:
                pdf.close()
            if batch:
                jobs.append(pool.submit(_detect_pages, models, batch, set()))
            found = {r[0].number: r for job in jobs for r in job.result()}
            results = [found.get(p.number) or (p, [], set(), set()) for p in pages]
            return _settle_in(pool, models, detector, results)

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
        read: dict[int, PageText] = {}
        if self.case.page_count_stored(document_id):
            read = {p.number: p for p in self.case.pages(document_id) if p.ocr_done}
        todo = [r[0].number for r in results if r[0].number not in read and self._wants_ocr(r[0])]
        read.update(self._ocr(path, document_id, todo, result, progress))
        if not read:
            return results
        results = [
            detect_page_result(self.detector, read[r[0].number], set())
            if r[0].number in read
            else r
            for r in results
        ]
        return _settle_anchors(self.detector, results)

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
        self, document_id: int, results: list[PageResult], save_pages: bool = True
    ) -> dict[str, int]:
        if save_pages:
            self.case.save_pages(document_id, [r[0] for r in results])
            labels = [page_label(r[0].text) for r in results]
            self.case.update_document(document_id, page_labels=labels)
        detections = ((r[0].number, d) for r in results for d in r[1])
        return self.case.merge_detections(document_id, detections, self.detector.lexicon_version)

    def _summarise(self, result: IngestResult, document_id: int) -> IngestResult:
        result.document = self.case.document(document_id)
        result.pages = result.document.page_count
        result.pages_needing_ocr = result.document.pages_needing_ocr
        if result.pages_needing_ocr:
            result.unsearched_pages = [
                p.number for p in self.case.pages(document_id) if p.needs_ocr and not p.ocr_done
            ]
        findings = self.case.findings(document_id=document_id)
        result.counts = Counter(f.category.value for f in findings)
        return result


def _detect_document(
    detector: Detector, pages: Iterable[PageText], progress: ProgressCallback | None = None
) -> list[PageResult]:
    pages = list(pages)
    results: list[PageResult] = []
    for i, page in enumerate(pages):
        results.append(detect_page_result(detector, page, set()))
        report(progress, i + 1, len(pages), f"page {i + 1} of {len(pages)}")
    return _settle_anchors(detector, results)


def detect_page_result(detector: Detector, page: PageText, known: set[str]) -> PageResult:
    """One page detected on its own, knowing the anchors in `known`; what it introduced and
    what it turned a match down for lacking come back with it (see _settle_anchors)."""
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
    aliases = {a: a.split(":")[1] for a in introduced if a.startswith(ALIAS)}
    settled = []
    for result in results:
        page, _, own, wanted = result
        unseen = [acr for a, acr in aliases.items() if a not in own and _has_word(page.text, acr)]
        if wanted & introduced or unseen:
            result = detect_page_result(detector, page, introduced)
        settled.append(result)
    return _bridge_pages(detector, settled, introduced)


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _bridge_pages(
    detector: Detector, results: list[PageResult], anchors: set[str]
) -> list[PageResult]:
    """Add the references that run over a page break to the page they start on."""
    for i in range(len(results) - 1):
        page, detections = results[i][0], results[i][1]
        for det in detector.detect_bridge(page, results[i + 1][0], anchors):
            detections[:] = [
                d
                for d in detections
                if not (d.category == det.category and d.start >= det.start and d.end <= det.end)
            ]
            detections.append(det)
    return results


def _settle_in(
    pool: ProcessPoolExecutor, models: str, detector: Detector, results: list[PageResult]
) -> list[PageResult]:
    """_settle_anchors, with the detection done by the pool's worker: only the pages to detect
    again and the page breaks where a reference may run over are sent to it."""
    introduced: set[str] = set().union(*(r[2] for r in results)) if results else set()
    aliases = [a.split(":")[1] for a in introduced if a.startswith(ALIAS)]
    redo = [
        r[0]
        for r in results
        if r[3] & introduced or any(a not in r[2] and _has_word(r[0].text, a) for a in aliases)
    ]
    pairs = [
        (results[i][0], results[i + 1][0])
        for i in range(len(results) - 1)
        if detector.lexicon.might_match(fold(_junction(results[i][0], results[i + 1][0])).text)
    ]
    redone, bridges = pool.submit(_settle_job, models, redo, pairs, introduced).result()
    by_number = {r[0].number: r for r in redone}
    settled = [by_number.get(r[0].number, r) for r in results]
    index = {r[0].number: i for i, r in enumerate(settled)}
    for number, found in bridges:
        detections = settled[index[number]][1]
        for det in found:
            detections[:] = [
                d
                for d in detections
                if not (d.category == det.category and d.start >= det.start and d.end <= det.end)
            ]
            detections.append(det)
    return settled


def _junction(page: PageText, following: PageText, words: int = 30) -> str:
    tail = page.text.split()[-words:]
    head = following.text.split()[:words]
    return " ".join(tail + head)


def _warm(models: str) -> None:
    """Worker process: load spaCy and build the English pipeline before any page arrives."""
    worker_detector(models).pipeline("en")


def _detect_pages(models: str, pages: list[PageText], known: set[str]) -> list[PageResult]:
    """Worker process: detect pages on their own."""
    detector = worker_detector(models)
    return [detect_page_result(detector, page, known) for page in pages]


def _settle_job(
    models: str, redo: list[PageText], pairs: list[tuple[PageText, PageText]], introduced: set[str]
) -> tuple[list[PageResult], list[tuple[int, list[Detection]]]]:
    """Worker process: detect pages again with the document's anchors, and the page breaks."""
    detector = worker_detector(models)
    redone = [detect_page_result(detector, page, introduced) for page in redo]
    bridges = [(a.number, detector.detect_bridge(a, b, introduced)) for a, b in pairs]
    return redone, [(n, found) for n, found in bridges if found]


def extract_and_detect(job: tuple[str, int, int, str]) -> list[PageResult]:
    """Worker process: extract and detect pages start..stop of one PDF."""
    path, start, stop, models = job
    detector = worker_detector(models)
    pdf = open_pdf(path)
    try:
        return [detect_page_result(detector, page, set()) for page in iter_pages(pdf, start, stop)]
    finally:
        pdf.close()


_DETECTORS: dict[str, Detector] = {}


def worker_detector(models: str) -> Detector:
    if models not in _DETECTORS:
        _DETECTORS[models] = Detector(Path(models))
    return _DETECTORS[models]
