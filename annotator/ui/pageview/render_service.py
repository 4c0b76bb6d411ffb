"""The window's end of the render process (annotator/pdf/raster.py): page images rendered off the
GUI thread, so a scanned page's 30–80 ms of PyMuPDF never stalls the event loop.

One child serves every page view of the app. Requests queue here and go to the child one at a
time over a one-way pipe (no socket). The answers come back on another pipe, read by a thread of
their own: a page's pixels are megabytes, and a child slowed down by a busy machine would hold a
GUI thread reading them for tens of milliseconds. While a request is out, a 4 ms timer takes
what that thread has read; the pixels (Format_RGB32, which paints without a conversion) become a
QImage on the GUI thread in about a millisecond. Until the child has said it is ready, and once
it has died, `usable` is false and the caller renders on its own thread, as it did before there
was a child; `shared` replaces a child that died, a few times at most.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import logging
import multiprocessing
import queue
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QImage
from shiboken6 import isValid

from annotator.pdf.raster import READY, serve

log = logging.getLogger(__name__)

Answer = Callable[[QImage | None], None]
"""Called once per request, on the GUI thread: the page's image, or None if the child could not
render it (the caller then renders it itself)."""


_POLL_MS = 4
_GONE = object()
RESTARTS = 3
"""How many times a render child that died is replaced before pages stay on the GUI thread."""


class RenderService(QObject):
    _shared: RenderService | None = None
    _started = 0

    @classmethod
    def shared(cls) -> RenderService:
        """The app's render child, started on first use, and started again if it died."""
        current = cls._shared
        if current is None or (current.dead and cls._started <= RESTARTS):
            cls._started += 1
            current = cls._shared = cls(QCoreApplication.instance())
        return current

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ready = False
        self.dead = False
        self._tokens = itertools.count(1)
        self._queue: deque[tuple[tuple[int, str, int, float], Answer]] = deque()
        self._in_flight: Answer | None = None
        # spawn, never fork: the window has threads running.
        context = multiprocessing.get_context("spawn")
        requests, self._requests = context.Pipe(duplex=False)
        self._answers, answers = context.Pipe(duplex=False)
        self._timer = QTimer(self, interval=_POLL_MS)
        self._timer.timeout.connect(self._readable)
        self._process: Any = context.Process(
            target=serve, args=(requests, answers), name="annotator-render", daemon=True
        )
        self._inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        try:
            self._process.start()
        except OSError as err:  # no processes left: render on the GUI thread
            log.warning("the render process could not start (%s)", err)
            self.dead = True
            self._process = None
            return
        finally:
            requests.close()
            answers.close()
        self._reader = threading.Thread(target=self._read, name="render-answers", daemon=True)
        self._reader.start()
        self._timer.start()  # until the child says it is ready
        atexit.register(self.close)

    @property
    def usable(self) -> bool:
        return self.ready and not self.dead

    def token(self) -> int:
        """A fresh number for a document a view has just opened (the child reopens the file)."""
        return next(self._tokens)

    def render(self, token: int, path: str, index: int, scale: float, answer: Answer) -> None:
        """Render page `index` of the PDF at `path` at `scale`; `answer` gets the image."""
        if self.dead:
            answer(None)
            return
        self._queue.append(((token, path, index, scale), answer))
        self._send_next()

    def close(self) -> None:
        """Stop the child (also at exit); pages asked for and not answered are answered None."""
        if self._process is None:
            return
        self.dead = True
        atexit.unregister(self.close)
        if RenderService._shared is self:
            RenderService._shared = None
        if isValid(self._timer):  # at exit Qt may have deleted it already
            self._timer.stop()
        with contextlib.suppress(OSError):
            self._requests.send(None)
        self._process.join(2)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(2)
        self._process = None
        self._reader.join(2)  # it has read the child's end of the pipe closing
        self._requests.close()
        self._answers.close()
        self._fail_all()

    def _send_next(self) -> None:
        if self._in_flight is not None or not self._queue or self.dead:
            return
        request, answer = self._queue.popleft()
        try:
            self._requests.send(request)
        except OSError:
            self._died()
            answer(None)
            return
        self._in_flight = answer
        self._timer.start()

    def _read(self) -> None:
        """The reader thread: every answer, as it comes, then _GONE when the child has gone."""
        try:
            while True:
                self._inbox.put(self._answers.recv())
        except (EOFError, OSError):
            self._inbox.put(_GONE)

    def _readable(self) -> None:
        while True:
            try:
                message = self._inbox.get_nowait()
            except queue.Empty:
                break
            if message is _GONE:
                self._died()
                return
            self._take(message)
        if self.ready and self._in_flight is None:
            self._timer.stop()

    def _take(self, message: Any) -> None:
        if message == READY:
            self.ready = True
            return
        _token, _index, _scale, width, height, pixels = message
        image = None
        if width and height:
            image = QImage(pixels, width, height, width * 4, QImage.Format.Format_RGB32).copy()
        answer, self._in_flight = self._in_flight, None
        if answer is not None:
            answer(image)
        self._send_next()

    def _died(self) -> None:
        if not self.dead:
            log.warning("the render process stopped; pages render on the window's thread")
        self.dead = True
        self._timer.stop()
        if self._process is not None:
            self._process.join(0.1)  # reap it
        self._fail_all()

    def _fail_all(self) -> None:
        answers = [a for _, a in self._queue]
        if self._in_flight is not None:
            answers.insert(0, self._in_flight)
        self._queue.clear()
        self._in_flight = None
        for answer in answers:
            answer(None)
