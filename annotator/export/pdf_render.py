"""The memo as PDF, laid out by PyMuPDF's Story (HTML + CSS), no office suite needed."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import pymupdf

from annotator.core.errors import ExportError
from annotator.export.ligatures import plain_ligatures
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
    FRAMEWORK_TITLE,
    PURPOSE_TITLE,
    STATUS_KEY,
    SUMMARY_TITLE,
    appendix_intro,
    by_document,
    empty_section_text,
    finding_heading,
    pages_detail,
    unreviewed_intro,
)

PAGE = pymupdf.paper_rect("letter")
MARGIN = 72
BODY = pymupdf.Rect(MARGIN, MARGIN, PAGE.width - MARGIN, PAGE.height - MARGIN)
_MAX_PASSES = 25
_KEEP_BELOW = 64.0
_MARGIN_TOP = {1: 16.0, 2: 12.0}
"""The top margins of h2 and h3 in CSS, by bookmark level."""
"""Room (pt) a heading needs below it on its page, or it moves to the next."""
INK = (0.1, 0.1, 0.1)
GREY = (0.35, 0.35, 0.35)

CSS = """
body { font-family: serif; font-size: 11pt; line-height: 1.3; color: #1a1a1a; }
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
th.w-no { width: 22pt; } th.w-page { width: 70pt; } th.w-cat { width: 64pt; }
tr.total td { font-weight: bold; border-top: 1pt solid #1f3864; }
.key { font-size: 9pt; font-style: italic; color: #444444; }
.mono { font-family: monospace; font-size: 8.5pt; }
"""


def write_pdf(memo: Memo, path: Path) -> None:
    data, toc = _layout(render_html(memo))
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
        pdf.save(str(path), garbage=3, deflate=True)
    finally:
        pdf.close()


class _Runaway(Exception):
    """MuPDF's layout kept making pages (it can loop after a table); stop it."""


@dataclass(slots=True)
class _Pass:
    data: bytes = b""
    toc: list[list[Any]] = field(default_factory=list)
    stranded: tuple[int, float] | None = None
    """The first page, not yet fixed, with a heading stranded at its foot; where it must end."""


def _layout(html: str) -> tuple[bytes, list[list[Any]]]:
    """Lay the story out, with bookmarks for its h2/h3 headings.

    A heading left with no room below it at the foot of a page moves to the next page: the
    layout runs again with that page ending just above it. (MuPDF ignores
    `page-break-after: avoid`; its forced breaks and repeated `place()` calls can loop.)
    """
    limit = 50 + len(html) // 300
    bottoms: dict[int, float] = {}
    try:
        for _ in range(_MAX_PASSES):
            result = _render(html, bottoms, limit, check=True)
            if result.stranded is None:
                return result.data, result.toc
            page, bottom = result.stranded
            bottoms[page] = bottom
        result = _render(html, bottoms, limit, check=False)
    except _Runaway:
        try:
            result = _render(html, {}, limit, check=False)
        except _Runaway as err:
            raise ExportError("the PDF memo could not be laid out; export .docx instead") from err
    return result.data, result.toc


def _render(html: str, bottoms: dict[int, float], limit: int, *, check: bool) -> _Pass:
    story = pymupdf.Story(html, user_css=CSS, em=11)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    result = _Pass()
    more, page = True, 0
    try:
        while more:
            page += 1
            bottom = bottoms.get(page, BODY.y1)
            more, _ = story.place(pymupdf.Rect(BODY.x0, BODY.y0, BODY.x1, bottom))
            headings = _headings(story)
            _check_progress(result.toc, headings, page, limit)
            if check and page > max(bottoms, default=0) and (cut := _stranded(headings)):
                return _Pass(stranded=(page, cut))
            result.toc += [[level, text, page, rect.y0] for level, text, rect in headings]
            story.draw(writer.begin_page(PAGE))
            writer.end_page()
    finally:
        writer.close()
    result.data = buffer.getvalue()
    return result


def _stranded(headings: list[tuple[int, str, pymupdf.Rect]]) -> float:
    """Where the page must end so that no heading sits at its foot; 0 when none does."""
    for level, _, rect in headings:
        if rect.y1 > BODY.y1 - _KEEP_BELOW and rect.y0 > BODY.y0 + _MARGIN_TOP[level]:
            # End above the heading's top margin: a page cut inside it makes MuPDF restart.
            return float(rect.y0 - _MARGIN_TOP[level] - 0.5)
    return 0.0


def _check_progress(
    toc: list[list[Any]], headings: list[tuple[int, str, pymupdf.Rect]], page: int, limit: int
) -> None:
    """Stop a layout that runs on, or that starts the story over (seen with cut pages)."""
    first = (toc[0][0], toc[0][1]) if toc else None
    if page > limit or any((level, text) == first for level, text, _ in headings):
        raise _Runaway


def _headings(story: pymupdf.Story) -> list[tuple[int, str, pymupdf.Rect]]:
    """The h2/h3 headings just placed, as (bookmark level, text, box)."""
    found: list[tuple[int, str, pymupdf.Rect]] = []

    def record(position: Any) -> None:
        if position.open_close & 1 and position.heading in (2, 3) and position.text:
            found.append((position.heading - 1, position.text, pymupdf.Rect(position.rect)))

    story.element_positions(record)
    return found


def _decorate(pdf: pymupdf.Document, memo: Memo) -> None:
    for number in range(pdf.page_count):
        page = pdf[number]
        page.insert_text(
            (MARGIN, 44), memo.confidentiality.upper(), fontsize=7.5, fontname="tiro", color=GREY
        )
        text = f"Page {number + 1} of {pdf.page_count}"
        width = pymupdf.get_text_length(text, fontname="tiro", fontsize=9)
        page.insert_text(
            ((PAGE.width - width) / 2, PAGE.height - 40),
            text,
            fontsize=9,
            fontname="tiro",
            color=GREY,
        )


def render_html(memo: Memo) -> str:
    parts = [f"<h1>{escape(memo.title)}</h1>", _header(memo)]
    parts.append(f'<p class="notice">[{escape(memo.review_notice)}]</p>')
    parts += _template(PURPOSE_TITLE, memo.purpose) + _template(FRAMEWORK_TITLE, memo.framework)
    parts += _summary(memo)
    for section in memo.sections:
        parts.append(f"<h2>{escape(section.title)}</h2>")
        if not section.findings:
            parts.append(f"<p>{escape(empty_section_text(section, memo))}</p>")
        parts += [_finding(f) for f in section.findings]
    parts += _unreviewed(memo.unreviewed)
    parts += _appendix(memo)
    return "<html><body>" + "\n".join(parts) + "</body></html>"


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
) -> str:
    """`rows` hold HTML already escaped; columns in `numeric` are right-aligned."""

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

    body = "".join(
        f"<tr{' class=total' if r and r[0] == '<b>Total</b>' else ''}>{cells('td', r)}</tr>"
        for r in rows
    )
    return (
        f'<table class="grid {cls}"><tr>{cells("th", [escape(h) for h in head])}</tr>{body}</table>'
    )


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
        _table(head, rows, {1, 2, 3, 4, 5}),
        f'<p class="key">{escape(STATUS_KEY)}</p>',
        f"<h3>{DOCUMENTS_TITLE}</h3>",
        _table(["No.", "Document", "Pages", "Findings listed"], documents, {0, 2, 3}),
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
        rows = [
            [str(f.number), escape(f.page), escape(f.category.label), _quote(f.quote)]
            for f in findings
        ]
        out.append(f"<h3>{escape(title)}</h3>")
        out.append(
            _table(
                ["No.", "Page", "Category", "Passage"],
                rows,
                {0},
                "small",
                ("w-no", "w-page", "w-cat"),
            )
        )
    return out


def _appendix(memo: Memo) -> list[str]:
    out = [f"<h2>{APPENDIX_TITLE}</h2>", f"<p>{escape(appendix_intro(memo))}</p>"]
    for d in memo.documents:
        pages = escape(pages_detail(d))
        out += [
            f"<h3>{d.number}. {escape(d.title)}</h3>",
            f'<p class="detail"><b>File:</b> {escape(d.file_name)}</p>',
            f'<p class="detail"><b>Pages:</b> {pages}</p>',
            f'<p class="detail"><b>SHA-256:</b> <span class="mono">{d.sha256}</span></p>',
            f'<p class="detail last"><b>Lexicon version:</b> {escape(d.lexicon_version)}</p>',
        ]
    return out
