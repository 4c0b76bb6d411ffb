"""The status bar's progress: the first and the last figure show at once, those between at most
every PROGRESS_MS (QProgressBar repaints synchronously, and a long ingest reports every page)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from annotator.ui.status import PROGRESS_MS, StatusLine


def test_progress_shows_first_and_last_at_once_and_the_rest_at_most_every_interval(
    qtbot: QtBot,
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    status = StatusLine(window.statusBar())
    window.show()
    qtbot.waitExposed(window)
    status.show_progress("OCR page 0 of 1000", 0, 1000)
    assert status.progress.value() == 0 and status.progress.format() == "OCR page 0 of 1000"
    for done in range(1, 40):  # a burst, far faster than the interval
        status.show_progress(f"OCR page {done} of 1000", done, 1000)
    assert status.progress.value() == 0, "the burst waits for the interval"
    qtbot.waitUntil(lambda: status.progress.value() == 39, timeout=PROGRESS_MS * 8)
    assert status.progress.format() == "OCR page 39 of 1000", "the latest figure, not a stale one"
    status.show_progress("OCR page 1000 of 1000", 1000, 1000)
    assert status.progress.value() == 1000, "the last figure shows at once"
    status.show_progress("memo: %p%", 3, 10)
    assert status.progress.value() == 3, "other work shows at once"
    status.hide_progress()
    status.show_progress("reading: %p%", 5, 10)
    assert status.progress.isVisible() and status.progress.value() == 5, "and after a pause"
