"""Drive the real window over the sample case from the keyboard, as an attorney would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from annotator.core.model import Source, Status
from annotator.store import CaseStore
from annotator.ui.window import MainWindow
from tests.ui.conftest import REVIEWER


def press(
    qtbot: QtBot,
    window: MainWindow,
    key: Qt.Key,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key as the attorney types it, wherever the keyboard focus is in the window."""
    focus = QApplication.focusWidget()
    target = focus if focus is not None and window.isAncestorOf(focus) else window.case.view
    qtbot.keyClick(target, key, mods)


def test_opens_the_case_on_its_first_document(window: MainWindow) -> None:
    assert window.session is not None
    assert "Rivas" in window.windowTitle()
    assert window.case.navigator.document_id == window.session.documents()[0].id
    assert len(window.case.view.pages) > 0
    assert window.case.panel.model.ordered(), "the findings panel lists the sample findings"


def test_walk_tag_note_undo_redo(window: MainWindow, qtbot: QtBot) -> None:
    session = window.session
    assert session is not None
    ordered = window.case.panel.model.ordered()
    window.case.view.setFocus()
    press(qtbot, window, Qt.Key.Key_J)
    assert window.case.navigator.current == ordered[0]
    press(qtbot, window, Qt.Key.Key_N)
    press(qtbot, window, Qt.Key.Key_K)
    assert window.case.navigator.current == ordered[0]
    press(qtbot, window, Qt.Key.Key_U)
    assert session.case.finding(ordered[0]).status is Status.UNVERIFIED
    assert window.case.navigator.current == ordered[1], "tagging moves on"
    press(qtbot, window, Qt.Key.Key_R)
    press(qtbot, window, Qt.Key.Key_D)
    assert session.case.finding(ordered[1]).status is Status.REBUTTED
    assert session.case.finding(ordered[2]).status is Status.DISMISSED
    press(qtbot, window, Qt.Key.Key_K)
    press(qtbot, window, Qt.Key.Key_Backspace)
    assert session.case.finding(ordered[2]).status is Status.UNTAGGED

    window.case.navigator.select_finding(ordered[0])
    press(qtbot, window, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.case.detail.note
    qtbot.keyClicks(window.case.detail.note, "No corroboration; DHS cites no source.")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is not window.case.detail.note
    assert session.case.finding(ordered[0]).note == "No corroboration; DHS cites no source."

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.case.finding(ordered[0]).note == ""
    assert window.case.detail.note.toPlainText() == ""
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.case.finding(ordered[2]).status is Status.DISMISSED, "Backspace undone"
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, window, Qt.Key.Key_Z, mods)
    press(qtbot, window, Qt.Key.Key_Z, mods)
    assert session.case.finding(ordered[2]).status is Status.UNTAGGED
    assert session.case.finding(ordered[0]).note == "No corroboration; DHS cites no source."
    audit = session.case.audit(ordered[0])
    assert {e.who for e in audit} == {REVIEWER}
    assert [e.new for e in audit if e.field == "note"][-2:] == [
        "",
        "No corroboration; DHS cites no source.",
    ]


def test_everything_is_as_left_after_reopening(
    make_window: Callable[..., MainWindow], sample_case_path: Path, qtbot: QtBot
) -> None:
    first = make_window(sample_case_path)
    first.case.view.setFocus()
    for _ in range(3):
        press(qtbot, first, Qt.Key.Key_J)
    press(qtbot, first, Qt.Key.Key_R)
    tagged, left_on = first.case.panel.model.ordered()[2], first.case.navigator.current
    first.case.detail.exhibit.setText("Ex. 4")
    first.case.detail.exhibit.editingFinished.emit()
    first.close()
    assert first.session is None

    second = make_window(sample_case_path)
    assert second.session is not None
    assert second.case.navigator.current == left_on
    finding = second.session.finding(tagged)
    assert finding is not None and finding.status is Status.REBUTTED
    current = second.session.finding(left_on)
    assert current is not None and current.exhibit == "Ex. 4"
    assert second.case.navigator.document_id == current.document_id
    assert second.case.detail.finding is not None and second.case.detail.finding.id == left_on


def test_a_second_opener_is_told_the_case_is_open(
    window: MainWindow, make_window: Callable[..., MainWindow], sample_case_path: Path
) -> None:
    other = make_window()
    assert not other.open_case(sample_case_path)
    assert other.session is None
    assert "already open" in other.dialogs.errors[-1]  # type: ignore[attr-defined]


def test_filter_by_status_and_category(window: MainWindow, qtbot: QtBot) -> None:
    window.case.view.setFocus()
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_U)
    window.case.panel.set_filter("status", Status.UNVERIFIED.value)
    shown = window.case.panel.model.ordered()
    assert len(shown) == 1
    assert "Unverified (1)" in window.case.panel.status.currentText()
    window.case.panel.set_filter("status", None)
    window.case.panel.set_filter("category", "red_notice")
    session = window.session
    assert session is not None
    assert all(
        session.finding(f).category.value == "red_notice" for f in window.case.panel.model.ordered()
    )
    press(qtbot, window, Qt.Key.Key_J)
    assert session.finding(window.case.navigator.current).category.value == "red_notice"  # type: ignore[union-attr]


