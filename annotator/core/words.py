"""A page's words with their boxes, packed: the bulk of what ingest stores and sends between
processes."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, overload

Rect = tuple[float, float, float, float]
"""x0, y0, x1, y1 in PDF points, PyMuPDF page space (origin top-left of the unrotated page)."""


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
