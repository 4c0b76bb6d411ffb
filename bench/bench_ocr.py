#!/usr/bin/env python3
"""OCR benchmark on a degraded scan: pages per minute for one worker, all cores, `annotator scan
--ocr always`, and a bare baseline, with the ratio of the scan to the baseline (target: 6x).

The scan is generated: the fictional sample case's text PDFs, joined into one file and made
photocopy- and fax-like by eval/degrade.py (seeded, so every run reads the same pixels). Then,
in one run:
  1 worker    ocr_pages in this process, page by page
  N workers   ocr_pages spread over N processes (their start-up included)
  scan        `annotator scan --ocr always --json` as a whole process: OCR on every core,
              detection, storing, as the command line does it
  baseline    one process, PyMuPDF's own Tesseract with English and Spanish at 300 dpi, page
              by page: page.get_textpage_ocr(dpi=300, language="eng+spa", full=True)
CPU seconds are given beside the wall clock: the machine may be busy with other work.

Usage: python bench/bench_ocr.py [--workers N] [--seed N] [--severity typical] [--skip-baseline]
       [PDF]   (a PDF given is used as it is, not degraded)
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pymupdf

from annotator.core.paths import sample_dir
from annotator.pdf.ocr import OcrEngine, OcrUnavailable, find_engine, ocr_pages

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from degrade import degrade_pdf  # noqa: E402


class Run(NamedTuple):
    seconds: float
    cpu_seconds: float
    """CPU time of this process and its finished children: the work done, whatever the load."""


def timed(work: Callable[[], object]) -> Run:
    cpu_before = _cpu()
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    while multiprocessing.active_children():  # reap the workers so their CPU time counts
        time.sleep(0.05)
    return Run(seconds, _cpu() - cpu_before)


def _cpu() -> float:
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


def make_scan(folder: Path, seed: int, severity: str) -> Path:
    """The sample case's text PDFs in one file, degraded."""
    joined, scan = folder / "samples.pdf", folder / "samples_degraded.pdf"
    with pymupdf.open() as pdf:
        for path in sorted(sample_dir().glob("*.pdf")):
            with pymupdf.open(path) as part:
                pdf.insert_pdf(part)
        pdf.save(joined)
    degrade_pdf(joined, scan, seed=seed, severity=severity)
    return scan


def ocr_all(path: Path, pages: int, engine: OcrEngine, workers: int) -> None:
    for outcome in ocr_pages(path, list(range(1, pages + 1)), engine, workers):
        if outcome.page is None:
            sys.exit(f"{path.name} page {outcome.number}: {outcome.problem}")


def scan_always(path: Path) -> None:
    command = [sys.executable, "-m", "annotator", "scan", "--ocr", "always", "--json", str(path)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def baseline(path: Path, engine: OcrEngine) -> None:
    with pymupdf.open(path) as pdf:
        for page in pdf:
            page.get_textpage_ocr(dpi=300, language="eng+spa", full=True, tessdata=engine.tessdata)


def report(label: str, run: Run, pages: int) -> float:
    rate = 60 * pages / run.seconds
    print(
        f"  {label:11s} {run.seconds:7.1f} s  {rate:6.1f} pages/min"
        f"  ({run.cpu_seconds:6.1f} CPU-s, {run.cpu_seconds / pages:5.2f} CPU-s a page)"
    )
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, help="default: the degraded sample case")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--severity", default="typical")
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    try:
        engine = find_engine()
    except OcrUnavailable as err:
        sys.exit(str(err))
    with tempfile.TemporaryDirectory() as tmp:
        path = args.pdf or make_scan(Path(tmp), args.seed, args.severity)
        with pymupdf.open(path) as pdf:
            pages = pdf.page_count
        print(
            f"{pages} pages of {path.name}, {os.cpu_count()} CPU(s); load average at the start "
            f"{os.getloadavg()[0]:.2f}"
        )
        one = report("1 worker", timed(lambda: ocr_all(path, pages, engine, 1)), pages)
        many = one
        if args.workers > 1:
            run = timed(lambda: ocr_all(path, pages, engine, args.workers))
            many = report(f"{args.workers} workers", run, pages)
        scan = report("scan", timed(lambda: scan_always(path)), pages)
        if not args.skip_baseline:
            bare = report("baseline", timed(lambda: baseline(path, engine)), pages)
            print(
                f"  scan / baseline: {scan / bare:.2f}x  ({args.workers} workers / baseline:"
                f" {many / bare:.2f}x, 1 worker / baseline: {one / bare:.2f}x)"
            )
    print(
        f"  load average (1 min) at the end: {os.getloadavg()[0]:.2f} "
        "(other work on the machine slows the wall clock more than the CPU-s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
