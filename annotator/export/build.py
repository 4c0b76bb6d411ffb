"""Gather a case's findings into the memo: sections, counts, cites, hedges and repeated claims."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from annotator import __version__
from annotator.core.model import Approval, Category, Document, Finding, Role, Source, Status
from annotator.export.chronology import asserted_by, chronology, link_repeats, source_date
from annotator.export.exhibits import active_in_source
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
from annotator.export.user_lexicon import user_lexicon_section
from annotator.export.withheld import withheld_section
from annotator.review.claims import claim_key
from annotator.store import CaseStore

ROLES = (Role.SUBJECT, Role.PERSECUTOR, Role.THIRD_PARTY, Role.BACKGROUND)
"""The order of the gang sections: the labels to rebut first, then the gang as persecutor."""

QUOTE_LIMIT = 320
"""Sentences longer than this are cut to a window around the match."""
_CONTEXT = 140


def build_memo(
    case: CaseStore,
    *,
    reviewer: str | None = None,
    today: date | None = None,
    template: MemoTemplate | None = None,
    approved_only: bool = False,
) -> Memo:
    """The memo for `case`; `reviewer` overrides the case's reviewer name; `approved_only`
    keeps only the findings a supervisor approved."""
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
    if approved_only:
        findings = [f for f in findings if f.approval is Approval.APPROVED]
    listed = [f for f in findings if f.status is not Status.DISMISSED]
    keys = [claim_key(f) for f in listed]
    entries = _entries(case, listed, documents, keys)
    sections, unreviewed = _sections(entries, findings, template)
    timeline = chronology(entries, keys, template.optional("chronology"))
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
        sections=[timeline, *sections],
        unreviewed=unreviewed,
        dismissed=len(findings) - len(listed),
        generator=f"Case-File Annotator {__version__}",
        template_name=template.path.name,
        appendices=[
            withheld_section(case, template.optional("withholdings")),
            *filter(None, [user_lexicon_section(findings)]),
        ],
    )


def role_of(finding: Finding) -> Role | None:
    """A gang reference's role for the memo; one no one has decided (added by hand) is taken
    to label the respondent, so that it is answered, not passed over."""
    if finding.category is not Category.GANG_LABEL:
        return None
    return finding.role or Role.SUBJECT


def _sections(
    entries: list[MemoFinding], findings: list[Finding], template: MemoTemplate
) -> tuple[list[Section], Section]:
    """For reviewed findings, one section per role of a gang reference (the labels to rebut
    first, then the gang as persecutor, then the others), then one per other category;
    untagged ones in their own. Findings are numbered in that order."""
    reviewed = [e for e in entries if e.status is not Status.UNTAGGED]
    dismissed = Counter((f.category, role_of(f)) for f in findings if f.status is Status.DISMISSED)
    gang = Category.GANG_LABEL
    sections = [
        Section(
            role.heading,
            [e for e in reviewed if e.category is gang and e.role is role],
            gang,
            role,
            intro=template.optional(f"role: {role.value.replace('_', ' ')}"),
            dismissed=dismissed[(gang, role)],
        )
        for role in ROLES
    ]
    sections += [
        Section(
            c.label, [e for e in reviewed if e.category is c], c, dismissed=dismissed[(c, None)]
        )
        for c in Category
        if c is not gang
    ]
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
    case: CaseStore,
    findings: list[Finding],
    documents: dict[int, Document],
    keys: list[tuple[str, str]],
) -> list[MemoFinding]:
    history = _tag_history(case)
    numbers = {doc_id: n for n, doc_id in enumerate(documents, start=1)}
    occurrence: Counter[tuple[int, int, str, str]] = Counter()
    entries = []
    for f in findings:
        key = (f.document_id, f.page, f.sentence, f.text)
        nth = occurrence[key]
        occurrence[key] += 1
        who, on = history.get(f.id, ("", ""))
        date, in_passage = source_date(f, documents[f.document_id])
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
                role=role_of(f),
                subtype=f.subtype,
                document_number=numbers[f.document_id],
                asserted_by=asserted_by(f),
                source_date=date,
                date_in_passage=in_passage,
            )
        )
    link_repeats(findings, entries, documents, keys, _cites)
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
    """Counts by status: gang references by role, the other categories as they are."""
    counts = Counter((f.category, role_of(f), f.status) for f in findings)
    gang = Category.GANG_LABEL
    rows = [
        SummaryRow(
            f"{gang.label}: {role.label.lower()}",
            {s: counts[(gang, role, s)] for s in SUMMARY_STATUSES},
        )
        for role in ROLES
    ]
    rows += [
        SummaryRow(c.label, {s: counts[(c, None, s)] for s in SUMMARY_STATUSES})
        for c in Category
        if c is not gang
    ]
    return rows


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
            complete=d.detection_complete,
            active_content=active_in_source(d),
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
