"""Fixtures for detection tests: lay out lines as a real PDF, extract it, run the real pipeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest

from annotator.core.model import Detection, PageText
from annotator.nlp.detect import Detector
from annotator.pdf.extract import iter_pages, open_pdf


@dataclass
class Scan:
    path: Path
    pages: list[tuple[PageText, list[Detection]]]

    @property
    def detections(self) -> list[Detection]:
        return [d for _, dets in self.pages for d in dets]

    def of(self, category: str) -> list[Detection]:
        return [d for d in self.detections if d.category.value == category]

    def text_under(self, page_number: int, rect: Sequence[float]) -> str:
        """What PyMuPDF itself reads inside `rect` on that page."""
        with pymupdf.open(self.path) as pdf:
            return pdf[page_number - 1].get_textbox(pymupdf.Rect(rect))


def scan_path(path: Path, detector: Detector) -> Scan:
    pdf = open_pdf(path)
    try:
        pages = list(iter_pages(pdf))
    finally:
        pdf.close()
    return Scan(path, list(detector.detect_pages(pages)))


@pytest.fixture
def scan(make_pdf: Callable[..., Path], detector: Detector) -> Callable[..., Scan]:
    """scan([[line, line], [line]]) -> the pages of a real PDF and what the detector found."""

    def run(pages: Sequence[Sequence[str]], **kwargs: object) -> Scan:
        return scan_path(make_pdf(pages, **kwargs), detector)

    return run


@pytest.fixture
def scan_file(detector: Detector) -> Callable[[Path], Scan]:
    """scan_file(path) -> what the detector found in a PDF a test drew itself."""
    return lambda path: scan_path(path, detector)
