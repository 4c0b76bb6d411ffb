"""Wording shared by the three memo formats, so DOCX, Markdown and PDF say the same thing."""

from __future__ import annotations

from annotator.export.model import UNREVIEWED_TITLE, DocumentEntry, Memo, MemoFinding, Section

SUMMARY_TITLE = "Summary of findings"
CHRONOLOGY_TITLE = "Chronology of the allegations"
WITHHELD_TITLE = "Appendix: withheld and redacted material"
TEMPLATE_MARK = "Template text — check before filing: "
"""Put before the template paragraph that opens a section, as the review notice says."""
DOCUMENTS_TITLE = "Documents reviewed"
APPENDIX_TITLE = "Appendix: documents and chain of custody"
PURPOSE_TITLE = "Purpose"
FRAMEWORK_TITLE = "Legal framework"
ACTIVE_LABEL = "Left out of its annotated exhibit"
STATUS_KEY = (
    "Unverified: no corroboration in the record; disputed. Rebutted: contradicted by evidence. "
    "Dismissed: not a real reference (omitted below). Gang references are counted by whom they "
    "are about: the respondent (labels to rebut), the gang as persecutor (support for the "
    "application), someone else, or background."
)


def finding_heading(finding: MemoFinding) -> str:
    """ "3. “MS-13 associate” — Unverified · Labels the respondent": the role beside the status."""
    role = f" · {finding.role.label}" if finding.role is not None else ""
    return f"{finding.number}. “{finding.matched}” — {finding.status.label}{role}"


def empty_section_text(section: Section, memo: Memo) -> str:
    if section.empty:
        return section.empty
    waiting = sum(
        1
        for f in memo.unreviewed.findings
        if f.category is section.category and (section.role is None or f.role is section.role)
    )
    if waiting:
        return (
            f"No finding of this kind has been tagged yet; {waiting} "
            f"{'is' if waiting == 1 else 'are'} listed under “{UNREVIEWED_TITLE}”."
        )
    if section.dismissed:
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


def active_content_text(document: DocumentEntry) -> str:
    """What the document's exhibit leaves out of the source, for the appendix."""
    return (
        "; ".join(document.active_content)
        + " (active content that could run or reach out when the file is opened; the pages, "
        "text and annotations are unchanged)"
    )
