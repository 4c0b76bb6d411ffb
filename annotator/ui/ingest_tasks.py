"""Qt-free work for the worker processes: hash, extract + detect a chunk, settle anchors.

The GUI process never loads spaCy; it only stores what these functions return. Each worker
opens its own PDF; nothing PyMuPDF crosses a process boundary. Pages travel with their word
boxes packed in one array (`Words`): a 1,000-page PDF has some 600,000 words, and as Python
objects held in the window's process they would make each full garbage collection stall the
event loop for hundreds of milliseconds.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from annotator.core.model import PageText
from annotator.pdf.extract import sha256_file

if TYPE_CHECKING:  # the GUI process never imports spaCy; only the workers run ingest code
    from annotator.nlp.worker import PageResult, Settled
    from annotator.pdf.ocr import OcrEngine

CHUNK_PAGES = 25


def chunks(page_count: int, size: int = CHUNK_PAGES) -> list[tuple[int, int]]:
    return [(s, min(s + size, page_count)) for s in range(0, page_count, size)]


def file_hash(path: str) -> str:
    return sha256_file(path)


def lexicon_version(models: str) -> str:
    from annotator.nlp.worker import worker_detector

    return worker_detector(models).lexicon_version


class Chunk(NamedTuple):
    results: list[PageResult]
    breaks: list[int]
    """Pages whose break with the next page of the chunk may hold a reference that runs over."""


def detect_chunk(path: str, start: int, stop: int, models: str) -> Chunk:
    from annotator.ingest import extract_and_detect
    from annotator.ingest.settle import junction
    from annotator.nlp.worker import worker_detector

    results = extract_and_detect((path, start, stop, models))
    lexicon = worker_detector(models).lexicon
    pages = [r[0] for r in results]
    breaks = [a.number for a, b in pairwise(pages) if lexicon.might_match_page(junction(a, b))]
    return Chunk(results, breaks)


def settle(
    pages: list[PageText],
    pairs: list[tuple[PageText, PageText]],
    introduced: set[str],
    models: str,
) -> Settled:
    """Detect again the pages that lacked an anchor or an acronym the document introduces, and
    the page breaks a reference may run over."""
    from annotator.nlp.worker import settle_pages

    return settle_pages(models, pages, pairs, introduced)


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


def warm_up(models: str) -> str:
    """Build the pipelines in a fresh worker so the first real chunk does not pay for it."""
    from annotator.nlp.worker import worker_detector

    worker_detector(models).pipeline("es")
    return str(Path(models))
