"""Gather a case's findings into the memo: sections, counts, cites, hedges and repeated claims."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from annotator import __version__
from annotator.core.model import Category, Document, Finding, Source, Status
from annotator.export.model import (
    SUMMARY_STATUSES,
    UNREVIEWED_TITLE,
    DocumentEntry,
    Memo,
    MemoFinding,
    Quote,
    Section,
    SummaryRow,
)
from annotator.export.template import MemoTemplate, load_template
from annotator.store import CaseStore

QUOTE_LIMIT = 320
"""Sentences longer than this are cut to a window around the match."""
_CONTEXT = 140
_LEADING_ARTICLES = re.compile(r"^(?:the|a|an|la|el|los|las|un|una)\s+")


def build_memo(
    case: CaseStore,
    *,
    reviewer: str | None = None,
    today: date | None = None,
    template: MemoTemplate | None = None,
) -> Memo:
    """The memo for `case`; `reviewer` overrides the case's reviewer name."""
    info = case.info()
    reviewer = info.reviewer if reviewer is None else reviewer
    when = long_date(today or date.today())
    values = {
        "respondent": info.respondent or "the respondent",
        "a_number": info.a_number,
        "reviewer": reviewer,
        "date": when,
    }
    template = template or load_template(values)
    documents = {d.id: d for d in case.documents()}
    findings = case.findings()
    listed = [f for f in findings if f.status is not Status.DISMISSED]
    sections, unreviewed = _sections(_entries(case, listed, documents))
    header = [
        ("Respondent", info.respondent or "—"),
        ("A-number", info.a_number or "—"),
        ("Prepared by", reviewer or "—"),
        ("Date", when),
        ("Re", template.line("re")),
    ]
    return Memo(
        title=template.line("title"),
        confidentiality=template.line("confidentiality"),
        header=header,
        review_notice=template.line("review notice"),
        purpose=template.paragraphs("purpose"),
        framework=template.paragraphs("legal framework"),
        overview=_overview(documents.values(), findings),
        summary=_summary(findings),
        documents=_document_entries(case, documents.values(), listed),
        sections=sections,
        unreviewed=unreviewed,
        dismissed=len(findings) - len(listed),
        generator=f"Case-File Annotator {__version__}",
        template_name=template.path.name,
    )


def _sections(entries: list[MemoFinding]) -> tuple[list[Section], Section]:
    """One section per category for reviewed findings; untagged ones in their own, numbered."""
    reviewed = [e for e in entries if e.status is not Status.UNTAGGED]
    sections = [Section(c.label, [e for e in reviewed if e.category is c], c) for c in Category]
    unreviewed = Section(UNREVIEWED_TITLE, [e for e in entries if e.status is Status.UNTAGGED])
    _number([*sections, unreviewed])
    return sections, unreviewed


def cite(document: Document, page: int) -> str:
    """The pinpoint cite: "Title, p. RIVAS-000123 (PDF p. 3)", or "Title, PDF p. 3"."""
    return f"{document.title}, {_page_ref(document, page)}"


def _label(document: Document, page: int) -> str:
    labels = document.page_labels
    return labels[page - 1] if 0 < page <= len(labels) else ""


def _page_ref(document: Document, page: int, prefix: str = "p.") -> str:
    label = _label(document, page)
    return f"{prefix} {label} (PDF p. {page})".lstrip() if label else f"PDF p. {page}"


def _cites(document: Document, pages: list[int]) -> str:
    pages = sorted(set(pages))
    if len(pages) == 1:
        return cite(document, pages[0])
    if not any(_label(document, p) for p in pages):
        return f"{document.title}, PDF pp. {', '.join(map(str, pages))}"
    return f"{document.title}, pp. {', '.join(_page_ref(document, p, '') for p in pages)}"


def _entries(
    case: CaseStore, findings: list[Finding], documents: dict[int, Document]
) -> list[MemoFinding]:
    history = _tag_history(case)
    occurrence: Counter[tuple[int, int, str, str]] = Counter()
    entries = []
    for f in findings:
        key = (f.document_id, f.page, f.sentence, f.text)
        nth = occurrence[key]
        occurrence[key] += 1
        who, on = history.get(f.id, ("", ""))
        entries.append(
            MemoFinding(
                number=0,
                finding_id=f.id,
                category=f.category,
                status=f.status,
                matched=f.text,
                quote=quote(f.sentence, f.text, nth),
                document=documents[f.document_id].title,
                page_ref=_page_ref(documents[f.document_id], f.page),
                hedge=f.hedge_cue if f.hedged else "",
                note=f.note.strip(),
                exhibit=f.exhibit.strip(),
                detected=f.detected,
                manual=f.source is Source.MANUAL,
                tagged_by=who,
                tagged_on=on,
            )
        )
    _link_repeats(findings, entries, documents)
    return entries


