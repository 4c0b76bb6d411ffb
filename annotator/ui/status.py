"""The status bar's parts, for whoever has something to say: messages, one progress bar with
its Cancel button, the OCR notice and the page label."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

PROGRESS_MS = 250
"""The progress bar shows a new figure at most this often: QProgressBar repaints at once, not
on the next turn of the event loop, and a 1,000-page ingest reports every page (a repaint was
traced at 67 ms of one event-loop stall)."""


class StatusLine:
    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.page_label = QLabel(objectName="page_label")
        self.progress = QProgressBar(maximumWidth=220, visible=False)
        self.cancel_button = QPushButton("Cancel", visible=False, flat=True)
        self.cancel_button.clicked.connect(self._cancel)
        self.ocr_notice = QLabel(objectName="ocr_notice", visible=False, wordWrap=True)
        self.ocr_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addPermanentWidget(self.ocr_notice, 1)  # a status message must not hide it
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.page_label)
        self._on_cancel: Callable[[], None] | None = None
        self._wanted = ("", 0, 1)
        self._shown = QElapsedTimer()
        self._later = QTimer(bar, singleShot=True, interval=PROGRESS_MS)
        self._later.timeout.connect(self._show_wanted)

    def message(self, text: str, ms: int = 5000) -> None:
        self.bar.showMessage(text, ms)

    def show_progress(
        self, label: str, done: int, total: int, cancel: Callable[[], None] | None = None
    ) -> None:
        """Show long work's progress; `cancel`, if given, is what the Cancel button does. A
        piece of work's first figure and its last show at once, those between at most every
        PROGRESS_MS."""
        new_work = total != self._wanted[2] or done == 0 or not self.progress.isVisible()
        self._wanted = (label, done, total)
        self._on_cancel = cancel
        self.cancel_button.setVisible(cancel is not None)
        due = not self._shown.isValid() or self._shown.elapsed() >= PROGRESS_MS
        if new_work or done >= total or due:
            self._show_wanted()
        elif not self._later.isActive():
            self._later.start(max(1, PROGRESS_MS - self._shown.elapsed()))

    def _show_wanted(self) -> None:
        label, done, total = self._wanted
        self._later.stop()
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(label)
        self.progress.setVisible(True)
        self._shown.restart()

    def hide_progress(self) -> None:
        self._later.stop()
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._on_cancel = None

    def notice(self, text: str, tooltip: str = "") -> None:
        """A lasting, non-modal notice (OCR cannot run); empty text hides it."""
        self.ocr_notice.setText(text)
        self.ocr_notice.setToolTip(tooltip)
        self.ocr_notice.setVisible(bool(text))

    def _cancel(self) -> None:
        if self._on_cancel is not None:
            self._on_cancel()
