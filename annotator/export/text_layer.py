"""An invisible text layer for scanned pages of an exhibit, from the OCR stored in the case.

A scanned page is a picture: a PDF reader can neither search it nor copy a quote from it, and
its highlights sit on nothing a reader can select. Like OCRmyPDF's output, each word OCR read is
drawn over its place in the image in invisible text (render mode 3), sized to the word's box, so
the exhibit can be searched and quoted in any reader and a search hit falls on the highlight.
"""

from __future__ import annotations

from collections.abc import Iterable

import pymupdf

from annotator.core.model import PageText

_FONT = pymupdf.Font("helv")
_INVISIBLE = 3
"""PDF text render mode 3: neither filled nor stroked, yet searchable and selectable."""
_TALLEST = 1.6
"""A word is never drawn taller than this many times its box (a narrow word, "l" or "1",
fitted to its width would be)."""


def needs_text_layer(page: PageText) -> bool:
    """A page OCR read because it had no text layer of its own."""
    return page.ocr_done and page.needs_ocr and bool(page.words)


def add_text_layer(pdf: pymupdf.Document, pages: Iterable[PageText]) -> int:
    """Draw each page's OCR words, invisible, where they stand; the number of pages given one."""
    done = 0
    for page_text in pages:
        if not needs_text_layer(page_text):
            continue
        page = pdf[page_text.number - 1]
        writer = pymupdf.TextWriter(page.rect)
        to_view = page.rotation_matrix  # words are stored in unrotated page space
        for word in page_text.words:
            token = page_text.text[word.start : word.end]
            box = pymupdf.Rect(word.rect) * to_view
            if token and not box.is_empty:
                _place(writer, token, box)
        writer.write_text(page, render_mode=_INVISIBLE, morph=_turn(page))
        done += 1
    return done


def _turn(page: pymupdf.Page) -> tuple[pymupdf.Point, pymupdf.Matrix] | None:
    """For a rotated page, the turn that takes words set upright as the page is shown to where
    they stand on the unrotated page: a rotation by the page's own angle about the one point
    that turning the page leaves in place."""
    if not page.rotation:
        return None
    m = page.derotation_matrix  # shown -> unrotated: a rotation, then a shift (e, f)
    det = (1 - m.a) * (1 - m.d) - m.b * m.c
    x = ((1 - m.d) * m.e + m.c * m.f) / det
    y = (m.b * m.e + (1 - m.a) * m.f) / det
    return pymupdf.Point(x, y), pymupdf.Matrix(page.rotation)


def _place(writer: pymupdf.TextWriter, token: str, box: pymupdf.Rect) -> None:
    """The word set so its glyphs fill the box: sized to the box's width, then centred on it
    down the page (the scanned type is rarely as wide as Helvetica)."""
    ascender, descender = _FONT.ascender, _FONT.descender
    unit = _FONT.text_length(token, fontsize=1)
    by_height = box.height / (ascender - descender)
    size = min(box.width / unit, _TALLEST * by_height) if unit else by_height
    baseline = (box.y0 + box.y1) / 2 + size * (ascender + descender) / 2
    writer.append((box.x0, baseline), token, font=_FONT, fontsize=size)
