"""The memo as PDF, laid out by PyMuPDF's Story (HTML + CSS), no office suite needed.

The memo is written as a list of HTML blocks (a heading, a paragraph, a finding, a piece of a
table) that pdf_layout sets on the pages a few at a time.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import pymupdf

from annotator.export.ligatures import plain_ligatures
from annotator.export.model import (
    SUMMARY_STATUSES,
    Memo,
    MemoFinding,
    Paragraph,
    Quote,
    Section,
)
from annotator.export.pdf_layout import MARGIN, PAGE, layout
from annotator.export.text import (
    ACTIVE_LABEL,
    APPENDIX_TITLE,
    DOCUMENTS_TITLE,
    FRAMEWORK_TITLE,
    PURPOSE_TITLE,
    STATUS_KEY,
    SUMMARY_TITLE,
    TEMPLATE_MARK,
    active_content_text,
    appendix_intro,
    by_document,
    empty_section_text,
    finding_heading,
    unreviewed_intro,
)
from annotator.pdf.extract import page_xrefs

TABLE_PIECE_ROWS = 30
"""Rows of a long table laid out together (the first piece also has the header row)."""
INK = (0.1, 0.1, 0.1)
GREY = (0.35, 0.35, 0.35)
CSS = """
body { font-family: serif; font-size: 11pt; line-height: 1.3; color: #1a1a1a;
       margin-top: 0; margin-bottom: 0; }
