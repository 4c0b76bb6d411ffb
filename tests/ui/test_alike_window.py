"""Find all like this (L) and dismiss all identical (Shift+D), from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import Status
from annotator.store import CaseStore
from annotator.ui.window import MainWindow
from tests.ui.test_window import press

TIMEOUT_MS = 120_000


def test_find_all_like_a_finding_added_by_hand(
    make_window: Callable[..., MainWindow], make_pdf: Callable[..., Path], tmp_path: Path, qtbot
) -> None:
    pdf = make_pdf(
        [
            ["The Harborview Watch Desk shared his name."],
            ["So did the HARBORVIEW WATCH DESK, twice: the Harbor-", "view Watch Desk."],
        ]
    )
    window = make_window()
    assert window.open_case(tmp_path / "like.case")
    case = window.case
    assert case is not None
    case.files.add_documents([str(pdf)])
    qtbot.waitUntil(lambda: not case.runner.busy, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: case.navigator.document_id is not None, timeout=TIMEOUT_MS)
    page = case.session.page(case.navigator.document_id, 1)
    start = page.text.index("Harborview")
    end = page.text.index(" shared")
    case.review.add_manual_finding(1, "fusion_center", start, end, [page.words[1].rect])
    added = case.navigator.current
    assert "L finds every other place" in window.statusBar().currentMessage()
    window.dialogs.untick = {1}  # type: ignore[attr-defined]
    case.view.setFocus()
    press(qtbot, window, Qt.Key.Key_L)
    offered = window.dialogs.offered  # type: ignore[attr-defined]
    assert [(c.page, c.text) for c in offered] == [
        (2, "HARBORVIEW WATCH DESK"),
        (2, "Harborview Watch Desk"),
    ]
    alike = [f for f in case.session.findings() if f.subtype == "alike"]
    assert [(f.page, f.text) for f in alike] == [(2, "HARBORVIEW WATCH DESK")]
    assert alike[0].id in case.panel.model.ordered()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not [f for f in case.session.findings() if f.subtype == "alike"]
    assert case.session.finding(added) is not None


def test_dismiss_then_shift_d_dismisses_every_identical(window: MainWindow, qtbot: QtBot) -> None:
    case = window.case
    assert case is not None
    from annotator.review.claims import claim_key

    groups: dict[tuple[str, str], list[int]] = {}
    for f in case.session.findings():
        groups.setdefault(claim_key(f), []).append(f.id)
    ids = max(groups.values(), key=len)
    case.navigator.select_finding(ids[0])
    case.view.setFocus()
    press(qtbot, window, Qt.Key.Key_D)
    assert f"{len(ids) - 1} more untagged" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ShiftModifier)
    with CaseStore(case.session.case.path) as reader:
        assert {reader.finding(i).status for i in ids} == {Status.DISMISSED}
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    statuses = {i: case.session.finding(i).status for i in ids}  # type: ignore[union-attr]
    assert statuses[ids[0]] is Status.DISMISSED, "the first D is its own step"
    assert {statuses[i] for i in ids[1:]} == {Status.UNTAGGED}


def test_add_to_my_lexicon_reads_the_case_again_and_undo_takes_it_out(
    make_window: Callable[..., MainWindow], make_pdf: Callable[..., Path], tmp_path: Path, qtbot
) -> None:
    from annotator.nlp.user_lexicon import list_phrases

    pdf = make_pdf([["The Harborview Watch Desk shared it."], ["Then the Harborview Watch Desk."]])
    window = make_window()
    assert window.open_case(tmp_path / "lexicon.case")
    case = window.case
    assert case is not None
    case.files.add_documents([str(pdf)])
    qtbot.waitUntil(lambda: not case.runner.busy, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: case.navigator.document_id is not None, timeout=TIMEOUT_MS)
    page = case.session.page(case.navigator.document_id, 1)
    start = page.text.index("Harborview")
    case.review.add_manual_finding(1, "fusion_center", start, start + 21, [page.words[1].rect])
    window.actions_["add_to_lexicon"].trigger()
    assert [p.phrase for p in list_phrases()] == ["Harborview Watch Desk"]
    qtbot.waitUntil(lambda: not case.runner.busy, timeout=TIMEOUT_MS)

    def user_findings() -> list[tuple[int, str]]:
        return sorted((f.page, f.subtype) for f in case.session.findings() if f.subtype == "user")

    qtbot.waitUntil(lambda: user_findings() == [(1, "user"), (2, "user")], timeout=TIMEOUT_MS)
    window.actions_["undo"].trigger()
    assert list_phrases() == []
    qtbot.waitUntil(lambda: not case.runner.busy, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: user_findings() == [], timeout=TIMEOUT_MS)
