"""The domain's plain data: documents, pages, findings, and what a FOIA release withholds.

Their vocabulary (categories, statuses, roles: names and colours) is in vocabulary.py and the
packed word boxes in words.py; both are named here too, so `annotator.core.model` is where
every plain type of the domain is found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.core.vocabulary import (
    HIGHLIGHT_STRENGTH,
    Approval,
    Category,
    Role,
    Source,
    Status,
    WithholdingKind,
    tint,
)
from annotator.core.words import Rect, Word, Words, pack_words, unpack_words

__all__ = [
    "HIGHLIGHT_STRENGTH",
    "Approval",
    "AuditEntry",
    "CaseInfo",
    "Category",
    "Detection",
    "Document",
    "Finding",
    "PageText",
    "Rect",
    "Role",
    "Source",
    "Status",
    "Withholding",
    "WithholdingKind",
    "Word",
    "Words",
    "pack_words",
    "tint",
    "unpack_words",
]


@dataclass(slots=True)
class PageText:
    """A page's extracted text with the box of every word, in reading order."""

    number: int
    """1-based page number in the PDF."""
    width: float
    height: float
    rotation: int
    text: str
    words: Sequence[Word]
    """Usually `Words`; any sequence of Word will do."""
    needs_ocr: bool = False
    ocr_done: bool = False
    language: str = "en"
    ocr_quality: float | None = None
    """For a page OCR read: the share of what it read that looks like print (0-1); None for a
    page OCR has not read."""
    dark_boxes: list[tuple[float, float, float, float]] | None = None
    """For a page OCR has just read: the solid dark blocks of its image (redaction boxes, in
    page points), found from the image OCR rendered; None when not looked for (not stored)."""

    @property
    def poorly_read(self) -> bool:
        """OCR read the page but could not make out most of it: it must be read by eye."""
        return self.ocr_quality is not None and self.ocr_quality < POORLY_READ


POORLY_READ = 0.6
"""OCR reading quality under which a page is marked "poorly read"."""


@dataclass(slots=True)
class Detection:
    """A reference found by the detector, before it is stored."""

    category: Category
    subtype: str
    text: str
    start: int
    end: int
    rects: list[Rect]
    sentence: str
    hedged: bool = False
    hedge_cue: str = ""
    language: str = "en"
    role: Role | None = None
    """Who a gang reference is about; None for the other categories."""
    attributed_to: str = ""
    """Whom the sentence credits with the claim: "BRIC", "a confidential informant"."""
    relayed: bool = False
    """True when the author passes on what someone else said (hearsay), not first-hand."""


@dataclass(slots=True)
class Finding:
    """A stored reference, detected or added by hand, with the attorney's tag."""

    id: int
    document_id: int
    page: int
    category: Category
    subtype: str
    text: str
    start: int
    end: int
    rects: list[Rect]
    sentence: str = ""
    hedged: bool = False
    hedge_cue: str = ""
    status: Status = Status.UNTAGGED
    note: str = ""
    exhibit: str = ""
    source: Source = Source.MODEL
    lexicon_version: str = ""
    detected: bool = True
    """False when a re-scan no longer finds it; kept because the attorney tagged it."""
    language: str = "en"
    approval: Approval = Approval.PENDING
    """The supervisor's check of the tag (second-level review)."""
    approval_note: str = ""
    deleted: bool = False
    """A finding added by hand and then deleted: a tombstone, listed only when asked for."""
    role: Role | None = None
    """Who a gang reference is about (None for the other categories)."""
    role_set_by_reviewer: bool = False
    """True once a reviewer chose the role: a re-scan then leaves it as it is."""
    attributed_to: str = ""
    relayed: bool = False
    agency: str = ""
    """The issuing agency of the finding's document (read from the document, not stored)."""


@dataclass(slots=True)
class Document:
    id: int
    sha256: str
    path: str
    title: str
    page_count: int
    lexicon_version: str = ""
    added_at: str = ""
    pages_needing_ocr: int = 0
    page_labels: list[str] = field(default_factory=list)
    """The page stamp printed on each page (Bates or A-file number), "" where none was found."""
    pages_stored: int = 0
    agency: str = ""
    """Who issued it, read from its letterhead, header or form title: "ICE/ERO", "PNC"."""
    source_date: str = ""
    """The document's own date (ISO, "2021-03-03") from its header, or ""."""

    @property
    def detection_complete(self) -> bool:
        """Every page stored and detected. False after an interrupted scan: the document's
        findings may be missing, and the next scan or opening of the case finishes it."""
        return bool(self.lexicon_version) and self.pages_stored >= self.page_count


@dataclass(slots=True)
class Withholding:
    """Something a FOIA release holds back, found on one page: a code, a notice, a black box."""

    kind: WithholdingKind
    page: int
    """1-based page; for a gap in the Bates numbering, the page after the gap."""
    code: str = ""
    """The exemption ("(b)(7)(C)"), the agency referred to, or the missing Bates range."""
    text: str = ""
    rects: list[Rect] = field(default_factory=list)
    document_id: int = 0


@dataclass(frozen=True, slots=True)
class CaseInfo:
    respondent: str = ""
    a_number: str = ""
    reviewer: str = ""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    finding_id: int
    at: str
    who: str
    field: str
    old: str
    new: str
