"""The domain's plain data: documents, pages, words, findings and their statuses."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

Rect = tuple[float, float, float, float]
"""x0, y0, x1, y1 in PDF points, PyMuPDF page space (origin top-left of the unrotated page)."""


class Category(StrEnum):
    GANG_LABEL = "gang_label"
    RED_NOTICE = "red_notice"
    SAFE = "safe"
    FUSION_CENTER = "fusion_center"

    @property
    def title(self) -> str:
        return CATEGORY_TITLES[self]


CATEGORY_TITLES = {
    Category.GANG_LABEL: "Gang labels",
    Category.RED_NOTICE: "INTERPOL Red Notices",
    Category.SAFE: "SAFE and foreign police data",
    Category.FUSION_CENTER: "Fusion centers",
}


class Status(StrEnum):
    UNTAGGED = "untagged"
    UNVERIFIED = "unverified"
    REBUTTED = "rebutted"
    DISMISSED = "dismissed"


class Source(StrEnum):
    MODEL = "model"
    MANUAL = "manual"


class Word(NamedTuple):
    """One extracted word: its box, and where it sits in the page's text.

    A named tuple, not a dataclass: a page has hundreds and they are made and pickled in bulk.
    """

    rect: Rect
    start: int
    end: int
    line: int
    """Index of the visual line the word is on; pieces of a finding are grouped by it."""


_WORD_FIELDS = 7


def pack_words(words: list[Word], typecode: str = "f") -> bytes:
    """Word boxes as a flat array of (x0, y0, x1, y1, start, end, line): compact to store or send
    between processes ("f" float32 to store, "d" to keep every digit)."""
    flat = array(typecode)
    for w in words:
        flat.extend((*w.rect, w.start, w.end, w.line))
    return flat.tobytes()


def unpack_words(blob: bytes | None, typecode: str = "f") -> list[Word]:
    if not blob:
        return []
    flat = array(typecode)
    flat.frombytes(blob)
    return [
        Word(
            (flat[i], flat[i + 1], flat[i + 2], flat[i + 3]),
            int(flat[i + 4]),
            int(flat[i + 5]),
            int(flat[i + 6]),
        )
        for i in range(0, len(flat), _WORD_FIELDS)
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
    words: list[Word]
    needs_ocr: bool = False
    ocr_done: bool = False
    language: str = "en"


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
