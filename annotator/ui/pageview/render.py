"""Renders pages with PyMuPDF on the GUI thread, one page per event-loop turn, into a cache.

The renderer owns its pymupdf.Document and is only touched from the GUI thread. Requests are
replaced, not appended: when the user scrolls on, pages no longer wanted are never rendered.
"""

from __future__ import annotations

from collections import OrderedDict

import pymupdf
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

_CACHE_BYTES = 160 * 1024 * 1024


class PageRenderer(QObject):
    rendered = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pdf: pymupdf.Document | None = None
        self._generation = 0
        self._cache: OrderedDict[tuple[int, int, float], QImage] = OrderedDict()
        self._bytes = 0
        self._wanted: list[tuple[int, float]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_next)

    def set_pdf(self, pdf: pymupdf.Document | None) -> None:
        """Show `pdf` (the renderer owns and closes it); late renders of the old one are dropped."""
        if self.pdf is not None:
            self.pdf.close()
        self.pdf = pdf
        self._generation += 1
        self._wanted.clear()

    def image(self, index: int, scale: float) -> QImage | None:
        key = (self._generation, index, round(scale, 3))
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
        return image

    def want(self, pages: list[tuple[int, float]]) -> None:
        """Render these (page, scale) pairs next, in order; earlier wishes are dropped."""
        self._wanted = [(i, s) for i, s in pages if self.image(i, s) is None]
        if self._wanted and not self._timer.isActive():
            self._timer.start()

    def _render_next(self) -> None:
        if not self._wanted:
            return
        index, scale = self._wanted.pop(0)
        if self._render(index, scale) is not None:
            self.rendered.emit(index)
        if self._wanted:
            self._timer.start()

    def _render(self, index: int, scale: float) -> QImage | None:
        if self.pdf is None or not 0 <= index < self.pdf.page_count:
            return None
        try:
            pix = self.pdf.load_page(index).get_pixmap(
                matrix=pymupdf.Matrix(scale, scale), alpha=False
            )
        except Exception:  # a damaged page renders blank rather than failing the view
            return None
        image = QImage(
            pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888
        ).copy()
        key = (self._generation, index, round(scale, 3))
        self._cache[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > _CACHE_BYTES and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._bytes -= old.sizeInBytes()
        return image

    def close(self) -> None:
        self.set_pdf(None)
        self._cache.clear()
        self._bytes = 0
