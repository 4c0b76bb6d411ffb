"""Tesseract's words made into lines and paragraphs like a text layer's, and how well it read.

Tesseract cuts lines and paragraphs where a text layer would not, and reads dust as words: a
line of '|' and '~' along a copier edge, a lone ':' between two lines of a paragraph, which would
also break the join of a word hyphenated at the line end above it. Lines are put back together
and such specks dropped before extract.build_text joins the words into the page's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from annotator.pdf.extract import RawWord

Box = tuple[float, float, float, float]

_PARAGRAPH_GAP = 0.8
"""Lines closer than this many line heights, one under the other, belong to one paragraph."""
_ROW_GAP, _CELL_GAP = 1.5, 0.5
"""A piece this many line heights right of a line continues it (in the same block, in another)."""
_EDGE_MARKS = "\"'()[]{}¿¡:;,.!?“”‘’"
_WORDLIKE = re.compile(r"[^\W\d_]+(?:['’/-][^\W\d_]+)*")
"""Letters, with an inner apostrophe, slash or hyphen."""
_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th|a|o|s|%)?|[A-Z]{1,4}-?\d+[A-Z]?|#\d+")
"""A number, a date, an amount, or a code like MS-13, S-1, A012."""
_SHORT_WORDS = frozenset(
    "a an as at be by do go he i if in is it me my no of on or so to up us we am are but can "
    "did for get had has her him his how its may not now one our out own per see she the too "
    "two was who why yes yet you all any few new old off put say way "
    "al de del el en es la le lo los las mi o se si su sus te tu un una uno y ya e u con por "
    "que son fue han hay muy mas sin dos ese esa eso ni sr sra dr mr mrs ms st".split()
)
"""Common words of three letters or fewer, English and Spanish: what real short tokens are."""
_VOWELS = frozenset("aeiouyáéíóúü")
_MIN_COLUMN_LINES = 4


def drop_specks(raw: Iterable[RawWord]) -> list[RawWord]:
    """Drop what dust reads as: lines with nothing in them shaped like print ('|', '~', ': ae =',
    along a copier edge or down a gutter), scraps at either end of a line, and lines of one or
    two characters squeezed between two lines of a paragraph. Run on lines in reading order."""
    lines = [_trimmed(ws) for _, ws in _lines(list(raw)) if not _scrap(ws)]
    lines = [ws for ws in lines if ws]
    return [w for i, ws in enumerate(lines) if not _stray(lines, i) for w in ws]


def _scrap(words: list[RawWord]) -> bool:
    """A line with no word of print in it: three letters or more shaped like a word or a
    number, or capitals (a code or an answer on a form: 'EWI', 'MS', 'M')."""
    return not any(_real(w[4]) for w in words)


def _real(token: str) -> bool:
    core = token.strip(_EDGE_MARKS)
    size = sum(ch.isalnum() for ch in core)
    if core.isupper() or core.isdigit():
        return size >= 1
    shaped = _WORDLIKE.fullmatch(core) or _NUMBER.fullmatch(core)
    return size >= 3 and shaped is not None


def _trimmed(words: list[RawWord]) -> list[RawWord]:
    """The line without the scraps at its ends: marks and bits of one or two lower-case
    letters that are not words, set apart from the rest by more than a letter's width."""
    height = max(w[3] - w[1] for w in words)
    start, end = 0, len(words)
    while start < end - 1 and _loose(words[start], words[start + 1], height):
        start += 1
    while end - 1 > start and _loose(words[end - 1], words[end - 2], height):
        end -= 1
    return words[start:end]


def _loose(word: RawWord, neighbour: RawWord, height: float) -> bool:
    core = word[4].strip(_EDGE_MARKS)
    letters = sum(ch.isalnum() for ch in core)
    scrap = letters == 0 or (letters <= 2 and core.islower() and core not in _SHORT_WORDS)
    gap = max(neighbour[0] - word[2], word[0] - neighbour[2])
    return scrap and gap > 0.6 * height


