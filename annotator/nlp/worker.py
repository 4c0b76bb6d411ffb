"""Detection in a process of its own: one worker holds the spaCy pipelines and detects the pages
sent to it, while the process that sent them goes on extracting and storing.

Nothing here imports PyMuPDF or SQLite code, so a command can start the worker before it loads
them, and spaCy's start-up (over a second) runs beside the rest of the program's. A worker is
started with fork where that is safe (a process with no other thread) and spawn otherwise.
Pages go to the worker with their words packed (see `Words`); only numbers, detections and
anchors come back.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from annotator.core.lifeline import exit_with_parent
from annotator.core.model import Detection, PageText
from annotator.core.paths import models_dir as default_models_dir
from annotator.nlp.detect import Detector
from annotator.nlp.user_lexicon import user_stamp


class PageResult(NamedTuple):
    """A page detected on its own, and what settling the document needs to know of it."""

    page: PageText
    detections: list[Detection]
    introduced: set[str]
    """Anchors (acronyms, categories) the page introduces for the rest of the document."""
    wanted: set[str]
    """Anchors a match on the page was turned down for lacking."""


class Found(NamedTuple):
    """A PageResult with the page's number in place of the page: what a worker sends back."""

    number: int
    detections: list[Detection]
    introduced: set[str]
    wanted: set[str]

    def on(self, page: PageText) -> PageResult:
        return PageResult(page, self.detections, self.introduced, self.wanted)


T = TypeVar("T")


