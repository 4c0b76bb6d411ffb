"""The memo's chronology and its account of repeated claims: each allegation by the date of its
source, and where a claim several documents repeat first appears.

A finding's source date is a date its passage gives ("identified by BPD on March 3, 2021"), or
else its document's own date from the document's head. "The same claim" is `claim_key`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from annotator.core.model import Category, Document, Finding, Role
from annotator.export.model import MemoFinding, Paragraph, Section, Table
from annotator.export.text import CHRONOLOGY_TITLE
from annotator.nlp.dates import event_dates, readable

ALLEGATION_ROLES = (Role.SUBJECT, None)
"""The gang references the chronology lists: those about the respondent (None: not decided)."""


PASSAGE_REACH = 160
"""Characters of the passage around the matched words in which a date is the claim's own."""


def source_date(finding: Finding, document: Document) -> tuple[str, bool]:
    """The date of the finding's source, and whether the passage itself gives it: a date near
    the matched words ("identified by BPD on March 3, 2021"), else the document's date."""
    at = max(finding.sentence.find(finding.text), 0)
    end = at + len(finding.text)
    near = [
        d
        for d in event_dates(finding.sentence, finding.language or "en")
        if d.end > at - PASSAGE_REACH and d.start < end + PASSAGE_REACH
    ]
    if not near:
        return document.source_date, False
    closest = min(near, key=lambda d: min(abs(d.start - end), abs(at - d.end)))
    return closest.iso, True


def asserted_by(finding: Finding) -> str:
    """The chain of who asserted a finding: the document's issuer and whom it relays."""
    agency = finding.agency or "the document's author (issuer not identified)"
    if finding.attributed_to:
        return f"{agency}, relaying {finding.attributed_to} (hearsay)"
    if finding.relayed:
        return f"{agency}, relaying an unnamed source (hearsay)"
    return f"{agency}; no other source given"


NOTICE_SUBTYPES = ("red_notice", "diffusion")
"""The INTERPOL findings that allege something: a notice or diffusion, not a mention of the
channel (NCB, INTERPOL Washington). SAFE and fusion centres are channels and sources too."""
_MAX_CLAIMS = 6


def is_allegation(entry: MemoFinding) -> bool:
    if entry.category is Category.GANG_LABEL:
        return entry.role in ALLEGATION_ROLES
    return entry.category is Category.RED_NOTICE and entry.subtype in NOTICE_SUBTYPES


Cites = Callable[[Document, list[int]], str]


def chronology(
    entries: list[MemoFinding], keys: list[tuple[str, str]], intro: list[Paragraph]
) -> Section:
    """The allegations, one row per document and source date, in the order of the dates."""
    groups: dict[tuple[str, str, bool], list[tuple[MemoFinding, tuple[str, str]]]] = {}
    for entry, key in zip(entries, keys, strict=True):
        if is_allegation(entry):
            place = (entry.source_date, entry.document, entry.date_in_passage)
            groups.setdefault(place, []).append((entry, key))
    rows = [
        (date or "9999", members[0][0].number, _row(members))
        for (date, _, _), members in groups.items()
    ]
    rows.sort(key=lambda r: (r[0], r[1]))
    table = Table(
        ["Date of source", "Allegations", "Asserted by", "Where"],
        [r[2] for r in rows],
        [1.1, 2.3, 2.2, 1.2],
    )
    empty = "The record holds no allegation against the respondent of the kinds this memo covers."
    return Section(CHRONOLOGY_TITLE, [], intro=intro, table=table if rows else None, empty=empty)


def _row(members: list[tuple[MemoFinding, tuple[str, str]]]) -> list[str]:
    first = members[0][0]
    date = readable(first.source_date) if first.source_date else "undated"
    if first.source_date and first.date_in_passage:
        date += " (in the passage)"
    claims = list({key: f"“{e.matched}”" for e, key in reversed(members)}.values())[::-1]
    shown = ", ".join(claims[:_MAX_CLAIMS])
    if len(claims) > _MAX_CLAIMS:
        shown += f" and {len(claims) - _MAX_CLAIMS} more"
    who = Counter(e.asserted_by for e, _ in members).most_common(2)
    asserted = "; ".join(w for w, _ in who)
    pages = ", ".join(dict.fromkeys(e.page for e, _ in members))
    return [date, shown, asserted, f"Doc. {first.document_number}, {pages}"]


def link_repeats(
    findings: list[Finding],
    entries: list[MemoFinding],
    documents: dict[int, Document],
    keys: list[tuple[str, str]],
    cites: Cites,
) -> None:
    """Under the first finding of a claim seen in several documents, cite the others and say
    where the claim first appears (the earliest source date), and whether every repetition
    traces back to it; under the others, where it first appears."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        groups[key].append(i)
    for members in groups.values():
        places = dict.fromkeys(findings[i].document_id for i in members)
        if len(places) < 2:
            continue
        head = members[0]
        origin = min(members, key=lambda i: (entries[i].source_date or "9999", i))
        others: dict[int, list[int]] = defaultdict(list)
        for i in members[1:]:
            if findings[i].document_id != findings[head].document_id:
                others[findings[i].document_id].append(findings[i].page)
        entries[head].also_in = [cites(documents[d], p) for d, p in others.items()]
        where = _origin(entries[origin], documents[findings[origin].document_id])
        tracing = all(
            _traces(findings[i], documents[findings[origin].document_id])
            for i in members
            if findings[i].document_id != findings[origin].document_id
        )
        verb = "every one traces to" if tracing else "it first appears in"
        entries[head].repeated = f"in {len(places)} documents; {verb} {where}"
        for i in members:
            if i != head and findings[i].document_id != findings[origin].document_id:
                entries[i].first_at = entries[origin].cite


def _origin(entry: MemoFinding, document: Document) -> str:
    year = entry.source_date[:4] if entry.source_date else ""
    issuer = document.agency or document.title
    return f"the {year + ' ' if year else ''}{issuer} record ({entry.cite})"


_COMMON = frozenset(
    "the of and for de del la los las el department police office unit center centre "
    "regional national public report record division".split()
)


def _traces(finding: Finding, origin: Document) -> bool:
    """The finding credits the origin's issuer: its attribution or its passage names it."""
    issuer = origin.agency.lower()
    words = {w.strip("()–-,.") for w in issuer.split()} - _COMMON
    words = {w for w in words if len(w) > 3}
    acronym = "".join(w[0] for w in origin.agency.split() if w[:1].isupper())
    said = f"{finding.attributed_to} {finding.sentence}".lower()
    if any(w in said for w in words):
        return True
    return len(acronym) >= 3 and acronym.lower() in said.split()
