#!/usr/bin/env python3
"""GUI benchmark for scanned files: add a generated image-only PDF (1,000 pages by default) to an
open case and measure, while the window OCRs it in the background,

- the time from "add" to the first page painted, and to the first findings shown in the
  findings panel (target: under 15 s),
- the longest event-loop stall, from a 5 ms QTimer's gaps (target: 50 ms at most),
- the pages OCR'd per minute, over a fixed stretch of OCR (the whole file would take an hour),
- midway, a jump to page 700 (as a reviewer jumps ahead): the time until that page is read and
  its findings stored (it goes to the front of OCR's queue),
- then the ingest is cancelled, as a reviewer might, and the time the cancel takes.

Usage: python bench/bench_gui_ocr.py [--pages N] [--seconds S] [--workers N] [--trace]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_gui import PLAIN, REFERENCES, StallMeter

from annotator.ui.app import make_app
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow

VARIANTS = 6
"""Distinct page images; the file repeats them (OCR reads every page afresh all the same)."""


def make_scan(path: Path, pages: int, dpi: int = 200) -> Path:
    """An image-only PDF like a FOIA'd scan: gray JPEG pages, no text layer."""
    text = pymupdf.open()
    for n in range(VARIANTS):
        page = text.new_page(width=612, height=792)
        y = 72.0
        for i in range(32):
            line = REFERENCES[n % 3] if i in (8, 20) else PLAIN[(n + i) % len(PLAIN)]
            page.insert_text((72, y), f"{n + 1}.{i + 1} {line}", fontsize=10)
            y += 20
    images = [
        p.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("jpeg", jpg_quality=75)
        for p in text
    ]
    scan = pymupdf.open()
    xrefs: list[int] = []
    for n in range(pages):
        sheet = scan.new_page(width=612, height=792)
        if n < VARIANTS:
            xrefs.append(sheet.insert_image(sheet.rect, stream=images[n]))
        else:
            sheet.insert_image(sheet.rect, xref=xrefs[n % VARIANTS])
    scan.save(path)
    return path


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--pages", type=int, default=1000)
    args.add_argument("--seconds", type=float, default=60.0, help="how long to let OCR run")
    args.add_argument("--workers", type=int, default=None)
    args.add_argument(
        "--trace", action="store_true", help="print what the window was doing in its longest stalls"
    )
    opts = args.parse_args()
    app = make_app()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        scan = make_scan(Path(folder) / "scan.pdf", opts.pages)
        window = MainWindow(Settings(reviewer="bench"), workers=opts.workers)
        window.resize(1440, 900)
        window.show()
        window.open_case(Path(folder) / "bench.case")
        case = window.case
        assert case is not None
        read: list[tuple[float, int]] = []
        case.runner.ocr_progress.connect(
            lambda _d, done, _t: read.append((time.perf_counter(), done))
        )
        for _ in range(5):
            app.processEvents()
        meter = StallMeter(trace=opts.trace)
        meter.start()
        start = time.perf_counter()
        window.add_documents([str(scan)])
        view = case.view
        while view.renderer.image(0, view.zoom * view.devicePixelRatioF()) is None:
            app.processEvents()
        first_page = time.perf_counter() - start
        meter.reset()  # the stall figure is for the OCR ingest that follows
        while not case.panel.model.ordered():
            app.processEvents()
            time.sleep(0.001)
        first_findings = time.perf_counter() - start
        stop = time.perf_counter() + opts.seconds
        jump_at = time.perf_counter() + opts.seconds / 3
        target = min(700, opts.pages)
        jumped, jump_took = 0.0, float("nan")
        document_id = None
        while time.perf_counter() < stop and case.runner.busy:
            app.processEvents()
            time.sleep(0.001)
            now = time.perf_counter()
            if not jumped and now >= jump_at:
                document_id = case.navigator.document_id
                view.go_to_page(target)
                jumped = now
            elif jumped and jump_took != jump_took and document_id is not None:
                page = case.session.page(document_id, target)
                if page is not None and page.ocr_done:
                    jump_took = now - jumped
        meter.stop()
        done = [n for _, n in read]
        first_read = next(t for t, n in read if n >= 1) if any(done) else stop
        per_minute = 60 * (max(done, default=0) - 1) / max(stop - first_read, 1e-9)
        cancel_start = time.perf_counter()
        case.files.cancel()
        while case.runner.busy:
            app.processEvents()
            time.sleep(0.001)
        cancelled = time.perf_counter() - cancel_start
        findings = len(case.session.findings())
        window.close()
        app.processEvents()
    print(f"pages in the scan             {opts.pages}")
    print(f"add -> first page painted     {first_page * 1000:.0f} ms")
    print(f"add -> first findings shown   {first_findings:.1f} s   (target < 15 s)")
    print(f"longest event-loop stall      {meter.longest * 1000:.0f} ms   (target <= 50 ms)")
    print(f"pages OCR'd in {opts.seconds:.0f} s          {max(done, default=0)}")
    print(f"OCR pages per minute          {per_minute:.1f}   (after the first page)")
    print(f"jump to page {target} -> it is read  {jump_took:.1f} s")
    print(f"cancel took                   {cancelled:.1f} s; {findings} findings kept")
    if opts.trace:
        print("longest stalls, with the window's stack:")
        print(meter.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
