"""The memo as Markdown (CommonMark with GitHub tables), every piece of PDF text escaped."""

from __future__ import annotations

import re
from pathlib import Path

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

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_LINE_START = re.compile(r"^(\s*(?:\d+)?)([-=.)])")


def escape(text: str) -> str:
    """Text that Markdown shows exactly as written: no emphasis, links, HTML or table breaks."""
    return _SPECIAL.sub(r"\\\1", text)


def escape_block(text: str) -> str:
    """Like `escape`, and a line cannot open a list, heading underline or numbered item."""
    return "\n".join(_LINE_START.sub(r"\1\\\2", escape(line)) for line in text.splitlines())


def cell(text: str) -> str:
    return escape(" ".join(text.split()))


def render_markdown(memo: Memo) -> str:
    out: list[str] = [
        f"# {escape(memo.title)}",
        "",
        f"*{escape(memo.confidentiality.upper())}*",
        "",
    ]
    out += [f"**{escape(label)}:** {escape(value)}  " for label, value in memo.header]
    out[-1] = out[-1].rstrip()
    out += ["", f"> **\\[{escape(memo.review_notice)}\\]**", ""]
    out += _paragraphs(PURPOSE_TITLE, memo.purpose) + _paragraphs(FRAMEWORK_TITLE, memo.framework)
    out += _summary(memo)
    for section in memo.sections:
        out += [f"## {escape(section.title)}", ""]
        if not section.findings:
            out += [escape(empty_section_text(section, memo)), ""]
        for finding in section.findings:
            out += _finding(finding)
    out += _unreviewed(memo.unreviewed)
    out += _appendix(memo)
    return "\n".join(out).rstrip() + "\n"


def write_markdown(memo: Memo, path: Path) -> None:
    path.write_text(render_markdown(memo), encoding="utf-8")


def _paragraphs(title: str, paragraphs: list[Paragraph]) -> list[str]:
    out = [f"## {escape(title)}", ""]
    for spans in paragraphs:
        out += ["".join(f"*{escape(s.text)}*" if s.italic else escape(s.text) for s in spans), ""]
    return out


def _table(head: list[str], rows: list[list[str]], align: str) -> list[str]:
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = [_row(head), _row(rule)]
    return [*lines, *(_row(r) for r in rows), ""]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _summary(memo: Memo) -> list[str]:
    out = [f"## {SUMMARY_TITLE}", "", escape(memo.overview), ""]
    head = ["Category", *(s.label for s in SUMMARY_STATUSES), "Total"]
    rows = [
        [cell(r.label), *(str(r.counts[s]) for s in SUMMARY_STATUSES), str(r.total)]
        for r in memo.summary
    ]
    total = memo.total_row
    rows.append(
        ["**Total**", *(f"**{total.counts[s]}**" for s in SUMMARY_STATUSES), f"**{total.total}**"]
    )
    out += [*_table(head, rows, "lrrrrr"), f"*{escape(STATUS_KEY)}*", ""]
    out += [f"### {DOCUMENTS_TITLE}", ""]
    rows = [[str(d.number), cell(d.title), str(d.pages), str(d.findings)] for d in memo.documents]
    return out + _table(["No.", "Document", "Pages", "Findings listed"], rows, "rlrr")


def _quote(quote: Quote) -> str:
    match = f"**{escape(quote.match)}**" if quote.match.strip() else escape(quote.match)
    return escape(quote.before) + match + escape(quote.after)


def _finding(finding: MemoFinding) -> list[str]:
    out = [f"### {escape(finding_heading(finding))}", "", f"> “{_quote(finding.quote)}”", ""]
    for label, value in finding.details():
        lines = escape_block(value).splitlines() or [""]
        out.append(f"- **{escape(label)}:** " + "\\\n  ".join(lines))
    return [*out, ""]


def _unreviewed(section: Section) -> list[str]:
    out = [f"## {escape(section.title)}", "", escape(unreviewed_intro(section)), ""]
    for title, findings in by_document(section.findings):
        rows = [
            [str(f.number), cell(f.page), cell(f.category.label), _quote(f.quote)] for f in findings
        ]
        out += [f"### {escape(title)}", ""]
        out += _table(["No.", "Page", "Category", "Passage"], rows, "rlll")
    return out


def _appendix(memo: Memo) -> list[str]:
    out = [f"## {APPENDIX_TITLE}", "", escape(appendix_intro(memo)), ""]
    for d in memo.documents:
        pages = escape(pages_detail(d))
        out += [
            f"### {d.number}. {escape(d.title)}",
            "",
            f"- **File:** {escape(d.file_name)}",
            f"- **Pages:** {pages}",
            f"- **SHA-256:** `{d.sha256}`",
            f"- **Lexicon version:** {escape(d.lexicon_version)}",
            "",
        ]
    return out
