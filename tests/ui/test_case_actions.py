"""The File and View actions from the window: a new case, the memo written off the GUI thread,
go to page, and an ingest cancelled from the status bar and finished on reopening."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
from pytestqt.qtbot import QtBot

from annotator.store import CaseStore
from annotator.ui.documents import DOCUMENT_ROLE, UNFINISHED
from annotator.ui.window import MainWindow

TIMEOUT_MS = 120_000


def test_a_new_case_from_the_file_menu_asks_for_its_details(
    make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    assert not window.actions_["export_memo"].isEnabled(), "nothing to export without a case"
    target = tmp_path / "roe.case"
    window.dialogs.case_path = str(target)  # type: ignore[attr-defined]
    window.dialogs.answers = ["Jane Roe (fictional)", "A 000-111-222"]  # type: ignore[attr-defined]
    window.actions_["new_case"].trigger()
    assert window.session is not None and window.session.case.path == target
    assert "Jane Roe (fictional) — A 000-111-222" in window.windowTitle()
    assert window.actions_["export_memo"].isEnabled()
    with CaseStore(target) as case:
        assert case.info().a_number == "A 000-111-222"


def test_the_memo_is_written_off_the_gui_thread(window: MainWindow, tmp_path: Path, qtbot: QtBot):
    assert window.case is not None
    out = tmp_path / "memo.docx"
    window.dialogs.memo_path = str(out)  # type: ignore[attr-defined]
    window.actions_["export_memo"].trigger()
    assert window.status.progress.isVisible(), "a busy bar while it is written"
    qtbot.waitUntil(lambda: not window.case.memo.busy, timeout=TIMEOUT_MS)  # type: ignore[union-attr]
    assert not window.status.progress.isVisible()
    assert f"Memo written to {out}" in window.statusBar().currentMessage()
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Rivas" in text and "Not yet reviewed" in text
    assert not window.dialogs.errors  # type: ignore[attr-defined]


def test_a_memo_that_cannot_be_written_is_one_clear_dialog(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    assert window.case is not None
    window.dialogs.memo_path = str(tmp_path / "memo.txt")  # type: ignore[attr-defined]
    window.actions_["export_memo"].trigger()
    qtbot.waitUntil(lambda: bool(window.dialogs.errors), timeout=TIMEOUT_MS)  # type: ignore[attr-defined]
    (error,) = window.dialogs.errors  # type: ignore[attr-defined]
    assert "Cannot export the memo" in error and "memo.txt" in error and ".docx" in error


def test_go_to_page(window: MainWindow) -> None:
    assert window.case is not None
    window.dialogs.answers = ["3"]  # type: ignore[attr-defined]
    window.actions_["go_to_page"].trigger()
    assert window.case.view.page == 3
    assert "Page 3 of" in window.status.page_label.text()


def test_cancel_keeps_what_was_read_and_reopening_finishes_it(
    make_window: Callable[..., MainWindow],
    make_pdf: Callable[..., Path],
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    long = make_pdf([[f"Page {n}: he is an MS-13 gang member per CalGang."] for n in range(3000)])
    case = tmp_path / "long.case"
    window = make_window()
    assert window.open_case(case)
    assert window.case is not None
    window.add_documents([str(long)])
    qtbot.waitUntil(lambda: window.status.cancel_button.isVisible(), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.status.progress.value() > 0, timeout=TIMEOUT_MS)
    window.status.cancel_button.click()
    assert not window.status.cancel_button.isVisible()
    qtbot.waitUntil(lambda: not window.case.runner.busy, timeout=TIMEOUT_MS)  # type: ignore[union-attr]
    with CaseStore(case) as store:
        (document,) = store.documents()
        assert not document.detection_complete
    window.close_case()

    assert window.open_case(case)  # opening the case finishes it
    session = window.session
    assert session is not None
    rows = window.case.documents_model  # type: ignore[union-attr]
    assert UNFINISHED in rows.index(0).data() or not window.case.runner.busy  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not window.case.runner.busy, timeout=TIMEOUT_MS)  # type: ignore[union-attr]
    (document,) = session.documents()
    assert document.detection_complete
    assert {f.page for f in session.findings()} == set(range(1, 3001))
    assert UNFINISHED not in rows.index(0).data()
    assert rows.index(0).data(DOCUMENT_ROLE) == document.id
