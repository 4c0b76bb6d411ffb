"""Benchmark `annotator export --memo` on a large case: seconds per format (DOCX, PDF, Markdown).

Builds the case once (kept with --keep): a generated PDF of fictional A-file prose with references
on every page (bench_scan's --dense text), scanned by the real `annotator scan --case`, trimmed to
the number of findings asked for, then tagged as an attorney part-way through a review would
have it: half the findings tagged unverified or rebutted with a note and an exhibit (each of
those gets its own block in the memo), one in twelve dismissed, the rest untagged (listed in the
"Not yet reviewed" tables). Each format is then exported by the real command, as a process of
its own, and timed: wall seconds, and the CPU seconds the process used (on a machine shared with
other work the wall time stretches; the CPU time much less). Target (issue 16): under 15 s for
each format at 12,000 findings.

usage: python bench/bench_export.py [--findings N] [--runs K] [--keep DIR] [--formats docx,pdf,md]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scan import make_pdf

from annotator.core.model import Status
from annotator.store import CaseStore

FINDINGS_PER_PAGE = 8
"""Roughly what the dense text yields per page; pages are generated with room to spare."""


def build_case(folder: Path, findings: int) -> Path:
    """The benchmark case at folder/bench_<findings>.case, made once."""
    case_path = folder / f"bench_{findings}.case"
    if case_path.exists():
        return case_path
    pages = findings // FINDINGS_PER_PAGE + 50
    pdf = folder / f"bench_export_{pages}.pdf"
    t = time.perf_counter()
    make_pdf(pdf, pages, dense=True)
    building = case_path.with_suffix(".building")
    building.unlink(missing_ok=True)
    scan = [sys.executable, "-m", "annotator", "scan", str(pdf), "--case", str(building)]
    subprocess.run(scan, check=True, stdout=subprocess.DEVNULL)
    with CaseStore(building) as case:
        case.set_info(respondent="Fictional Benchmark Respondent", a_number="A 000-000-000")
        _trim_and_tag(case, findings)
    os.replace(building, case_path)
    building.with_name(building.name + ".lock").unlink(missing_ok=True)
    print(f"built {case_path} ({pages} pages) in {time.perf_counter() - t:.1f} s")
    return case_path


def _trim_and_tag(case: CaseStore, wanted: int) -> None:
    ids = [f.id for f in case.findings()]
    if len(ids) < wanted:
        raise SystemExit(f"the scan found {len(ids)} findings, fewer than {wanted}")
    with case.db.atomic():  # one transaction: the tags below are set-up, not what is measured
        case.db.conn.executemany("DELETE FROM findings WHERE id = ?", [(i,) for i in ids[wanted:]])
        for n, finding_id in enumerate(ids[:wanted]):
            if n % 12 == 11:
                case.set_status(finding_id, Status.DISMISSED, "Bench Reviewer")
            elif n % 2 == 0:
                status = Status.REBUTTED if n % 4 == 0 else Status.UNVERIFIED
                case.set_status(finding_id, status, "Bench Reviewer")
                case.set_note(finding_id, f"No record supports this (fictional note {n}).", "")
                case.set_exhibit(finding_id, f"Ex. {n % 26 + 1}", "")
    case.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def export_seconds(case_path: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one `annotator export --memo OUT`."""
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "annotator", "export", str(case_path), "--memo", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"export {out.suffix} failed ({done.returncode}): {done.stderr[-500:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=12_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build the case here and keep it")
    parser.add_argument("--formats", default="docx,pdf,md")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-export-"))
    folder.mkdir(parents=True, exist_ok=True)
    case_path = build_case(folder, args.findings)
    with CaseStore(case_path) as case:
        counts = {s: len(case.findings(status=s.value)) for s in Status}
    print(
        f"{args.findings} findings: "
        + ", ".join(f"{n} {s.value}" for s, n in counts.items())
        + f"; {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}"
    )
    print(f"{'format':8} {'median s':>9} {'min s':>7} {'CPU s':>7} {'size':>9}  (target < 15 s)")
    for suffix in args.formats.split(","):
        out = folder / f"memo.{suffix}"
        runs = [export_seconds(case_path, out) for _ in range(args.runs)]
        walls = [wall for wall, _ in runs]
        cpu = statistics.median(c for _, c in runs)
        size = out.stat().st_size / 1e6
        print(
            f"{suffix:8} {statistics.median(walls):9.1f} {min(walls):7.1f} {cpu:7.1f} "
            f"{size:7.1f} MB"
        )
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
