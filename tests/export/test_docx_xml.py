"""docx_xml writes the XML python-docx's object layer writes, element for element."""

from __future__ import annotations

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.shared import Inches, Pt
from lxml import etree

from annotator.export import docx_xml

TEXTS = [
    "plain",
    "",
    " leading space",
    "trailing space ",
    "tab\tinside",
    "\tstarts with a tab",
    "line\nbreak and\r\nwindows ending",
    "ends with a newline\n",
    "“quoted” — ñ, ü, 中文, emoji 🙂",
    "  ",
]


def _xml(element) -> bytes:
    return etree.tostring(element)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("style", [None, "Quote", "Heading 2"])
def test_a_paragraph_and_its_run_are_python_docx_s(text, bold, style):
    theirs = docx.Document()
    paragraph = theirs.add_paragraph(style=style)
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    paragraph.paragraph_format.space_after = Pt(8)
    paragraph.add_run(text).add_break()

    ours = docx.Document()
    style_id = ours.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH) if style else None
    p = docx_xml.paragraph(ours.element.body.sectPr, style_id)
    docx_xml.run(p, text, bold=bold)
    docx_xml.space_after(p, 160)
    docx_xml.line_break(docx_xml.run(p, text))

    assert _xml(ours.element.body) == _xml(theirs.element.body)


@pytest.mark.parametrize("style", [None, "Quote"])
def test_table_rows_are_python_docx_s(style):
    head, widths = ["No.", "Page", "Passage"], [0.45, 1.25, 3.7]
    values = [["1", "RIVAS-000003 (PDF p. 3)", ""], ["2", " p. 4", "a\tb"]]

    def start(document):
        table = document.add_table(rows=1, cols=len(head))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Inches(width)
        for cell, text, width in zip(table.rows[0].cells, head, widths, strict=True):
            cell.text = text
            cell.width = Inches(width)
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
        return table

    theirs = docx.Document()
    table = start(theirs)
    for row_values in values:
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cells = row.cells
        for cell, text, width in zip(cells, row_values, widths, strict=True):
            cell.text = text
            cell.width = Inches(width)
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
            if style:
                cell.paragraphs[0].style = theirs.styles[style]
    theirs_last = table.rows[-1].cells[2].paragraphs[0]
    theirs_last.add_run("more").bold = True

    ours = docx.Document()
    style_id = ours.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH) if style else None
    rows = docx_xml.rows(start(ours)._tbl, values, style_id)
    docx_xml.run(docx_xml.cell_paragraph(rows[-1], 2), "more", bold=True)

    assert _xml(ours.element.body) == _xml(theirs.element.body)
