"""The pages a reviewer looks at are OCR'd first (issue 11, item 5): ocr_pages takes a preference
polled before each page is handed out, the Ingestor asks for it per document, and the background
ingest holds the page the window shows."""

from __future__ import annotations

import time

from ocr_support import tesseract

from annotator.core.paths import sample_dir
from annotator.ingest import EventKind, Ingestor
from annotator.ingest.background import AHEAD, BackgroundIngest
from annotator.pdf.ocr import ocr_pages
from annotator.store import CaseStore

SCANNED = sample_dir() / "scanned" / "02_school_police_incident_report_scanned.pdf"
"""Four image-only pages."""


def test_the_preferred_pages_are_read_first_and_every_page_once():
    engine = tesseract()
    polls: list[int] = []

    def prefer() -> list[int]:
        polls.append(1)
        return [3, 4]

    outcomes = list(ocr_pages(SCANNED, [1, 2, 3, 4], engine, workers=1, prefer=prefer))
    assert [o.number for o in outcomes] == [3, 4, 1, 2]
    assert all(o.page is not None and o.page.text for o in outcomes)
    assert len(polls) == 4, "asked again before every page"


def test_the_ingestor_asks_for_the_preferred_pages_of_the_document_it_reads(tmp_path):
    tesseract()
    asked: list[int] = []
    stored: list[int] = []

    def prefer(document_id: int) -> list[int]:
        asked.append(document_id)
        return [4]

    def listen(event) -> bool:
        if event.kind is EventKind.PAGES_STORED:
            stored.extend(event.pages)
        return True

    with CaseStore(tmp_path / "x.case") as case, Ingestor(case, workers=1, listener=listen) as ing:
        ing.prefer = prefer
        (result,) = ing.add_files([str(SCANNED)])
        assert result.pages_ocr_read == 4
        document_id = result.document.id
    assert stored == [4, 1, 2, 3]
    assert set(asked) == {document_id}


def test_the_page_in_view_of_a_background_ingest_is_read_first(tmp_path):
    tesseract()
    path = tmp_path / "bg.case"
    CaseStore(path).close()
    ingest = BackgroundIngest(path, workers=1)
    try:
        ingest.want(1, 3)  # the first document added to an empty case is document 1
        ingest.add([str(SCANNED)])
        stored: list[int] = []
        deadline = time.monotonic() + 180
        while ingest.busy and time.monotonic() < deadline:
            for event in ingest.events():
                if event.kind is EventKind.PAGES_STORED:
                    stored.extend(event.pages)
            time.sleep(0.05)
    finally:
        ingest.close()
    assert AHEAD >= 1
    assert stored == [3, 4, 1, 2], "page 3 and the ones after it first, then the rest in order"
