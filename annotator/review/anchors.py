"""Where two reviews point at the same words: overlapping rectangles on the same page of the
same document (by SHA-256), as the eval kit scores the detector. Row ids never cross copies."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

from annotator.core.model import Rect

T = TypeVar("T")


def shared_area(a: Sequence[Rect], b: Sequence[Rect]) -> float:
    """The area two sets of rectangles share (0 when they only touch)."""
    total = 0.0
    for r in a:
        for s in b:
            width = min(r[2], s[2]) - max(r[0], s[0])
            height = min(r[3], s[3]) - max(r[1], s[1])
            if width > 0 and height > 0:
                total += width * height
    return total


class Anchors(Generic[T]):
    """Items (findings of either kind) indexed by document and page, to match by geometry."""

    def __init__(
        self,
        items: Iterable[T],
        where: Callable[[T], tuple[str, int]],
        rects: Callable[[T], Sequence[Rect]],
    ) -> None:
        self._pages: dict[tuple[str, int], list[tuple[Rect, Sequence[Rect], T]]] = {}
        for item in items:
            boxes = rects(item)
            if boxes:
                self._pages.setdefault(where(item), []).append((_bounds(boxes), boxes, item))

    def overlapping(self, document: str, page: int, rects: Sequence[Rect]) -> list[T]:
        """The items sharing area with `rects`, the largest shared area first."""
        if not rects:
            return []
        x0, y0, x1, y1 = _bounds(rects)
        scored = []
        for n, (bounds, boxes, item) in enumerate(self._pages.get((document, page), ())):
            if bounds[0] >= x1 or bounds[2] <= x0 or bounds[1] >= y1 or bounds[3] <= y0:
                continue
            area = shared_area(rects, boxes)
            if area > 0:
                scored.append((-area, n, item))
        if len(scored) > 1:
            scored.sort(key=lambda s: (s[0], s[1]))
        return [item for _, _, item in scored]


def _bounds(rects: Sequence[Rect]) -> Rect:
    return (
        min(r[0] for r in rects),
        min(r[1] for r in rects),
        max(r[2] for r in rects),
        max(r[3] for r in rects),
    )
