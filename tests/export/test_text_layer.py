"""Exhibits of scanned documents carry their OCR text as an invisible layer: a PDF reader can
search and quote them, and a search hit lies on the finding's highlight."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from ocr_support import scanned_copy, tesseract

from annotator.export import export_exhibits
from annotator.ingest import Ingestor
from annotator.store import CaseStore

LINES = [
    "FICTIONAL TEST DOCUMENT - SCHOOL POLICE UNIT",
    "The officer forwarded the card to the Boston Regional Intelligence",
    "Center for entry into the Gang Assessment Database as a suspected",
    "gang associate of the 18th Street gang.",
]


def rotated_scan(path: Path, rotation: int) -> Path:
    """An image-only page shown rotated, as a scanner that files pages sideways writes it."""
    with pymupdf.open() as typed, pymupdf.open() as scan:
        page = typed.new_page(width=612, height=792)
        for i, line in enumerate(LINES):
            page.insert_text((72, 100 + 16 * i), line, fontsize=11)
        image = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
        sheet = scan.new_page(width=612, height=792)
        sheet.set_rotation(rotation)
        sheet.insert_image(sheet.mediabox, stream=image, rotate=rotation)
        scan.save(path)
    return path


@pytest.fixture
def exhibit(make_pdf, tmp_path, detector) -> tuple[Path, dict[str, list[pymupdf.Rect]]]:
    """The exhibits folder, and the rectangles highlighted in each (by file stem)."""
    tesseract()
    scans = [
        scanned_copy(make_pdf([LINES]), tmp_path / "scan.pdf"),
        rotated_scan(tmp_path / "sideways.pdf", 90),
    ]
    case = CaseStore(tmp_path / "exhibits.case")
    results = Ingestor(case, detector, workers=1).add_files(scans)
    assert all(r.ok and r.pages_ocr_read == 1 for r in results)
    export_exhibits(case, tmp_path / "out")
    names = {d.id: Path(d.path).stem for d in case.documents()}
    highlighted: dict[str, list[pymupdf.Rect]] = {name: [] for name in names.values()}
    for finding in case.findings():
        highlighted[names[finding.document_id]] += [pymupdf.Rect(r) for r in finding.rects]
    case.close()
    return tmp_path / "out", highlighted


@pytest.mark.parametrize("name", ["scan", "sideways"])
def test_a_scanned_exhibit_can_be_searched_where_its_highlights_are(exhibit, name):
    folder, highlighted = exhibit
    highlights = highlighted[name]
    assert highlights, "the findings are highlighted"
    with pymupdf.open(folder / f"{name}.annotated.pdf") as pdf:
        page = pdf[0]
        assert len(list(page.annots())) >= 2
        assert "Gang Assessment Database" in " ".join(page.get_text().split())
        for phrase in ("Gang Assessment Database", "Boston Regional Intelligence"):
            hits = page.search_for(phrase)  # in unrotated page space, like the highlights
            assert hits, f"{phrase!r} cannot be found in the exhibit"
            for hit in hits:
                best = max(abs(hit & h) / abs(hit) for h in highlights)
                assert best > 0.6, f"{phrase!r} found at {hit}, away from the highlights"


def test_the_text_layer_is_invisible(exhibit, tmp_path):
    with pymupdf.open(exhibit[0] / "scan.annotated.pdf") as pdf:
        page = pdf[0]
        assert page.get_text().strip(), "the page has text now"
        for annot in list(page.annots()):
            page.delete_annot(annot)
        drawn = page.get_pixmap(dpi=72, colorspace=pymupdf.csGRAY)
    with pymupdf.open(tmp_path / "scan.pdf") as source:
        plain = source[0].get_pixmap(dpi=72, colorspace=pymupdf.csGRAY)
    assert drawn.samples == plain.samples, "the layer adds nothing to what the page shows"