def _has_alnum(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def _stray(lines: list[list[RawWord]], i: int) -> bool:
    """A line of one or two characters squeezed between the lines around it, which stand as
    close as two lines of a paragraph (a real short line, like a list number, has a line's
    height to itself)."""
    words = lines[i]
    if len(words) != 1 or len(words[0][4].strip()) > 2 or not 0 < i < len(lines) - 1:
        return False
    above, below, own = _box(lines[i - 1]), _box(lines[i + 1]), _box(words)
    height = min(above[3] - above[1], below[3] - below[1])
    if below[1] - above[3] >= 0.9 * height:
        return False
    return min(above[0], below[0]) - height <= own[0] <= max(above[2], below[2]) + height


def column_order(raw: list[RawWord]) -> list[RawWord]:
    """Tesseract's words read column by column when the page has two columns it read row by row.

    On a noisy scan Tesseract may take the specks in a gutter for text and read both columns as
    one, each line running across the gutter, which splits every phrase that runs on to the
    next line of its column. The gutter is found as a strip of the page that next to no word
    covers; each line is cut there, and the pieces are read column by column. Lines with a word
    across the gutter (a title, a full-width paragraph) cut the page into bands read one after
    the other.
    """
    gutter = _gutter(raw)
    if gutter is None:
        return raw
    pieces: list[tuple[str, Box, list[RawWord]]] = []
    for (block, line), words in _lines(raw):
        if _across(words, gutter):
            pieces.append(("X", _box(words), words))
            continue
        for side in "LR":
            part = [w for w in words if ((w[0] + w[2]) / 2 < gutter) == (side == "L")]
            if part:
                pieces.append(
                    (
                        side,
                        _box(part),
                        [(*w[:5], block, 2 * line + (side == "R"), w[7]) for w in part],
                    )
                )
    out: list[RawWord] = []
    band: dict[str, list[tuple[Box, list[RawWord]]]] = {"L": [], "R": []}
    for side, box, words in sorted(pieces, key=lambda p: p[1][1]):
        if side == "X":
            out.extend(_flush(band))
            out.extend(words)
        else:
            band[side].append((box, words))
    out.extend(_flush(band))
    return out


def _across(words: list[RawWord], gutter: float) -> bool:
    """A line that runs across the gutter: a word of it over the gutter and words of it on
    either side (a speck read as a word there does not make one)."""
    real = [w for w in words if sum(ch.isalnum() for ch in w[4]) >= 3]
    left = sum((w[0] + w[2]) / 2 < gutter for w in real)
    return min(left, len(real) - left) >= 2 and any(w[0] < gutter < w[2] for w in real)


def _flush(band: dict[str, list[tuple[Box, list[RawWord]]]]) -> list[RawWord]:
    """A band's left column, then its right, each line after line."""
    out = [
        w for side in "LR" for _, words in sorted(band[side], key=lambda b: b[0][1]) for w in words
    ]
    band["L"].clear()
    band["R"].clear()
    return out


def _gutter(raw: list[RawWord]) -> float | None:
    """The middle of the widest strip in the middle half of the page that next to no word
    covers (one word in fifty may: a speck read as one), when it is at least a line's height
    wide and several lines stand wholly on either side of it."""
    words = [w for w in raw if sum(ch.isalnum() for ch in w[4]) >= 2]
    if len(words) < 8 * _MIN_COLUMN_LINES:
        return None
    left, right = min(w[0] for w in words), max(w[2] for w in words)
    height = sorted(w[3] - w[1] for w in words)[len(words) // 2]
    cover = np.zeros(int(right - left) + 2, dtype=np.int32)
    for w in words:
        cover[int(w[0] - left) : int(w[2] - left) + 1] += 1
    lo, hi = int(0.25 * len(cover)), int(0.75 * len(cover))
    free = np.flatnonzero(cover[lo:hi] <= len(words) // 50) + lo
    if not len(free):
        return None
    runs = np.split(free, np.flatnonzero(np.diff(free) > 1) + 1)
    widest = max(runs, key=len)
    if len(widest) < 0.8 * height:
        return None
    middle = left + (widest[0] + widest[-1]) / 2
    boxes = [_box(ws) for _, ws in _lines(raw)]
    left_lines = sum(b[2] < middle for b in boxes)
    right_lines = sum(b[0] > middle for b in boxes)
    split_lines = sum(b[0] < middle < b[2] for b in boxes)
    if min(left_lines + split_lines, right_lines + split_lines) < _MIN_COLUMN_LINES:
        return None
    return float(middle)


def regroup_lines(raw: list[RawWord]) -> list[RawWord]:
    """Undo the splits Tesseract makes inside a line and inside a paragraph.

    Tesseract may cut one visual line in two, or start a new block mid-paragraph; a phrase broken
    there would read as two lines or two blocks. A piece on the same row just right of the
    previous one rejoins its line; a line right under the previous one, starting at its left
    edge, rejoins its paragraph. Blocks and lines are renumbered in order for build_text.
    """
    out: list[RawWord] = []
    block = line = 0
    prev: tuple[int, Box] | None = None
    for (old_block, _), words in _lines(raw):
        box = _box(words)
        if prev is not None:
            same_block = old_block == prev[0]
            if _same_row(prev[1], box, same_block):
                box = _union(prev[1], box)
            elif same_block or _continues(prev[1], box):
                line += 1
            else:
                block, line = block + 1, line + 1
        out.extend((*w[:5], block, line, w[7]) for w in words)
        prev = (old_block, box)
    return out


def reading_quality(raw: Iterable[RawWord]) -> float:
    """How much of what Tesseract read looks like print: the share of the page's letters and
    digits in tokens shaped like words, numbers or codes. A short word counts only if it is a
    common one (noise and handwriting read as letters make "Wr", "oO", "ver"); a short run of
    capitals (an acronym or noise) counts neither way. A page of print reads 0.85 and more, a
    page of noise, handwriting or a drawing read as letters well under half; 1.0 when nothing
    was read."""
    good = total = 0
    for word in raw:
        token = word[4].strip(_EDGE_MARKS)
        size = sum(ch.isalnum() for ch in token)
        kind = _kind(token)
        if not size or kind is None:
            continue
        total += size
        good += size if kind else 0
    return good / total if total else 1.0


def _kind(token: str) -> bool | None:
    """True for a token shaped like print, False for one that is not, None for either."""
    if _NUMBER.fullmatch(token):
        return True
    if not _WORDLIKE.fullmatch(token):
        return False
    letters = [ch for ch in token if ch.isalpha()]
    if token.isupper() and len(letters) <= 5:
        return None  # an acronym (PNC, EWI) or noise read as capitals
    if len(letters) <= 3:
        return token.lower() in _SHORT_WORDS
    cased = token.islower() or token.isupper() or token[1:].islower()
    return cased and any(ch in _VOWELS for ch in token.lower())


def _lines(raw: list[RawWord]) -> list[tuple[tuple[int, int], list[RawWord]]]:
    lines: list[tuple[tuple[int, int], list[RawWord]]] = []
    for word in raw:
        key = (word[5], word[6])
        if not lines or lines[-1][0] != key:
            lines.append((key, []))
        lines[-1][1].append(word)
    return lines


def _box(words: list[RawWord]) -> Box:
    return (
        min(w[0] for w in words),
        min(w[1] for w in words),
        max(w[2] for w in words),
        max(w[3] for w in words),
    )


def _same_row(left: Box, box: Box, same_block: bool) -> bool:
    height = min(left[3] - left[1], box[3] - box[1])
    overlap = min(left[3], box[3]) - max(left[1], box[1])
    reach = (_ROW_GAP if same_block else _CELL_GAP) * height
    return overlap >= 0.5 * height and left[0] < box[0] <= left[2] + reach


def _continues(above: Box, box: Box) -> bool:
    height = min(above[3] - above[1], box[3] - box[1])
    gap = box[1] - above[3]
    return -0.3 * height <= gap <= _PARAGRAPH_GAP * height and abs(box[0] - above[0]) <= height


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
