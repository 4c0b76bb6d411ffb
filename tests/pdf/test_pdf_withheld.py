"""What a FOIA release withholds, found on real PDFs: the markers written in the text, opaque
boxes drawn over text pages or standing in scans, and gaps in the Bates numbering."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from ocr_support import any_overlap, scanned_copy

from annotator.core.model import WithholdingKind
from annotator.pdf.extract import iter_pages, open_pdf
from annotator.pdf.labels import bates_gaps
from annotator.pdf.withheld import document_withholdings

RELEASE = [
    "FREEDOM OF INFORMATION ACT RELEASE - request NRC2022001234",
    "Pages 14 through 17 withheld in full pursuant to (b)(6), (b)(7)(C) and (b)(7)(E).",
    "Pages 22-23 were referred to U.S. Immigration and Customs Enforcement for direct response.",
    "Arresting officer: [REDACTED]   Source: b7c",
    "PAGE WITHHELD PURSUANT TO (b)(7)(E)",
    "La página 5 fue retenida en su totalidad; el nombre del agente está [TESTADO].",
]


def _pages(path: Path) -> list:
    pdf = open_pdf(path)
    try:
        return list(iter_pages(pdf))
    finally:
        pdf.close()


def _words_box(path: Path, page: int, text: str) -> list[tuple[float, ...]]:
    with pymupdf.open(path) as pdf:
        return [tuple(r) for r in pdf[page - 1].search_for(text)]


def test_markers_in_the_text_are_listed_with_their_kind_code_and_words(make_pdf):
    pdf = make_pdf([RELEASE])
    items = document_withholdings(pdf, _pages(pdf))
    codes = [w.code for w in items if w.kind is WithholdingKind.EXEMPTION]
    assert codes == ["(b)(6)", "(b)(7)(C)", "(b)(7)(E)", "(b)(7)(C)", "(b)(7)(E)"]
    kinds = {w.kind for w in items}
    assert kinds == {
        WithholdingKind.EXEMPTION,
        WithholdingKind.WITHHELD_PAGE,
        WithholdingKind.REFERRAL,
        WithholdingKind.REDACTION,
    }
    (referral,) = [w for w in items if w.kind is WithholdingKind.REFERRAL]
    assert referral.code == "U.S. Immigration and Customs Enforcement"
    withheld = [w.text for w in items if w.kind is WithholdingKind.WITHHELD_PAGE]
    assert withheld == ["withheld in full", "PAGE WITHHELD", "retenida en su totalidad"]
    for item in items:
        assert item.page == 1 and item.rects
        assert any_overlap(item.rects, _words_box(pdf, 1, item.text.split()[0]))


def test_a_document_that_is_no_release_is_not_read_for_boxes(make_pdf, monkeypatch):
    """Most documents of a case withhold nothing: they cost a look at their text, no more."""
    pdf = make_pdf([["The subject was interviewed at the processing center."]])
    pages = _pages(pdf)
    opened: list[object] = []
    monkeypatch.setattr(pymupdf, "open", lambda *a, **k: opened.append(a) or None)
    assert document_withholdings(pdf, pages) == []
    assert opened == []


def _boxed_page(path: Path) -> Path:
    """A release page with a black box over a name, a black image block, and a dark form
    heading bar with white text on it (not a redaction)."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    page.draw_rect(pymupdf.Rect(72, 60, 540, 84), color=(0.1, 0.1, 0.3), fill=(0.1, 0.1, 0.3))
    page.insert_text((80, 77), "RECORD OF DEPORTABLE ALIEN", fontsize=12, color=(1, 1, 1))
    page.insert_text((72, 120), "FOIA release. Officer name:", fontsize=11)
    page.draw_rect(pymupdf.Rect(230, 108, 340, 124), color=(0, 0, 0), fill=(0, 0, 0))
    page.insert_text((350, 120), "(b)(6)", fontsize=11)
    block = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 60, 15), False)
    block.clear_with(0)
    page.insert_image(pymupdf.Rect(72, 200, 312, 260), pixmap=block)
    page.insert_text((72, 320), "Informant: Jose Example", fontsize=11)
    page.draw_rect(pymupdf.Rect(70, 308, 260, 324), color=(0, 0, 0), fill=(0, 0, 0))
    pdf.save(path)
    pdf.close()
    return path


def test_opaque_boxes_on_a_text_page_are_redactions_labelled_by_their_code(tmp_path):
    pdf = _boxed_page(tmp_path / "boxed.pdf")
    boxes = [w for w in document_withholdings(pdf, _pages(pdf)) if w.text.startswith("opaque")]
    assert len(boxes) == 3, "the heading bar with white text on it is not a redaction"
    by_top = sorted(boxes, key=lambda w: w.rects[0][1])
    assert by_top[0].code == "(b)(6)" and by_top[0].rects == [(230.0, 108.0, 340.0, 124.0)]
    assert by_top[1].rects[0][1] == pytest.approx(200, abs=1), "the black image block"
    assert "still in the file's text layer" in by_top[2].text, "the name under the box is readable"


