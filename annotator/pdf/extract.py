"""Open PDFs safely and extract every page's text with word boxes, in reading order.

A page's text is its words joined by one space within a visual line, a newline between lines
and a blank line between blocks. Each word keeps its offsets into that text, so any span of the
text maps back to boxes on the page.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pymupdf

from annotator.core.errors import BadInputFile
from annotator.core.model import PageText, Word

# Ligatures expanded (no TEXT_PRESERVE_LIGATURES) so "ﬁ" reads as "fi"; no dehyphenation, which
# would merge two lines' pieces into one box.
_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP
_MIN_TEXT_CHARS = 20
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
    if not p.exists():
        raise BadInputFile(name, "no such file")
    if p.is_dir():
        raise BadInputFile(name, "is a folder, not a PDF file")
    try:
        with open(p, "rb") as fh:
            head = fh.read(1024)
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
    if pdf.needs_pass:
        pdf.close()
        raise BadInputFile(name, "is password-protected; save an unlocked copy and add that")
    if pdf.page_count == 0:
        pdf.close()
        raise BadInputFile(name, "has no pages (the file may be truncated)")
    try:
        pdf.load_page(pdf.page_count - 1)
    except Exception as err:
        pdf.close()
        raise BadInputFile(name, f"is truncated or damaged ({err})") from err
    return pdf


def extract_page(page: pymupdf.Page) -> PageText:
    """The page's text and word boxes; boxes in unrotated PyMuPDF page space."""
    raw = page.get_text("words", flags=_FLAGS)
    parts: list[str] = []
    words: list[Word] = []
    pos = 0
    prev_key: tuple[int, int] | None = None
    line = -1
    for x0, y0, x1, y1, token, block, line_no, _ in raw:
        key = (block, line_no)
        if prev_key is None:
            line = 0
        elif key != prev_key:
            sep = "\n\n" if block != prev_key[0] else "\n"
            parts.append(sep)
            pos += len(sep)
            line += 1
        else:
            parts.append(" ")
            pos += 1
        parts.append(token)
        words.append(Word((x0, y0, x1, y1), pos, pos + len(token), line))
        pos += len(token)
        prev_key = key
    text = "".join(parts)
    rect = page.rect
    return PageText(
        number=page.number + 1,
        width=rect.width,
        height=rect.height,
        rotation=page.rotation,
        text=text,
        words=words,
        needs_ocr=_needs_ocr(page, text),
    )


def _needs_ocr(page: pymupdf.Page, text: str) -> bool:
    visible = len(text.strip())
    if visible and text.count("\ufffd") / visible > _GARBLED:
        return True
    return visible < _MIN_TEXT_CHARS and bool(page.get_images(full=False))


def iter_pages(
    pdf: pymupdf.Document, start: int = 0, stop: int | None = None
) -> Iterator[PageText]:
    """Pages start..stop-1 (0-based, like PyMuPDF) as PageText."""
    stop = pdf.page_count if stop is None else min(stop, pdf.page_count)
    for index in range(start, stop):
        yield extract_page(pdf.load_page(index))


def document_title(pdf: pymupdf.Document, path: str | os.PathLike[str]) -> str:
    title = (pdf.metadata or {}).get("title") or ""
    return title.strip() or Path(path).stem.replace("_", " ")
