"""Adding and deleting a finding by hand are undoable, like every other change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import Source, Status
from annotator.ui.window import MainWindow
from tests.ui.test_window import press

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _manual(window: MainWindow) -> list:  # type: ignore[type-arg]
    assert window.session is not None
    return [f for f in window.session.case.findings() if f.source is Source.MANUAL]


def _add(window: MainWindow) -> int:
    assert window.session is not None and window.case.navigator.document_id is not None
    page = window.session.page(window.case.navigator.document_id, 1)
    assert page is not None
    words = page.words[3:6]
    rects = [w.rect for w in words]
    window.case.review.add_manual_finding(1, "fusion_center", words[0].start, words[-1].end, rects)
    assert window.case.navigator.current is not None
    return window.case.navigator.current


def test_undo_and_redo_adding_a_manual_finding(window: MainWindow, qtbot: QtBot) -> None:
    session = window.session
    assert session is not None
    first = _add(window)
    text = session.finding(first).text  # type: ignore[union-attr]
    window.case.view.setFocus()
    press(qtbot, window, Qt.Key.Key_R)  # tag it rebutted
    assert session.case.finding(first).status is Status.REBUTTED
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the tag
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the finding
    assert _manual(window) == []
    assert session.finding(first) is None and first not in window.case.panel.model.ordered()
    assert window.case.navigator.current is None or window.case.navigator.current != first
    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)  # the finding, with a new id
    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)  # its tag goes to the new id
    again = _manual(window)
    assert len(again) == 1 and again[0].text == text
    assert again[0].status is Status.REBUTTED
    assert again[0].id in window.case.panel.model.ordered()
    assert window.case.navigator.current == again[0].id
    assert not session.can_redo()


def test_undo_deleting_a_manual_finding_brings_back_its_note(
    window: MainWindow, qtbot: QtBot
) -> None:
    session = window.session
    assert session is not None
    added = _add(window)
    session.set_note(added, "Not in the original report.")
    session.set_status(added, Status.UNVERIFIED)
    window.case.navigator.select_finding(added)
    window.case.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Delete)
    assert _manual(window) == []
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    back = _manual(window)
    assert len(back) == 1
    assert back[0].note == "Not in the original report."
    assert back[0].status is Status.UNVERIFIED
    assert window.case.navigator.current == back[0].id
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the status, on the re-created finding
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the note
    assert session.case.finding(back[0].id).status is Status.UNTAGGED
    assert session.case.finding(back[0].id).note == ""
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the adding
    assert _manual(window) == []
    for _ in range(4):
        press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert _manual(window) == [], "redo ends with the delete redone"
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    final = _manual(window)
    assert len(final) == 1 and final[0].note == "Not in the original report."
    assert {e.field for e in session.case.audit(final[0].id)} >= {"created", "note", "status"}
