"""Open PDFs safely and extract every page's text with word boxes, in reading order.

A page's text is its words joined by one space within a visual line, a newline between lines
and a blank line between blocks. Each word keeps its offsets into that text, so any span of the
text maps back to boxes on the page.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, pairwise
from pathlib import Path

import numpy as np
import pymupdf

from annotator.core.errors import BadInputFile
from annotator.core.model import PageText, Word, Words

# Ligatures expanded (no TEXT_PRESERVE_LIGATURES) so "ﬁ" reads as "fi"; no dehyphenation, which
# would merge two lines' pieces into one box.
TEXT_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP
_MIN_TEXT_CHARS = 20
_SPARSE_TEXT_CHARS = 200
_SCAN_COVERAGE = 0.7
_GARBLED = 0.3

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


def sha256_file(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def open_pdf(path: str | os.PathLike[str]) -> pymupdf.Document:
    """Open a PDF for reading, or raise BadInputFile saying what is wrong with it."""
    name = str(path)
    p = Path(path)
    size = _regular_file_size(p, name)  # before any open(): a FIFO would block it forever
    try:
        with open(p, "rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, size - 2048))
            tail = fh.read()
    except OSError as err:
        raise BadInputFile(name, f"cannot be read ({err.strerror or err})") from err
    if not head:
        raise BadInputFile(name, "is empty (0 bytes)")
    if b"%PDF-" not in head:
        raise BadInputFile(name, "is not a PDF file")
    try:
        pdf = pymupdf.open(p, filetype="pdf")
    except Exception as err:  # MuPDF raises its own error types for damaged files
        raise BadInputFile(name, f"is damaged and cannot be opened ({err})") from err
    try:
        _check_readable(pdf, name, tail)
    except BaseException:
        pdf.close()
        raise
    return pdf


def _regular_file_size(p: Path, name: str) -> int:
    """The size of the file at `p`, or BadInputFile if it is not an ordinary file: missing, a
    broken link or a link loop, a folder, a FIFO, a device or a socket."""
    try:
        info = os.stat(p)
    except OSError as err:
        raise BadInputFile(name, _stat_problem(p, err)) from err
    if stat.S_ISDIR(info.st_mode):
        raise BadInputFile(name, "is a folder, not a PDF file")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        raise BadInputFile(name, f"is not a regular file ({kind}); give the PDF file itself")
    return info.st_size


def _stat_problem(p: Path, err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "is a symlink loop (the link leads back to itself); give the PDF file itself"
    if err.errno == errno.ENOENT and p.is_symlink():
        return f"is a broken link (it points to {os.readlink(p)}, which does not exist)"
    if err.errno == errno.ENOENT:
        return "no such file"
    return f"cannot be read ({err.strerror or err})"


def _check_readable(pdf: pymupdf.Document, name: str, tail: bytes) -> None:
    if pdf.needs_pass:
        raise BadInputFile(name, "is password-protected; save an unlocked copy and add that")
    try:
        count = pdf.page_count
        if count:
            pdf.load_page(count - 1)
    except Exception as err:
        raise BadInputFile(name, f"is truncated or damaged ({err})") from err
    if count == 0:
        raise BadInputFile(name, "has no pages (the file may be truncated)")
    # MuPDF quietly repairs damaged files; a repaired file that also lacks its end-of-file
    # marker was cut short, and pages or text may be missing. (Repaired files that end
    # properly, e.g. with a bad cross-reference table, are common in FOIA releases and fine.)
    if pdf.is_repaired and b"%%EOF" not in tail:
        raise BadInputFile(name, "is truncated (the end of the file is missing); pages may be lost")


RawWord = tuple[float, float, float, float, str, int, int, int]
"""One entry of PyMuPDF's get_text("words"): box, word, block, line, word number."""


def extract_page(page: pymupdf.Page) -> PageText:
    """The page's text and word boxes; boxes in unrotated PyMuPDF page space."""
    text, words = build_text(page.get_text("words", flags=TEXT_FLAGS))
    return page_text(page, text, words, needs_ocr=_needs_ocr(page, text))


