"""Qt-free work for the worker processes: hash, extract + detect a chunk, settle anchors.

The GUI process never loads spaCy; it only stores what these functions return. Each worker
opens its own PDF; nothing PyMuPDF crosses a process boundary. Pages travel with their word
boxes packed in one array (`Words`): a 1,000-page PDF has some 600,000 words, and as Python
objects held in the window's process they would make each full garbage collection stall the
event loop for hundreds of milliseconds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.model import PageText
from annotator.pdf.extract import sha256_file

if TYPE_CHECKING:  # the GUI process never imports spaCy; only the workers run ingest code
    from annotator.nlp.worker import PageResult
    from annotator.pdf.ocr import OcrEngine

CHUNK_PAGES = 25


def chunks(page_count: int, size: int = CHUNK_PAGES) -> list[tuple[int, int]]:
    return [(s, min(s + size, page_count)) for s in range(0, page_count, size)]


def file_hash(path: str) -> str:
    return sha256_file(path)


def lexicon_version(models: str) -> str:
    from annotator.nlp.worker import worker_detector

    return worker_detector(models).lexicon_version


def detect_chunk(path: str, start: int, stop: int, models: str) -> list[PageResult]:
    from annotator.ingest import extract_and_detect

    return extract_and_detect((path, start, stop, models))


def redetect(pages: list[PageText], introduced: set[str], models: str) -> list[PageResult]:
    """Detect again the pages that turned down an acronym the document does introduce."""
    from annotator.nlp.worker import detect_page_result, worker_detector

    detector = worker_detector(models)
    return [detect_page_result(detector, page, introduced) for page in pages]


def ocr_detect(
    path: str, number: int, engine: OcrEngine, models: str
) -> tuple[int, PageResult | None, str]:
    """OCR one page of a PDF (opened read-only here) and detect on it: the page, or a problem."""
    from annotator.nlp.worker import detect_page_result, worker_detector
    from annotator.pdf.extract import open_pdf
    from annotator.pdf.ocr import ocr_page

    try:
        pdf = open_pdf(path)
        try:
            page = ocr_page(pdf.load_page(number - 1), engine)
        finally:
            pdf.close()
    except Exception as err:  # MuPDF and Tesseract raise their own error types
        return number, None, f"OCR failed ({err})"
    return number, detect_page_result(worker_detector(models), page, set()), ""


def needs_settling(results: list[PageResult]) -> tuple[set[str], list[int]]:
    """The anchors the document introduces, and the result indexes to detect again with them."""
    introduced: set[str] = set().union(*(r[2] for r in results)) if results else set()
    return introduced, [i for i, r in enumerate(results) if r[3] & introduced]


def warm_up(models: str) -> str:
    """Build the pipelines in a fresh worker so the first real chunk does not pay for it."""
    from annotator.nlp.worker import worker_detector

    worker_detector(models).pipeline("es")
    return str(Path(models))