p { margin: 0 0 6pt 0; text-align: justify; }
h1 { font-size: 22pt; color: #1f3864; margin: 0 0 4pt 0; padding-bottom: 4pt;
     border-bottom: 1.5pt solid #1f3864; }
h2 { font-size: 13.5pt; color: #1f3864; margin: 16pt 0 6pt 0; padding-bottom: 2pt;
     border-bottom: 0.5pt solid #b7c3d9; }
h3 { font-size: 11.5pt; margin: 12pt 0 3pt 0; }
.confidential { font-size: 8.5pt; color: #595959; letter-spacing: 0.5pt; margin-bottom: 10pt; }
.header td { padding: 1pt 8pt 1pt 0; vertical-align: top; }
.header td.label { width: 78pt; }
.header { margin-bottom: 10pt; }
.notice { font-style: italic; color: #6b4e00; border-left: 3pt solid #e0b000;
          padding: 2pt 0 2pt 8pt; text-align: left; }
blockquote { margin: 4pt 22pt 5pt 18pt; padding-left: 8pt; border-left: 2pt solid #8a8a8a; }
.detail { font-size: 10pt; margin: 0 0 1pt 26pt; text-align: left; }
.last { margin-bottom: 8pt; }
table.grid { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; font-size: 10pt; }
table.grid th { color: #1f3864; text-align: left; padding: 3pt 4pt;
                border-top: 1pt solid #1f3864; border-bottom: 1pt solid #1f3864; }
table.grid td { border-bottom: 0.5pt solid #b7c3d9; padding: 3pt 4pt; vertical-align: top; }
table.grid td.n, table.grid th.n { text-align: right; }
table.small { font-size: 8.5pt; }
table.small b { font-size: 8.5pt; }
.w-no { width: 22pt; } .w-page { width: 70pt; } .w-cat { width: 64pt; }
table.continues { margin-bottom: 0; } table.continued { margin-top: 0; }
tr.total td { font-weight: bold; border-top: 1pt solid #1f3864; }
.key { font-size: 9pt; font-style: italic; color: #444444; }
.mono { font-family: monospace; font-size: 8.5pt; }
"""


def write_pdf(memo: Memo, path: Path) -> None:
    data, toc = layout(render_blocks(memo), CSS)
    pdf = pymupdf.open("pdf", data)
    try:
        _decorate(pdf, memo)
        plain_ligatures(pdf)
        pdf.set_toc(toc)
        header = dict(memo.header)
        pdf.set_metadata(
            {
                "title": f"{memo.title} — {header.get('Respondent', '')}",
                "subject": header.get("Re", ""),
                "creator": memo.generator,
                "author": "" if header.get("Prepared by") == "—" else header.get("Prepared by", ""),
            }
        )
        pdf.save(str(path), garbage=1, deflate=True)  # 3 (merge duplicates) saves 4%, costs 10 s
    finally:
        pdf.close()


def _decorate(pdf: pymupdf.Document, memo: Memo) -> None:
    """The confidentiality line and "Page N of M" on every page, written straight into each
    page's content with one font for the whole document (Page.insert_text adds a font to
    every page, and looks through the page's fonts first: seconds for a long memo).

    Times-Roman in the Windows encoding, as PDF readers all have it: a character it lacks
    shows as "?"."""
    font = pdf.get_new_xref()
    pdf.update_object(
        font, "<</Type/Font/Subtype/Type1/BaseFont/Times-Roman/Encoding/WinAnsiEncoding>>"
    )
    opening = pdf.get_new_xref()  # shared by every page: keeps its own drawing state apart
    pdf.update_object(opening, "<<>>")
    pdf.update_stream(opening, b"q")
    header = _pdf_string(memo.confidentiality.upper())
    grey = " ".join(f"{c:g}" for c in GREY)
    pages = page_xrefs(pdf)
    for number, page_xref in enumerate(pages):
        text = f"Page {number + 1} of {len(pages)}"
        x = (PAGE.width - pymupdf.get_text_length(text, fontname="tiro", fontsize=9)) / 2
        stream = (
            f"Q q {grey} rg BT /CfaF 7.5 Tf {MARGIN:g} {PAGE.height - 44:g} Td {header} Tj ET "
            f"BT /CfaF 9 Tf {x:.2f} 40 Td {_pdf_string(text)} Tj ET Q"
        )
        stamp = pdf.get_new_xref()
        pdf.update_object(stamp, "<<>>")
        pdf.update_stream(stamp, stream.encode("latin-1"))
        kind, value = pdf.xref_get_key(page_xref, "Contents")
        inner = value.strip("[]") if kind == "array" else value
        pdf.xref_set_key(page_xref, "Contents", f"[{opening} 0 R {inner} {stamp} 0 R]")
        _add_font(pdf, page_xref, font)


def _add_font(pdf: pymupdf.Document, xref: int, font: int) -> None:
    """Name the font /CfaF in the page's resources, whether they are the page's own or shared."""
    path = "Resources"
    for key in ("Resources", "Font"):
        kind, value = pdf.xref_get_key(xref, path)
        if kind == "xref":  # an object of its own: go on from it
            xref, path = int(value.split()[0]), "Font" if key == "Resources" else ""
        elif key == "Resources":
            path = "Resources/Font"
    pdf.xref_set_key(xref, f"{path}/CfaF" if path else "CfaF", f"{font} 0 R")


def _pdf_string(text: str) -> str:
    """`text` as a PDF literal string in the Windows encoding, as latin-1 code points."""
    raw = text.encode("cp1252", errors="replace").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def render_blocks(memo: Memo) -> list[str]:
    """The memo as HTML blocks in order: headings, paragraphs, pieces of tables."""
    parts = [f"<h1>{escape(memo.title)}</h1>", _header(memo)]
    parts.append(f'<p class="notice">[{escape(memo.review_notice)}]</p>')
    parts += _template(PURPOSE_TITLE, memo.purpose) + _template(FRAMEWORK_TITLE, memo.framework)
    parts += _summary(memo)
    for section in memo.sections:
        parts += _section(section, memo)
    parts += _unreviewed(memo.unreviewed)
    parts += _appendix(memo)
    for section in memo.appendices:
        parts += _section(section, memo)
    return parts


def _section(section: Section, memo: Memo) -> list[str]:
    """A section: its template paragraph (marked for checking), its table, its findings."""
    parts = [f"<h2>{escape(section.title)}</h2>"]
    for spans in section.intro:
        text = "".join(f"<i>{escape(s.text)}</i>" if s.italic else escape(s.text) for s in spans)
        parts.append(f'<p class="notice"><b>{escape(TEMPLATE_MARK)}</b>{text}</p>')
    if section.table is not None:
        table = section.table
        rows = [[escape(c) for c in r] for r in table.rows]
        parts += _table(table.head, rows, set(), "small")
    if not section.findings and section.table is None:
        parts.append(f"<p>{escape(empty_section_text(section, memo))}</p>")
    parts += [_finding(f) for f in section.findings]
    return parts


def _header(memo: Memo) -> str:
    rows = "".join(
        f'<tr><td class="label"><b>{escape(label)}:</b></td><td>{escape(value)}</td></tr>'
        for label, value in memo.header
    )
    return f'<table class="header">{rows}</table>'


def _template(title: str, paragraphs: list[Paragraph]) -> list[str]:
    out = [f"<h2>{escape(title)}</h2>"]
    for spans in paragraphs:
        text = "".join(f"<i>{escape(s.text)}</i>" if s.italic else escape(s.text) for s in spans)
        out.append(f"<p>{text}</p>")
    return out


def _table(
    head: list[str],
    rows: list[list[str]],
    numeric: set[int],
    cls: str = "",
    widths: tuple[str, ...] = (),
) -> list[str]:
    """The table as blocks of TABLE_PIECE_ROWS rows, the header row in the first; the pieces
    join up with no space between them. `rows` hold HTML already escaped; columns in `numeric`
    are right-aligned, and `widths` are classes giving columns their width."""

    def cells(tag: str, values: list[str]) -> str:
        classes = [
            " ".join(
                c for c in ("n" if i in numeric else "", widths[i] if i < len(widths) else "") if c
            )
            for i in range(len(values))
        ]
        return "".join(
            f"<{tag}{f' class={c!r}' if c else ''}>{v}</{tag}>"
            for c, v in zip(classes, values, strict=True)
        )

    lines = [f"<tr>{cells('th', [escape(h) for h in head])}</tr>"] + [
        f"<tr{' class=total' if r and r[0] == '<b>Total</b>' else ''}>{cells('td', r)}</tr>"
        for r in rows
    ]
    chunks = [lines[i : i + TABLE_PIECE_ROWS] for i in range(0, len(lines), TABLE_PIECE_ROWS)]
    last = len(chunks) - 1
    return [
        f'<table class="{_classes("grid", cls, n > 0 and "continued", n < last and "continues")}">'
        + "".join(chunk)
        + "</table>"
        for n, chunk in enumerate(chunks)
    ]


def _classes(*names: str | bool) -> str:
    return " ".join(name for name in names if isinstance(name, str) and name)


def _summary(memo: Memo) -> list[str]:
    head = ["Category", *(s.label for s in SUMMARY_STATUSES), "Total"]
    rows = [
        [escape(r.label), *(str(r.counts[s]) for s in SUMMARY_STATUSES), str(r.total)]
        for r in memo.summary
    ]
    total = memo.total_row
    rows.append(
        ["<b>Total</b>", *(str(total.counts[s]) for s in SUMMARY_STATUSES), str(total.total)]
    )
    documents = [
        [str(d.number), escape(d.title), str(d.pages), str(d.findings)] for d in memo.documents
    ]
    return [
        f"<h2>{SUMMARY_TITLE}</h2>",
        f"<p>{escape(memo.overview)}</p>",
        *_table(head, rows, {1, 2, 3, 4, 5}),
        f'<p class="key">{escape(STATUS_KEY)}</p>',
        f"<h3>{DOCUMENTS_TITLE}</h3>",
        *_table(["No.", "Document", "Pages", "Findings listed"], documents, {0, 2, 3}),
    ]


def _quote(quote: Quote) -> str:
    return f"{escape(quote.before)}<b>{escape(quote.match)}</b>{escape(quote.after)}"


def _finding(finding: MemoFinding) -> str:
    lines = [
        f"<h3>{escape(finding_heading(finding))}</h3>",
        f"<blockquote>“{_quote(finding.quote)}”</blockquote>",
    ]
    details = finding.details()
    for i, (label, value) in enumerate(details):
        cls = "detail last" if i == len(details) - 1 else "detail"
        text = "<br>".join(escape(line) for line in value.splitlines())
        lines.append(f'<p class="{cls}"><b>{escape(label)}:</b> {text}</p>')
    return "\n".join(lines)


def _unreviewed(section: Section) -> list[str]:
    out = [f"<h2>{escape(section.title)}</h2>", f"<p>{escape(unreviewed_intro(section))}</p>"]
    for title, findings in by_document(section.findings):
        rows = [[str(f.number), escape(f.page), escape(f.kind), _quote(f.quote)] for f in findings]
        out.append(f"<h3>{escape(title)}</h3>")
        out += _table(
            ["No.", "Page", "Category", "Passage"], rows, {0}, "small", ("w-no", "w-page", "w-cat")
        )
    return out


def _appendix(memo: Memo) -> list[str]:
    out = [f"<h2>{APPENDIX_TITLE}</h2>", f"<p>{escape(appendix_intro(memo))}</p>"]
    for d in memo.documents:
        pages = escape(d.pages_line)
        out += [
            f"<h3>{d.number}. {escape(d.title)}</h3>",
            f'<p class="detail"><b>File:</b> {escape(d.file_name)}</p>',
            f'<p class="detail"><b>Pages:</b> {pages}</p>',
            f'<p class="detail"><b>SHA-256:</b> <span class="mono">{d.sha256}</span></p>',
            f'<p class="detail{"" if d.active_content else " last"}"><b>Lexicon version:</b> '
            f"{escape(d.lexicon_version)}</p>",
        ]
        if d.active_content:
            out.append(
                f'<p class="detail last"><b>{ACTIVE_LABEL}:</b> '
                f"{escape(active_content_text(d))}</p>"
            )
    return out