def build_text(raw: Iterable[RawWord], reorder: bool = True) -> tuple[str, Words]:
    """Join words into the page's text, each word keeping its offsets and visual line.

    Text layers and OCR results both go through here, so offsets and line grouping follow
    the same rules whichever way a page was read. Worked a column at a time with numpy, with no
    Python object made per word: a 1,000-page file has a quarter of a million words.
    `reorder=False` keeps the words' order: OCR puts its columns in order itself, against the
    specks a scan's gutter may hold (ocr_words.column_order).
    """
    raw = list(raw)
    if not raw:
        return "", Words()
    x0, y0, x1, y1, tokens, kinds = _columns(raw)
    if reorder and _may_need_reordering(x0, x1, kinds):
        ordered = reading_order(raw)
        if ordered is not raw:
            x0, y0, x1, y1, tokens, kinds = _columns(ordered)
    lengths = np.fromiter(map(len, tokens), dtype=np.float64, count=len(tokens))
    ends = np.cumsum(_SEPARATOR_LENGTHS[kinds] + lengths)
    flat = np.empty((len(tokens), 7))  # Words' fields: x0, y0, x1, y1, start, end, line
    for k, column in enumerate((x0, y0, x1, y1)):
        flat[:, k] = column
    flat[:, 4] = ends - lengths
    flat[:, 5] = ends
    flat[:, 6] = np.cumsum(kinds > _SAME_LINE)
    text = "".join(chain.from_iterable(zip(_SEPARATORS[kinds].tolist(), tokens, strict=True)))
    return text, Words(array("d", flat.tobytes()))


Column = tuple[float, ...]

_SAME_LINE = 1
_SEPARATORS = np.array(["", " ", "\n", "\n\n"], dtype=object)
"""What goes before a word, by its kind: nothing (the first word), a space on the same line, a
newline between lines, a blank line between blocks."""
_SEPARATOR_LENGTHS = np.array([0.0, 1.0, 1.0, 2.0])


def _columns(
    raw: list[RawWord],
) -> tuple[Column, Column, Column, Column, tuple[str, ...], np.ndarray]:
    """The words' boxes and strings, one tuple per field, and the kind of each word's
    separator (see _SEPARATORS)."""
    x0, y0, x1, y1, tokens, blocks, lines, _ = zip(*raw, strict=True)
    block = np.array(blocks)
    line = np.array(lines)
    same_block = block[1:] == block[:-1]
    kinds = np.zeros(len(tokens), dtype=np.intp)
    kinds[1:] = np.where(same_block, np.where(line[1:] == line[:-1], _SAME_LINE, 2), 3)
    return x0, y0, x1, y1, tokens, kinds


def _may_need_reordering(x0: Column, x1: Column, kinds: np.ndarray) -> bool:
    """False when reading_order would surely leave the words as they are: too few lines, or
    too few lines that start right of the page's left third. Checked on whole columns and each
    line's first word, so the common page costs no Python work per word."""
    firsts = np.flatnonzero(kinds != _SAME_LINE)
    if len(firsts) < 2 * _MIN_COLUMN_LINES:
        return False
    left, right = min(x0), max(x1)
    cut = left + 0.3 * (right - left)
    # A line's leftmost word is at or left of its first: a line counted by reading_order is
    # counted here too.
    return int(np.count_nonzero(np.array(x0)[firsts] > cut)) >= _MIN_COLUMN_LINES


_MIN_COLUMN_LINES = 4


