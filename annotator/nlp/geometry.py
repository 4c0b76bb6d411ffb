"""Map a span of a page's text to rectangles on the page, one per visual line it touches.

Rectangles are in unrotated PyMuPDF page space, like the word boxes. A span that covers part
of a word gets the matching part of the word's box, measured along the direction the text runs:
upright text on a page turned 90° runs bottom-to-top in unrotated space, 180° right-to-left,
270° top-to-bottom.
"""

from __future__ import annotations

from bisect import bisect_right

from annotator.core.model import PageText, Rect

_NARROW = frozenset("ijlftrI!|.,;:'`()[]{}/\\-\" ")
_WIDE = frozenset("mwMW@%")


def span_rects(page: PageText, start: int, end: int) -> list[Rect]:
    words = page.words
    first = max(0, bisect_right(words, start, key=lambda w: w.start) - 1)
    by_line: dict[int, list[float]] = {}
    order: list[int] = []
    for k in range(first, len(words)):
        word = words[k]
        if word.start >= end:
            break
        if word.end <= start:
            continue
        x0, y0, x1, y1 = _piece(page, k, start, end)
        box = by_line.get(word.line)
        if box is None:
            by_line[word.line] = [x0, y0, x1, y1]
            order.append(word.line)
        else:
            box[0], box[1] = min(box[0], x0), min(box[1], y0)
            box[2], box[3] = max(box[2], x1), max(box[3], y1)
    return [(b[0], b[1], b[2], b[3]) for b in (by_line[i] for i in order)]


def _direction(page: PageText, k: int) -> tuple[int, int]:
    """The way text runs through word k: (1, 0) left to right, (0, -1) bottom to top...

    Read from a neighbour on the same line when there is one, else from the page's rotation
    (upright text on a turned page) and the box's shape.
    """
    words = page.words
    word = words[k]
    for j in (k + 1, k - 1):
        if 0 <= j < len(words) and words[j].line == word.line:
            a, b = (word, words[j]) if j > k else (words[j], word)
            dx = (b.rect[0] + b.rect[2]) - (a.rect[0] + a.rect[2])
            dy = (b.rect[1] + b.rect[3]) - (a.rect[1] + a.rect[3])
            if abs(dx) >= abs(dy):
                return (1 if dx >= 0 else -1, 0)
            return (0, 1 if dy >= 0 else -1)
    x0, y0, x1, y1 = word.rect
    vertical = (y1 - y0) > (x1 - x0) and word.end - word.start > 1
    if vertical:
        return (0, -1) if page.rotation == 90 else (0, 1)
    return (-1, 0) if page.rotation == 180 else (1, 0)


def _piece(page: PageText, k: int, start: int, end: int) -> Rect:
    """The part of word k's box the span covers."""
    word = page.words[k]
    if start <= word.start and end >= word.end:
        return word.rect
    text = page.text[word.start : word.end]
    weights = [
        0.55 if c in _NARROW else 1.45 if c in _WIDE else 1.15 if c.isupper() else 1.0 for c in text
    ]
    total = sum(weights) or 1.0
    a = sum(weights[: max(start, word.start) - word.start]) / total
    b = sum(weights[: min(end, word.end) - word.start]) / total
    x0, y0, x1, y1 = word.rect
    w, h = x1 - x0, y1 - y0
    dx, dy = _direction(page, k)
    if dy < 0:
        return (x0, y1 - b * h, x1, y1 - a * h)
    if dy > 0:
        return (x0, y0 + a * h, x1, y0 + b * h)
    if dx < 0:
        return (x1 - b * w, y0, x1 - a * w, y1)
    return (x0 + a * w, y0, x0 + b * w, y1)
