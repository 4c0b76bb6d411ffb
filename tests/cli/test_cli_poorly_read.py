"""A page OCR could not make out is marked "poorly read", with its page number: stored with the
page, listed by the case, in the scan's summary and in the memo's appendix, so the attorney
reads it by eye."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from ocr_support import handwritten_statement, tesseract

from annotator.core.model import PageText
from annotator.export.text import APPENDIX_TITLE
from annotator.store import CaseStore
from annotator.store.connection import APP_ID
from annotator.store.migrations import MIGRATIONS


@pytest.fixture(scope="module")
def statement(tmp_path_factory) -> Path:
    """Page 1 typed, page 2 handwritten; both image-only."""
    tesseract()
    return handwritten_statement(tmp_path_factory.mktemp("poorly") / "statement.pdf")


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
