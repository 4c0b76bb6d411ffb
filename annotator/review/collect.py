"""A package from a case: one reviewer's work, or an instructor's key.

"The reviewer" of a change is the audit log's `who`. A reviewer's work is every finding they
changed, added by hand or deleted, each with the last value they gave each field (not what a
later reviewer made of it), and their audit entries behind those values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.core.model import AuditEntry, Document, Finding, Source, Status
from annotator.review.package import (
    LIFECYCLE,
    LexiconEntry,
    Package,
    PackedDocument,
    PackedEntry,
    PackedFinding,
)
from annotator.review.package_file import digest_of
from annotator.store import CaseStore
from annotator.store.case import EDITABLE

USER_SUBTYPE = "user"
"""The subtype of findings made by a user's own lexicon entries."""


def reviewers(case: CaseStore) -> list[str]:
    """Everyone who changed a finding of the case, in the order they first did."""
    seen: dict[str, None] = {}
    for entry in case.audit():
        if entry.field in EDITABLE or entry.field in LIFECYCLE:
            seen.setdefault(entry.who, None)
    return list(seen)


def default_reviewer(case: CaseStore) -> str:
    """The case's reviewer, or the only person who changed it; else the caller must say."""
    names = reviewers(case)
    if len(names) == 1:
        return names[0]
    reviewer = case.info().reviewer
    if reviewer and (reviewer in names or not names):
        return reviewer
    listed = ", ".join(repr(n) for n in names) or "nobody"
    raise AnnotatorError(f"{case.path}: say whose review to export (--reviewer): {listed}")


CARRIED_ORDER = (*EDITABLE, "role")
"""The reviewer fields a package carries: those set_fields changes, and a gang reference's
role (set through its own operation)."""
CARRIED = frozenset(CARRIED_ORDER)


def collect_review(
    case: CaseStore,
    reviewer: str,
    *,
    documents: Iterable[int] | None = None,
    all_documents: bool = False,
) -> Package:
    """`reviewer`'s work on the chosen documents: those given, else those assigned to them
    (all of them with `all_documents`, or when nothing is assigned)."""
    scope = _scope(case, reviewer, documents, all_documents)
    entries = [
        e
        for e in case.audit()
        if e.who == reviewer and (e.field in CARRIED or e.field in LIFECYCLE)
    ]
    return _package(case, "review", reviewer, scope, entries, lambda f: True)


def collect_key(case: CaseStore, instructor: str = "") -> Package:
    """The key: every finding the instructor's case has tagged (dismissed ones too, which a
    student should dismiss), with its expected status, role and model note."""
    entries = [e for e in case.audit() if e.field in CARRIED or e.field in LIFECYCLE]
    names = reviewers(case)
    name = instructor or case.info().reviewer or (names[0] if len(names) == 1 else "")
    return _package(
        case,
        "key",
        name,
        case.documents(),
        entries,
        lambda f: not f.deleted and f.status is not Status.UNTAGGED,
    )


def _scope(
    case: CaseStore, reviewer: str, documents: Iterable[int] | None, all_documents: bool
) -> list[Document]:
    everything = case.documents()
    if documents is not None:
        wanted = set(documents)
        return [d for d in everything if d.id in wanted]
    assigned = set() if all_documents else case.clinic.assigned(reviewer)
    return [d for d in everything if d.sha256 in assigned] if assigned else everything


def _package(
    case: CaseStore,
    kind: str,
    reviewer: str,
    scope: list[Document],
    entries: list[AuditEntry],
    wanted: Callable[[Finding], bool],
) -> Package:
    by_id = {d.id: d for d in scope}
    findings = {f.id: f for f in case.findings(include_deleted=True) if f.document_id in by_id}
    authors = {e.finding_id: e.who for e in case.audit() if e.field == "created"}
    touched: dict[int, list[AuditEntry]] = {}
    for e in entries:
        if e.finding_id in findings:
            touched.setdefault(e.finding_id, []).append(e)
    packed = []
    for fid, own in touched.items():
        finding = findings[fid]
        if wanted(finding):
            packed.append(_packed(finding, by_id[finding.document_id], own, authors))
    order = {d.sha256: n for n, d in enumerate(scope)}
    packed.sort(key=lambda p: (order[p.document], p.page, p.start, p.uid))
    kept = {p.uid for p in packed}
    package = Package(
        kind=kind,
        reviewer=reviewer,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        app=f"Case-File Annotator {__version__}",
        documents=tuple(
            PackedDocument(d.sha256, d.title, Path(d.path).name, d.page_count) for d in scope
        ),
        fields=tuple(CARRIED_ORDER),
        findings=tuple(packed),
        audit=tuple(
            PackedEntry(e.finding_id, e.at, e.who, e.field, e.old, e.new)
            for e in entries
            if e.finding_id in kept
        ),
        lexicon=lexicon_used(findings[p.uid] for p in packed if not p.deleted),
        respondent=case.info().respondent,
    )
    return _digested(package)


def _digested(package: Package) -> Package:
    return replace(package, digest=digest_of(package))


def _packed(
    f: Finding, document: Document, own: list[AuditEntry], authors: dict[int, str]
) -> PackedFinding:
    values: dict[str, str] = {}
    event = ""
    for e in own:
        if e.field in LIFECYCLE:
            event = e.field
        else:
            values[e.field] = e.new
    return PackedFinding(
        uid=f.id,
        document=document.sha256,
        page=f.page,
        category=f.category,
        subtype=f.subtype,
        text=f.text,
        start=f.start,
        end=f.end,
        rects=tuple(f.rects),
        sentence=f.sentence,
        source=f.source,
        author=authors.get(f.id, "") if f.source is Source.MANUAL else "",
        deleted=event == "deleted",
        values=values,
    )


def lexicon_used(findings: Iterable[Finding]) -> tuple[LexiconEntry, ...]:
    """The user lexicon entries behind the review's findings.

    The hook for the user lexicon: until the case keeps its own entries, they are read from
    the findings a user entry made (subtype "user"), one per category and folded text.
    """
    seen: dict[tuple[str, str], LexiconEntry] = {}
    for f in findings:
        if f.subtype == USER_SUBTYPE:
            key = (f.category.value, " ".join(f.text.split()).casefold())
            seen.setdefault(key, LexiconEntry(f.category.value, " ".join(f.text.split())))
    return tuple(seen.values())
