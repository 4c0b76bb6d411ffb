"""The domain's plain data: documents, pages, words, findings and their statuses."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple, overload

Rect = tuple[float, float, float, float]
"""x0, y0, x1, y1 in PDF points, PyMuPDF page space (origin top-left of the unrotated page)."""


class Category(StrEnum):
    GANG_LABEL = "gang_label"
    RED_NOTICE = "red_notice"
    SAFE = "safe"
    FUSION_CENTER = "fusion_center"

    @property
    def label(self) -> str:
        """The heading for findings of this kind: "Gang labels"."""
        return _CATEGORY_TERMS[self][0]

    @property
    def short(self) -> str:
        """One finding of this kind: "Gang label"."""
        return _CATEGORY_TERMS[self][1]

    @property
    def colour(self) -> str:
        """Its highlight colour, "#rrggbb": the window, the exhibits and the memo use it."""
        return _CATEGORY_TERMS[self][2]


_CATEGORY_TERMS = {
    Category.GANG_LABEL: ("Gang labels", "Gang label", "#e4572e"),
    Category.RED_NOTICE: ("INTERPOL Red Notices", "Red Notice", "#f2a900"),
    Category.SAFE: ("SAFE and foreign police data", "SAFE", "#2e86de"),
    Category.FUSION_CENTER: ("Fusion centers", "Fusion center", "#8e44ad"),
}


class Status(StrEnum):
    UNTAGGED = "untagged"
    UNVERIFIED = "unverified"
    REBUTTED = "rebutted"
    DISMISSED = "dismissed"

    @property
    def label(self) -> str:
        """How the window, the memo and the exhibits name it: "Not yet reviewed"."""
        return _STATUS_TERMS[self][0]

    @property
    def meaning(self) -> str:
        return _STATUS_TERMS[self][1]

    @property
    def key(self) -> str:
        """The key that sets it in the window."""
        return _STATUS_TERMS[self][2]

    @property
    def colour(self) -> str:
        return _STATUS_TERMS[self][3]


_STATUS_TERMS = {
    Status.UNTAGGED: ("Not yet reviewed", "not yet reviewed", "Backspace", "#6b7280"),
    Status.UNVERIFIED: ("Unverified", "no corroboration in the record; disputed", "U", "#b45309"),
    Status.REBUTTED: ("Rebutted", "contradicted by evidence", "R", "#15803d"),
    Status.DISMISSED: ("Dismissed", "not a real reference", "D", "#9ca3af"),
}


def tint(colour: str, strength: float) -> tuple[float, float, float]:
    """`colour` laid over white paper at `strength` (0-1), as RGB fractions: how a highlight of
    that colour looks on the page, on screen and in an exhibit alike."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return (1 - strength * (1 - r), 1 - strength * (1 - g), 1 - strength * (1 - b))


HIGHLIGHT_STRENGTH = 0.33
"""How strongly a finding's highlight tints the page it sits on."""


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


class Words(Sequence[Word]):
    """A page's words, packed: (x0, y0, x1, y1, start, end, line) per word in one flat array of
    doubles.

    A page has hundreds of words and a document thousands of pages; as one array they are made,
    stored and sent between processes as a block of bytes, and a `Word` is made only when one is
    read. Equal to any sequence of the same words, a list included.
    """

    __slots__ = ("_flat",)

    def __init__(self, flat: Iterable[float] = ()) -> None:
        self._flat = flat if isinstance(flat, array) and flat.typecode == "d" else array("d", flat)
        if len(self._flat) % _WORD_FIELDS:
            raise ValueError("a packed word has seven fields")

    @classmethod
    def of(cls, words: Iterable[Word]) -> Words:
        if isinstance(words, Words):
            return words
        flat = array("d")
        for w in words:
            flat.extend((*w.rect, w.start, w.end, w.line))
        return cls(flat)

    @classmethod
    def from_columns(
        cls,
        x0: Iterable[float],
        y0: Iterable[float],
        x1: Iterable[float],
        y1: Iterable[float],
        start: Iterable[int],
        end: Iterable[int],
        line: Iterable[int],
    ) -> Words:
        """Words from one sequence per field, interleaved without making a Word each."""
        columns = [array("d", c) for c in (x0, y0, x1, y1, start, end, line)]
        flat = array("d", bytes(8 * _WORD_FIELDS * len(columns[0])))
        for k, column in enumerate(columns):
            flat[k::_WORD_FIELDS] = column
        return cls(flat)

    def __len__(self) -> int:
        return len(self._flat) // _WORD_FIELDS

    @overload
    def __getitem__(self, index: int) -> Word: ...
    @overload
    def __getitem__(self, index: slice) -> list[Word]: ...
    def __getitem__(self, index: int | slice) -> Word | list[Word]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("word index out of range")
        f, i = self._flat, index * _WORD_FIELDS
        rect = (f[i], f[i + 1], f[i + 2], f[i + 3])
        return Word(rect, int(f[i + 4]), int(f[i + 5]), int(f[i + 6]))

    def __iter__(self) -> Iterator[Word]:
        fields = [iter(self._flat)] * _WORD_FIELDS
        for x0, y0, x1, y1, start, end, line in zip(*fields, strict=True):
            yield Word((x0, y0, x1, y1), int(start), int(end), int(line))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Words):
            return self._flat == other._flat
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking container, like list

    def __repr__(self) -> str:
        return f"Words({len(self)} words)"

    def pack(self, typecode: str = "f") -> bytes:
        if typecode == "d":
            return self._flat.tobytes()
        import numpy  # loaded already by sqlite-utils; casts a quarter million words at once

        return numpy.frombuffer(self._flat, dtype=numpy.float64).astype(typecode).tobytes()


def pack_words(words: Iterable[Word], typecode: str = "f") -> bytes:
    """Word boxes as a flat array of (x0, y0, x1, y1, start, end, line): compact to store or send
    between processes ("f" float32 to store, "d" to keep every digit)."""
    return Words.of(words).pack(typecode)


def unpack_words(blob: bytes | None, typecode: str = "f") -> Words:
    if not blob:
        return Words()
    flat = array(typecode)
    flat.frombytes(blob)
    return Words(flat)


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
