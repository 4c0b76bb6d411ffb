"""Wording shared by the three memo formats, so DOCX, Markdown and PDF say the same thing."""

from __future__ import annotations

from annotator.core.model import Status
from annotator.export.model import UNREVIEWED_TITLE, DocumentEntry, Memo, MemoFinding, Section

SUMMARY_TITLE = "Summary of findings"
DOCUMENTS_TITLE = "Documents reviewed"
APPENDIX_TITLE = "Appendix: documents and chain of custody"
PURPOSE_TITLE = "Purpose"
FRAMEWORK_TITLE = "Legal framework"
STATUS_KEY = (
    "Unverified: no corroboration in the record; disputed. Rebutted: contradicted by evidence. "
    "Dismissed: not a real reference (omitted below)."
)


def finding_heading(finding: MemoFinding) -> str:
    return f"{finding.number}. “{finding.matched}” — {finding.status.label}"


def empty_section_text(section: Section, memo: Memo) -> str:
    waiting = sum(1 for f in memo.unreviewed.findings if f.category is section.category)
    if waiting:
        return (
            f"No finding in this category has been tagged yet; {waiting} "
            f"{'is' if waiting == 1 else 'are'} listed under “{UNREVIEWED_TITLE}”."
        )
    dismissed = next(
        (r.counts[Status.DISMISSED] for r in memo.summary if r.label == section.title), 0
    )
    if dismissed:
        return "Every reference of this kind was dismissed as not a real reference."
    return "The documents reviewed contain no reference of this kind."


def by_document(findings: list[MemoFinding]) -> list[tuple[str, list[MemoFinding]]]:
    """Consecutive findings grouped under their document's title, in memo order."""
    groups: list[tuple[str, list[MemoFinding]]] = []
    for finding in findings:
        if not groups or groups[-1][0] != finding.document:
            groups.append((finding.document, []))
        groups[-1][1].append(finding)
    return groups


def unreviewed_intro(section: Section) -> str:
    count = len(section.findings)
    if not count:
        return "Every finding has been reviewed."
    return (
        f"The reviewer has not yet tagged the following {count} "
        f"finding{'s' if count != 1 else ''}, listed here by document so that nothing in the "
        "record is dropped silently. Review each before filing."
    )


def appendix_intro(memo: Memo) -> str:
    text = (
        "Each document was fingerprinted with SHA-256 when it was added to the case; the source "
        "files were not modified. A file whose SHA-256 matches the value below is the document "
        "this memo cites. The lexicon version identifies the detection patterns used; the memo "
        f"was exported by {memo.generator}."
    )
    if memo.dismissed == 1:
        return text + " 1 finding dismissed as not a real reference is not listed."
    if memo.dismissed:
        return text + f" {memo.dismissed} findings dismissed as not real references are not listed."
    return text


def pages_detail(document: DocumentEntry) -> str:
    """The appendix's page count, with the pages the attorney must read by eye: those with no
    text layer that OCR did not read, and those OCR read but could not make out."""
    notes = []
    if document.pages_not_searched:
        notes.append(f"{document.pages_not_searched} without a text layer; not searched")
    if document.poorly_read:
        notes.append(f"poorly read by OCR, to be read by eye: {document.poorly_read}")
    return f"{document.pages}" + (f" ({'; '.join(notes)})" if notes else "")
