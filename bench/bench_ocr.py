#!/usr/bin/env python3
"""OCR benchmark: pages per minute with one worker and with all cores (target: ≥ 1.8× on 2).

OCRs every page of the scanned sample twins (sample_files/scanned/), `--rounds` times over, first
in this process (one worker), then spread over worker processes (process start-up included), and
checks that both runs read the same text.

Usage: python bench/bench_ocr.py [--workers N] [--rounds N] [PDF ...]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path
from typing import NamedTuple

from annotator.core.paths import sample_dir
from annotator.pdf.extract import open_pdf
from annotator.pdf.ocr import OcrEngine, OcrUnavailable, find_engine, ocr_pages

Jobs = list[tuple[Path, list[int]]]


class Run(NamedTuple):
    seconds: float
    cpu_seconds: float
    """CPU time of this process and its finished workers: the work done, whatever the load."""
    texts: dict[tuple[str, int], str]


def run(jobs: Jobs, engine: OcrEngine, workers: int) -> Run:
    texts: dict[tuple[str, int], str] = {}
    cpu_before = _cpu()
    start = time.perf_counter()
    for path, numbers in jobs:  # one call a file, as ingest makes: a pool per document
        for outcome in ocr_pages(path, numbers, engine, workers):
            if outcome.page is None:
                sys.exit(f"{path.name} page {outcome.number}: {outcome.problem}")
            texts[(path.name, outcome.number)] = outcome.page.text
    seconds = time.perf_counter() - start
    while multiprocessing.active_children():  # reap the workers so their CPU time counts
        time.sleep(0.05)
    return Run(seconds, _cpu() - cpu_before, texts)


def _cpu() -> float:
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


def report(label: str, result: Run, pages: int) -> None:
    print(
        f"  {label}: {result.seconds:6.1f} s  {60 * pages / result.seconds:6.1f} pages/min"
        f"  ({result.cpu_seconds:.1f} CPU-s)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="default: the scanned sample twins")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=2, help="times each file is OCR'd")
    args = parser.parse_args()
    pdfs = args.pdfs or sorted((sample_dir() / "scanned").glob("*.pdf"))
    if not pdfs:
        sys.exit("no scanned PDFs: run python -m tools.samples")
    try:
        engine = find_engine()
    except OcrUnavailable as err:
        sys.exit(str(err))
    counts = {}
    for path in pdfs:
        with open_pdf(path) as pdf:
            counts[path] = pdf.page_count
    jobs = [(p, list(range(1, counts[p] + 1)) * args.rounds) for p in pdfs]
    pages = sum(len(numbers) for _, numbers in jobs)
    print(
        f"{pages} pages ({len(pdfs)} file(s) x {args.rounds} round(s)), "
        f"Tesseract {engine.language} at {engine.dpi} dpi, {os.cpu_count()} CPU(s)"
    )
    one = run(jobs, engine, 1)
    report("1 worker ", one, pages)
    if args.workers > 1:
        many = run(jobs, engine, args.workers)
        report(f"{args.workers} workers", many, pages)
        print(
            f"  speed-up {one.seconds / many.seconds:.2f}x (wall clock); "
            f"parallel runs on {many.cpu_seconds / many.seconds:.2f} CPUs on average; "
            f"extra CPU for processes {100 * (many.cpu_seconds / one.cpu_seconds - 1):+.0f}%"
        )
        if many.texts != one.texts:
            print("  warning: the parallel run read different text")
    print(
        f"  load average (1 min) at the end: {os.getloadavg()[0]:.2f} "
        "(other work on the machine slows the wall clock, not the CPU-s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