def quote(sentence: str, text: str, nth: int = 0) -> Quote:
    """Split `sentence` around the nth occurrence of `text`, cut to a readable window."""
    sentence = " ".join(sentence.split())
    text = " ".join(text.split())
    starts = _occurrences(sentence, text) or _occurrences(sentence.casefold(), text.casefold())
    if not sentence or not starts:
        return Quote("", text, "")
    at = starts[min(nth, len(starts) - 1)]
    before, match, after = sentence[:at], sentence[at : at + len(text)], sentence[at + len(text) :]
    if len(sentence) > QUOTE_LIMIT:
        before, after = _trim_left(before), _trim_right(after)
    return Quote(before, match, after)


def _occurrences(haystack: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), haystack)] if needle else []


def _trim_left(text: str) -> str:
    if len(text) <= _CONTEXT:
        return text
    cut = text[-_CONTEXT:]
    space = cut.find(" ")
    return "…" + (cut[space + 1 :] if 0 <= space < 30 else cut)


def _trim_right(text: str) -> str:
    if len(text) <= _CONTEXT:
        return text
    cut = text[:_CONTEXT]
    space = cut.rfind(" ")
    return (cut[:space] if space > _CONTEXT - 30 else cut) + "…"


def claim_key(finding: Finding) -> tuple[str, str]:
    """Category and matched text folded (case, accents, dashes, spacing, a leading article)."""
    text = unicodedata.normalize("NFKD", finding.text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = " ".join(re.sub(r"[^\w\s-]", " ", text).split())
    return finding.category.value, _LEADING_ARTICLES.sub("", text)


def _link_repeats(
    findings: list[Finding], entries: list[MemoFinding], documents: dict[int, Document]
) -> None:
    """Under the first finding of a claim seen in several documents, cite the others."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        groups[claim_key(f)].append(i)
    for members in groups.values():
        first = findings[members[0]]
        others: dict[int, list[int]] = defaultdict(list)
        for i in members[1:]:
            if findings[i].document_id != first.document_id:
                others[findings[i].document_id].append(findings[i].page)
        if not others:
            continue
        entries[members[0]].also_in = [_cites(documents[d], p) for d, p in others.items()]
        for i in members[1:]:
            if findings[i].document_id != first.document_id:
                entries[i].first_at = entries[members[0]].cite


def _tag_history(case: CaseStore) -> dict[int, tuple[str, str]]:
    """Who last set each finding's status, and on what day."""
    history: dict[int, tuple[str, str]] = {}
    for entry in case.audit():
        if entry.field == "status":
            history[entry.finding_id] = (entry.who, _day(entry.at))
    return history


def long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _day(stamp: str) -> str:
    try:
        return long_date(date.fromisoformat(stamp[:10]))
    except ValueError:
        return stamp


def _number(sections: list[Section]) -> None:
    n = 0
    for section in sections:
        for entry in section.findings:
            n += 1
            entry.number = n


def _summary(findings: list[Finding]) -> list[SummaryRow]:
    counts = Counter((f.category, f.status) for f in findings)
    return [SummaryRow(c.label, {s: counts[(c, s)] for s in SUMMARY_STATUSES}) for c in Category]


def _document_entries(
    case: CaseStore, documents: Iterable[Document], listed: list[Finding]
) -> list[DocumentEntry]:
    per_doc = Counter(f.document_id for f in listed)
    return [
        DocumentEntry(
            number=n,
            title=d.title,
            file_name=Path(d.path).name,
            sha256=d.sha256,
            pages=d.page_count,
            pages_not_searched=d.pages_needing_ocr,
            lexicon_version=d.lexicon_version or "—",
            findings=per_doc[d.id],
            poorly_read=", ".join(_page_ref(d, p) for p in case.poorly_read_pages(d.id)),
        )
        for n, d in enumerate(documents, start=1)
    ]


def _overview(documents: Iterable[Document], findings: list[Finding]) -> str:
    docs = list(documents)
    pages = sum(d.page_count for d in docs)
    status = Counter(f.status for f in findings)
    parts = [
        f"{status[s]} {label}"
        for s, label in (
            (Status.UNVERIFIED, "unverified"),
            (Status.REBUTTED, "rebutted"),
            (Status.UNTAGGED, "not yet reviewed"),
            (Status.DISMISSED, "dismissed as not a real reference"),
        )
    ]
    return (
        f"The {len(docs)} document{'s' if len(docs) != 1 else ''} reviewed ({pages} pages) contain "
        f"{len(findings)} reference{'s' if len(findings) != 1 else ''} of the kinds below: "
        + ", ".join(parts[:-1])
        + f" and {parts[-1]}."
    )
