"""Roles and withholdings in the window: G changes who a gang reference is about (undoable,
audited), and the withheld material is listed, each item one click from its page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import Category, Role
from annotator.store import CaseStore
from annotator.ui.window import MainWindow
from tests.ui.test_window import press


def test_g_cycles_the_role_and_undo_gives_the_detector_its_say_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    case = window.case
    assert case is not None
    finding = next(
        f for f in case.session.findings() if f.category is Category.GANG_LABEL and f.role
    )
    case.navigator.select_finding(finding.id)
    assert finding.role.label in case.detail.heading.text()
    case.view.setFocus()
    press(qtbot, window, Qt.Key.Key_G)
    roles = list(Role)
    after = roles[(roles.index(finding.role) + 1) % len(roles)]
    changed = case.session.finding(finding.id)
    assert changed is not None and changed.role is after and changed.role_set_by_reviewer
    assert after.label in case.detail.heading.text() and "(yours)" in case.detail.heading.text()
    with CaseStore(case.session.case.path) as reader:
        entry = reader.audit(finding.id)[-1]
        assert (entry.field, entry.old, entry.new) == ("role", finding.role.value, after.value)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = case.session.finding(finding.id)
    assert back is not None and back.role is finding.role and not back.role_set_by_reviewer


def test_the_withheld_material_is_listed_and_one_click_from_its_page(window: MainWindow) -> None:
    case = window.case
    assert case is not None
    pane = case.withheld
    assert pane.isVisible() and pane.list.count() > 3
    assert f"({pane.list.count()})" in pane.title.text()
    last = pane.list.item(pane.list.count() - 1)
    document_id, page = last.data(Qt.ItemDataRole.UserRole)
    pane.list.itemClicked.emit(last)
    assert case.navigator.document_id == document_id and case.view.page == page
