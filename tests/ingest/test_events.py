"""What an ingest announces: OCR'd pages stored one by one, findings there as each arrives, and an
interrupted document flagged incomplete until the next run finishes it."""

from __future__ import annotations

import pytest
from ocr_support import scanned_copy, tesseract

from annotator.core.errors import Cancelled
from annotator.ingest import EventKind, Ingestor, Stage
from annotator.store import CaseStore

PAGES = [
    ["The school officer wrote that the student is a gang member."],
    ["The card went to the Boston Regional Intelligence Center."],
    ["An INTERPOL Red Notice was published at the request of El Salvador."],
]


def test_each_ocr_page_is_stored_with_its_findings_as_it_is_read(make_pdf, tmp_path, detector):
    tesseract()
    scan = scanned_copy(make_pdf(PAGES), tmp_path / "scan.pdf")
    seen = []
    with CaseStore(tmp_path / "c.case") as case:

        def listen(event):
            if event.kind is EventKind.PAGES_STORED:
                (page,) = event.pages
                here = {f.category.value for f in case.findings(document_id=event.document_id)}
                seen.append(
                    (page, sorted(here), case.document(event.document_id).detection_complete)
                )
            elif event.kind is not EventKind.PROGRESS:
                seen.append(event.kind)

        Ingestor(case, detector, workers=1, listener=listen).add_file(scan)
    assert seen[:2] == [EventKind.STARTED, EventKind.TEXT_STORED]
    assert seen[-1] is EventKind.DOCUMENT_STORED
    pages = seen[2:-1]
    assert [p for p, *_ in pages] == [1, 2, 3]
    assert pages[0][1] == ["gang_label"]
    assert pages[1][1] == ["fusion_center", "gang_label"]
    assert all(not complete for *_, complete in pages), "incomplete until the last pass"


def test_ocr_progress_is_told_as_its_own_stage(make_pdf, tmp_path, detector):
    tesseract()
    scan = scanned_copy(make_pdf(PAGES[:2]), tmp_path / "scan.pdf")
    stages = []
    with CaseStore(tmp_path / "c.case") as case:
        Ingestor(
            case,
            detector,
            workers=1,
            listener=lambda e: (
                stages.append((e.stage, e.done, e.total)) if e.kind is EventKind.PROGRESS else None
            ),
        ).add_file(scan)
    assert (Stage.OCR, 2, 2) in stages and (Stage.READING, 2, 2) in stages


def test_an_interrupted_document_is_incomplete_and_the_next_run_finishes_it(
    make_pdf, tmp_path, detector
):
    tesseract()
    scan = scanned_copy(make_pdf(PAGES), tmp_path / "scan.pdf")
    path = tmp_path / "c.case"

    def stop_after_a_page(event):
        return event.kind is not EventKind.PAGES_STORED

    with CaseStore(path) as case, pytest.raises(Cancelled):
        Ingestor(case, detector, workers=1, listener=stop_after_a_page).add_file(scan)
    with CaseStore(path) as case:
        (document,) = case.incomplete_documents()
        assert not document.detection_complete and document.pages_stored == 3
        assert {f.page for f in case.findings()} == {1}
        result = Ingestor(case, detector, workers=1).finish(document.id)
        assert result.pages_ocr_read == 2
        assert case.incomplete_documents() == []
        assert {f.page for f in case.findings()} == {1, 2, 3}


def test_a_document_whose_file_is_gone_cannot_be_finished_and_says_why(
    make_pdf, tmp_path, detector
):
    pdf = make_pdf(PAGES)
    path = tmp_path / "c.case"
    with CaseStore(path) as case:
        Ingestor(case, detector, workers=1).add_file(pdf)
        document = case.documents()[0]
        with case.transaction():
            case.db.execute("DELETE FROM pages WHERE number = 3")
        pdf.unlink()
        with pytest.raises(Exception, match="missing or has changed"):
            Ingestor(case, detector, workers=1).finish(document.id)
