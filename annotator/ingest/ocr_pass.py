"""One document's scanned pages read by OCR, each stored with its findings as soon as it is read.

The document counts as incomplete (no lexicon version) from the first page read until the last
pass has settled what crosses pages, so a run stopped midway is finished by the next one; pages
already read are never read again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.model import PageText
from annotator.core.progress import ProgressCallback, report
from annotator.ingest.events import EventKind, IngestEvent, Stage
from annotator.ingest.settle import settle_anchors, settle_in
from annotator.nlp.detect import Detector
from annotator.nlp.language import guess_language
from annotator.nlp.worker import DetectionWorker, Found, PageResult, detect_page_result, found
from annotator.pdf.ocr import OcrEngine, Preference, ocr_pages

if TYPE_CHECKING:
    from annotator.store import CaseStore


class OcrPass:
    def __init__(
        self,
        case: CaseStore,
        detector: Detector,
        worker: DetectionWorker | None,
        tell: Callable[[IngestEvent], None],
        document_id: int,
        path: str | os.PathLike[str],
    ) -> None:
        """`worker` detects the pages if given, else `detector` here; `tell` hears the events."""
        self.case = case
        self.detector = detector
        self.worker = worker
        self.tell = tell
        self.document_id = document_id
        self.path = str(path)
        self.read: dict[int, PageText] = {}
        self.found: dict[int, Found] = {}
        self.problems: list[str] = []

    def run(
        self,
        engine: OcrEngine,
        numbers: list[int],
        known: set[str],
        workers: int,
        progress: ProgressCallback | None,
        prefer: Preference | None = None,
    ) -> int:
        """OCR these pages on `workers` processes, storing each page and its findings as it is
        read; `known`: the anchors the document's other pages introduce; `prefer`: the pages to
        read first, asked again before each page (ocr.ocr_pages). The pages read."""
        self.case.update_document(self.document_id, lexicon_version="")
        name = Path(self.path).name
        self._progress(0, len(numbers))
        with closing(ocr_pages(self.path, numbers, engine, workers, prefer)) as outcomes:
            for done, outcome in enumerate(outcomes, start=1):
                if outcome.page is None:
                    self.problems.append(f"page {outcome.number}: {outcome.problem}")
                else:
                    self._store(outcome.page, known)
                self._progress(done, len(numbers))
                report(progress, done, len(numbers), f"OCR page {outcome.number} of {name}")
        return len(self.read)

    def _progress(self, done: int, total: int) -> None:
        self.tell(
            IngestEvent(
                EventKind.PROGRESS,
                self.path,
                document_id=self.document_id,
                done=done,
                total=total,
                stage=Stage.OCR,
            )
        )

    def settled(self, results: list[PageResult]) -> list[PageResult]:
        """The document's pages with the OCR'd ones in place, settled across pages."""
        pages = [self.read.get(r.page.number, r.page) for r in results]
        if self.worker is not None:
            kept = [found(r) for r in results if r.page.number not in self.read]
            fresh = [*kept, *self.found.values()]
            return settle_in(self.worker, self.detector.lexicon, pages, fresh)
        merged = [
            self.found[n].on(self.read[n]) if (n := r.page.number) in self.read else r
            for r in results
        ]
        return settle_anchors(self.detector, merged)

    def _store(self, page: PageText, known: set[str]) -> None:
        page.language = guess_language(page.text)
        detected = self._detect(page, known)
        number = page.number
        self.case.save_pages(self.document_id, [page])
        self.case.merge_detections(
            self.document_id,
            [(number, d) for d in detected[1]],
            self.detector.lexicon_version,
            pages=range(number, number + 1),
            final=False,
        )
        self.read[number], self.found[number] = page, detected
        self.tell(
            IngestEvent(
                EventKind.PAGES_STORED, self.path, document_id=self.document_id, pages=(number,)
            )
        )

    def _detect(self, page: PageText, known: set[str]) -> Found:
        if self.worker is not None:
            return self.worker.detect([page], known).result()[0]
        return found(detect_page_result(self.detector, page, set(known)))