def reading_order(raw: list[RawWord]) -> list[RawWord]:
    """Put two columns drawn row by row back in column order.

    Most PDFs draw one column after the other, and MuPDF's order is right. Some draw each row
    across both columns; then a phrase that wraps within a column ("Northern California
    Regional / Intelligence Center") would read across the gutter. Lines are regrouped only when
    a gutter is found and the drawn order crosses it back and forth; lines that span the gutter
    (a title, a full-width paragraph) split the page into bands read one after the other.
    """
    lines: dict[tuple[int, int], list[RawWord]] = {}
    for w in raw:
        lines.setdefault((w[5], w[6]), []).append(w)
    if len(lines) < 2 * _MIN_COLUMN_LINES:
        return raw
    boxes = [
        (min(w[0] for w in ws), min(w[1] for w in ws), max(w[2] for w in ws), ws)
        for ws in lines.values()
    ]
    left_edge = min(b[0] for b in boxes)
    right_edge = max(b[2] for b in boxes)
    starts = [b[0] for b in boxes if b[0] > left_edge + 0.3 * (right_edge - left_edge)]
    if len(starts) < _MIN_COLUMN_LINES:
        return raw
    gutter = min(starts) - 1
    side = ["L" if b[2] <= gutter + 1 else "R" if b[0] >= gutter else "X" for b in boxes]
    if side.count("L") < _MIN_COLUMN_LINES or side.count("R") < _MIN_COLUMN_LINES:
        return raw
    sequence = [c for c in side if c != "X"]
    if sum(a != b for a, b in pairwise(sequence)) <= 2:
        return raw  # already drawn column by column
    ordered: list[RawWord] = []
    band: dict[str, list[tuple[float, list[RawWord]]]] = {"L": [], "R": []}

    def flush() -> None:
        for column in ("L", "R"):
            for _, ws in sorted(band[column], key=lambda item: item[0]):
                ordered.extend(ws)
            band[column].clear()

    for (_, y0, _, ws), column in sorted(
        zip(boxes, side, strict=True), key=lambda item: item[0][1]
    ):
        if column == "X":
            flush()
            ordered.extend(ws)
        else:
            band[column].append((y0, ws))
    flush()
    return ordered


def page_text(
    page: pymupdf.Page, text: str, words: Sequence[Word], *, needs_ocr: bool, ocr_done: bool = False
) -> PageText:
    rect = page.rect
    return PageText(
        number=page.number + 1,
        width=rect.width,
        height=rect.height,
        rotation=page.rotation,
        text=text,
        words=words,
        needs_ocr=needs_ocr,
        ocr_done=ocr_done,
    )


def _needs_ocr(page: pymupdf.Page, text: str) -> bool:
    """No usable text layer: garbled, or (almost) empty on a page with images.

    A scan carrying a short digital stamp (a Bates number, a FOIA banner) still needs OCR: a
    page mostly covered by images and with little text is read again.
    """
    visible = len(text.strip())
    if visible and text.count("\ufffd") / visible > _GARBLED:
        return True
    if visible >= _SPARSE_TEXT_CHARS or not page.get_images(full=False):
        return False
    return visible < _MIN_TEXT_CHARS or _image_coverage(page) >= _SCAN_COVERAGE


def _image_coverage(page: pymupdf.Page) -> float:
    """Share of the page's area under images (overlapping images add up; capped at 1)."""
    bounds = page.rect * page.derotation_matrix  # image boxes are in unrotated page space
    area = float(abs(bounds))
    if not area:
        return 0.0
    covered = 0.0
    for info in page.get_image_info():
        box = pymupdf.Rect(info["bbox"]) & bounds
        if not box.is_empty:
            covered += abs(box)
    return min(covered / area, 1.0)


def iter_pages(
    pdf: pymupdf.Document, start: int = 0, stop: int | None = None
) -> Iterator[PageText]:
    """Pages start..stop-1 (0-based, like PyMuPDF) as PageText."""
    stop = pdf.page_count if stop is None else min(stop, pdf.page_count)
    for index in range(start, stop):
        yield extract_page(pdf.load_page(index))


def page_xrefs(pdf: pymupdf.Document) -> list[int]:
    """Every page's object number, in order, read from the page tree in one walk (Page.xref
    looks each page up from the top of the tree: time that grows with the page count)."""
    found: list[int] = []
    seen: set[int] = set()

    def walk(xref: int) -> None:
        if xref in seen:  # a damaged tree that loops
            return
        seen.add(xref)
        kind, kids = pdf.xref_get_key(xref, "Kids")
        if kind != "array":
            found.append(xref)
            return
        for ref in re.findall(r"(\d+) 0 R", kids):
            walk(int(ref))

    kind, root = pdf.xref_get_key(pdf.pdf_catalog(), "Pages")
    if kind == "xref":
        walk(int(root.split()[0]))
    return found


def document_title(pdf: pymupdf.Document, path: str | os.PathLike[str]) -> str:
    title = (pdf.metadata or {}).get("title") or ""
    return title.strip() or Path(path).stem.replace("_", " ")
