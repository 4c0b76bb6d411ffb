"""The memo's repeated blocks written as WordprocessingML with lxml directly: the XML that
python-docx's object layer makes for them, element for element, in a fraction of the time.

python-docx builds each paragraph, run and table cell through descriptors that look up styles
among every style and find where a child goes by scanning its siblings, and Document.add_paragraph
scans the whole body to find its end: for a memo of 12,000 findings that took hours. Here a
paragraph is appended before the body's section properties and its runs are plain SubElements.
tests/export/test_docx_xml.py checks each primitive against python-docx's own output.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, PPR, PSTYLE, SPACING, JC = f"{_W}p", f"{_W}pPr", f"{_W}pStyle", f"{_W}spacing", f"{_W}jc"
R, RPR, B, T, TAB, BR = f"{_W}r", f"{_W}rPr", f"{_W}b", f"{_W}t", f"{_W}tab", f"{_W}br"
TR, TRPR, CANT_SPLIT = f"{_W}tr", f"{_W}trPr", f"{_W}cantSplit"
TC, TCPR = f"{_W}tc", f"{_W}tcPr"
VAL, AFTER = f"{_W}val", f"{_W}after"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BREAKS = re.compile(r"[\t\r\n]")

Element = Any
"""An lxml element of the document (python-docx's own element classes)."""


def paragraph(end: Element, style_id: str | None = None) -> Element:
    """A new paragraph just before `end` (the body's sectPr): Document.add_paragraph(style=)."""
    p = etree.SubElement(end.getparent(), P)
    end.addprevious(p)
    if style_id is not None:
        etree.SubElement(etree.SubElement(p, PPR), PSTYLE).set(VAL, style_id)
    return p


def run(p: Element, text: str, *, bold: bool = False) -> Element:
    """Paragraph.add_run(text), then `.bold = True`: a tab is w:tab, a line end w:br, the rest
    w:t, which keeps its spaces when it starts or ends with one."""
    r = etree.SubElement(p, R)
    if bold:
        etree.SubElement(etree.SubElement(r, RPR), B)
    start = 0
    for match in _BREAKS.finditer(text):
        _text(r, text[start : match.start()])
        etree.SubElement(r, TAB if match.group() == "\t" else BR)
        start = match.end()
    _text(r, text[start:])
    return r


def _text(r: Element, text: str) -> None:
    if text:
        t = etree.SubElement(r, T)
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_XML_SPACE, "preserve")


def line_break(r: Element) -> None:
    """Run.add_break()."""
    etree.SubElement(r, BR)


def space_after(p: Element, twips: int) -> None:
    """paragraph_format.space_after for a paragraph whose properties hold at most its style."""
    ppr = p.find(PPR)
    if ppr is None:
        ppr = etree.Element(PPR)
        p.insert(0, ppr)
    etree.SubElement(ppr, SPACING).set(AFTER, str(twips))


def rows(tbl: Element, values: Sequence[Sequence[str]], style_id: str | None) -> list[Element]:
    """Table.add_row() for each row of `values`, each cell's text set, its width that of the
    header row's cell, its paragraph in `style_id` with no space after (see docx_render._table),
    kept whole on one page (a row split by a page break reads as two). The new rows (w:tr) are
    returned."""
    header = tbl.find(TR)
    widths = [tc.find(TCPR) for tc in header.iterfind(TC)]
    added = []
    for cells in values:
        tr = etree.SubElement(tbl, TR)
        etree.SubElement(etree.SubElement(tr, TRPR), CANT_SPLIT)
        for width, text in zip(widths, cells, strict=True):
            tc = etree.SubElement(tr, TC)
            tc.append(copy.copy(width))
            p = etree.SubElement(tc, P)
            ppr = etree.SubElement(p, PPR)
            if style_id is not None:
                etree.SubElement(ppr, PSTYLE).set(VAL, style_id)
            etree.SubElement(ppr, SPACING).set(AFTER, "0")
            run(p, text)
        added.append(tr)
    return added


def cell_paragraph(tr: Element, column: int) -> Element:
    return tr.findall(TC)[column].find(P)
