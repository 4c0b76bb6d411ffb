"""Helpers for the OCR tests: image-only copies of real PDFs, the evaluation's degrader, box
overlap, an OCR call counter."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

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