def test_search_jumps_to_the_page(window: MainWindow, qtbot: QtBot) -> None:
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_edit
    qtbot.keyClicks(window.search_edit, "Red Notice")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.case.search_results.count() > 0
    document_id, page = window.case.search_results.item(0).data(Qt.ItemDataRole.UserRole)
    assert window.case.navigator.document_id == document_id
    assert window.case.view.page == page


def test_add_a_finding_by_dragging_across_words(window: MainWindow, qtbot: QtBot) -> None:
    session = window.session
    assert session is not None and window.case.navigator.document_id is not None
    page = session.page(window.case.navigator.document_id, 1)
    assert page is not None
    first, last = 3, 5
    window.case.view.go_to_page(1)
    qtbot.wait(10)
    start = _word_point(window, 1, first)
    end = _word_point(window, 1, last)
    viewport = window.case.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    _drag_to(viewport, end)  # a move with the button held, as a real drag sends
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    selected = window.case.view.selected_words()
    assert selected is not None and selected[0] == 1
    assert [w.start for w in selected[1]] == [w.start for w in page.words[first : last + 1]]
    menu = window.case.view.selection_menu()
    assert menu is not None
    action = next(a for a in menu.actions() if "Fusion center" in a.text())
    action.trigger()
    finding = session.finding(window.case.navigator.current)  # type: ignore[arg-type]
    assert finding is not None and finding.source is Source.MANUAL
    assert finding.text == " ".join(
        page.text[page.words[first].start : page.words[last].end].split()
    )
    assert len(finding.rects) >= 1
    with CaseStore(session.case.path) as reader:
        assert reader.finding(finding.id).category.value == "fusion_center"


def test_zoom_fit_and_shortcut_sheet(window: MainWindow, qtbot: QtBot) -> None:
    before = window.case.view.zoom
    press(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.case.view.zoom > before
    press(qtbot, window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.case.view.zoom < before
    window.case.fit_width()
    assert abs(window.case.view.zoom - before) < 1e-6
    press(qtbot, window, Qt.Key.Key_F1)
    sheet = window.findChild(QDialog, "shortcuts_sheet")
    assert sheet is not None and sheet.isVisible()
    text = sheet.findChild(QLabel).text()
    assert "Tag &amp;rebutted" not in text and "Tag rebutted and next" in text
    assert "<code>Ctrl+Z</code>" in text and "<code>J</code>" in text


def _drag_to(widget, pos) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    point = QPointF(pos)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        point,
        widget.mapToGlobal(point),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, move)


def _word_point(window: MainWindow, page: int, word: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    assert window.session is not None and window.case.navigator.document_id is not None
    text = window.session.page(window.case.navigator.document_id, page)
    assert text is not None
    r = text.words[word].rect
    geometry = window.case.view.pages[page - 1]
    dx, dy = geometry.to_display((r[0] + r[2]) / 2, (r[1] + r[3]) / 2)
    vx, vy = window.case.view.layout_.to_view(page - 1, dx, dy)
    return QPoint(
        int(vx - window.case.view.horizontalScrollBar().value()),
        int(vy - window.case.view.verticalScrollBar().value()),
    )


def test_every_document_row_holds_its_title_and_counts(window: MainWindow) -> None:
    """A long title wraps; the "pages · findings" line under it stays inside its row. Rows are
    measured and painted at one width: the row less the stylesheet's padding (Qt's own
    delegate measured wider than it painted, and cut the last line of long titles)."""
    from PySide6.QtCore import QRect

    from annotator.ui.documents import _TEXT_FLAGS, ITEM_PADDING, DocumentDelegate

    view = window.case.documents
    view.resize(210, 600)
    QApplication.processEvents()
    delegate = view.itemDelegate()
    assert isinstance(delegate, DocumentDelegate)
    metrics = view.fontMetrics()
    wrapped = 0
    for row in range(window.case.documents_model.rowCount()):
        index = window.case.documents_model.index(row)
        text = index.data()
        assert " findings" in text.splitlines()[-1]
        rect = view.visualRect(index)
        width = rect.width() - 2 * ITEM_PADDING
        assert delegate.text_width() == width, "measured at the width it is painted in"
        needed = metrics.boundingRect(QRect(0, 0, width, 100_000), _TEXT_FLAGS, text).height()
        assert rect.height() >= needed + 2 * ITEM_PADDING, (row, text)
        wrapped += metrics.horizontalAdvance(text.splitlines()[0]) > width
    assert wrapped >= 3, "the list is narrow enough for titles to wrap"
