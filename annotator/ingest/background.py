"""The Ingestor in a process of its own, for a caller whose thread must never wait: the window.

The window's process only renders pages and stores the reviewer's tags; everything an ingest
does (reading, OCR, detection, storing pages and findings) runs here in a child process, on its
own connection to the case file, through the very Ingestor the command line runs. The caller
sends requests, reads back the Ingestor's events (events.py) whenever it likes, and re-reads
from the case what an event says is stored. Cancelling stops the request under way and drops the
ones queued before it. The child leaves when asked, and also when its parent is gone.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import queue
from dataclasses import dataclass
from typing import Any

from annotator.core.errors import AnnotatorError, BadInputFile, Cancelled
from annotator.core.lifeline import exit_with_parent
from annotator.ingest.events import EventKind, IngestEvent
from annotator.ingest.ingestor import OcrMode

log = logging.getLogger(__name__)


NICENESS = 5
"""How much lower than the window the background ingest runs (its OCR processes lower still)."""


@dataclass(frozen=True, slots=True)
class Request:
    """What the caller asks of the child: add files, or finish documents left incomplete."""

    generation: int
    kind: str
    """"add" (paths), "finish" (document ids) or "stop"."""
    items: tuple[Any, ...] = ()


class BackgroundIngest:
    def __init__(
        self,
        case_path: str | os.PathLike[str],
        *,
        workers: int | None = None,
        ocr: OcrMode | str = OcrMode.AUTO,
        models_dir: str | None = None,
        passphrase: str | None = None,
    ) -> None:
        """`passphrase`: an encrypted case's, handed to the child over its start-up pipe
        (never written anywhere)."""
        self.case_path = os.fspath(case_path)
        self.passphrase = passphrase
        self.workers = workers
        self.ocr = OcrMode(ocr)
        self.models_dir = models_dir
        # spawn, never fork: the caller is a GUI with threads running.
        self._context = multiprocessing.get_context("spawn")
        self._requests: Any = self._context.Queue()
        self._events: Any = self._context.Queue()
        self._generation: Any = self._context.Value("q", 0)
        self._wanted: Any = self._context.Array("q", [0, 0])
        """The document and page the caller looks at: its OCR reads them first."""
        self._process: Any = None
        self._outstanding = 0

    @property
    def busy(self) -> bool:
        """Requests sent that the child has not finished."""
        return self._outstanding > 0

    def add(self, paths: list[str]) -> None:
        self._send("add", tuple(paths))

    def finish(self, document_ids: list[int]) -> None:
        self._send("finish", tuple(document_ids))

    def want(self, document_id: int, page: int) -> None:
        """The reviewer looks at this page: if the document is being OCR'd, read this page and
        the few after it before the rest (never waits)."""
        with self._wanted.get_lock():
            self._wanted[0], self._wanted[1] = document_id, page

    def cancel(self) -> None:
        """Stop the request under way and drop the ones sent before now."""
        with self._generation.get_lock():
            self._generation.value += 1

    def events(self) -> list[IngestEvent]:
        """Every event the child has sent since the last call (never waits). A child that died
        (killed, out of memory) is reported as a failure of what it was asked."""
        out = []
        while True:
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                break
            if event.kind is EventKind.IDLE:
                self._outstanding -= 1
            out.append(event)
        if self._outstanding and not out and not self._process.is_alive():
            code = self._process.exitcode
            self._process = None
            message = f"the background ingest stopped unexpectedly (exit code {code})"
            out += [IngestEvent(EventKind.FAILED, message=message)]
            out += [IngestEvent(EventKind.IDLE)] * self._outstanding
            self._outstanding = 0
        return out

    def close(self, timeout: float = 5.0) -> None:
        """Stop the child: the request under way is cancelled; what it stored stays stored."""
        if self._process is None:
            return
        self.cancel()
        self._requests.put(Request(self._generation.value, "stop"))
        self._process.join(timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout)
        self._process = None
        self._outstanding = 0
        atexit.unregister(self.close)

    def _send(self, kind: str, items: tuple[Any, ...]) -> None:
        if self._process is None:
            self._process = self._context.Process(
                target=serve,
                args=(
                    self.case_path,
                    self.workers,
                    self.ocr.value,
                    self.models_dir,
                    self.passphrase,
                    self._requests,
                    self._events,
                    self._generation,
                    self._wanted,
                ),
                name="annotator-ingest",
            )
            self._process.start()
            atexit.register(self.close)  # never leave Python's exit waiting on the child
        self._outstanding += 1
        self._requests.put(Request(self._generation.value, kind, items))


def serve(
    case_path: str,
    workers: int | None,
    ocr: str,
    models_dir: str | None,
    passphrase: str | None,
    requests: Any,
    events: Any,
    generation: Any,
    wanted: Any = None,
) -> None:
    """The child process: one Ingestor, kept warm, working through the requests in order."""
    from pathlib import Path

    from annotator.ingest.ingestor import Ingestor
    from annotator.nlp.detect import Detector
    from annotator.nlp.worker import DetectionWorker
    from annotator.store import CaseStore

    exit_with_parent()  # a background ingest on its own would hold the case and a core
    if hasattr(os, "nice"):  # below the window, which must answer the reviewer at once
        os.nice(NICENESS)
    models = Path(models_dir) if models_dir else None
    current = {"generation": 0}

    def listener(event: IngestEvent) -> bool:
        events.put(event)
        return bool(generation.value == current["generation"])

    worker = DetectionWorker(models) if (os.cpu_count() or 1) > 1 else None
    try:
        with (
            CaseStore(case_path, passphrase=passphrase) as case,
            Ingestor(case, Detector(models), workers, ocr, worker, listener) as ingestor,
        ):
            if wanted is not None:
                ingestor.prefer = lambda document_id: wanted_pages(wanted, document_id)
            while True:
                request: Request = requests.get()
                if request.kind == "stop":
                    return
                current["generation"] = request.generation
                if request.generation == generation.value:
                    _handle(ingestor, request)
                events.put(IngestEvent(EventKind.IDLE))
    finally:
        if worker is not None:
            worker.close()


AHEAD = 4
"""Pages after the one in view that OCR reads first too: the reviewer reads on."""


def wanted_pages(wanted: Any, document_id: int) -> range:
    """The pages the caller wants first in this document (BackgroundIngest.want)."""
    with wanted.get_lock():
        document, page = wanted[0], wanted[1]
    if document != document_id or page < 1:
        return range(0)
    return range(page, page + AHEAD + 1)


def _handle(ingestor: Any, request: Request) -> None:
    try:
        if request.kind == "add":
            ingestor.add_files(list(request.items))
        elif request.kind == "finish":
            for document_id in request.items:
                _finish(ingestor, document_id)
    except Cancelled:
        pass
    except Exception as err:  # the window must hear of it, not wait for ever
        log.exception("background ingest failed")
        ingestor.announce(IngestEvent(EventKind.FAILED, message=f"unexpected error: {err}"))


def _finish(ingestor: Any, document_id: int) -> None:
    document = ingestor.case.document(document_id)
    try:
        ingestor.finish(document_id)
    except Cancelled:
        raise
    except AnnotatorError as err:
        problem = err.problem if isinstance(err, BadInputFile) else str(err)
        ingestor.announce(
            IngestEvent(EventKind.FAILED, document.path, document_id=document_id, message=problem)
        )
