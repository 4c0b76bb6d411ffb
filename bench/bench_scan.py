"""Benchmark `annotator scan --json` against a bare PyMuPDF word extraction of the same PDF.

Generates a 1,000-page text PDF of fictional A-file prose, then runs, each as a whole process:
(a) PyMuPDF opening the file and extracting every page's
words, (b) `annotator scan FILE --json`. Prints wall time, the ratio, and peak memory: the
largest resident set of any one process and of the whole process tree (sampled from /proc).
Targets (issue 2): scan <= 2x the bare extraction, peak RSS <= 400 MB.

By default one page in ten carries references, as in a real A-file, where the few sentences
that matter are buried in hundreds of pages of narrative and forms; --dense puts references on
every page (the worst case: every page goes through spaCy).

The timed runs alternate the two commands and report the median; peak memory is measured in a
run of each of its own, as sampling /proc takes CPU.

usage: python bench/bench_scan.py [--pages N] [--dense] [--keep DIR] [--runs K]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pymupdf

PLAIN = [
    "FICTIONAL BENCHMARK DOCUMENT. The applicant filed Form I-589 within one year of arrival and "
    "appeared for biometrics as scheduled. The file contains a copy of the birth certificate, a "
    "national identity card, and a certified translation of both documents.",
    "On the date of the interview the applicant was accompanied by counsel. The officer reviewed "
    "the applicant's travel history, prior addresses, employment and schooling, and the applicant "
    "answered each question through a certified interpreter without difficulty.",
    "The record reflects that the applicant's brother was killed in 2019 and that the family moved "
    "twice before the applicant left the country. Medical records from a clinic in the capital "
    "describe treatment for injuries consistent with the applicant's account.",
    "A change of address was received and entered in the system. The applicant has complied with "
    "every reporting requirement, has no arrests in the United States, and has maintained steady "
    "employment with a landscaping company according to the letters in the file.",
    "Country conditions materials submitted with the application include reports by human rights "
    "organizations and news articles describing threats against witnesses and their families, "
    "and the limits of witness protection programs in practice.",
    "The hearing was continued at the request of the government to allow time for the completion "
    "of background checks. The applicant's counsel did not object and a new date was set by the "
    "court for the following spring.",
]

PARAGRAPHS = [
    "FICTIONAL BENCHMARK DOCUMENT. On the date of encounter the subject was interviewed at the "
    "processing center and stated that he entered the United States without inspection near "
    "Hidalgo, Texas. Records checks were conducted through the usual federal systems and the "
    "results are summarized below for the reviewing officer.",
    "The subject's mother stated that the family left El Salvador after repeated threats and "
    "that her son attended school regularly, worked weekends at a bakery and had no contact with "
    "the police. A Notice to Appear was served and the subject was released on his own "
    "recognizance pending a hearing before the immigration court.",
    "According to the school resource officer, the subject was seen with students believed to be "
    "MS-13 associates, and a local report describes him as a possible gang member. The officer "
    "did not identify the source of this information and no arrest was made.",
    "A printout from the Boston Regional Intelligence Center lists the subject in the Gang "
    "Assessment Database with six points, based on clothing and an interaction with a verified "
    "member at a park. The fusion center did not provide underlying field interview cards.",
    "The Salvadoran National Civil Police report received through the SAFE program states that "
    "the subject 'posee ficha como miembro activo de la MS-13'. An INTERPOL Red Notice was "
    "requested by El Salvador in 2021; the underlying warrant was not attached.",
    "The respondent's counsel submitted school attendance records, letters from a pastor and an "
    "employer, and country-conditions evidence. The safe third country agreement was not raised. "
    "The respondent lives with his aunt on 18th Street and wears a red jacket to work.",
]


def make_pdf(path: Path, pages: int, dense: bool) -> None:
    font = pymupdf.Font("helv")
    pdf = pymupdf.open()
    for n in range(pages):
        page = pdf.new_page(width=612, height=792)
        writer = pymupdf.TextWriter(page.rect)
        source = PARAGRAPHS if dense or n % 10 == 3 else PLAIN
        text = "\n\n".join(source[(n + k) % len(source)] for k in range(6))
        writer.fill_textbox(pymupdf.Rect(72, 72, 540, 740), text, font=font, fontsize=10)
        writer.write_text(page)
        page.insert_text((72, 770), f"FICTIONAL - BENCH-{n + 1:06d}", fontsize=7)
    pdf.save(path, garbage=3, deflate=True)


BARE = (
    "import sys, pymupdf\n"
    "pdf = pymupdf.open(sys.argv[1])\n"
    "n = sum(len(p.get_text('words')) for p in pdf)\n"
    "print(n)\n"
)


def tree_rss_kb(root: int) -> tuple[int, int]:
    """(largest single-process RSS, RSS summed over the process tree), in kB."""
    pids, stack = [], [root]
    while stack:
        pid = stack.pop()
        pids.append(pid)
        for task in Path(f"/proc/{pid}/task").glob("*"):
            with contextlib.suppress(OSError):
                stack += [int(c) for c in (task / "children").read_text().split()]
    sizes = []
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]))
        except OSError:
            pass
    return (max(sizes, default=0), sum(sizes))


def timed(cmd: list[str]) -> float:
    """Wall seconds of a command, nothing else running beside it."""
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def peak_memory(cmd: list[str]) -> tuple[int, int]:
    """Peak single-process RSS and peak tree RSS (kB) of a command, sampled from /proc every
    20 ms. A run of its own: the sampling takes CPU the timed runs should not lose."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0, 0]

    def sample() -> None:
        while proc.poll() is None:
            one, tree = tree_rss_kb(proc.pid)
            peak[0], peak[1] = max(peak[0], one), max(peak[1], tree)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {err.decode()[-500:]}")
    return peak[0], peak[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dense", action="store_true", help="references on every page")
    parser.add_argument("--keep", type=Path, help="write the PDF here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-scan-"))
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / f"bench_{args.pages}{'_dense' if args.dense else ''}.pdf"
    if not pdf.exists():
        t = time.perf_counter()
        make_pdf(pdf, args.pages, args.dense)
        print(
            f"made {pdf} ({args.pages} pages, {pdf.stat().st_size / 1e6:.1f} MB) "
            f"in {time.perf_counter() - t:.1f} s"
        )
    annotator = [sys.executable, "-m", "annotator", "scan", str(pdf), "--json"]
    bare = [sys.executable, "-c", BARE, str(pdf)]
    commands = {"bare PyMuPDF words": bare, "annotator scan --json": annotator}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):  # alternated, so a slow spell of the machine hits both
        for name, cmd in commands.items():
            times[name].append(timed(cmd))
    print(f"{'':24} {'median s':>9} {'min s':>7} {'peak RSS/process':>17} {'peak RSS/tree':>14}")
    for name, cmd in commands.items():
        one, tree = peak_memory(cmd)
        print(
            f"{name:24} {statistics.median(times[name]):9.2f} {min(times[name]):7.2f} "
            f"{one / 1024:14.0f} MB {tree / 1024:11.0f} MB"
        )
    ratio = statistics.median(times["annotator scan --json"]) / statistics.median(
        times["bare PyMuPDF words"]
    )
    print(f"ratio scan / bare extraction: {ratio:.2f}x (target <= 2x); cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
