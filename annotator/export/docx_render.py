"""The memo as a Word document (python-docx), built from Word's named styles.

The blocks repeated for every finding (paragraphs, runs, table rows) are written by docx_xml,
the rest through python-docx's objects: the same XML either way, but python-docx's object layer
takes time that grows with the document for each paragraph it adds.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Length, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph

from annotator.export import docx_xml
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
    ACTIVE_LABEL,
    APPENDIX_TITLE,
    DOCUMENTS_TITLE,
    SUMMARY_TITLE,
    TEMPLATE_MARK,
    active_content_text,
    appendix_intro,
    by_document,
    empty_section_text,
    finding_heading,
    unreviewed_intro,
)


def write_docx(memo: Memo, path: Path) -> None:
    document = docx.Document()
    setup_styles(document)
    _page_setup(document, memo)
    _properties(document, memo)
    body = _Body(document)
    body.paragraph(memo.title, style="Title")
    _header_block(body, memo)
    notice = body.paragraph()
    run = notice.add_run(f"[{memo.review_notice}]")
    run.italic, run.font.highlight_color = True, WD_COLOR_INDEX.YELLOW
    _template_section(body, "Purpose", memo.purpose)
    _template_section(body, "Legal framework", memo.framework)
    _summary(body, memo)
    for section in memo.sections:
        _section(body, section, memo)
    _unreviewed(body, memo.unreviewed)
    _appendix(body, memo)
    for section in memo.appendices:
        _section(body, section, memo)
    # Into memory first: on a full disk the file's one write fails, not python-docx's zip
    # writer half-way (whose clean-up then fails again, as a traceback).
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())


class _Body:
    """The end of the document's body, where the memo is written one block after another."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.end = document.element.body.sectPr  # the section's properties stay last
        self._style_ids: dict[str, str | None] = {}

    def style_id(self, name: str) -> str | None:
        """The paragraph style's ID, None for the default one (as python-docx writes it)."""
        if name not in self._style_ids:
            part = self.document.part
            self._style_ids[name] = part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
        return self._style_ids[name]

    def element(self, text: str = "", style: str | None = None) -> docx_xml.Element:
        """What Document.add_paragraph(text, style) adds, as the bare w:p element."""
        p = docx_xml.paragraph(self.end, None if style is None else self.style_id(style))
        if text:
            docx_xml.run(p, text)
        return p

    def paragraph(self, text: str = "", style: str | None = None) -> DocxParagraph:
        return DocxParagraph(self.element(text, style), self.document._body)

    def heading(self, text: str, level: int) -> DocxParagraph:
        return self.paragraph(text, f"Heading {level}")

    def table(self, columns: int) -> Table:
        table: Table = self.document.add_table(rows=1, cols=columns)
        table.style = self.document.styles[TABLE_STYLE]
        return table


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


def _header_block(body: _Body, memo: Memo) -> None:
    for i, (label, value) in enumerate(memo.header):
        paragraph = body.paragraph()
        fmt = paragraph.paragraph_format
        fmt.tab_stops.add_tab_stop(Inches(1.3))
        fmt.left_indent, fmt.first_line_indent = Inches(1.3), Inches(-1.3)
        fmt.space_after = Pt(2 if i < len(memo.header) - 1 else 14)
        paragraph.add_run(f"{label}:").bold = True
        paragraph.add_run(f"\t{value}")


def _template_section(body: _Body, title: str, paragraphs: list[Paragraph]) -> None:
    body.heading(title, level=1)
    for spans in paragraphs:
        paragraph = body.paragraph()
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for span in spans:
            paragraph.add_run(span.text).italic = span.italic or None


def _summary(body: _Body, memo: Memo) -> None:
    body.heading(SUMMARY_TITLE, level=1)
    body.paragraph(memo.overview)
    head = ["Category", *(s.label for s in SUMMARY_STATUSES), "Total"]
    rows = [
        [r.label, *(str(r.counts[s]) for s in SUMMARY_STATUSES), str(r.total)]
        for r in [*memo.summary, memo.total_row]
    ]
    table, _ = _table(body, head, rows, [2.1, 1.0, 0.95, 0.85, 1.0, 0.6])
    for cell in table.rows[0].cells:  # six columns: a smaller head keeps "Unverified" whole
        for run in cell.paragraphs[0].runs:
            run.font.size = Pt(9.5)
    _bold_row(table, len(rows))
    _center(table, range(1, len(head)))
    body.heading(DOCUMENTS_TITLE, level=2)
    rows = [[str(d.number), d.title, str(d.pages), str(d.findings)] for d in memo.documents]
    widths = [0.5, 4.3, 0.7, 1.0]
    table, _ = _table(body, ["No.", "Document", "Pages", "Findings listed"], rows, widths)
    _center(table, (0, 2, 3))


