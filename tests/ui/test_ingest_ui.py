"""Adding PDFs from the window: checked at once, shown at once, ingested in worker processes."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

import pymupdf
from pytestqt.qtbot import QtBot

from annotator.ui import crash
from annotator.ui.app import start
from annotator.ui.pageview.geometry import PageGeometry
from annotator.ui.window import MainWindow

INGEST_TIMEOUT_MS = 90_000


def test_a_bad_pdf_mid_session_leaves_the_case_intact(
    window: MainWindow, tmp_path: Path, make_pdf: Callable[..., Path], qtbot: QtBot
) -> None:
    assert window.session is not None
    before = len(window.session.case.findings())
    window.case.view.setFocus()
    window.case.review.next_finding()
    window.case.review.tag_rebutted()
    bad = tmp_path / "garbled exhibit.pdf"
    bad.write_bytes(b"%PDF-1.7\n this is not really a PDF")
    good = make_pdf(
        [["Officer notes the subject is an MS-13 gang member per CalGang."]], name="new_report.pdf"
    )
    window.add_documents([str(bad), str(good)])
    errors = window.dialogs.errors  # type: ignore[attr-defined]
    assert any("garbled exhibit.pdf" in e for e in errors), errors
    assert window.case.navigator.document_path == str(good.resolve()), "the new PDF shows at once"
    assert window.case.view.renderer.pdf is not None and len(window.case.view.pages) == 1
    qtbot.waitUntil(lambda: not window.case.runner.busy, timeout=INGEST_TIMEOUT_MS)  # type: ignore[union-attr]
    findings = window.session.case.findings()
    assert len(findings) > before
    added = [
        f for f in findings if window.session.document(f.document_id).path == str(good.resolve())
    ]  # type: ignore[union-attr]
    assert {f.category.value for f in added} == {"gang_label"}
    assert window.case.navigator.document_id == added[0].document_id, (
        "highlights appear once it is stored"
    )
    assert sum(f.status.value == "rebutted" for f in findings) == 1
    assert len(errors) == 1


def test_demo_builds_a_fresh_case_from_the_samples(
    make_window: Callable[..., MainWindow],
    sample_pdfs: list[Path],
    monkeypatch,
    qtbot: QtBot,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr("annotator.ui.app.sample_dir", lambda: sample_pdfs[0].parent)
    window = make_window()
    start(window, argparse.Namespace(files=[], demo=True))
    assert window.session is not None
    assert "fictional" in window.windowTitle()
    qtbot.waitUntil(lambda: not window.case.runner.busy, timeout=INGEST_TIMEOUT_MS)  # type: ignore[union-attr]
    assert len(window.session.documents()) == len(sample_pdfs)
    assert len(window.session.findings()) > 50
    assert not window.dialogs.errors  # type: ignore[attr-defined]


def test_unexpected_errors_are_logged_and_shown_short(user_dirs: Path) -> None:
    shown: list[str] = []
    old, handlers = sys.excepthook, list(logging.getLogger().handlers)
    try:
        crash.setup_logging()
        crash.install_excepthook(shown.append)
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = old
        for handler in set(logging.getLogger().handlers) - set(handlers):
            handler.close()
            logging.getLogger().removeHandler(handler)
    assert len(shown) == 1 and "Traceback" not in shown[0] and "boom" in shown[0]
    log = crash.log_path()
    assert str(log) in shown[0] and log.is_relative_to(user_dirs)
    logged = log.read_text(encoding="utf-8")
    assert "unexpected error" in logged and "Traceback" in logged
    assert 'raise RuntimeError("boom")' in logged


def test_geometry_matches_pymupdf_rotation() -> None:
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    for rotation in (0, 90, 180, 270):
        page.set_rotation(rotation)
        geometry = PageGeometry(612, 792, rotation)
        for x, y in ((10, 20), (600, 780), (300, 100)):
            expected = pymupdf.Point(x, y) * page.rotation_matrix
            got = geometry.to_display(x, y)
            assert abs(got[0] - expected.x) < 1e-6 and abs(got[1] - expected.y) < 1e-6
            back = geometry.from_display(*got)
            assert abs(back[0] - x) < 1e-6 and abs(back[1] - y) < 1e-6
        assert geometry.display_size == (page.rect.width, page.rect.height)
