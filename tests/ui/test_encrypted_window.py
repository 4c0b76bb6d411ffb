"""An encrypted case from the window: created protected, read by the background ingest, its
memo an ordinary file, refused with a wrong passphrase, and no page text in its bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
from pytestqt.qtbot import QtBot

from annotator.core.model import Status
from annotator.store import crypto
from annotator.ui.window import MainWindow

TIMEOUT_MS = 180_000
SECRET = "correct horse battery staple"


def test_an_encrypted_case_round_trips_through_the_window(
    make_window: Callable[..., MainWindow], sample_pdfs: list[Path], tmp_path: Path, qtbot: QtBot
) -> None:
    window = make_window()
    target = tmp_path / "protected.case"
    window.dialogs.case_path = str(target)  # type: ignore[attr-defined]
    window.dialogs.new_case_passphrase = SECRET  # type: ignore[attr-defined]
    window.dialogs.answers = ["Rivas Mejía (fictional)", "A 012-345-678"]  # type: ignore[attr-defined]
    window.actions_["new_case"].trigger()
    case = window.case
    assert case is not None and crypto.is_encrypted(target)
    case.files.add_documents([str(p) for p in sample_pdfs[:2]])
    qtbot.waitUntil(lambda: not case.runner.busy, timeout=TIMEOUT_MS)
    findings = case.session.findings()
    assert len(findings) > 20, window.dialogs.errors  # type: ignore[attr-defined]
    case.session.set_status(findings[0].id, Status.REBUTTED)
    case.session.set_note(findings[0].id, "Attendance record, Ex. 7")
    memo = tmp_path / "memo.docx"
    window.dialogs.memo_path = str(memo)  # type: ignore[attr-defined]
    window.actions_["export_memo"].trigger()
    qtbot.waitUntil(lambda: not case.memo.busy, timeout=TIMEOUT_MS)
    assert "only the case file is encrypted" in window.statusBar().currentMessage()
    assert "Attendance record, Ex. 7" in "\n".join(p.text for p in docx.Document(memo).paragraphs)
    window.close_case()

    raw = b"".join(p.read_bytes() for p in tmp_path.glob("protected.case*") if p.is_file())
    for word in (b"Attendance record", b"MS-13", b"Rivas", "Mejía".encode()):
        assert word not in raw

    window.dialogs.passphrase = "not the passphrase"  # type: ignore[attr-defined]
    before = target.read_bytes()
    assert not window.open_case(target)
    assert "passphrase" in window.dialogs.errors[-1].lower()  # type: ignore[attr-defined]
    assert target.read_bytes() == before, "nothing written"
    window.dialogs.passphrase = SECRET  # type: ignore[attr-defined]
    assert window.open_case(target)
    assert window.session is not None
    kept = window.session.finding(findings[0].id)
    assert kept is not None and kept.status is Status.REBUTTED
    window.case.review.undo()  # type: ignore[union-attr]  # the note, from the history kept inside
    assert window.session.finding(findings[0].id).note == ""  # type: ignore[union-attr]