def test_boxes_in_a_scanned_page_are_found_in_its_image(tmp_path):
    scan = scanned_copy(_boxed_page(tmp_path / "boxed.pdf"), tmp_path / "scan.pdf")
    pages = _pages(scan)
    assert pages[0].needs_ocr, "an image-only page"
    boxes = [w for w in document_withholdings(scan, pages) if w.kind is WithholdingKind.REDACTION]
    tops = sorted(round(w.rects[0][1]) for w in boxes)
    assert len(boxes) == 4, "in a scan a dark bar is a dark bar: the heading bar is one too"
    for expected, found in zip((60, 108, 200, 308), tops, strict=True):
        assert abs(expected - found) <= 3


def test_ocr_finds_the_same_boxes_in_the_image_it_renders(tmp_path, monkeypatch):
    """OCR looks for a scan's redaction boxes in the image it renders anyway, so the ingest
    never renders a scanned page a second time for them; the boxes are the ones a render of
    the page for that purpose finds."""
    from ocr_support import tesseract

    from annotator.pdf import withheld
    from annotator.pdf.ocr import ocr_page

    engine = tesseract()
    scan = scanned_copy(_boxed_page(tmp_path / "boxed.pdf"), tmp_path / "scan.pdf")
    rendered = document_withholdings(scan, _pages(scan))
    with pymupdf.open(scan) as pdf:
        page = ocr_page(pdf.load_page(0), engine)
    assert page.dark_boxes is not None and len(page.dark_boxes) == 4
    monkeypatch.setattr(withheld, "_raster_boxes", lambda pdf_page: pytest.fail("rendered again"))
    found = document_withholdings(scan, [page])
    boxes = sorted((w for w in found if w.kind is WithholdingKind.REDACTION), key=_top)
    expected = sorted((w for w in rendered if w.kind is WithholdingKind.REDACTION), key=_top)
    assert len(boxes) == len(expected) == 4
    for got, want in zip(boxes, expected, strict=True):
        assert got.rects[0] == pytest.approx(want.rects[0], abs=6)


def _top(item) -> float:
    return item.rects[0][1]


def test_markers_on_a_scanned_page_are_read_after_ocr(tmp_path, make_pdf, case, detector):
    from ocr_support import tesseract

    from annotator.export.withheld import case_withholdings
    from annotator.ingest import Ingestor

    tesseract()
    text_pdf = make_pdf([RELEASE[:3]], fontsize=12)
    scan = scanned_copy(text_pdf, tmp_path / "release_scan.pdf")
    (result,) = Ingestor(case, detector, workers=1).add_files([scan])
    assert result.ok and result.pages_ocr_read == 1
    items = [w for _, w in case_withholdings(case)]
    codes = {w.code for w in items if w.kind is WithholdingKind.EXEMPTION}
    assert codes == {"(b)(6)", "(b)(7)(C)", "(b)(7)(E)"}
    assert {w.kind for w in items} >= {WithholdingKind.WITHHELD_PAGE, WithholdingKind.REFERRAL}


def test_gaps_in_the_bates_numbering_within_and_between_documents():
    first = ["RIVAS-000001", "RIVAS-000002", "", "RIVAS-000005"]
    second = ["RIVAS-000006", "RIVAS-000009", "RIVAS-000010"]
    gaps = bates_gaps([(1, first), (2, second)])
    assert [(g.document_id, g.page, g.code) for g in gaps] == [
        (1, 4, "RIVAS-000003–RIVAS-000004"),
        (2, 2, "RIVAS-000007–RIVAS-000008"),
    ]
    assert gaps[0].text == "1 page missing between RIVAS-000002 and RIVAS-000005"
    assert all(g.kind is WithholdingKind.BATES_GAP for g in gaps)


def test_numbers_that_only_look_like_bates_stamps_are_no_series():
    """One stamp-like number per file ("DOCUMENT 5452") is not a numbering with gaps."""
    assert (
        bates_gaps([(1, ["DOCUMENT 5452"]), (2, ["DOCUMENT 6980"]), (3, ["DOCUMENT 4299"])]) == []
    )


