"""One page and the drawing helpers the documents need: text, rules, boxes, checkboxes, wrapped
paragraphs, form cells and ruled tables, all in PDF points from the page's top left."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, NamedTuple

import pymupdf

from .fonts import Fonts, tag
from .style import BLACK, LIGHT, NAVY, RGB, FormRows, RectLike
from .wrap import wrap


class Label(NamedTuple):
    """One line of text at a fixed place: documents keep their letterheads as lists of these."""

    x: float
    y: float
    s: str
    font: str = "sans"
    size: float = 10
    color: RGB = BLACK
    align: Literal["left", "right", "center"] = "left"  # x is the start, the end or the middle


class Rule(NamedTuple):
    """A horizontal rule at y, from x0 to x1."""

    x0: float
    x1: float
    y: float
    width: float = 0.6
    color: RGB = BLACK


class Box(NamedTuple):
    """A rectangle's outline."""

    rect: tuple[float, float, float, float]
    width: float = 0.6
    color: RGB = BLACK


class Fill(NamedTuple):
    """A filled rectangle with no outline."""

    rect: tuple[float, float, float, float]
    color: RGB


class Ring(NamedTuple):
    """A circle's outline (the seals on letterheads and stamps)."""

    center: tuple[float, float]
    r: float
    width: float = 0.8
    color: RGB = BLACK


class Check(NamedTuple):
    """A checkbox with its label, its baseline at y."""

    x: float
    y: float
    checked: bool
    label: str
    size: float = 8.5


Mark = Label | Rule | Box | Fill | Ring | Check
TABLE_PAD = 3.0  # between a table cell's rule and its text


def _shift(r: tuple[float, float, float, float], dx: float, dy: float) -> RectLike:
    return (dx + r[0], dy + r[1], dx + r[2], dy + r[3])


