"""Scanned pages added from the window: OCR'd in the background, stored once, never OCR'd again;
without Tesseract, one non-modal notice and the pages marked "not searched"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ocr_support import tesseract
from pytestqt.qtbot import QtBot

from annotator.core.paths import sample_dir
from annotator.pdf import ocr
from annotator.store import CaseStore
from annotator.ui.documents import DOCUMENT_ROLE
from annotator.ui.integrity import FileState
from annotator.ui.window import MainWindow

INGEST_TIMEOUT_MS = 120_000
SCANNED = sample_dir() / "scanned" / "02_school_police_incident_report_scanned.pdf"


def document_rows(window: MainWindow) -> dict[int, str]:
    model = window.case.documents_model
    rows = (model.index(r) for r in range(model.rowCount()))
    return {i.data(DOCUMENT_ROLE): i.data() for i in rows if i.data(DOCUMENT_ROLE) is not None}


def add_scanned(
    window: MainWindow,
    case: Path,
    qtbot: QtBot,
    watch: Callable[[int, int, int], None] | None = None,
) -> int:
    assert SCANNED.is_file(), f"{SCANNED} missing: run python -m tools.samples"
    assert window.open_case(case), window.dialogs.errors  # type: ignore[attr-defined]
    if watch is not None:  # after the window's own handler
        window.case.runner.ocr_progress.connect(watch)  # type: ignore[union-attr]
    window.add_documents([str(SCANNED)])
    qtbot.waitUntil(lambda: not window.case.runner.busy, timeout=INGEST_TIMEOUT_MS)  # type: ignore[union-attr]
    assert window.session is not None
    (document,) = window.session.documents()
    return document.id


def test_scanned_pages_are_ocrd_in_the_background_and_never_again(
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tesseract()
    window = make_window()
    window.workers = 2  # the pool OCR shares; both cores, as the app does on a 2-core machine
    formats: list[str] = []
    seen: list[str] = []

    def watch(document_id: int, done: int, total: int) -> None:
        formats.append(window.status.progress.format())
        seen.append(document_rows(window).get(document_id, ""))

    case = tmp_path / "scans.case"
    document_id = add_scanned(window, case, qtbot, watch)
    assert formats[-1] == "OCR page 4 of 4" and "OCR page 0 of 4" in formats
    assert any("OCR page" in row for row in seen), "the documents list shows OCR progress"
    assert window.session is not None
    pages = list(window.session.case.pages(document_id))
    assert len(pages) == 4 and all(p.needs_ocr and p.ocr_done and p.text for p in pages)
    categories = {f.category.value for f in window.session.findings()}
    assert "gang_label" in categories, categories
    assert window.session.document(document_id).pages_needing_ocr == 0  # type: ignore[union-attr]
    assert "not searched" not in document_rows(window)[document_id]
    assert not window.status.ocr_notice.isVisible() and not window.dialogs.errors  # type: ignore[attr-defined]
    found = len(window.session.findings())

    calls: list[int] = []
    real = ocr.find_engine
    monkeypatch.setattr(ocr, "find_engine", lambda *a, **k: calls.append(1) or real(*a, **k))
    window.close_case()
    assert window.open_case(case)
    qtbot.waitUntil(
        lambda: window.case.checks.state_of(document_id) is FileState.OK, timeout=10_000
    )  # type: ignore[union-attr]
    qtbot.wait(100)
    assert calls == [] and not window.case.runner.busy  # type: ignore[union-attr]
    assert len(window.session.findings()) == found
    with CaseStore(case) as store:
        assert all(p.ocr_done for p in store.pages(document_id))


def test_without_tesseract_scanned_pages_are_marked_not_searched(
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path / "no-tessdata"))
    window = make_window()
    document_id = add_scanned(window, tmp_path / "scans.case", qtbot)
    assert window.status.ocr_notice.isVisible()
    notice = window.status.ocr_notice.text()
    assert "not searched" in notice and "install Tesseract" in notice, notice
    assert not window.dialogs.errors, "a notice, not a modal dialog"  # type: ignore[attr-defined]
    assert "4 pages not searched (no text layer)" in document_rows(window)[document_id]
    assert window.session is not None
    pages = list(window.session.case.pages(document_id))
    assert len(pages) == 4 and all(p.needs_ocr and not p.ocr_done for p in pages)
    window.add_documents([str(SCANNED)])  # added again: still no Tesseract, still one notice
    qtbot.waitUntil(lambda: not window.case.runner.busy, timeout=INGEST_TIMEOUT_MS)  # type: ignore[union-attr]
    assert window.status.ocr_notice.isVisible() and not window.dialogs.errors  # type: ignore[attr-defined]

    # Tesseract installed since: reopening reads the pages; a cancel keeps what was read.
    monkeypatch.delenv("TESSDATA_PREFIX")
    tesseract()
    case = window.session.case.path
    window.close_case()
    read: list[int] = []
    assert window.open_case(case)
    window.case.runner.ocr_progress.connect(lambda _d, done, _t: read.append(done))  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: bool(read) and read[-1] >= 1, timeout=INGEST_TIMEOUT_MS)
    window.status.cancel_button.click()
    assert not window.status.cancel_button.isVisible()
    qtbot.waitUntil(lambda: not window.case.runner.busy, timeout=INGEST_TIMEOUT_MS)  # type: ignore[union-attr]
    pages = list(window.session.case.pages(document_id))
    done = sum(p.ocr_done for p in pages)
    assert 1 <= done < 4
    row = document_rows(window)[document_id]
    assert f"{4 - done} page{'s' if 4 - done > 1 else ''} not searched (no text layer)" in row, row


def test_a_page_ocr_could_not_make_out_is_marked_in_the_documents_list(
    make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    tesseract()
    from ocr_support import handwritten_statement

    from annotator.ingest import Ingestor

    pdf = handwritten_statement(tmp_path / "statement.pdf")
    case = tmp_path / "statement.case"
    with CaseStore(case) as store, Ingestor(store, workers=1) as ingestor:
        (result,) = ingestor.add_files([str(pdf)])
    window = make_window(case)
    row = document_rows(window)[result.document.id]
    assert "1 page poorly read by OCR, read by eye: 2" in row, row


def test_each_ocrd_pages_findings_go_in_as_new_rows_not_a_rebuild_of_every_view(
    make_window: Callable[..., MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    """A 1,000-page scan stores a page at a time: rebuilding the findings list and the
    documents list for each one would stall the window longer as findings pile up."""
    tesseract()
    window = make_window()
    assert window.open_case(tmp_path / "rows.case"), window.dialogs.errors  # type: ignore[attr-defined]
    session, runner = window.session, window.case.runner  # type: ignore[union-attr]
    assert session is not None
    log: list[str] = []
    session.findings_reset.connect(lambda: log.append("reset"))
    session.findings_added.connect(lambda ids: log.append(f"added {len(ids)}"))
    runner.ocr_progress.connect(lambda _d, done, _t: log.append(f"ocr {done}"))
    window.add_documents([str(SCANNED)])
    qtbot.waitUntil(lambda: not runner.busy, timeout=INGEST_TIMEOUT_MS)
    first = next(i for i, e in enumerate(log) if e.startswith("ocr") and e != "ocr 0")
    last = max(i for i, e in enumerate(log) if e.startswith("ocr"))
    during = log[first : last + 1]
    assert "reset" not in during, log
    assert any(e.startswith("added") and e != "added 0" for e in during), log
    model = window.case.panel.model  # type: ignore[union-attr]
    shown = sum(model.rowCount(model.index(g, 0)) for g in range(model.rowCount()))
    assert shown == len(session.findings()) > 0