def test_stamps_printed_inside_a_release_page_show_their_gaps(make_pdf):
    """A release printed continuously carries the original pages' stamps on lines of their own,
    several to a PDF page: a jump in them is pages left out."""
    page = [
        "FOIA release (fictional) - exemptions (b)(6), (b)(7)(C)",
        "ORTEGA-000011",
        "Record of sworn statement, first page.",
        "ORTEGA-000012",
        "Record of sworn statement, second page.",
        "ORTEGA-000016",
        "Officer's notes. The pages ORTEGA-000011 through ORTEGA-000016 are released in part.",
    ]
    pdf = make_pdf([page])
    items = document_withholdings(pdf, _pages(pdf))
    gaps = [w for w in items if w.kind is WithholdingKind.BATES_GAP]
    assert [(g.page, g.code) for g in gaps] == [(1, "ORTEGA-000013–ORTEGA-000015")]
    assert gaps[0].text == "3 pages missing between ORTEGA-000012 and ORTEGA-000016"
    assert any_overlap(gaps[0].rects, _words_box(pdf, 1, "ORTEGA-000016"))


def test_stamps_at_the_foot_of_each_page_are_left_to_the_page_stamp_pass(make_pdf):
    pages = [
        ["FOIA release (fictional) - (b)(6)", "Body of the page.", *[""] * 40, f"RIVAS-00000{n}"]
        for n in (1, 2, 5)
    ]
    pdf = make_pdf(pages)
    items = document_withholdings(pdf, _pages(pdf))
    assert not [w for w in items if w.kind is WithholdingKind.BATES_GAP]  # bates_gaps lists it


def test_referral_notes_that_name_the_pages_or_the_fbi_sheet(make_pdf):
    page = [
        "FOIA release (fictional). Document referred to ICE - page count 4.",
        "Las páginas 7 a 9 fueron remitidas a CBP y no se incluyen.",
        "Page 11 ~ Referral/Direct",
        "VI. Decision: Referred to the Immigration Court.",
    ]
    pdf = make_pdf([page])
    items = document_withholdings(pdf, _pages(pdf))
    referrals = [w for w in items if w.kind is WithholdingKind.REFERRAL]
    assert [(w.code, w.text) for w in referrals] == [
        ("ICE", "Document referred to ICE"),
        ("CBP", "páginas 7 a 9 fueron remitidas a CBP"),
        ("Referral/Direct", "Referral/Direct"),
    ]


def test_duplicate_notices_and_referrals_written_as_their_own_sentence(make_pdf):
    page = [
        "FOIA release (fictional). QUIROA-0041",
        "DUPLICATE - see QUIROA-0033",
        "He was processed separately and referred to ICE ERO as a suspected associate.",
        "Referred to ICE.",
        "VI. Decision: Referred to the Immigration Court.",
    ]
    pdf = make_pdf([page])
    items = document_withholdings(pdf, _pages(pdf))
    withheld = [w.text for w in items if w.kind is WithholdingKind.WITHHELD_PAGE]
    assert withheld == ["DUPLICATE - see QUIROA-0033"]
    referrals = [w.text for w in items if w.kind is WithholdingKind.REFERRAL]
    assert referrals == ["Referred to ICE."]


def test_referrals_in_spanish_lines_al_page_ranges_and_a_stamp_inside_a_sentence(make_pdf):
    """The role sets' misses at their first scores, as general forms: a Spanish referral on a
    line of its own, "remitido al ..." for consultation, and a stamp's capital "Referred to"
    inside a sentence. A decision "Referred to the Immigration Court" after its label stays out."""
    page = [
        "FOIA release (fictional).",
        "Remitido a INTERPOL Washington",
        "(1 página). Remitido al Departamento de Estado para consulta.",
        "Records concerning juveniles are Referred to the county juvenile court.",
        "VI. Decision: Referred to the Immigration Court.",
        "The officer referred to the report twice during the hearing.",
        "Remitido al Federal Bureau of Investigation (3 páginas, informe de la unidad TAG).",
        "  pp. 130-140  Referred to ICE",
        "Doce páginas se retienen en su totalidad conforme a las exenciones.",
        "  5. (b)(6), (b)(7)(C)             Referred to originating agency",
    ]
    pdf = make_pdf([page])
    items = document_withholdings(pdf, _pages(pdf))
    referrals = [w.text for w in items if w.kind is WithholdingKind.REFERRAL]
    assert any(t.startswith("Remitido a INTERPOL") for t in referrals), referrals
    assert any("Remitido al Departamento de Estado" in t for t in referrals), referrals
    assert any(t.startswith("Referred to the county") for t in referrals), referrals
    assert not any("Immigration Court" in t or "the report" in t for t in referrals), referrals
    assert any(t.startswith("Remitido al Federal Bureau") for t in referrals), referrals
    assert any("Referred to ICE" in t for t in referrals), referrals
    assert any("Referred to originating agency" in t for t in referrals), referrals
    withheld = [w.text for w in items if w.kind is WithholdingKind.WITHHELD_PAGE]
    assert any("se retienen en su totalidad" in t for t in withheld), withheld
