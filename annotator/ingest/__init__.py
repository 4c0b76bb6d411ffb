"""Add PDFs to a case: fingerprint, extract, OCR, detect, store — and re-scan with a newer lexicon.

A document long enough to pay for it (and every document after it in a run) is scanned with a
detection worker: one process that loads spaCy once and detects, while this one extracts and
stores; on two cores they share the extraction too (pipelined.py). Each process opens its own
copy of the PDF, read-only: PyMuPDF objects never cross a process. OCR runs in worker processes
on all cores whenever more than one page needs it, and each OCR'd page is stored as soon as it
is read, so no page is OCR'd twice, even after a cancel or a crash. The case store is written
only by the calling thread.
"""

from annotator.ingest.ingestor import OCR_MODES, PARALLEL_FROM_PAGES, Ingestor, IngestResult
from annotator.ingest.pipelined import extract_and_detect

__all__ = ["OCR_MODES", "PARALLEL_FROM_PAGES", "IngestResult", "Ingestor", "extract_and_detect"]
