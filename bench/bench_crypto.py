#!/usr/bin/env python3
"""What encryption costs: opening a case, scanning the samples into one, converting one.

Times, as medians of `--runs` runs (whole processes where the user waits on one):
- opening a plain and an encrypted case (SQLCipher derives the key: PBKDF2, 256,000 rounds);
- `annotator scan sample_files/*.pdf --case C` into a new plain and a new encrypted case;
- `annotator encrypt` of the ingested sample case (about 0.8 MB) and of a 3,000-page one.

Usage: python bench/bench_crypto.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from annotator.core.model import PageText
from annotator.core.paths import sample_dir
from annotator.store import CaseStore

PASSPHRASE = "benchmark passphrase"
ENV = {**os.environ, "ANNOTATOR_PASSPHRASE": PASSPHRASE}


def median_seconds(runs: int, action: Callable[[int], None]) -> float:
    times = []
    for n in range(runs):
        start = time.perf_counter()
        action(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def annotator(*argv: object) -> None:
    command = [sys.executable, "-m", "annotator", *map(str, argv)]
    subprocess.run(command, env=ENV, check=True, stdout=subprocess.DEVNULL)


def big_case(path: Path, pages: int = 3000) -> Path:
    with CaseStore(path) as case:
        document = case.add_document("b" * 64, "/cases/big.pdf", "Big", pages)
        text = "the officer wrote a report " * 120
        case.save_pages(
            document.id,
            [PageText(n, 612, 792, 0, f"page {n}: {text}", []) for n in range(1, pages + 1)],
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    pdfs = sorted(sample_dir().glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for kind, extra in (("plain", []), ("encrypted", ["--encrypt"])):
            seconds = median_seconds(
                runs,
                lambda n, k=kind, e=extra: annotator(
                    "scan", *pdfs, "--case", work / f"{k}{n}.case", *e
                ),
            )
            print(f"scan the {len(pdfs)} samples into a new {kind} case: {seconds:.2f} s")
        plain, encrypted = work / "plain0.case", work / "encrypted0.case"
        for kind, path, secret in (("plain", plain, None), ("encrypted", encrypted, PASSPHRASE)):
            seconds = median_seconds(
                runs, lambda n, p=path, s=secret: CaseStore(p, passphrase=s).close()
            )
            print(f"open and close the {kind} sample case in this process: {seconds * 1000:.0f} ms")
        big = big_case(work / "big.case")
        for name, source in (("sample", plain), ("3,000-page", big)):
            size = source.stat().st_size / 2**20

            def convert(n: int, src: Path = source) -> None:
                copy = work / f"convert{n}.case"
                shutil.copy(src, copy)
                annotator("encrypt", copy)

            seconds = median_seconds(runs, convert)
            print(
                f"annotator encrypt, {name} case ({size:.1f} MB): {seconds:.2f} s (copy included)"
            )


if __name__ == "__main__":
    main()
