"""The left pane's list of what the release withholds: exemption codes, withheld pages,
referrals, redaction boxes and gaps in the Bates numbering, each one click from its page. It is
what a FOIA appeal or a motion for the complete A-file rests on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.export.withheld import case_withholdings
from annotator.ui.session import CaseSession


class WithheldList(QWidget):
    page_requested = Signal(int, int)
    """document id, page."""

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="withheld_pane")
        self.session = session
        self.title = QLabel(objectName="pane_title")
        self.list = QListWidget(objectName="withheld_list")
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        session.documents_changed.connect(self.refresh)

    def refresh(self) -> None:
        """Read the list again (call once the pane is in its layout: it hides when empty)."""
        items = case_withholdings(self.session.case)
        self.list.clear()
        for entry in items:
            item, document = entry.item, entry.document
            what = " ".join(x for x in (item.kind.label, item.code) if x)
            row = QListWidgetItem(f"{document.title[:30]} · p.{item.page}\n{what}")
            row.setToolTip(item.text)
            row.setData(Qt.ItemDataRole.UserRole, (document.id, item.page))
            self.list.addItem(row)
        self.title.setText(f"<b>Withheld and redacted</b> ({len(items)})")
        self.setVisible(bool(items))

    def _activated(self, row: QListWidgetItem) -> None:
        document_id, page = row.data(Qt.ItemDataRole.UserRole)
        self.page_requested.emit(document_id, page)
