"""Qt-free work for the worker processes: hash, extract + detect a chunk, settle anchors.

The GUI process never loads spaCy; it only stores what these functions return. Each worker
opens its own PDF; nothing PyMuPDF crosses a process boundary.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.model import PageText
from annotator.pdf.extract import sha256_file

if TYPE_CHECKING:  # the GUI process never imports spaCy; only the workers run ingest code
    from annotator.ingest import PageResult

CHUNK_PAGES = 25


def chunks(page_count: int, size: int = CHUNK_PAGES) -> list[tuple[int, int]]:
    return [(s, min(s + size, page_count)) for s in range(0, page_count, size)]


def file_hash(path: str) -> str:
    return sha256_file(path)


def lexicon_version(models: str) -> str:
    from annotator.ingest import _worker_detector

    return _worker_detector(models).lexicon_version


def detect_chunk(path: str, start: int, stop: int, models: str) -> list[PageResult]:
    from annotator.ingest import _work

    return _work((path, start, stop, models))


def redetect(pages: list[PageText], introduced: set[str], models: str) -> list[PageResult]:
    """Detect again the pages that turned down an acronym the document does introduce."""
    from annotator.ingest import _detect_one, _worker_detector

    detector = _worker_detector(models)
    return [_detect_one(detector, page, introduced) for page in pages]


def needs_settling(results: list[PageResult]) -> tuple[set[str], list[int]]:
    """The anchors the document introduces, and the result indexes to detect again with them."""
    introduced: set[str] = set().union(*(r[2] for r in results)) if results else set()
    return introduced, [i for i, r in enumerate(results) if r[3] & introduced]


def warm_up(models: str) -> str:
    """Build the pipelines in a fresh worker so the first real chunk does not pay for it."""
    from annotator.ingest import _worker_detector

    _worker_detector(models).pipeline("es")
    return str(Path(models))
