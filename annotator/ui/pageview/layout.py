"""Continuous vertical layout of a document's pages at one zoom, in view pixels. Qt-free."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from annotator.ui.pageview.geometry import PageGeometry

GAP = 14.0
MARGIN = 18.0


@dataclass(frozen=True, slots=True)
class Placed:
    index: int
    x: float
    y: float
    width: float
    height: float


class Layout:
    def __init__(self, pages: list[PageGeometry], zoom: float, viewport_width: float) -> None:
        self.pages = pages
        self.zoom = zoom
        widths = [p.display_size[0] * zoom for p in pages]
        self.width = max([*widths, 0.0]) + 2 * MARGIN
        self._tops: list[float] = []
        self._placed: list[Placed] = []
        y = MARGIN
        span = max(self.width, viewport_width)
        for i, page in enumerate(pages):
            w, h = (v * zoom for v in page.display_size)
            self._tops.append(y)
            self._placed.append(Placed(i, (span - w) / 2, y, w, h))
            y += h + GAP
        self.height = y - GAP + MARGIN if pages else 0.0

    def __len__(self) -> int:
        return len(self._placed)

    def placed(self, index: int) -> Placed:
        return self._placed[index]

    def page_at(self, y: float) -> int:
        """The page whose top is at or above `y` (clamped to the document)."""
        if not self._placed:
            return 0
        return max(0, min(len(self._placed) - 1, bisect_right(self._tops, y) - 1))

    def visible(self, top: float, bottom: float) -> list[int]:
        if not self._placed:
            return []
        first = self.page_at(top)
        out = []
        for i in range(first, len(self._placed)):
            p = self._placed[i]
            if p.y > bottom:
                break
            if p.y + p.height >= top:
                out.append(i)
        return out

    def to_view(self, index: int, x: float, y: float) -> tuple[float, float]:
        """A point in displayed page points to view pixels."""
        p = self._placed[index]
        return p.x + x * self.zoom, p.y + y * self.zoom

    def to_page(self, index: int, x: float, y: float) -> tuple[float, float]:
        p = self._placed[index]
        return (x - p.x) / self.zoom, (y - p.y) / self.zoom
