"""One page's geometry: PDF points in unrotated page space to the page as displayed. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Rect


@dataclass(frozen=True, slots=True)
class PageGeometry:
    width: float
    """Unrotated page width in points."""
    height: float
    rotation: int = 0

    @property
    def display_size(self) -> tuple[float, float]:
        if self.rotation % 180:
            return self.height, self.width
        return self.width, self.height

    def to_display(self, x: float, y: float) -> tuple[float, float]:
        """A point in unrotated page space, in displayed points (PyMuPDF's rotation_matrix)."""
        r = self.rotation % 360
        if r == 90:
            return self.height - y, x
        if r == 180:
            return self.width - x, self.height - y
        if r == 270:
            return y, self.width - x
        return x, y

    def from_display(self, x: float, y: float) -> tuple[float, float]:
        r = self.rotation % 360
        if r == 90:
            return y, self.height - x
        if r == 180:
            return self.width - x, self.height - y
        if r == 270:
            return self.width - y, x
        return x, y

    def rect_to_display(self, rect: Rect) -> Rect:
        ax, ay = self.to_display(rect[0], rect[1])
        bx, by = self.to_display(rect[2], rect[3])
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
