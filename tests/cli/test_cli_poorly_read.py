"""A page OCR could not make out is marked "poorly read", with its page number: stored with the
page, listed by the case, in the scan's summary and in the memo's appendix, so the attorney
reads it by eye."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pymupdf
import pytest
import sqlite_utils
from ocr_support import tesseract

from annotator.core.model import PageText
from annotator.export.text import APPENDIX_TITLE
from annotator.store import CaseStore
from annotator.store.case import APP_ID
from annotator.store.migrations import MIGRATIONS

TYPED = [
    "FICTIONAL TEST DOCUMENT - HANDWRITTEN STATEMENT ATTACHED",
    "The officer wrote that the subject is a gang member of MS-13.",
]


def handwriting(page: pymupdf.Page, seed: int = 1) -> None:
    """Lines of scribble where handwriting would be: ink OCR cannot make out."""
    rng = np.random.default_rng(seed)
    page.insert_text((72, 60), "FICTIONAL TEST PAGE - handwritten statement", fontsize=9)
    for row in range(24):
        y, x = 100 + row * 26, 72.0
        while x < 520:
            n = int(rng.integers(3, 9))
            points = [(x + k * 4 + rng.normal(0, 1), y + rng.normal(0, 5)) for k in range(2 * n)]
            page.draw_polyline(points, width=1.2)
            x += n * 8 + 12


@pytest.fixture(scope="module")
def statement(tmp_path_factory) -> Path:
    """Page 1 typed, page 2 handwritten; both image-only."""
    tesseract()
    path = tmp_path_factory.mktemp("poorly") / "statement.pdf"
    with pymupdf.open() as typed, pymupdf.open() as scan:
        first = typed.new_page(width=612, height=792)
        for i, line in enumerate(TYPED):
            first.insert_text((72, 100 + 16 * i), line, fontsize=11)
        handwriting(typed.new_page(width=612, height=792))
        for page in typed:
            image = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
            scan.new_page(width=612, height=792).insert_image(
                pymupdf.Rect(0, 0, 612, 792), stream=image
            )
        scan.save(path)
    return path


def test_the_page_ocr_could_not_read_is_marked_and_named_everywhere(cli, statement, tmp_path):
    case = tmp_path / "statement.case"
    summary = cli("scan", statement, "--case", case).out
    assert "1 page(s) poorly read by OCR; read them by eye: page 2" in summary
    with CaseStore(case) as store:
        (document,) = store.documents()
        first, second = store.pages(document.id)
        assert first.ocr_quality is not None and first.ocr_quality > 0.8 and not first.poorly_read
        assert second.poorly_read
        assert store.poorly_read_pages(document.id) == [2]
    memo = tmp_path / "memo.md"
    assert cli("export", case, "--memo", memo).code == 0
    appendix = memo.read_text(encoding="utf-8").split(APPENDIX_TITLE)[-1].split("\n## ")[0]
    assert "poorly read by OCR, to be read by eye: PDF p. 2" in appendix


def test_a_case_from_before_the_reading_quality_opens_with_its_pages_unmarked(tmp_path):
    path = tmp_path / "old.case"
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    MIGRATIONS[0](db)
    db.execute(f"PRAGMA application_id = {APP_ID}")
    db.execute("PRAGMA user_version = 1")
    db["documents"].insert(
        {"id": 1, "sha256": "0" * 64, "path": "x.pdf", "title": "x", "page_count": 1}
    )
    db["pages"].insert(
        {
            "document_id": 1,
            "number": 1,
            "width": 612,
            "height": 792,
            "rotation": 0,
            "text": "",
            "words": b"",
            "needs_ocr": 1,
            "ocr_done": 1,
            "language": "en",
        }
    )
    conn.commit()
    conn.close()
    with CaseStore(path) as case:
        (page,) = case.pages(1)
        assert page.ocr_quality is None and not page.poorly_read
        assert case.poorly_read_pages(1) == []
        case.save_pages(1, [PageText(1, 612, 792, 0, "", [], True, True, "en", ocr_quality=0.2)])
        assert case.poorly_read_pages(1) == [1]