def _table(
    body: _Body,
    head: list[str],
    rows: list[list[str]],
    widths: list[float],
    style: str | None = None,
) -> tuple[Table, list[docx_xml.Element]]:
    """A table with a repeated header row and plain-text rows (their paragraphs in `style`);
    the table and its new rows."""
    table = body.table(len(head))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _plain_first_column(table)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Inches(width)
    for cell, text, width in zip(table.rows[0].cells, head, widths, strict=True):
        cell.text = text
        cell.width = Inches(width)
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    _repeat_header(table)
    added = docx_xml.rows(table._tbl, rows, None if style is None else body.style_id(style))
    body.paragraph().paragraph_format.space_after = Pt(2)
    return table, added


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


def _section(body: _Body, section: Section, memo: Memo) -> None:
    """A section: its template paragraph (marked for checking), its table, its findings."""
    body.heading(section.title, level=1)
    for spans in section.intro:
        paragraph = body.paragraph()
        mark = paragraph.add_run(TEMPLATE_MARK)
        mark.bold, mark.italic, mark.font.highlight_color = True, True, WD_COLOR_INDEX.YELLOW
        for span in spans:
            paragraph.add_run(span.text).italic = span.italic or None
    if section.table is not None:
        table = section.table
        scale = 6.5 / sum(table.widths)
        _table(body, table.head, table.rows, [w * scale for w in table.widths], SMALL_STYLE)
    if not section.findings and section.table is None:
        body.paragraph(empty_section_text(section, memo))
    for finding in section.findings:
        _finding(body, finding)


def _finding(body: _Body, finding: MemoFinding) -> None:
    body.element(finding_heading(finding), "Heading 2")
    _quote_runs(body.element(style="Quote"), finding.quote, quotes=True)
    detail = body.style_id(DETAIL_STYLE)
    for label, value in finding.details():
        p = docx_xml.paragraph(body.end, detail)
        docx_xml.run(p, f"{label}: ", bold=True)
        lines = value.splitlines() or [""]
        run = docx_xml.run(p, lines[0])
        for line in lines[1:]:
            docx_xml.line_break(run)
            run = docx_xml.run(p, line)
    docx_xml.space_after(p, _twips(Pt(8)))


def _twips(length: Length) -> int:
    return int(length.twips)


def _quote_runs(p: docx_xml.Element, quote: Quote, *, quotes: bool) -> None:
    open_, close = ("“", "”") if quotes else ("", "")
    docx_xml.run(p, open_ + quote.before)
    docx_xml.run(p, quote.match, bold=True)
    docx_xml.run(p, quote.after + close)


def _unreviewed(body: _Body, section: Section) -> None:
    body.heading(section.title, level=1)
    body.paragraph(unreviewed_intro(section))
    for title, findings in by_document(section.findings):
        body.heading(title, level=2)
        _, rows = _table(
            body,
            ["No.", "Page", "Category", "Passage"],
            [[str(f.number), f.page, f.kind, ""] for f in findings],
            [0.45, 1.25, 1.1, 3.7],
            style=SMALL_STYLE,
        )
        for row, finding in zip(rows, findings, strict=True):
            _quote_runs(docx_xml.cell_paragraph(row, 3), finding.quote, quotes=False)


def _appendix(body: _Body, memo: Memo) -> None:
    body.heading(APPENDIX_TITLE, level=1)
    body.paragraph(appendix_intro(memo))
    for d in memo.documents:
        body.heading(f"{d.number}. {d.title}", level=2)
        for label, value, mono in (
            ("File", d.file_name, False),
            ("Pages", d.pages_line, False),
            ("SHA-256", d.sha256, True),
            ("Lexicon version", d.lexicon_version, False),
            *([(ACTIVE_LABEL, active_content_text(d), False)] if d.active_content else []),
        ):
            paragraph = body.paragraph(style=DETAIL_STYLE)
            paragraph.add_run(f"{label}: ").bold = True
            run = paragraph.add_run(value)
            if mono:
                run.font.name, run.font.size = MONO, Pt(9)
