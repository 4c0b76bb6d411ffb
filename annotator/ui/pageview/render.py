"""Renders pages into a cache, one page at a time: in the render process (render_service.py)
once it is up, on the GUI thread with PyMuPDF before that or if it has died.

The renderer owns its pymupdf.Document and is only touched from the GUI thread. Requests are
replaced, not appended: when the user scrolls on, pages no longer wanted are never rendered.
Images are kept as Format_RGB32, which paints without a per-paint conversion.
"""

from __future__ import annotations

from collections import OrderedDict

import pymupdf
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage
from shiboken6 import isValid

from annotator.ui.pageview.render_service import RenderService

_CACHE_BYTES = 160 * 1024 * 1024


class PageRenderer(QObject):
    rendered = Signal(int)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        offload: bool = True,
        service: RenderService | None = None,
    ) -> None:
        """`offload`: render in a render process once it is up, `service` or the app's."""
        super().__init__(parent)
        self.pdf: pymupdf.Document | None = None
        self._own_service = service is not None
        self._service = (
            service if service is not None else (RenderService.shared() if offload else None)
        )
        self._token = 0
        self._in_flight: tuple[int, int, float] | None = None
        self._not_offloaded: set[tuple[int, int]] = set()
        """(generation, page) the render process could not render: rendered here instead."""
        self.offloaded = 0
        self._shown_one = False
        """Whether a page of the document shown now has been rendered."""
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
        self._shown_one = False
        if self._service is not None and pdf is not None:
            self._token = self._service.token()

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
        if not self._wanted or self._in_flight is not None:
            return  # an answer from the render process will call again
        index, scale = self._wanted.pop(0)
        if self._offload(index, scale):
            return
        if self._render(index, scale) is not None:
            self.rendered.emit(index)
        if self._wanted:
            self._timer.start()

    def _offload(self, index: int, scale: float) -> bool:
        """Ask the render process for this page, if it can read the file. While the process is
        still starting, a page without images renders here (tens of milliseconds at most), and so
        does the first page of a document just opened, so it shows at once; the other scanned
        pages wait for it, since decoding their images here would stall the window."""
        if self._service is not None and self._service.dead and not self._own_service:
            self._service = RenderService.shared()  # replaced, unless it died too often
        service, pdf = self._service, self.pdf
        if service is None or service.dead or pdf is None or not pdf.name or pdf.needs_pass:
            return False
        if (self._generation, index) in self._not_offloaded:
            return False
        if not 0 <= index < pdf.page_count:
            return True  # nothing to render
        if not service.ready and (not self._shown_one or not _has_images(pdf, index)):
            return False
        generation = self._generation
        self._in_flight = (generation, index, scale)
        service.render(
            self._token,
            pdf.name,
            index,
            scale,
            lambda image: self._answered(generation, index, scale, image),
        )
        return True

    def _answered(self, generation: int, index: int, scale: float, image: QImage | None) -> None:
        if not isValid(self):  # the view went away while its page was rendering
            return
        self._in_flight = None
        if generation == self._generation:
            if image is None:
                self._not_offloaded.add((generation, index))
                self._wanted.insert(0, (index, scale))
            else:
                self.offloaded += 1
                self._keep((generation, index, round(scale, 3)), image)
                self.rendered.emit(index)
        if self._wanted and not self._timer.isActive():
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
        ).convertToFormat(QImage.Format.Format_RGB32)
        self._keep((self._generation, index, round(scale, 3)), image)
        return image

    def _keep(self, key: tuple[int, int, float], image: QImage) -> None:
        self._shown_one = True
        self._cache[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > _CACHE_BYTES and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._bytes -= old.sizeInBytes()

    def close(self) -> None:
        self.set_pdf(None)
        self._cache.clear()
        self._bytes = 0


def _has_images(pdf: pymupdf.Document, index: int) -> bool:
    """Whether the page draws any image (a scan): read from its resources, without rendering."""
    try:
        return bool(pdf.load_page(index).get_images())
    except Exception:
        return False
