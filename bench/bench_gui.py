#!/usr/bin/env python3
"""GUI benchmark: add a generated 1,000-page text PDF to an open case and measure

- the time from "add" to the first page painted (target ≤ 300 ms),
- the longest event-loop stall while it ingests, from a 5 ms QTimer's gaps (target ≤ 50 ms),
- the window process's peak memory (and the largest of the background ingest's processes).

The ingest runs in a background process (annotator.ingest.background), through the same
Ingestor as `annotator scan`; the window only polls its events and re-reads what is stored.

Usage: python bench/bench_gui.py [--pages N] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pymupdf
from PySide6.QtCore import QTimer

from annotator.ui.app import make_app
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow

PLAIN = [
    "The subject was encountered by officers during a routine traffic stop on Main Street.",
    "No criminal history was found in NCIC. The subject has no prior removals.",
    "The subject stated he lives with his aunt and works at a restaurant in Chelsea.",
    "A copy of the notice to appear was served on the subject in person on that date.",
]
REFERENCES = [
    "Officer notes the subject is a documented MS-13 gang member according to CalGang.",
    "INTERPOL Washington advised that a Red Notice was published for the subject.",
    "The information was shared by the Boston Regional Intelligence Center (BRIC).",
]
"""About two references every three pages, like a long A-file: most pages have none."""


def make_pdf(path: Path, pages: int) -> Path:
    pdf = pymupdf.open()
    for n in range(pages):
        page = pdf.new_page(width=612, height=792)
        y = 72.0
        for i in range(40):
            line = REFERENCES[n % 3] if i == 20 and n % 3 else PLAIN[(n + i) % len(PLAIN)]
            page.insert_text((72, y), f"{n + 1}.{i + 1} {line}", fontsize=9)
            y += 16
    pdf.save(path)
    pdf.close()
    return path


class StallMeter:
    """The longest gap between a 5 ms timer's ticks: how long the event loop was blocked.

    With `trace`, a watchdog thread samples the main thread's Python stack whenever a tick is
    more than `trace_after` late, so the benchmark can say what the window was doing during its
    longest stalls (`report`)."""

    def __init__(self, trace: bool = False, trace_after: float = 0.030) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.stalls: list[tuple[float, float, list[str]]] = []
        self._samples: list[str] = []
        self._trace_after = trace_after
        self._main = threading.main_thread().ident
        self._running = False
        self._watch: threading.Thread | None = None
        if trace:
            self._watch = threading.Thread(target=self._watchdog, daemon=True)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._running = True
        self.timer.start()
        if self._watch is not None and not self._watch.is_alive():
            self._watch.start()

    def stop(self) -> None:
        self._running = False
        self.timer.stop()

    def reset(self) -> None:
        """Measure from now: a gap that began before is not counted."""
        self.longest = 0.0
        self.stalls.clear()
        self._samples = []
        self._last = time.perf_counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self._last
        self.longest = max(self.longest, gap)
        if self._samples and gap >= self._trace_after:
            self.stalls.append((gap, now, self._samples))
        self._samples = []
        self._last = now

    def _watchdog(self) -> None:
        while True:
            time.sleep(0.004)
            if self._running and time.perf_counter() - self._last > self._trace_after:
                frame = sys._current_frames().get(self._main)
                if frame is not None:
                    stack = traceback.extract_stack(frame)[-12:]
                    self._samples.append(
                        " <- ".join(
                            f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack)
                        )
                    )

    def report(self, top: int = 5) -> str:
        """The longest traced stalls, each with the stack seen most often while it lasted."""
        lines = []
        for gap, _at, samples in sorted(self.stalls, reverse=True)[:top]:
            common = max(set(samples), key=samples.count)
            lines.append(f"  {gap * 1000:.0f} ms ({len(samples)} samples): {common}")
        return "\n".join(lines)


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--pages", type=int, default=1000)
    args.add_argument("--workers", type=int, default=None)
    opts = args.parse_args()
    app = make_app()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        pdf = make_pdf(Path(folder) / "big.pdf", opts.pages)
        window = MainWindow(Settings(reviewer="bench"), workers=opts.workers)
        window.resize(1440, 900)
        window.show()
        window.open_case(Path(folder) / "bench.case")
        case = window.case
        assert case is not None
        for _ in range(5):
            app.processEvents()
        meter = StallMeter()
        meter.start()
        start = time.perf_counter()
        window.add_documents([str(pdf)])
        view = case.view
        painted = view.painted
        while view.renderer.image(0, view.zoom * view.devicePixelRatioF()) is None or (
            view.painted == painted
        ):
            app.processEvents()
        first_page = time.perf_counter() - start
        meter.reset()  # the stall figure is for the ingest that follows
        while case.runner.busy:
            app.processEvents()
            time.sleep(0.001)
        for _ in range(5):  # what the window does once the document is in counts too
            app.processEvents()
        meter.stop()  # stopping the background ingest below is not part of the ingest
        total = time.perf_counter() - start
        findings = len(case.session.findings())
        window.close()
        window.deleteLater()
        app.processEvents()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"pages                         {opts.pages}")
    print(f"add -> first page painted     {first_page * 1000:.0f} ms   (target <= 300 ms)")
    print(f"longest event-loop stall      {meter.longest * 1000:.0f} ms   (target <= 50 ms)")
    print(f"ingest complete               {total:.1f} s, {findings} findings")
    print(f"peak memory, window process   {own:.0f} MB")
    print(f"peak memory, largest child     {kids:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
