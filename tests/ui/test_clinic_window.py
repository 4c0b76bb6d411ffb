"""A clinic in the window: two students review their own copies with the keyboard and export
their packages; the supervisor merges them (File ▸ Merge reviews…), walks the conflicts with
M / T / E, approves (A) and overturns (O), reads the per-reviewer table and exports a memo of
the approved findings; the audit log says who did each step. And a course key over a student's
own review, and a reviewer's assigned documents first."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import docx
from clinic_support import HAND_PHRASE
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import Approval, Status
from annotator.nlp.geometry import span_rects
from annotator.review import Review
from annotator.review.collect import collect_key
from annotator.review.package_file import write_package
from annotator.store import CaseStore
from annotator.ui.window import MainWindow
from tests.ui.test_window import press

CTRL = Qt.KeyboardModifier.ControlModifier
TIMEOUT_MS = 120_000
HEADING = re.compile(r"^\d+\. “(.*)” — ")


def _select(window: MainWindow, finding_id: int) -> None:
    window.case.navigator.select_finding(finding_id)
    window.case.view.setFocus()


def _add_by_hand(window: MainWindow) -> int:
    """Drag across the phrase on page 1 of the first document and add it as a gang label."""
    navigator = window.case.navigator
    page = window.session.page(navigator.document_id, 1)
    start = page.text.index(HAND_PHRASE)
    end = start + len(HAND_PHRASE)
    window.case.view.add_finding_requested.emit(
        1, "gang_label", start, end, span_rects(page, start, end)
    )
    window.case.view.setFocus()
    return navigator.current


def _student(make_window, qtbot, path: Path, name: str, steps, out: Path) -> list[int]:
    window = make_window(path, reviewer=name)
    ids = window.case.panel.model.ordered()[:4]
    for index, note, key in steps:
        _select(window, ids[index])
        if note:
            press(qtbot, window, Qt.Key.Key_Return)
            qtbot.keyClicks(window.case.detail.note, note)
            qtbot.keyClick(window.case.detail.note, Qt.Key.Key_Escape)
        press(qtbot, window, key)
    hand = _add_by_hand(window)
    press(qtbot, window, Qt.Key.Key_U if name == "Student A" else Qt.Key.Key_Delete)
    assert window.session.case.finding(hand, include_deleted=True).deleted is (name != "Student A")
    window.dialogs.package_path = str(out)
    window.actions_["export_package"].trigger()
    assert out.is_file() and not window.dialogs.errors
    window.close_case()
    return ids


def test_a_clinic_in_the_window(
    make_window: Callable[..., MainWindow], case_copy, qtbot: QtBot, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.cfr", tmp_path / "b.cfr"
    steps_a = [
        (0, "A: attendance record", Qt.Key.Key_R),
        (1, "", Qt.Key.Key_U),
        (2, "", Qt.Key.Key_R),
    ]
    steps_b = [
        (0, "B: about his cousin", Qt.Key.Key_D),
        (1, "", Qt.Key.Key_U),
        (3, "", Qt.Key.Key_R),
    ]
    ids = _student(make_window, qtbot, case_copy("a"), "Student A", steps_a, a)
    assert _student(make_window, qtbot, case_copy("b"), "Student B", steps_b, b) == ids

    window = make_window(case_copy("supervisor"), reviewer="Supervisor")
    session, clinic = window.session, window.case.clinic
    window.dialogs.packages = [str(a), str(b)]
    window.actions_["merge_reviews"].trigger()
    view = window.case.conflicts
    assert view.isVisible() and len(view.rows) == 2
    hand = next(f.id for f in session.findings() if f.text == HAND_PHRASE)
    rows = {r["finding"]: r for r in view.rows}
    assert rows[ids[0]]["theirs"]["note"] == "B: about his cousin"
    assert rows[hand]["theirs"]["deleted"] and rows[hand]["mine"]["who"] == "Student A"

    def walk_to(finding_id: int) -> None:
        row = next(n for n, r in enumerate(view.rows) if r["finding"] == finding_id)
        view.tree.setCurrentItem(view.tree.topLevelItem(row))
        view.tree.setFocus()
        assert window.case.navigator.current == finding_id  # the page shows it

    walk_to(ids[0])
    qtbot.keyClick(view.tree, Qt.Key.Key_T)
    assert (session.finding(ids[0]).status, session.finding(ids[0]).note) == (
        Status.DISMISSED,
        "B: about his cousin",
    )
    assert len(view.rows) == 1
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo the resolution: the conflict is open again
    assert session.finding(ids[0]).status is Status.REBUTTED and len(view.rows) == 2
    walk_to(ids[0])
    window.dialogs.choices = ["Unverified"]
    window.dialogs.answers = ["Supervisor: partly right"]
    qtbot.keyClick(view.tree, Qt.Key.Key_E)
    assert session.finding(ids[0]).status is Status.UNVERIFIED
    walk_to(hand)
    qtbot.keyClick(view.tree, Qt.Key.Key_M)
    assert not view.rows and session.finding(hand).status is Status.UNVERIFIED

    for finding_id in (ids[1], ids[3], hand):
        _select(window, finding_id)
        press(qtbot, window, Qt.Key.Key_A)
    _select(window, ids[2])
    window.dialogs.answers = ["Hearsay: the report relays an informant"]
    press(qtbot, window, Qt.Key.Key_O)
    assert session.finding(ids[2]).approval is Approval.OVERTURNED
    assert session.finding(ids[1]).approval is Approval.APPROVED

    panel = window.case.panel
    panel.set_filter("reviewer", "Student B")
    assert panel.model.ordered() == [ids[3]]
    panel.set_filter("reviewer", None)
    panel.set_filter("approval", Approval.APPROVED.value)
    assert sorted(panel.model.ordered()) == sorted([ids[1], ids[3], hand])
    panel.set_filter("approval", None)

    window.actions_["reviewer_stats"].trigger()
    cells = {row[0]: row[1:] for row in clinic.stats_dialog.cells()}
    assert cells == {
        "Student A": ["3", "2", "1", "33.3%"],
        "Student B": ["1", "1", "0", "0.0%"],
        "Supervisor": ["1", "0", "0", "—"],
    }
    clinic.stats_dialog.close()

    memo = tmp_path / "approved.docx"
    window.dialogs.memo_path = str(memo)
    window.actions_["export_approved"].trigger()
    qtbot.waitUntil(lambda: not window.case.memo.busy, timeout=TIMEOUT_MS)
    headings = [
        m.group(1) for p in docx.Document(str(memo)).paragraphs if (m := HEADING.match(p.text))
    ]
    expected = [" ".join(session.finding(i).text.split()) for i in (ids[1], ids[3], hand)]
    assert sorted(headings) == sorted(expected)

    who = {(e.finding_id, e.field): e.who for e in session.case.audit()}
    assert who[(hand, "created")] == "Student A"
    assert who[(ids[3], "status")] == "Student B"
    assert who[(ids[1], "merged")] == who[(ids[0], "conflict")] == "Supervisor"
    assert who[(ids[0], "status")] == who[(ids[2], "approval")] == "Supervisor"
    assert not window.dialogs.errors


def test_a_course_key_over_my_own_review(
    make_window: Callable[..., MainWindow], case_copy, qtbot: QtBot, tmp_path: Path
) -> None:
    instructor = case_copy("instructor")
    with CaseStore(instructor) as case:
        key_findings = case.findings()[:3] + case.findings(category="safe")[:1]
        review = Review(case, "Instructor")
        for finding in key_findings:
            review.tag(finding.id, Status.REBUTTED)
        write_package(tmp_path / "course.cfk", collect_key(case))
    window = make_window(case_copy("student"), reviewer="Student")
    for finding in key_findings[:2]:
        _select(window, finding.id)
        press(qtbot, window, Qt.Key.Key_R)
    window.dialogs.key_path = str(tmp_path / "course.cfk")
    window.actions_["compare_key"].trigger()
    result = window.case.clinic.key_grade
    assert result is not None and len(result.found) == 2 and len(result.missed) == 2
    missed = key_findings[3]
    window.case.navigator.show_document(missed.document_id)
    outlines = window.case.view.outlines_for(missed.page)
    assert [o.rects for o in outlines] == [list(map(tuple, missed.rects))]
    assert "2 missed (outlined on the page)" in window.statusBar().currentMessage()
    window.case.view.viewport().repaint()  # the overlay paints
    window.actions_["hide_key"].trigger()
    assert window.case.view.outlines_for(missed.page) == []


def test_my_assigned_documents_come_first(
    make_window: Callable[..., MainWindow], case_copy
) -> None:
    path = case_copy("assigned")
    with CaseStore(path) as case:
        third = case.documents()[2]
        case.clinic.assign(third.sha256, "Student C", "Supervisor", "2026-12-01")
    window = make_window(path, reviewer="Student C")
    documents = window.session.documents()
    assert documents[0].id == third.id and window.case.navigator.document_id == third.id
    assert "assigned to you" in window.case.documents_model.index(0).data()
    assert "assigned to you" not in window.case.documents_model.index(1).data()