class DetectionWorker:
    """One worker process that loads spaCy at once and keeps it for every page sent to it.

    Jobs run one after another, in the order they were sent; `backlog` tells a sender that has
    more work it could share (see ingest) when the worker has nothing left to do.
    """

    def __init__(self, models_dir: Path | None = None) -> None:
        self.models = str(models_dir or default_models_dir())
        one_thread = threading.active_count() == 1 and os.name == "posix"
        context = multiprocessing.get_context("fork" if one_thread else "spawn")
        # Jobs the worker has finished, counted by the worker itself: a job's result reaches its
        # Future only when this process's executor thread gets the interpreter, which a busy
        # main thread can hold off for tens of milliseconds.
        self._finished = context.Value("q", 0)
        self._sent = 0
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            1, mp_context=context, initializer=_count_into, initargs=(self._finished,)
        )
        self.submit(_warm, self.models)

    def __enter__(self) -> DetectionWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker. Work still under way is abandoned: a command that found nothing to
        detect (a bad file, say) does not wait for spaCy to finish loading before it exits."""
        if self._pool is None:
            return
        if self.backlog():
            # The executor has no public way to stop a running job before Python 3.14.
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()
        self._pool.shutdown(cancel_futures=True)
        self._pool = None

    def submit(self, fn: Callable[..., T], /, *args: Any) -> Future[T]:
        """Run fn(*args) in the worker, after the jobs sent before it."""
        if self._pool is None:
            raise RuntimeError("the detection worker is closed")
        future = self._pool.submit(_counted, fn, *args)
        self._sent += 1
        return future

    def withdraw(self, future: Future[Any]) -> bool:
        """Take back a job the worker has not started (nor queued for itself); True if taken."""
        if future.cancel():
            self._sent -= 1
            return True
        return False

    def backlog(self) -> int:
        """Jobs sent that the worker has not finished (spaCy's loading first): 0 when it is
        idle, 1 when it is on its last job. Known as soon as the worker finishes a job, before
        the job's result arrives."""
        return self._sent - self._finished.value

    def detect(
        self, pages: list[PageText], known: set[str] | None = None, document: str = ""
    ) -> Future[list[Found]]:
        """Detect pages on their own, knowing the anchors in `known`. With a `document` key, the
        worker also keeps the anchors the pages introduce, for that document's later jobs."""
        return self.submit(_detect_pages, self.models, pages, set(known or ()), document)

    def settle(
        self,
        redo: list[PageText],
        pairs: list[tuple[PageText, PageText]],
        introduced: set[str],
        document: str = "",
    ) -> Future[Settled]:
        """Detect pages again knowing the document's anchors, and the page breaks in `pairs`:
        the references that run from one page onto the next, by the first page's number.

        The anchors used are `introduced` and those the worker has seen the `document`'s pages
        introduce so far (jobs run in order, so it knows every page sent before this job)."""
        return self.submit(settle_pages, self.models, redo, pairs, set(introduced), document)


class Settled(NamedTuple):
    redone: list[Found]
    bridges: list[tuple[int, list[Detection]]]
    """Detections that cross a page break, by the number of the page before it."""
    anchors: frozenset[str]
    """The anchors they were detected with."""


def detect_page_result(detector: Detector, page: PageText, known: set[str]) -> PageResult:
    """One page detected on its own, knowing the anchors in `known`; what it introduced and
    what it turned a match down for lacking come back with it (see ingest's settling)."""
    anchors = set(known)
    wanted: set[str] = set()
    detections = detector.detect_page(page, anchors, wanted)
    return PageResult(page, detections, anchors - known, wanted)


def found(result: PageResult) -> Found:
    return Found(result.page.number, result.detections, result.introduced, result.wanted)


_DETECTORS: dict[str, tuple[tuple[tuple[str, int, int], ...], Detector]] = {}


def worker_detector(models: str) -> Detector:
    """This process's Detector for a models folder, made once, and again when the user's own
    pattern files have changed since (a phrase added to the lexicon while the app runs)."""
    stamp = user_stamp()
    if models not in _DETECTORS or _DETECTORS[models][0] != stamp:
        _DETECTORS[models] = (stamp, Detector(Path(models)))
    return _DETECTORS[models][1]


_FINISHED: Any = None


def _count_into(finished: Any) -> None:
    """Worker process: count finished jobs into the sender's shared counter, and end when the
    sender does (see core.lifeline)."""
    global _FINISHED
    _FINISHED = finished
    exit_with_parent()


def _counted(fn: Callable[..., T], *args: Any) -> T:
    """Worker process: run a job, then count it as finished (failed or not)."""
    try:
        return fn(*args)
    finally:
        with _FINISHED.get_lock():
            _FINISHED.value += 1


def _warm(models: str) -> None:
    """Load spaCy and build the English pipeline before any page arrives; then freeze what
    that made (gc.freeze): spaCy's modules and the pipeline live as long as the worker, and
    every full collection of the garbage collector would walk them again."""
    worker_detector(models).pipeline("en")
    gc.freeze()


_ANCHORS: dict[str, set[str]] = {}
"""Anchors introduced by the pages of each document this worker has detected, by key."""


def remember_anchors(document: str, introduced: set[str]) -> None:
    """Worker process: note anchors a page of `document` introduced (no key: not kept)."""
    if document:
        _ANCHORS.setdefault(document, set()).update(introduced)


def _detect_pages(
    models: str, pages: list[PageText], known: set[str], document: str = ""
) -> list[Found]:
    detector = worker_detector(models)
    results = [found(detect_page_result(detector, page, known)) for page in pages]
    for result in results:
        remember_anchors(document, result.introduced)
    return results


def settle_pages(
    models: str,
    redo: list[PageText],
    pairs: list[tuple[PageText, PageText]],
    introduced: set[str],
    document: str = "",
) -> Settled:
    """Worker process: detect pages again with the document's anchors, and the page breaks in
    `pairs` (see DetectionWorker.settle)."""
    detector = worker_detector(models)
    anchors = introduced | _ANCHORS.get(document, set())
    redone = [found(detect_page_result(detector, page, anchors)) for page in redo]
    bridges = [(a.number, detector.detect_bridge(a, b, anchors)) for a, b in pairs]
    found_bridges = [(number, dets) for number, dets in bridges if dets]
    return Settled(redone, found_bridges, frozenset(anchors))
