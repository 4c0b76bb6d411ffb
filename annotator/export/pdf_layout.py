"""The PDF memo's pages: HTML blocks set one group after another with PyMuPDF's Story.

A few blocks at a time make a Story. MuPDF lays a whole Story out when it places its first
part, so the memo as one Story cost time for every page (minutes at 12,000 findings), and each
Story has a cost of its own. MuPDF ignores `page-break-after: avoid`: a heading that would be
left at the foot of a page moves to the next page here, its group ending at the block before it.
Every heading is the first thing in its block.
"""

from __future__ import annotations

import io
from typing import Any

import pymupdf

from annotator.core.errors import ExportError

PAGE = pymupdf.paper_rect("letter")
MARGIN = 72
BODY = pymupdf.Rect(MARGIN, MARGIN, PAGE.width - MARGIN, PAGE.height - MARGIN)
KEEP_BELOW = 64.0
"""Room (pt) a heading needs below it on its page, or it moves to the next."""
_MARGIN_TOP = {1: 16.0, 2: 12.0}
"""The top margins of h2 and h3 in CSS, by bookmark level: a heading this near the top of a
page is at its top."""
GROUP_BLOCKS, GROUP_CHARS = 8, 8_000
"""At most this many blocks, and about this much HTML, make one Story."""
_MIN_ROOM = 20.0
"""Less room than this left on a page and the next block starts on the next page."""
_HEADINGS = ("<h2", "<h3")
"""How a block that opens with a bookmarked heading starts (a block has no other heading)."""


class _Runaway(Exception):
    """MuPDF's layout kept making pages (it can loop after a table); stop it."""


Headings = list[tuple[int, str, pymupdf.Rect]]


class _Pages:
    """The pages being written, the bookmarks of the headings drawn on them, and the CSS of the
    Stories drawn there."""

    def __init__(self, writer: pymupdf.DocumentWriter, css: str) -> None:
        self.writer = writer
        self.css = css
        self.number = 1
        self.device = writer.begin_page(PAGE)
        self.toc: list[list[Any]] = []

    def turn(self) -> float:
        """End this page and begin the next; where its body starts."""
        self.writer.end_page()
        self.number += 1
        self.device = self.writer.begin_page(PAGE)
        return BODY.y0

    def story(self, blocks: list[str]) -> pymupdf.Story:
        html = "<html><body>" + "\n".join(blocks) + "</body></html>"
        return pymupdf.Story(html, user_css=self.css, em=11)

    def draw(self, story: pymupdf.Story, headings: Headings) -> None:
        story.draw(self.device)
        self.toc += [[level, text, self.number, rect.y0] for level, text, rect in headings]


def layout(blocks: list[str], css: str) -> tuple[bytes, list[list[Any]]]:
    """The blocks laid out on letter pages in `css`, and bookmarks for their h2/h3 headings
    ([level, title, page, y]). A layout that runs away is tried again without moving headings.
    """
    limit = 50 + sum(map(len, blocks)) // 300
    try:
        return _render(blocks, css, limit, keep_headings=True)
    except _Runaway:
        try:
            return _render(blocks, css, limit, keep_headings=False)
        except _Runaway as err:
            raise ExportError("the PDF memo could not be laid out; export .docx instead") from err


def _render(
    blocks: list[str], css: str, limit: int, *, keep_headings: bool
) -> tuple[bytes, list[list[Any]]]:
    buffer = io.BytesIO()
    pages = _Pages(pymupdf.DocumentWriter(buffer), css)
    start, top = 0, BODY.y0
    try:
        while start < len(blocks):
            start, top = _place_group(blocks, start, pages, top, keep_headings)
            if pages.number > limit:
                raise _Runaway  # pages without end
        pages.writer.end_page()
    finally:
        pages.writer.close()
    return buffer.getvalue(), pages.toc


def _place_group(
    blocks: list[str], start: int, pages: _Pages, top: float, keep_headings: bool
) -> tuple[int, float]:
    """Draw the next group of blocks from `top` on; the next block to place and where.

    The group starts on the next page when nothing of it fits where it would start, or when
    its first heading would be left at the foot of the page."""
    if BODY.y1 - top < _MIN_ROOM:
        top = pages.turn()
    end, size = start, 0
    while (
        end < len(blocks) and end - start < GROUP_BLOCKS and size + len(blocks[end]) <= GROUP_CHARS
    ):
        size += len(blocks[end])
        end += 1
    end = max(end, start + 1)
    story = pages.story(blocks[start:end])
    more, filled = story.place(pymupdf.Rect(BODY.x0, top, BODY.x1, BODY.y1))
    headings = _headings(story)
    if top > BODY.y0 and pymupdf.Rect(filled).y1 <= top + 0.5:
        return start, pages.turn()  # nothing fitted: the group starts afresh on the next page
    alone = _stranded(blocks, start, end, headings) if keep_headings else None
    if alone == start:
        return start, pages.turn()
    if alone is not None:
        story = pages.story(blocks[start:alone])  # what comes before the heading fits on this page
        more, filled = story.place(pymupdf.Rect(BODY.x0, top, BODY.x1, BODY.y1))
        headings, end = _headings(story), alone
    opening = sum(1 for block in blocks[start:end] if block.startswith(_HEADINGS))
    waiting = opening if keep_headings else 0
    pages_limit = 20 + sum(map(len, blocks[start:end])) // 300
    bottom = _draw(story, (more, filled, headings), pages, waiting, pages_limit)
    return end, (pages.turn() if alone is not None else bottom)


def _draw(
    story: pymupdf.Story,
    placed: tuple[bool, Any, Headings],
    pages: _Pages,
    waiting: int,
    pages_limit: int,
) -> float:
    """Draw the placed part, then the rest on the pages after; where it ends.

    While `waiting` headings of the Story are still to come, the rest is placed above the
    room a heading needs at a page's foot, so that none can be left there."""
    more, filled, headings = placed
    first = next(((level, text) for level, text, _ in headings), None)
    start = pages.number
    while True:
        pages.draw(story, headings)
        waiting -= len(headings)
        if not more:
            return float(pymupdf.Rect(filled).y1)
        pages.turn()
        foot = BODY.y1 - KEEP_BELOW if waiting > 0 else BODY.y1
        more, filled = story.place(pymupdf.Rect(BODY.x0, BODY.y0, BODY.x1, foot))
        headings = _headings(story)
        if first in [(level, text) for level, text, _ in headings]:
            raise _Runaway  # MuPDF started the Story over (seen with cut pages)
        if pages.number - start > pages_limit:
            raise _Runaway  # pages without end
        first = first or next(((level, text) for level, text, _ in headings), None)


def _stranded(blocks: list[str], start: int, end: int, headings: Headings) -> int | None:
    """The block whose heading sits at the page's foot with no room below it, if one does (a
    heading at the top of a page stays: it has nowhere better to go). Headings come in the
    order of the blocks that open with one."""
    opening = [i for i in range(start, end) if blocks[i].startswith(_HEADINGS)]
    for n, (level, _, rect) in enumerate(headings[: len(opening)]):
        if rect.y1 > BODY.y1 - KEEP_BELOW and rect.y0 > BODY.y0 + _MARGIN_TOP[level]:
            return opening[n]
    return None


def _headings(story: pymupdf.Story) -> Headings:
    """The h2/h3 headings just placed, as (bookmark level, text, box)."""
    found: Headings = []

    def record(position: Any) -> None:
        if position.open_close & 1 and position.heading in (2, 3) and position.text:
            found.append((position.heading - 1, position.text, pymupdf.Rect(position.rect)))

    story.element_positions(record)
    return found
