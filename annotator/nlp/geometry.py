"""Map a span of a page's text to rectangles on the page, one per visual line it touches."""

from __future__ import annotations

from bisect import bisect_right

from annotator.core.model import PageText, Rect, Word


def span_rects(page: PageText, start: int, end: int) -> list[Rect]:
    words = page.words
    first = max(0, bisect_right(words, start, key=lambda w: w.start) - 1)
    by_line: dict[int, list[float]] = {}
    order: list[int] = []
    for word in words[first:]:
        if word.start >= end:
            break
        if word.end <= start:
            continue
        x0, y0, x1, y1 = _piece(word, start, end)
        box = by_line.get(word.line)
        if box is None:
            by_line[word.line] = [x0, y0, x1, y1]
            order.append(word.line)
        else:
            box[0], box[1] = min(box[0], x0), min(box[1], y0)
            box[2], box[3] = max(box[2], x1), max(box[3], y1)
    return [(b[0], b[1], b[2], b[3]) for b in (by_line[i] for i in order)]


def _piece(word: Word, start: int, end: int) -> Rect:
    """The part of a word's box the span covers, by its share of the word's characters."""
    x0, y0, x1, y1 = word.rect
    length = word.end - word.start
    if length <= 0 or (start <= word.start and end >= word.end):
        return word.rect
    a = max(start, word.start) - word.start
    b = min(end, word.end) - word.start
    step = (x1 - x0) / length
    return (x0 + a * step, y0, x0 + b * step, y1)
