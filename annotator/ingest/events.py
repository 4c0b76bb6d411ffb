"""What an ingest tells whoever runs it: the command line's progress bar, the window, a test.

Events are plain values, so they cross from a background ingest process to the window as they
are. A listener that returns False asks the ingest to stop (it raises Cancelled).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class EventKind(StrEnum):
    STARTED = "started"
    """A file is being read (its title and page count are known)."""
    PROGRESS = "progress"
    """done of total pages read (or OCR'd, with stage "ocr")."""
    TEXT_STORED = "text_stored"
    """The document's text-layer pages and their findings are in the case; OCR may follow."""
    PAGES_STORED = "pages_stored"
    """These pages' text and findings are in the case (OCR'd pages, as each is read)."""
    DOCUMENT_STORED = "document_stored"
    """The document is in the case with all its findings (or was already: `duplicate`)."""
    FAILED = "failed"
    """The file could not be added (`message` says why; "cancelled" when asked to stop)."""
    OCR_UNAVAILABLE = "ocr_unavailable"
    """Tesseract cannot run; `message` says how to install it."""
    IDLE = "idle"
    """A background ingest has done everything it was asked."""


class Stage(StrEnum):
    READING = "reading"
    OCR = "ocr"


@dataclass(frozen=True, slots=True)
class IngestEvent:
    kind: EventKind
    path: str = ""
    document_id: int | None = None
    done: int = 0
    total: int = 0
    stage: Stage = Stage.READING
    pages: tuple[int, ...] = ()
    message: str = ""
    duplicate: bool = False


Listener = Callable[[IngestEvent], bool | None]
