"""PageView: continuous scroll over a document's pages, findings highlighted in page space.

It holds no findings of its own: it asks `findings_for(page)` and `text_for(page)` each paint,
so it always draws what the session has. Pixels appear only here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pymupdf
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

from annotator.core.model import Category, Finding, PageText, Rect, Status, Word
from annotator.ui.pageview.geometry import PageGeometry
from annotator.ui.pageview.layout import MARGIN, Layout
from annotator.ui.pageview.render import PageRenderer
from annotator.ui.theme import CATEGORY_COLOURS, STATUS_COLOURS, highlight_fill

ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)
BACKGROUND = QColor("#e7e5e0")
SELECTION = QColor(40, 110, 220, 70)


class Outline(NamedTuple):
    """A frame drawn over the page, apart from the findings (a key's finding the student
    missed): rectangles in page space, a colour "#rrggbb", a tooltip-like label."""

    rects: list[Rect]
    colour: str
    label: str = ""


def geometries(pdf: pymupdf.Document) -> list[PageGeometry]:
    """Every page's size and rotation without loading page content (fast for 1,000 pages)."""
    out = []
    for i in range(pdf.page_count):
        box = pdf.page_cropbox(i)
        rotate = pdf.xref_get_key(pdf.page_xref(i), "Rotate")
        rotation = int(rotate[1]) if rotate[0] == "int" else 0
        out.append(PageGeometry(box.width, box.height, rotation % 360))
    return out


