"""The list "Find all like this" offers: each place the phrase recurs, ticked, to accept at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.review.alike import Candidate


class AlikeDialog(QDialog):
    def __init__(
        self,
        phrase: str,
        candidates: list[Candidate],
        titles: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="alike_dialog")
        self.setWindowTitle("Find all like this")
        self.candidates = candidates
        self.list = QListWidget(objectName="alike_list")
        for candidate in candidates:
            where = f"{titles.get(candidate.document_id, '?')} · p.{candidate.page}"
            item = QListWidgetItem(f"{where}\n{candidate.context}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add the ticked ones")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"“{phrase}” recurs in {len(candidates)} place(s) no finding covers. Untick "
                "any that is not the same reference (Space toggles), then add the rest."
            )
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def chosen(self) -> list[Candidate]:
        return [
            c
            for row, c in enumerate(self.candidates)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
