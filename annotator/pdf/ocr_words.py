"""Tesseract's words made into lines and paragraphs like a text layer's, and how well it read.

Tesseract cuts lines and paragraphs where a text layer would not, and reads dust as words: a
line of '|' and '~' along a copier edge, a lone ':' between two lines of a paragraph, which would
also break the join of a word hyphenated at the line end above it. Lines are put back together
and such specks dropped before extract.build_text joins the words into the page's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

import numpy as np

from annotator.pdf.extract import RawWord

Box = tuple[float, float, float, float]

_PARAGRAPH_GAP = 0.8
"""Lines closer than this many line heights, one under the other, belong to one paragraph."""
_ROW_GAP, _CELL_GAP = 1.5, 0.5
"""A piece this many line heights right of a line continues it (in the same block, in another)."""
_WORDLIKE = re.compile(
    r"^[\"'(\[¿¡]*"
    r"(?:[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th|a|o)?|[A-Z]+-?\d+)"
    r"[\"'):;,.!?\]]*$"
)
"""A word as print has it: letters (with an inner apostrophe or hyphen), a number or a date, or
a code like MS-13, with punctuation at its ends only."""
_VOWELS = frozenset("aeiouyáéíóúü")
_MIN_COLUMN_LINES = 4


def drop_specks(raw: Iterable[RawWord]) -> list[RawWord]:
    """Drop what dust reads as: lines that hold no letter or digit ('|', '~', ':' along a copier
    edge), lone scraps of lower-case letters ('ee', 'i', 'vw' beside the text), and lines of one
    or two characters squeezed between two lines of a paragraph. Run on lines in reading order."""
    lines = [ws for _, ws in _lines(list(raw)) if any(_has_alnum(w[4]) for w in ws)]
    lines = [ws for ws in lines if not _scrap(ws)]
    return [w for i, ws in enumerate(lines) if not _stray(lines, i) for w in ws]


def _scrap(words: list[RawWord]) -> bool:
    """A line that is one token of at most three letters, some lower-case: noise, where a real
    short line is a code, a number or an initial ('M', 'EWI', '18', '4.')."""
    if len(words) != 1:
        return False
    letters = [ch for ch in words[0][4] if ch.isalnum()]
    return len(letters) <= 3 and any(ch.islower() for ch in letters)


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
    """Tesseract's lines read column by column when the page has two columns it read row by row.

    On a noisy scan Tesseract may take the specks in a gutter for text and read both columns as
    one, a line from the left and a line from the right by turns, which splits every phrase that
    runs on to the next line of its column. The gutter is found as a strip of the page that no
    line of any length crosses; lines that do cross it (a title, a full-width paragraph) cut the
    page into bands read one after the other.
    """
    lines = _lines(raw)
    boxes = [_box(words) for _, words in lines]
    gutter = _gutter(boxes)
    if gutter is None:
        return raw
    sides = [_side(box, gutter) for box in boxes]
    if sum(a != b for a, b in pairwise(s for s in sides if s != "X")) <= 2:
        return raw  # already column by column
    out: list[RawWord] = []
    band: dict[str, list[tuple[float, list[RawWord]]]] = {"L": [], "R": []}
    for (box, (_, words)), side in sorted(
        zip(zip(boxes, lines, strict=True), sides, strict=True), key=lambda item: item[0][0][1]
    ):
        if side == "X":
            for column in "LR":
                out.extend(w for _, ws in sorted(band[column], key=lambda b: b[0]) for w in ws)
                band[column].clear()
            out.extend(words)
        else:
            band[side].append((box[1], words))
    for column in "LR":
        out.extend(w for _, ws in sorted(band[column], key=lambda b: b[0]) for w in ws)
    return out


def _gutter(boxes: list[Box]) -> float | None:
    """The middle of the widest strip in the middle half of the page that next to no line a few
    words long crosses (one in twenty may: a word glued to a speck), if at least a few such lines
    stand on either side of it."""
    long = [b for b in boxes if b[2] - b[0] >= 6 * (b[3] - b[1])]
    if len(long) < 2 * _MIN_COLUMN_LINES:
        return None
    left, right = min(b[0] for b in long), max(b[2] for b in long)
    height = sorted(b[3] - b[1] for b in long)[len(long) // 2]
    cover = np.zeros(int(right - left) + 2, dtype=np.int32)
    for b in long:
        cover[int(b[0] - left) : int(b[2] - left) + 1] += 1
    lo, hi = int(0.25 * len(cover)), int(0.75 * len(cover))
    free = np.flatnonzero(cover[lo:hi] <= max(1, len(long) // 20)) + lo
    if not len(free):
        return None
    runs = np.split(free, np.flatnonzero(np.diff(free) > 1) + 1)
    widest = max(runs, key=len)
    if len(widest) < 0.6 * height:
        return None
    middle = left + (widest[0] + widest[-1]) / 2
    if min(sum(b[2] < middle for b in long), sum(b[0] > middle for b in long)) < _MIN_COLUMN_LINES:
        return None
    return float(middle)


def _side(box: Box, gutter: float) -> str:
    """Left or right of the gutter, or across it ("X"): reaching well over on both sides, not
    just by a speck read as a letter at a line's end."""
    reach = 4 * (box[3] - box[1])
    if box[0] < gutter - reach and box[2] > gutter + reach:
        return "X"
    return "L" if gutter - box[0] > box[2] - gutter else "R"


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
    """How much of what Tesseract read looks like print: the share of the page's characters in
    tokens shaped like words, numbers or codes (weighted by length, so a stray 'i' or '|' counts
    little). A clean page reads 0.9 and more; a page of noise, a photo or handwriting read as
    letters, well under half. 1.0 when nothing was read."""
    good = total = 0
    for word in raw:
        token = word[4]
        size = sum(ch.isalnum() for ch in token)
        if not size:
            continue
        total += size
        if _looks_printed(token):
            good += size
    return good / total if total else 1.0


def _looks_printed(token: str) -> bool:
    if not _WORDLIKE.match(token):
        return False
    letters = [ch for ch in token.lower() if ch.isalpha()]
    if len(letters) >= 4 and not any(ch in _VOWELS for ch in letters):
        return token.isupper()  # an acronym (NCRIC, BRIC) has none
    return True


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
