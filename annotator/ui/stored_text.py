"""Shown instead of the page view when a document's PDF is missing or changed.

A notice naming the file, a button to locate it, and the page's text as stored in the case with
its findings marked by character offsets, so the attorney can keep reviewing without any
highlight being drawn on a file that is not the one the findings were made on.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QWidget

from annotator.core.model import Finding, PageText
from annotator.ui.theme import CATEGORY_COLOURS

NOTICES = {
    "missing": "<b>{name}</b> is not at {path} any more.",
    "changed": "<b>{name}</b> at {path} is not the file that was added: its contents changed.",
    "checking": "Checking that <b>{name}</b> is the file that was added…",
}


class FileNotice(QWidget):
    """The non-modal notice above the pages: what is wrong with the file, and Locate…"""

    locate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="file_notice")
        self.label = QLabel(objectName="file_notice_text", wordWrap=True)
        self.locate = QPushButton("Locate the file…", objectName="locate_file")
        self.locate.clicked.connect(self.locate_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.locate)
        self.setStyleSheet(
            "#file_notice { background: #fff3cd; border-bottom: 1px solid #e0c36a; }"
        )
        self.setAutoFillBackground(True)
        self.hide()

    def show_state(self, state: str, name: str, path: str) -> None:
        if state not in NOTICES:
            self.hide()
            return
        text = NOTICES[state].format(name=html.escape(name), path=html.escape(path))
        if state != "checking":
            text += (
                " Its pages are not drawn, so that no highlight lands on the wrong words; "
                "below is the text stored in the case. Locate the original file to see the pages."
            )
        self.label.setText(text)
        self.locate.setVisible(state != "checking")
        self.show()


class StoredTextView(QTextBrowser):
    """One stored page's text with its findings marked."""

    page_shown = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stored_text")
        self.setOpenLinks(False)
        self.page = 0

    def show_page(self, page: PageText | None, number: int, findings: list[Finding]) -> None:
        self.page = number
        if page is None:
            self.setHtml(f"<p><i>Page {number}: no stored text.</i></p>")
            return
        self.setHtml(
            f"<h3>Page {number} — text stored in the case</h3>"
            f"<div style='white-space: pre-wrap'>{_marked(page.text, findings)}</div>"
        )
        self.page_shown.emit(number)


def _marked(text: str, findings: list[Finding]) -> str:
    out, at = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < at or f.end > len(text):
            continue
        c = CATEGORY_COLOURS[f.category]
        out.append(html.escape(text[at : f.start]))
        out.append(
            f"<span style='background-color: rgba({c.red()},{c.green()},{c.blue()},110)'>"
            f"{html.escape(text[f.start : f.end])}</span>"
        )
        at = f.end
    out.append(html.escape(text[at:]))
    return "".join(out)
