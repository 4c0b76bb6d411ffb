"""Helpers for the OCR tests: image-only copies of real PDFs, the evaluation's degrader, box
overlap, an OCR call counter."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pymupdf
import pytest

from annotator.core.model import Rect
from annotator.pdf import ocr
from annotator.pdf.ocr import OcrEngine, OcrUnavailable, find_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import degrade as degrade  # eval/degrade.py: evaluation tooling, not part of the app


def tesseract() -> OcrEngine:
    """Tesseract's data: the app ships it (resources/tessdata), so this skips only in a build
    without it and with no Tesseract installed."""
    try:
        return find_engine()
    except OcrUnavailable as err:
        pytest.skip(str(err))


def scanned_copy(src: Path, dst: Path, dpi: int = 200) -> Path:
    """An image-only twin of a PDF: each page rendered in gray, stored as a JPEG, no text layer."""
    with pymupdf.open(src) as pdf, pymupdf.open() as out:
        for page in pdf:
            pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
            sheet = out.new_page(width=page.rect.width, height=page.rect.height)
            sheet.insert_image(sheet.rect, stream=pix.tobytes("jpeg", jpg_quality=80))
        out.save(dst)
    return dst


def overlaps(a: Rect, b: Rect) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def any_overlap(rects: Sequence[Rect], others: Sequence[Rect]) -> bool:
    return any(overlaps(a, b) for a in rects for b in others)


def count_ocr_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Wrap the real ocr_page with a counter (in this process: ingest with workers=1)."""
    calls: list[int] = []
    real = ocr.ocr_page

    def counted(page: pymupdf.Page, engine: OcrEngine, language: str = ""):  # type: ignore[no-untyped-def]
        calls.append(page.number + 1)
        return real(page, engine, language)

    monkeypatch.setattr(ocr, "ocr_page", counted)
    return calls


TYPED = [
    "FICTIONAL TEST DOCUMENT - HANDWRITTEN STATEMENT ATTACHED",
    "The officer wrote that the subject is a gang member of MS-13.",
]


def handwriting(page: pymupdf.Page, seed: int = 1) -> None:
    """Lines of scribble where handwriting would be: ink OCR cannot make out."""
    rng = np.random.default_rng(seed)
    page.insert_text((72, 60), "FICTIONAL TEST PAGE - handwritten statement", fontsize=9)
    for row in range(24):
        y, x = 100 + row * 26, 72.0
        while x < 520:
            n = int(rng.integers(3, 9))
            points = [(x + k * 4 + rng.normal(0, 1), y + rng.normal(0, 5)) for k in range(2 * n)]
            page.draw_polyline(points, width=1.2)
            x += n * 8 + 12


def handwritten_statement(path: Path) -> Path:
    """An image-only PDF: page 1 typed (a gang label on it), page 2 handwritten scribble that
    OCR cannot make out (a "poorly read" page)."""
    with pymupdf.open() as typed, pymupdf.open() as scan:
        first = typed.new_page(width=612, height=792)
        for i, line in enumerate(TYPED):
            first.insert_text((72, 100 + 16 * i), line, fontsize=11)
        handwriting(typed.new_page(width=612, height=792))
        for page in typed:
            image = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
            scan.new_page(width=612, height=792).insert_image(
                pymupdf.Rect(0, 0, 612, 792), stream=image
            )
        scan.save(path)
    return path
