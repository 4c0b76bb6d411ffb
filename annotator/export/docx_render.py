"""The memo as a Word document (python-docx), built from Word's named styles."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph

from annotator.export.docx_styles import (
    DETAIL_STYLE,
    MONO,
    SMALL_STYLE,
    TABLE_STYLE,
    setup_styles,
)
from annotator.export.model import (
    SUMMARY_STATUSES,
    Memo,
    MemoFinding,
    Paragraph,
    Quote,
    Section,
)
from annotator.export.text import (
    APPENDIX_TITLE,
    DOCUMENTS_TITLE,
    SUMMARY_TITLE,
    appendix_intro,
    by_document,
    empty_section_text,
    finding_heading,
    pages_detail,
    unreviewed_intro,
)


def write_docx(memo: Memo, path: Path) -> None:
    document = docx.Document()
    setup_styles(document)
    _page_setup(document, memo)
    _properties(document, memo)
    document.add_paragraph(memo.title, style="Title")
    _header_block(document, memo)
    notice = document.add_paragraph()
    run = notice.add_run(f"[{memo.review_notice}]")
    run.italic, run.font.highlight_color = True, WD_COLOR_INDEX.YELLOW
    _template_section(document, "Purpose", memo.purpose)
    _template_section(document, "Legal framework", memo.framework)
    _summary(document, memo)
    for section in memo.sections:
        _section(document, section, memo)
    _unreviewed(document, memo.unreviewed)
    _appendix(document, memo)
    document.save(str(path))


def _page_setup(document: DocxDocument, memo: Memo) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    header = section.header.paragraphs[0]
    header.text = memo.confidentiality.upper()
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    """A Word field (page number, page count) that Word and LibreOffice fill in."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _properties(document: DocxDocument, memo: Memo) -> None:
    props = document.core_properties
    header = dict(memo.header)
    props.title = f"{memo.title} — {header.get('Respondent', '')}"
    props.subject = header.get("Re", "")
    props.author = header.get("Prepared by", "") if header.get("Prepared by") != "—" else ""
    props.comments = f"Exported by {memo.generator}"


def _header_block(document: DocxDocument, memo: Memo) -> None:
    for i, (label, value) in enumerate(memo.header):
        paragraph = document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.tab_stops.add_tab_stop(Inches(1.3))
        fmt.left_indent, fmt.first_line_indent = Inches(1.3), Inches(-1.3)
        fmt.space_after = Pt(2 if i < len(memo.header) - 1 else 14)
        paragraph.add_run(f"{label}:").bold = True
        paragraph.add_run(f"\t{value}")


def _template_section(document: DocxDocument, title: str, paragraphs: list[Paragraph]) -> None:
    document.add_heading(title, level=1)
    for spans in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for span in spans:
            paragraph.add_run(span.text).italic = span.italic or None


def _summary(document: DocxDocument, memo: Memo) -> None:
    document.add_heading(SUMMARY_TITLE, level=1)
    document.add_paragraph(memo.overview)
    head = ["Category", *(s.label for s in SUMMARY_STATUSES), "Total"]
    rows = [
        [r.label, *(str(r.counts[s]) for s in SUMMARY_STATUSES), str(r.total)]
        for r in [*memo.summary, memo.total_row]
    ]
    table = _table(document, head, rows, [2.1, 0.9, 0.9, 1.0, 0.9, 0.7])
    _bold_row(table, len(rows))
    _center(table, range(1, len(head)))
    document.add_heading(DOCUMENTS_TITLE, level=2)
    rows = [[str(d.number), d.title, str(d.pages), str(d.findings)] for d in memo.documents]
    table = _table(
        document, ["No.", "Document", "Pages", "Findings listed"], rows, [0.5, 4.3, 0.7, 1.0]
    )
    _center(table, (0, 2, 3))


def _table(
    document: DocxDocument, head: list[str], rows: list[list[str]], widths: list[float]
) -> Table:
    table: Table = document.add_table(rows=1, cols=len(head))
    table.style = document.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _plain_first_column(table)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Inches(width)
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
    _repeat_header(table)
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Inches(width)
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(0)
    document.add_paragraph().paragraph_format.space_after = Pt(2)
    return table


def _plain_first_column(table: Table) -> None:
    """Keep the table style's header row and banding, without its bold first column."""
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    for key, value in (
        ("val", "0420"),
        ("firstRow", "1"),
        ("lastRow", "0"),
        ("firstColumn", "0"),
        ("lastColumn", "0"),
        ("noHBand", "0"),
        ("noVBand", "1"),
    ):
        look.set(qn(f"w:{key}"), value)


def _repeat_header(table: Table) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _center(table: Table, columns: Iterable[int]) -> None:
    for index in columns:
        for cell in table.columns[index].cells:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _bold_row(table: Table, index: int) -> None:
    for cell in table.rows[index].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def _section(document: DocxDocument, section: Section, memo: Memo) -> None:
    document.add_heading(section.title, level=1)
    if not section.findings:
        document.add_paragraph(empty_section_text(section, memo))
    for finding in section.findings:
        _finding(document, finding)


def _finding(document: DocxDocument, finding: MemoFinding) -> None:
    document.add_heading(finding_heading(finding), level=2)
    _quote_runs(document.add_paragraph(style="Quote"), finding.quote, quotes=True)
    for label, value in finding.details():
        paragraph = document.add_paragraph(style=DETAIL_STYLE)
        paragraph.add_run(f"{label}: ").bold = True
        lines = value.splitlines() or [""]
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run = paragraph.add_run(line)
    document.paragraphs[-1].paragraph_format.space_after = Pt(8)


def _quote_runs(paragraph: DocxParagraph, quote: Quote, *, quotes: bool) -> None:
    open_, close = ("“", "”") if quotes else ("", "")
    paragraph.add_run(open_ + quote.before)
    paragraph.add_run(quote.match).bold = True
    paragraph.add_run(quote.after + close)


def _unreviewed(document: DocxDocument, section: Section) -> None:
    document.add_heading(section.title, level=1)
    document.add_paragraph(unreviewed_intro(section))
    for title, findings in by_document(section.findings):
        document.add_heading(title, level=2)
        table = _table(
            document,
            ["No.", "Page", "Category", "Passage"],
            [[str(f.number), f.page, f.category.label, ""] for f in findings],
            [0.45, 1.25, 1.1, 3.7],
        )
        for row, finding in zip(table.rows[1:], findings, strict=True):
            for cell in row.cells:
                cell.paragraphs[0].style = document.styles[SMALL_STYLE]
            _quote_runs(row.cells[3].paragraphs[0], finding.quote, quotes=False)


def _appendix(document: DocxDocument, memo: Memo) -> None:
    document.add_heading(APPENDIX_TITLE, level=1)
    document.add_paragraph(appendix_intro(memo))
    for d in memo.documents:
        document.add_heading(f"{d.number}. {d.title}", level=2)
        for label, value, mono in (
            ("File", d.file_name, False),
            ("Pages", pages_detail(d), False),
            ("SHA-256", d.sha256, True),
            ("Lexicon version", d.lexicon_version, False),
        ):
            paragraph = document.add_paragraph(style=DETAIL_STYLE)
            paragraph.add_run(f"{label}: ").bold = True
            run = paragraph.add_run(value)
            if mono:
                run.font.name, run.font.size = MONO, Pt(9)
