"""The documents list: stored documents from the session, plus PDFs still being ingested."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from annotator.ui.session import CaseSession

UNFINISHED = "\n⚠ reading not finished: findings may be missing"
"""Shown for a document whose ingest was interrupted, until the ingest finishes it."""
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2


class DocumentsModel(QAbstractListModel):
    def __init__(self, session: CaseSession) -> None:
        super().__init__()
        self.session = session
        self.pending: dict[str, tuple[str, int, int, int]] = {}
        """path -> (title, page count, pages done, pages total) for PDFs being ingested."""
        self._rows: list[tuple[str, Any]] = []
        self._counts: dict[int, Counter[str]] = {}
        self._assigned: set[int] = set()
        """The documents assigned to the session's reviewer: listed first, and marked."""
        self.ocr: dict[int, tuple[int, int]] = {}
        """document id -> (pages OCR'd, pages to OCR) while its scanned pages are read."""
        self.file_state: Callable[[int], str] = lambda _id: "ok"
        """The state of each document's PDF on disk (ok, checking, missing, changed)."""
        session.documents_changed.connect(self.refresh)
        session.findings_reset.connect(self.refresh)
        session.findings_added.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        stored = {d.path for d in self.session.documents()}
        self._rows = [("doc", d) for d in self.session.documents()]
        self._rows += [("pending", p) for p in self.pending if p not in stored]
        self._counts = {}
        self._assigned = self.session.assigned()
        for f in self.session.findings():
            self._counts.setdefault(f.document_id, Counter())[f.category.value] += 1
        self.endResetModel()

    def set_pending(self, path: str, title: str, pages: int, done: int = 0) -> None:
        known = path in self.pending
        self.pending[path] = (title, pages, done, pages)
        if not known:
            self.refresh()
            return
        for row, (kind, value) in enumerate(self._rows):
            if kind == "pending" and value == path:
                self.dataChanged.emit(self.index(row), self.index(row))

    def set_ocr(self, document_id: int, progress: tuple[int, int] | None) -> None:
        if progress is None:
            self.ocr.pop(document_id, None)
        else:
            self.ocr[document_id] = progress
        row = self.row_of(document_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row))

    def drop_pending(self, path: str) -> None:
        if self.pending.pop(path, None) is not None:
            self.refresh()

    def row_of(self, document_id: int) -> int:
        return next(
            (r for r, (k, v) in enumerate(self._rows) if k == "doc" and v.id == document_id), -1
        )

    def row_of_path(self, path: str) -> int:
        return next((r for r, (k, v) in enumerate(self._rows) if k == "pending" and v == path), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        kind, value = self._rows[index.row()]
        if kind == "pending":
            title, pages, done, total = self.pending[value]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{title}\n{pages} pages · reading {int(100 * done / max(total, 1))}%…"
            return value if role == PATH_ROLE else None
        counts = self._counts.get(value.id, Counter())
        if role == Qt.ItemDataRole.DisplayRole:
            total = sum(counts.values())
            ocr = _ocr_state(value.pages_needing_ocr, self.ocr.get(value.id))
            ocr += _poorly_read(self.session.poorly_read(value.id))
            state = self.file_state(value.id)
            problem = (
                f"\n⚠ PDF {state}: showing stored text" if state in ("missing", "changed") else ""
            )
            unfinished = "" if value.detection_complete or value.id in self.ocr else UNFINISHED
            mine = " · assigned to you" if value.id in self._assigned else ""
            return (
                f"{value.title}\n{value.page_count} pages · {total} findings{mine}"
                f"{ocr}{unfinished}{problem}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            per = "<br>".join(f"{c.short}: {n}" for c, n in _by_category(counts))
            return f"<b>{value.title}</b><br>{value.path}<br>{per}"
        if role == DOCUMENT_ROLE:
            return value.id
        if role == PATH_ROLE:
            return value.path
        return None


ITEM_PADDING = 6
"""The list's item padding in resources/annotator.qss (QListView#documents_list::item)."""


class DocumentDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text, which this delegate lays out itself.

    Qt sizes a wrapped row without the stylesheet's padding and then paints it in a narrower
    rectangle, so a long title pushed the "pages · findings" line out of its row. Here the text
    is measured and drawn in the same rectangle: the row less the padding.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def text_width(self) -> int:
        row = self.view.viewport().width() - 2 * self.view.spacing()
        return max(row - 2 * ITEM_PADDING, 40)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = QRect(0, 0, self.text_width(), 100_000)
        height = option.fontMetrics.boundingRect(bounds, _TEXT_FLAGS, text).height()
        return QSize(self.text_width() + 2 * ITEM_PADDING, height + 2 * ITEM_PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        rect = opt.rect.adjusted(ITEM_PADDING, ITEM_PADDING, -ITEM_PADDING, -ITEM_PADDING)
        painter.drawText(rect, _TEXT_FLAGS, text)
        painter.restore()


_TEXT_FLAGS = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def _ocr_state(unsearched: int, running: tuple[int, int] | None) -> str:
    if running is not None:
        return f"\nOCR page {running[0]} of {running[1]}…"
    if unsearched:
        page = "page" if unsearched == 1 else "pages"
        return f"\n⚠ {unsearched} {page} not searched (no text layer)"
    return ""


def _poorly_read(pages: list[int]) -> str:
    """The pages OCR could not make out, named so the reviewer reads them by eye."""
    if not pages:
        return ""
    shown = ", ".join(str(p) for p in pages[:8]) + (", …" if len(pages) > 8 else "")
    noun = "page" if len(pages) == 1 else "pages"
    return f"\n⚠ {len(pages)} {noun} poorly read by OCR, read by eye: {shown}"


def _by_category(counts: Counter[str]) -> list[tuple[Any, int]]:
    from annotator.core.model import Category

    return [(c, counts.get(c.value, 0)) for c in Category]
