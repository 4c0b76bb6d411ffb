"""Add PDFs to a case: fingerprint, extract, OCR, detect, store — and re-scan with a newer lexicon.

One ingest for both faces: the command line runs the Ingestor to completion; the window runs the
same Ingestor in a background process (background.py) and applies what its events announce.
A document long enough to pay for it is scanned with a detection worker: one process that loads
spaCy once and detects while this one extracts and stores (pipelined.py). Each process opens its
own copy of the PDF, read-only: PyMuPDF objects never cross a process. Scanned pages are OCR'd on
all cores and stored with their findings as each is read, so no page is OCR'd twice, even after a
cancel or a crash (ocr_pass.py). The case store is written only by the calling thread.
"""

from annotator.ingest.events import EventKind, IngestEvent, Listener, Stage
from annotator.ingest.ingestor import (
    OCR_MODES,
    PARALLEL_FROM_PAGES,
    Ingestor,
    IngestResult,
    OcrMode,
)
from annotator.ingest.pipelined import extract_and_detect

__all__ = [
    "OCR_MODES",
    "PARALLEL_FROM_PAGES",
    "EventKind",
    "IngestEvent",
    "IngestResult",
    "Ingestor",
    "Listener",
    "OcrMode",
    "Stage",
    "extract_and_detect",
]
