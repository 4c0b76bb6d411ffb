"""Recent cases in the File menu, and a case whose PDFs moved or changed on disk."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from annotator.store import CaseStore
from annotator.ui.window import MainWindow


def test_open_recent_reopens_a_case_from_the_file_menu(
    make_window: Callable[..., MainWindow], sample_case_path: Path, tmp_path: Path
) -> None:
    gone = tmp_path / "deleted.case"
    window = make_window()
    window.settings.recent = [str(sample_case_path), str(gone)]
    menu = window.findChild(QMenu, "open_recent_menu")
    assert menu is not None and menu.menuAction().isEnabled()
    menu.aboutToShow.emit()
    entries = {a.data(): a for a in menu.actions() if a.data()}
    assert set(entries) == {str(sample_case_path), str(gone)}
    assert not entries[str(gone)].isEnabled(), "a case no longer on disk is greyed out"
    entries[str(sample_case_path)].trigger()
    assert window.session is not None
    assert window.session.case.path == sample_case_path
    assert window.settings.recent[0] == str(sample_case_path.resolve())
    window.open_recent(str(gone))
    assert "deleted.case" in window.dialogs.errors[-1]  # type: ignore[attr-defined]
    assert str(gone) not in window.settings.recent


def _first_document(case_path: Path) -> tuple[int, str]:
    with CaseStore(case_path) as case:
        document = case.documents()[0]
        return document.id, document.path


def _move_first_document(case_path: Path, to: Path) -> int:
    with CaseStore(case_path) as case:
        document = case.documents()[0]
        case.update_document(document.id, path=str(to))
        return document.id


def test_a_missing_pdf_shows_stored_text_until_the_file_is_located(
    make_window: Callable[..., MainWindow],
    sample_case_path: Path,
    sample_pdfs: list[Path],
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    _, original = _first_document(sample_case_path)
    moved = tmp_path / "moved" / Path(original).name
    moved.parent.mkdir()
    shutil.copy(original, moved)
    document_id = _move_first_document(sample_case_path, tmp_path / "gone" / "a-file.pdf")
    window = make_window(sample_case_path)
    assert window.session is not None and window.case.navigator.document_id == document_id
    assert window.case.notice.isVisible() and "a-file.pdf" in window.case.notice.label.text()
    assert window.case.pages_stack.currentWidget() is window.case.stored_text
    assert window.case.view.renderer.pdf is None, (
        "nothing is rendered from a file that is not there"
    )
    assert window.case.view.findings_for(1) == [], "no highlight without the right file"
    finding = next(f for f in window.session.findings() if f.document_id == document_id)
    window.case.navigator.select_finding(finding.id)
    assert window.case.stored_text.page == finding.page
    assert finding.text.split()[0] in window.case.stored_text.toPlainText()
    assert "missing" in window.case.documents_model.index(0).data()

    other = next(p for p in sample_pdfs if Path(p).name != Path(original).name)
    window.dialogs.located = [str(other), str(moved)]  # type: ignore[attr-defined]
    window.case.files.locate_document()
    assert "Not the same file" in window.dialogs.errors[-1]  # type: ignore[attr-defined]
    assert window.case.view.renderer.pdf is None
    window.case.files.locate_document()
    assert window.case.pages_stack.currentWidget() is window.case.view
    assert not window.case.notice.isVisible()
    assert window.case.view.renderer.pdf is not None
    assert window.case.view.findings_for(finding.page), "highlights are back on the right file"
    assert window.session.case.document(document_id).path == str(moved.resolve())


def test_a_changed_pdf_is_never_drawn_with_highlights(
    make_window: Callable[..., MainWindow],
    sample_case_path: Path,
    sample_pdfs: list[Path],
    tmp_path: Path,
) -> None:
    _, original = _first_document(sample_case_path)
    impostor = tmp_path / Path(original).name
    other = next(p for p in sample_pdfs if Path(p).name != Path(original).name)
    shutil.copy(other, impostor)  # same name, different contents
    document_id = _move_first_document(sample_case_path, impostor)
    window = make_window(sample_case_path)
    assert window.case.navigator.document_id == document_id
    assert "not the file that was added" in window.case.notice.label.text()
    assert impostor.name in window.case.notice.label.text()
    assert window.case.view.renderer.pdf is None
    assert window.case.view.findings_for(1) == []
    assert window.case.pages_stack.currentWidget() is window.case.stored_text
    other_document = window.session.documents()[1]  # type: ignore[union-attr]
    window.case.navigator.show_document(other_document.id)
    assert window.case.pages_stack.currentWidget() is window.case.view
    assert window.case.view.renderer.pdf is not None and not window.case.notice.isVisible()