class PageView(QAbstractScrollArea):
    finding_clicked = Signal(int)
    page_changed = Signal(int)
    add_finding_requested = Signal(int, str, int, int, list)
    """page, category, start, end, rects."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = PageRenderer(self)
        self.renderer.rendered.connect(lambda _i: self.viewport().update())
        self.findings_for: Callable[[int], list[Finding]] = lambda _n: []
        self.text_for: Callable[[int], PageText | None] = lambda _n: None
        self.outlines_for: Callable[[int], list[Outline]] = lambda _n: []
        """Frames to draw over a page besides its findings (the overlay hook)."""
        self.current: int | None = None
        self.pages: list[PageGeometry] = []
        self.zoom, self.fit_width = 1.0, True
        self.layout_ = Layout([], 1.0, 0)
        self._page = 0
        self._selection: tuple[int, int, int] | None = None  # page index, first word, last word
        self.painted = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(False)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    # -- document and zoom ----------------------------------------------------------------------

    def set_pdf(self, pdf: pymupdf.Document | None) -> None:
        self.renderer.set_pdf(pdf)
        self.pages = geometries(pdf) if pdf is not None else []
        self._selection, self._page = None, 0
        self._relayout()
        self.verticalScrollBar().setValue(0)
        self.viewport().update()

    def set_zoom(self, zoom: float | None) -> None:
        """A zoom factor, or None to fit the page width to the window."""
        anchor = self._anchor()
        self.fit_width = zoom is None
        if zoom is not None:
            self.zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        self._relayout()
        self._restore(anchor)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-3), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(
            next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-3), ZOOM_STEPS[0])
        )

    def _relayout(self) -> None:
        width = self.viewport().width()
        if self.fit_width and self.pages:
            widest = max(p.display_size[0] for p in self.pages[:50])
            self.zoom = max(0.2, (width - 2 * MARGIN - 2) / widest)
        self.layout_ = Layout(self.pages, self.zoom, width)
        self.verticalScrollBar().setRange(
            0, max(0, int(self.layout_.height) - self.viewport().height())
        )
        self.verticalScrollBar().setPageStep(self.viewport().height())
        self.verticalScrollBar().setSingleStep(40)
        self.horizontalScrollBar().setRange(0, max(0, int(self.layout_.width) - width))
        self.horizontalScrollBar().setPageStep(width)
        self.viewport().update()

    def _anchor(self) -> tuple[int, float]:
        top = self.verticalScrollBar().value()
        index = self.layout_.page_at(top)
        if not len(self.layout_):
            return 0, 0.0
        placed = self.layout_.placed(index)
        return index, (top - placed.y) / max(placed.height, 1)

    def _restore(self, anchor: tuple[int, float]) -> None:
        if len(self.layout_):
            placed = self.layout_.placed(min(anchor[0], len(self.layout_) - 1))
            self.verticalScrollBar().setValue(int(placed.y + anchor[1] * placed.height))

    # -- navigation -----------------------------------------------------------------------------

    @property
    def page(self) -> int:
        """The 1-based page at the top third of the window."""
        return self._page + 1

    def go_to_page(self, number: int) -> None:
        if len(self.layout_):
            index = max(0, min(number - 1, len(self.layout_) - 1))
            self.verticalScrollBar().setValue(int(self.layout_.placed(index).y - MARGIN / 2))

    def show_finding(self, finding: Finding) -> None:
        """Scroll so the finding sits in the upper third of the window, and mark it."""
        self.current = finding.id
        index = finding.page - 1
        if finding.rects and 0 <= index < len(self.layout_):
            d = self.pages[index].rect_to_display(finding.rects[0])
            _, y = self.layout_.to_view(index, d[0], d[1])
            top, height = self.verticalScrollBar().value(), self.viewport().height()
            if not top + height * 0.1 < y < top + height * 0.75:
                self.verticalScrollBar().setValue(int(y - height / 3))
        elif 0 <= index < len(self.layout_):
            self.go_to_page(finding.page)
        self.viewport().update()

    def _scrolled(self, value: int) -> None:
        index = self.layout_.page_at(value + self.viewport().height() / 3)
        if index != self._page:
            self._page = index
            self.page_changed.emit(index + 1)
        self.viewport().update()

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), BACKGROUND)
        top, left = self.verticalScrollBar().value(), self.horizontalScrollBar().value()
        scale = self.zoom * self.devicePixelRatioF()
        visible = self.layout_.visible(top, top + self.viewport().height())
        for index in visible:
            self._paint_page(painter, index, scale, QPointF(-left, -top))
        painter.end()
        ahead = (
            [i for i in (visible[-1] + 1, visible[0] - 1) if 0 <= i < len(self.pages)]
            if visible
            else []
        )
        self.renderer.want([(i, scale) for i in visible + ahead])
        self.painted += 1

    def _paint_page(self, painter: QPainter, index: int, scale: float, offset: QPointF) -> None:
        p = self.layout_.placed(index)
        rect = QRectF(p.x, p.y, p.width, p.height).translated(offset)
        painter.fillRect(rect.translated(2, 3), QColor(0, 0, 0, 40))
        painter.fillRect(rect, Qt.GlobalColor.white)
        image = self.renderer.image(index, scale)
        if image is not None:
            painter.drawImage(rect, image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for finding in self.findings_for(index + 1):
            self._paint_finding(painter, index, finding, offset)
        for outline in self.outlines_for(index + 1):
            pen = QPen(QColor(outline.colour), 2.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for box in outline.rects:
                painter.drawRect(self._view_rect(index, box, offset).adjusted(-3, -3, 3, 3))
        if self._selection is not None and self._selection[0] == index:
            for r in self._selected_rects():
                painter.fillRect(self._view_rect(index, r, offset), SELECTION)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _view_rect(self, index: int, rect: Rect, offset: QPointF) -> QRectF:
        d = self.pages[index].rect_to_display(rect)
        x0, y0 = self.layout_.to_view(index, d[0], d[1])
        x1, y1 = self.layout_.to_view(index, d[2], d[3])
        return QRectF(x0, y0, x1 - x0, y1 - y0).translated(offset)

    def _paint_finding(self, painter: QPainter, index: int, f: Finding, offset: QPointF) -> None:
        selected = f.id == self.current
        for rect in f.rects:
            r = self._view_rect(index, rect, offset).adjusted(-1, -1, 1, 1)
            painter.fillRect(r, highlight_fill(f.category, f.status))
            self._paint_status(painter, r, f.status)
            if selected:
                pen = QPen(CATEGORY_COLOURS[f.category].darker(150), 2)
                painter.setPen(pen)
                painter.drawRoundedRect(r.adjusted(-2, -2, 2, 2), 2, 2)

    def _paint_status(self, painter: QPainter, r: QRectF, status: Status) -> None:
        if status is Status.UNTAGGED:
            return
        pen = QPen(STATUS_COLOURS[status], 2)
        if status is Status.UNVERIFIED:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        y = r.center().y() if status is Status.DISMISSED else r.bottom()
        painter.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))

    # -- mouse: click a highlight, drag across words --------------------------------------------

    def _hit(self, pos: QPoint) -> tuple[int, float, float] | None:
        vx = pos.x() + self.horizontalScrollBar().value()
        vy = pos.y() + self.verticalScrollBar().value()
        if not len(self.layout_):
            return None
        index = self.layout_.page_at(vy)
        dx, dy = self.layout_.to_page(index, vx, vy)
        x, y = self.pages[index].from_display(dx, dy)
        return index, x, y

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position().toPoint())
        if hit is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        index, x, y = hit
        for f in self.findings_for(index + 1):
            if any(r[0] - 2 <= x <= r[2] + 2 and r[1] - 2 <= y <= r[3] + 2 for r in f.rects):
                self._selection = None
                self.finding_clicked.emit(f.id)
                return None
        word = self._word_at(index, x, y)
        self._selection = (index, word, word) if word is not None else None
        self.viewport().update()
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position().toPoint())
        if self._selection is None or hit is None or hit[0] != self._selection[0]:
            return
        word = self._word_at(*hit)
        if word is not None:
            self._selection = (self._selection[0], self._selection[1], word)
            self.viewport().update()

    def _word_at(self, index: int, x: float, y: float) -> int | None:
        page = self.text_for(index + 1)
        if page is None or not page.words:
            return None

        def distance(w: Word) -> float:
            r = w.rect
            dx = max(r[0] - x, 0.0, x - r[2])
            dy = max(r[1] - y, 0.0, y - r[3])
            return dx + 4 * dy

        best = min(range(len(page.words)), key=lambda i: distance(page.words[i]))
        return best if distance(page.words[best]) < 30 else None

    def select_words(self, page: int, first: int, last: int) -> None:
        self._selection = (page - 1, first, last)
        self.viewport().update()

    def selected_words(self) -> tuple[int, list[Word]] | None:
        if self._selection is None:
            return None
        index, a, b = self._selection
        page = self.text_for(index + 1)
        if page is None:
            return None
        return index + 1, page.words[min(a, b) : max(a, b) + 1]

    def _selected_rects(self) -> list[Rect]:
        selected = self.selected_words()
        if not selected:
            return []
        lines: dict[int, Rect] = {}
        for w in selected[1]:
            r = lines.get(w.line, w.rect)
            lines[w.line] = (
                min(r[0], w.rect[0]),
                min(r[1], w.rect[1]),
                max(r[2], w.rect[2]),
                max(r[3], w.rect[3]),
            )
        return list(lines.values())

    def selection_menu(self) -> QMenu | None:
        selected = self.selected_words()
        if not selected or not selected[1]:
            return None
        page, words = selected
        rects = self._selected_rects()
        menu = QMenu(self)
        for category in Category:
            action = menu.addAction(f"Add finding as {category.short}")
            action.triggered.connect(
                lambda _=False, c=category: self._request(
                    page, c, words[0].start, words[-1].end, rects
                )
            )
        return menu

    def _request(
        self, page: int, category: Category, start: int, end: int, rects: list[Rect]
    ) -> None:
        self._selection = None
        self.add_finding_requested.emit(page, category.value, start, end, rects)
        self.viewport().update()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.selection_menu()
        if menu is not None:
            menu.exec(event.globalPos())

    # -- resizing and the wheel -----------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        anchor = self._anchor()
        self._relayout()
        self._restore(anchor)
        super().resizeEvent(event)
        self.page_changed.emit(self.page)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            return
        super().wheelEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()
