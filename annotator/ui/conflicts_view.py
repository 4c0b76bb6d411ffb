"""The conflicts a merge raised, walked with the keyboard: both sides at once (who, what, when,
their notes); M takes mine, T theirs, E edits. Also the per-reviewer table."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.review.conflicts import describe
from annotator.review.supervise import ReviewerStats
from annotator.store.clinic import Side

CHOICE_KEYS = (
    ("mine", "M", "Take &mine"),
    ("theirs", "T", "Take &theirs"),
    ("edited", "E", "&Edit…"),
)
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 1


class ConflictsView(QWidget):
    resolve_requested = Signal(int, str)
    """conflict id, and "mine", "theirs" or "edited"."""
    conflict_selected = Signal(int)
    """The conflict's finding, to show on the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="conflicts_view")
        self.title = QLabel(objectName="pane_title")
        self.tree = QTreeWidget(objectName="conflicts_tree")
        self.tree.setHeaderLabels(["Finding", "Mine", "Theirs"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.detail = QLabel(objectName="conflict_detail", wordWrap=True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.rows: list[dict[str, Any]] = []
        buttons = QHBoxLayout()
        for choice, key, title in CHOICE_KEYS:
            action = QAction(title.replace("&", ""), self.tree, objectName=f"take_{choice}")
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, c=choice: self._request(c))
            self.tree.addAction(action)
            button = QPushButton(f"{title}  {key}", objectName=f"button_{choice}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, c=choice: self._request(c))
            buttons.addWidget(button)
        close = QPushButton("Close", objectName="close_conflicts")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.hide)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.tree.currentItemChanged.connect(self._current_changed)

    def show_rows(self, rows: list[dict[str, Any]]) -> None:
        """The open conflicts (conflict_json rows); the current one stays current if still open,
        else the next one is."""
        was = self.current_id()
        position = self.tree.indexOfTopLevelItem(self.tree.currentItem())
        self.rows = rows
        self.tree.blockSignals(True)
        self.tree.clear()
        for row in rows:
            where = f"{row['document'][:24]} p.{row['page']} “{' '.join(row['text'].split())[:40]}”"
            item = QTreeWidgetItem(
                [
                    where,
                    describe(Side.from_dict(row["mine"])),
                    describe(Side.from_dict(row["theirs"])),
                ]
            )
            item.setData(0, CONFLICT_ROLE, row["id"])
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        self.title.setText(f"<b>Conflicts</b> · {len(rows)} open")
        ids = [r["id"] for r in rows]
        at = ids.index(was) if was in ids else min(max(position, 0), len(rows) - 1)
        if rows:
            self.tree.setCurrentItem(self.tree.topLevelItem(at))
        else:
            self.detail.setText("<i>No open conflict: every disagreement has been resolved.</i>")

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, CONFLICT_ROLE))

    def current_row(self) -> dict[str, Any] | None:
        cid = self.current_id()
        return next((r for r in self.rows if r["id"] == cid), None)

    def _request(self, choice: str) -> None:
        cid = self.current_id()
        if cid is not None:
            self.resolve_requested.emit(cid, choice)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        row = self.current_row()
        if current is None or row is None:
            return
        self.detail.setText(_side_by_side(row))
        self.conflict_selected.emit(int(row["finding"]))


def _side_by_side(row: dict[str, Any]) -> str:
    cells = []
    for side in ("mine", "theirs"):
        s = row[side]
        what = "deleted it" if s["deleted"] else s["status"]
        cells.append(
            f"<td valign=top><b>{side.title()}</b>: {html.escape(s['who'] or '?')}<br>"
            f"{html.escape(what)} · {html.escape(s['at'][:16].replace('T', ' '))}<br>"
            f"<i>{html.escape(s['note']) or 'no note'}</i></td>"
        )
    fields = ", ".join(row["fields"])
    return (
        f"<b>{html.escape(' '.join(row['text'].split()))}</b> — they differ on {fields}"
        f"<table width=100% cellspacing=6><tr>{''.join(cells)}</tr></table>"
    )


class StatsDialog(QDialog):
    """Per reviewer: reviewed, approved, overturned, overturn rate."""

    HEADER = ("Reviewer", "Reviewed", "Approved", "Overturned", "Overturn rate")

    def __init__(self, rows: list[ReviewerStats], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="reviewer_stats")
        self.setWindowTitle("Reviewer statistics")
        self.table = QTableWidget(len(rows), len(self.HEADER), objectName="stats_table")
        self.table.setHorizontalHeaderLabels(list(self.HEADER))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            rate = row.overturn_rate
            values = (
                row.reviewer,
                str(row.reviewed),
                str(row.approved),
                str(row.overturned),
                "—" if rate is None else f"{100 * rate:.1f}%",
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.resize(560, 120 + 30 * len(rows))

    def cells(self) -> list[list[str]]:
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]