class Sheet:
    """One page plus the drawing helpers we need."""

    def __init__(self, doc: pymupdf.Document, pno: int, fonts: Fonts) -> None:
        self.doc = doc
        self.pno = pno
        self.fonts = fonts
        self._page: pymupdf.Page | None = None

    @property
    def page(self) -> pymupdf.Page:
        # PyMuPDF orphans Page objects whenever a page is added, so reload on demand
        if self._page is None or self._page.parent is None:
            self._page = self.doc[self.pno]
        return self._page

    def text(
        self, x: float, y: float, s: str, font: str = "sans", size: float = 10, color: RGB = BLACK
    ) -> None:
        if not s:
            return
        self.page.insert_text(
            (x, y),
            s,
            fontname=tag(font),
            fontfile=self.fonts.files[font],
            fontsize=size,
            color=color,
        )

    def text_r(
        self, xr: float, y: float, s: str, font: str = "sans", size: float = 10, color: RGB = BLACK
    ) -> None:
        self.text(xr - self.fonts.width(s, font, size), y, s, font, size, color)

    def text_c(
        self, xc: float, y: float, s: str, font: str = "sans", size: float = 10, color: RGB = BLACK
    ) -> None:
        self.text(xc - self.fonts.width(s, font, size) / 2, y, s, font, size, color)

    def draw(self, marks: Iterable[Mark], dx: float = 0, dy: float = 0) -> None:
        """Draw fixed text, rules and boxes in the order given (the order is the page's),
        shifted by (dx, dy): a block that the flow places keeps its marks relative to its corner."""
        aligned = {"left": self.text, "right": self.text_r, "center": self.text_c}
        for m in marks:
            if isinstance(m, Label):
                aligned[m.align](dx + m.x, dy + m.y, m.s, m.font, m.size, m.color)
            elif isinstance(m, Rule):
                self.hline(dx + m.x0, dx + m.x1, dy + m.y, m.width, m.color)
            elif isinstance(m, Box):
                self.rect(_shift(m.rect, dx, dy), m.width, m.color)
            elif isinstance(m, Fill):
                self.fill(_shift(m.rect, dx, dy), m.color)
            elif isinstance(m, Check):
                self.checkbox(dx + m.x, dy + m.y, m.checked, m.label, m.size)
            else:
                self.circle((dx + m.center[0], dy + m.center[1]), m.r, m.width, m.color)

    def rect(self, r: RectLike, width: float = 0.6, color: RGB = BLACK) -> None:
        self.page.draw_rect(pymupdf.Rect(r), color=color, fill=None, width=width)

    def fill(self, r: RectLike, color: RGB) -> None:
        self.page.draw_rect(pymupdf.Rect(r), color=None, fill=color, width=0)

    def hline(self, x0: float, x1: float, y: float, width: float = 0.6, color: RGB = BLACK) -> None:
        self.page.draw_line((x0, y), (x1, y), color=color, width=width)

    def vline(self, x: float, y0: float, y1: float, width: float = 0.6, color: RGB = BLACK) -> None:
        self.page.draw_line((x, y0), (x, y1), color=color, width=width)

    def circle(
        self, c: tuple[float, float], r: float, width: float = 0.8, color: RGB = BLACK
    ) -> None:
        self.page.draw_circle(c, r, color=color, width=width)

    def checkbox(
        self, x: float, y: float, checked: bool, label: str, size: float = 8.5, font: str = "sans"
    ) -> float:
        """Box with its baseline at y; returns x after the label."""
        b = size * 0.95
        self.rect((x, y - b + 0.5, x + b, y + 0.5), width=0.6)
        if checked:
            self.text(x + 1.2, y - 0.6, "X", "mono-b", size * 0.95)
        self.text(x + b + 3, y, label, font, size)
        return x + b + 3 + self.fonts.width(label, font, size)

    def checkboxes(
        self, x: float, y: float, items: Iterable[tuple[str, bool]], gap: float, size: float = 8.5
    ) -> float:
        """A row of (label, checked) boxes, gap apart; returns x after the last gap."""
        for label, checked in items:
            x = self.checkbox(x, y, checked, label, size) + gap
        return x

    def para(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        font: str = "sans",
        size: float = 9,
        leading: float | None = None,
        color: RGB = BLACK,
    ) -> float:
        """Wrapped text with its first baseline at y + size; returns the y below it."""
        leading = leading or size * 1.3
        for line, _ in wrap(text, self.fonts, font, size, width):
            self.text(x, y + size, line, font, size, color)
            y += leading
        return y

    # ---- form cells and tables ------------------------------------------
    def cell(
        self,
        r: RectLike,
        label: str,
        value: str = "",
        vfont: str = "mono",
        vsize: float = 8.5,
        lsize: float = 5.8,
        lfont: str = "sans",
    ) -> None:
        """A ruled form cell: a small label at its top left, the value wrapped below it."""
        rr = pymupdf.Rect(r)
        self.rect(rr, width=0.6)
        if label:
            self.text(rr.x0 + 2, rr.y0 + lsize + 1.2, label, lfont, lsize)
        if value:
            y = rr.y0 + (lsize + 2.5 if label else 1.5)
            self.para(rr.x0 + 3, y, rr.width - 6, value, vfont, vsize, vsize * 1.18)

    def form_rows(
        self,
        x: float,
        y: float,
        total_w: float,
        rows: FormRows,
        vfont: str = "mono",
        vsize: float = 8.5,
        lsize: float = 5.8,
        lfont: str = "sans",
    ) -> float:
        """rows: (height, [(label, value, fraction of width), ...]); the last cell of a row
        takes what is left of the width. Returns the y below."""
        for h, cells in rows:
            cx = x
            for i, (label, value, frac) in enumerate(cells):
                w = total_w * frac if i < len(cells) - 1 else x + total_w - cx
                self.cell((cx, y, cx + w, y + h), label, value, vfont, vsize, lsize, lfont)
                cx += w
            y += h
        return y

    def table(
        self,
        x: float,
        y: float,
        widths: Sequence[float],
        rows: list[list[str]],
        font: str = "sans",
        size: float = 8,
        hfont: str = "sans-b",
        header_rows: int = 1,
    ) -> float:
        """Ruled table, every cell wrapped, header rows shaded; returns the y below it."""
        leading = size * 1.25
        for ri, wrapped, h in self._table_rows(widths, rows, font, size, hfont, header_rows):
            f = hfont if ri < header_rows else font
            cx = x
            for w, lw in zip(widths, wrapped, strict=True):
                r = (cx, y, cx + w, y + h)
                if ri < header_rows:
                    self.fill(r, LIGHT)
                self.rect(r, width=0.5)
                ty = y + TABLE_PAD
                for line, _ in lw:
                    self.text(cx + TABLE_PAD, ty + size, line, f, size)
                    ty += leading
                cx += w
            y += h
        return y

    def table_height(
        self,
        widths: Sequence[float],
        rows: list[list[str]],
        font: str = "sans",
        size: float = 8,
        hfont: str = "sans-b",
    ) -> float:
        """The height table() would take, so that a flow can keep a table on one page."""
        y = 0.0
        for _, _, h in self._table_rows(widths, rows, font, size, hfont, 1):
            y += h
        return y

    def _table_rows(
        self,
        widths: Sequence[float],
        rows: list[list[str]],
        font: str,
        size: float,
        hfont: str,
        header_rows: int,
    ) -> Iterator[tuple[int, list[list[tuple[str, str]]], float]]:
        """(row index, each cell's lines, row height) for every row."""
        leading = size * 1.25
        for ri, row in enumerate(rows):
            f = hfont if ri < header_rows else font
            wrapped = [
                wrap(c, self.fonts, f, size, w - 2 * TABLE_PAD)
                for c, w in zip(row, widths, strict=True)
            ]
            yield ri, wrapped, max(len(lw) for lw in wrapped) * leading + 2 * TABLE_PAD

    def titled_table(
        self, x: float, y: float, title: str, widths: Sequence[float], rows: list[list[str]]
    ) -> float:
        """Small bulletin table with a caption above it (condensed font)."""
        self.text(x, y + 9, title, "sans-b", 8.5, NAVY)
        return self.table(x, y + 13, widths, rows, font="cond", size=7.6, hfont="cond-b")

    def section_bar(
        self,
        x0: float,
        x1: float,
        y: float,
        title: str,
        h: float = 13,
        size: float = 8,
        fill: RGB = LIGHT,
        font: str = "sans-b",
        color: RGB = BLACK,
    ) -> float:
        self.fill((x0, y, x1, y + h), fill)
        self.rect((x0, y, x1, y + h), width=0.6)
        self.text(x0 + 4, y + h - 3.6, title, font, size, color)
        return y + h
