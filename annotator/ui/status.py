"""The status bar's parts, for whoever has something to say: messages, one progress bar with
its Cancel button, the OCR notice and the page label."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar


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

    def message(self, text: str, ms: int = 5000) -> None:
        self.bar.showMessage(text, ms)

    def show_progress(
        self, label: str, done: int, total: int, cancel: Callable[[], None] | None = None
    ) -> None:
        """Show long work's progress; `cancel`, if given, is what the Cancel button does."""
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(label)
        self.progress.setVisible(True)
        self._on_cancel = cancel
        self.cancel_button.setVisible(cancel is not None)

    def hide_progress(self) -> None:
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
