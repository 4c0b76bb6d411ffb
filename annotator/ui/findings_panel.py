"""The findings panel: group-by and filter bars over the findings tree, with counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Approval, Category, Status
from annotator.ui.findings_model import FINDING_ROLE, FindingsModel
from annotator.ui.session import CaseSession


class FindingsPanel(QWidget):
    finding_selected = Signal(int)

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = FindingsModel(session)
        self.group = _combo(
            "group",
            [("By category", "category"), ("By status", "status"), ("By document", "document")],
        )
        self.category = QComboBox(objectName="filter_category")
        self.status = QComboBox(objectName="filter_status")
        self.document = QComboBox(objectName="filter_document")
        self.reviewer = QComboBox(objectName="filter_reviewer")
        self.approval = QComboBox(objectName="filter_approval")
        self.tree = QTreeView(objectName="findings_tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: sizing to contents reads every row on each reset (seconds for 10,000).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 140)
        header.resizeSection(2, self.fontMetrics().horizontalAdvance(Status.UNTAGGED.label) + 16)
        self.summary = QLabel(objectName="findings_summary")
        self._layout()
        self.group.currentIndexChanged.connect(
            lambda: self.model.set_group_by(self.group.currentData())
        )
        for key, box in self._filters().items():
            box.currentIndexChanged.connect(
                lambda _i, k=key, b=box: self.model.set_filter(k, b.currentData())
            )
        self.model.modelReset.connect(self._after_reset)
        self.model.dataChanged.connect(self._refresh_counts)
        self.model.rowsInserted.connect(self._after_insert)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self._after_reset()

    def _layout(self) -> None:
        # Two rows of two: four combos in one row cut their labels ("All statuses (86)") short.
        bar = QGridLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        boxes = (
            self.group,
            self.category,
            self.status,
            self.document,
            self.reviewer,
            self.approval,
        )
        for n, box in enumerate(boxes):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(16)
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            bar.addWidget(box, n // 2, n % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)

    def _filters(self) -> dict[str, QComboBox]:
        return {
            "category": self.category,
            "status": self.status,
            "document": self.document,
            "reviewer": self.reviewer,
            "approval": self.approval,
        }

    def _refresh_counts(self) -> None:
        titles = {
            "category": [(c.label, c.value) for c in Category],
            "status": [(s.label, s.value) for s in Status],
            "document": [(d.title, d.id) for d in self.session.documents()],
            "reviewer": [(name, name) for name in self.session.reviewers()],
            "approval": [(a.label, a.value) for a in Approval],
        }
        alls = {
            "category": "All categories",
            "status": "All statuses",
            "document": "All documents",
            "reviewer": "All reviewers",
            "approval": "Checked or not",
        }
        every = self.model.all_counts()
        for key, box in self._filters().items():
            counts = every[key]
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(f"{alls[key]} ({sum(counts.values())})", None)
            for title, value in titles[key]:
                box.addItem(f"{title} ({counts.get(value, 0)})", value)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)
        findings = self.session.findings()
        done = sum(f.status is not Status.UNTAGGED for f in findings)
        self.summary.setText(
            f"{done} of {len(findings)} reviewed · {len(self.model.ordered())} shown"
        )

    def _after_reset(self) -> None:
        self.tree.expandAll()
        self._refresh_counts()

    def _after_insert(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.tree.expand(self.model.index(row, 0))
        self._refresh_counts()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        fid = current.data(FINDING_ROLE)
        if fid is not None:
            self.finding_selected.emit(int(fid))

    def select(self, finding_id: int | None) -> None:
        """Mark the finding in the tree without re-emitting."""
        index = self.model.index_of(finding_id) if finding_id is not None else QModelIndex()
        self.tree.selectionModel().blockSignals(True)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.tree.selectionModel().setCurrentIndex(index, flags)
        self.tree.selectionModel().blockSignals(False)
        self.tree.viewport().update()
        if index.isValid():
            self.tree.scrollTo(index)

    def set_filter(self, key: str, value: Any) -> None:
        box = self._filters()[key]
        box.setCurrentIndex(max(0, box.findData(value)))


def _combo(name: str, items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox(objectName=f"{name}_by")
    for title, value in items:
        box.addItem(title, value)
    return box
