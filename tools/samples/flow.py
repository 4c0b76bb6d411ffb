"""Flowing paragraphs, headings and fixed-height blocks through frames (columns) and pages.

A document that runs over pages gives the flow a page-setup function: it draws the furniture of
the k-th page the flow creates (letterhead, form header, column rules) and returns that page's
text frames in reading order. A paragraph with a forced page break ("<pb>") warns on stderr when
the break does not fall at the foot of a frame, so the text can be adjusted.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pymupdf

from .document import DocBuilder
from .sheet import Sheet
from .style import BLACK, RGB
from .wrap import wrap

PageSetup = Callable[[Sheet, int], list[pymupdf.Rect]]


class Flow:
    """Flows paragraphs through frames (columns) and pages.

    page_setup(sheet, k) draws the page furniture for the k-th page this flow
    creates and returns the frames (text rectangles) of that page in order.
    """

    def __init__(
        self,
        builder: DocBuilder,
        page_setup: PageSetup,
        start: tuple[Sheet, list[pymupdf.Rect]] | None = None,
    ) -> None:
        self.b = builder
        self.fonts = builder.fonts
        self.page_setup = page_setup
        self.created = 0
        self.pages: list[Sheet] = []
        if start:
            self.sheet, self.frames = start
            self.pages.append(self.sheet)
        else:
            self.sheet, self.frames = None, []  # type: ignore[assignment]
            self.new_page()
        self.fi = 0
        self.y = self.frames[0].y0

    @property
    def frame(self) -> pymupdf.Rect:
        return self.frames[self.fi]

    def new_page(self) -> None:
        self.sheet = self.b.add_page()
        self.frames = [pymupdf.Rect(f) for f in self.page_setup(self.sheet, self.created)]
        self.created += 1
        self.pages.append(self.sheet)
        self.fi = 0
        self.y = self.frames[0].y0

    def next_frame(self) -> None:
        if self.fi + 1 < len(self.frames):
            self.fi += 1
            self.y = self.frame.y0
        else:
            self.new_page()

    def room(self) -> float:
        return self.frame.y1 - self.y

    def ensure(self, h: float) -> None:
        if self.y + h > self.frame.y1 + 0.01:
            self.next_frame()

    def space(self, h: float) -> None:
        if self.y > self.frame.y0:
            self.y = min(self.y + h, self.frame.y1)

    def para(
        self,
        text: str,
        font: str = "sans",
        size: float = 10,
        leading: float | None = None,
        first_indent: float = 0.0,
        after: float | None = None,
        color: RGB = BLACK,
    ) -> None:
        """A wrapped paragraph, never leaving its first line alone at a frame's foot."""
        leading = leading or size * 1.32
        width = self.frame.width
        lines = wrap(text, self.fonts, font, size, width, first_indent)
        if len(lines) > 1 and self.room() < 2 * leading:
            self.next_frame()
        for i, (line, brk) in enumerate(lines):
            if self.y + leading > self.frame.y1 + 0.01:
                self.next_frame()
            x = self.frame.x0 + (first_indent if i == 0 else 0)
            self.sheet.text(x, self.y + size * 0.93, line, font, size, color)
            self.y += leading
            if brk and self.b.debug:
                fill = self.fonts.width(line, font, size) / width
                print(
                    f"  [split] {self.b.filename} p{len(self.b.sheets)} {brk}: fill={fill:.2f} "
                    f"room-left={self.room() / leading:.1f} lines  ...{line[-30:]!r}"
                )
            if brk == "frame":
                self._forced_break(leading)
        self.space(size * 0.55 if after is None else after)

    def _forced_break(self, leading: float) -> None:
        if self.room() >= leading:
            print(
                f"warning: {self.b.filename} page {len(self.b.sheets)}: the split "
                f"before a forced page break is not at the foot of the page "
                f"({self.room() / leading:.1f} lines left); adjust the text",
                file=sys.stderr,
            )
        self.next_frame()

    def heading(
        self,
        text: str,
        font: str = "sans-b",
        size: float = 10,
        before: float = 4,
        after: float = 3,
        color: RGB = BLACK,
        body_leading: float = 13,
    ) -> None:
        """A heading, moved on with its first three lines of body text."""
        self.space(before)
        self.ensure(size * 1.3 + 3 * body_leading)
        for line, _ in wrap(text, self.fonts, font, size, self.frame.width):
            self.sheet.text(self.frame.x0, self.y + size * 0.93, line, font, size, color)
            self.y += size * 1.25
        self.y += after

    def block(
        self, h: float, draw: Callable[[Sheet, float, float, float], object], after: float = 6
    ) -> None:
        """Reserve h points (new frame if needed) and call draw(sheet, x, y, width)."""
        self.ensure(h)
        draw(self.sheet, self.frame.x0, self.y, self.frame.width)
        self.y += h
        self.space(after)
