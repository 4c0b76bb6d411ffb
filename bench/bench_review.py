"""Merge and grade five review packages over a case of 1,000 findings; prints the timings.

usage: python bench/bench_review.py [--findings N] [--packages N] [--runs N]

The case is built directly in a case file (synthetic pages and detections, no PDF or spaCy:
merge and grade never read either). Five students each tag every finding — a fifth of them
differently from the others, so merges raise conflicts — add ten findings by hand and delete
one. Timed: reading and merging the five packages into a fresh copy of the case (the command
line's `review merge`), and reading a key and grading the five packages against it (`review
grade` without the report). Target: each under 2 s.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.model import Category, Detection, PageText, Status, Word
from annotator.review import Review
from annotator.review.collect import collect_key, collect_review
from annotator.review.grading import grade
from annotator.review.merge import merge_package
from annotator.review.package_file import read_package, write_package
from annotator.store import CaseStore

PER_PAGE = 10
STATUSES = (Status.UNVERIFIED, Status.REBUTTED, Status.DISMISSED)


def build_case(path: Path, findings: int) -> None:
    pages = (findings + PER_PAGE - 1) // PER_PAGE
    with CaseStore(path) as case:
        sha = hashlib.sha256(b"bench").hexdigest()
        document = case.add_document(sha, "/nowhere/bench.pdf", "Benchmark document", pages)
        texts, detections = [], []
        for p in range(1, pages + 1):
            words, parts = [], []
            for k in range(PER_PAGE):
                start = sum(len(x) + 1 for x in parts)
                parts.append(f"MS-13 member {p}-{k}")
                y = 72 + 20 * k
                words.append(Word((72, y, 200, y + 12), start, start + len(parts[-1]), k))
                detections.append(
                    (
                        p,
                        Detection(
                            Category.GANG_LABEL,
                            "label",
                            parts[-1],
                            start,
                            start + len(parts[-1]),
                            [(72, y, 200, y + 12)],
                            parts[-1],
                        ),
                    )
                )
            texts.append(PageText(p, 612, 792, 0, "\n".join(parts), words))
        case.save_pages(document.id, texts)
        case.merge_detections(document.id, detections[:findings], "bench")


def student_package(master: Path, folder: Path, n: int) -> Path:
    copy = folder / f"student{n}.case"
    shutil.copy(master, copy)
    with CaseStore(copy) as case:
        review = Review(case, f"Student {n}")
        findings = case.findings()
        with case.transaction():
            for i, f in enumerate(findings):
                status = STATUSES[(i + (n if i % 5 == 0 else 0)) % 3]
                review.tag(f.id, status, note=f"note {n}" if i % 7 == 0 else None)
            page = case.page(findings[0].document_id, 1)
            for k in range(10):
                w = page.words[k]
                added = review.add_finding(
                    f.document_id, 1, Category.SAFE, w.start, w.start + 4, [w.rect]
                )
                if k == 0:
                    review.delete_finding(added.id)
        out = folder / f"student{n}.cfr"
        write_package(out, collect_review(case, f"Student {n}"))
    return out


def key_file(master: Path, folder: Path) -> Path:
    copy = folder / "instructor.case"
    shutil.copy(master, copy)
    with CaseStore(copy) as case:
        review = Review(case, "Instructor")
        with case.transaction():
            for i, f in enumerate(case.findings()):
                review.tag(f.id, STATUSES[i % 3])
        out = folder / "key.cfk"
        write_package(out, collect_key(case), ())
    return out


def time_merge(master: Path, folder: Path, packages: list[Path]) -> tuple[float, int]:
    target = folder / "supervisor.case"
    shutil.copy(master, target)
    with CaseStore(target) as case:
        start = time.perf_counter()
        review = Review(case, "Supervisor")
        conflicts = 0
        for path in packages:
            conflicts += len(merge_package(review, read_package(path)).conflicts)
        return time.perf_counter() - start, conflicts


def time_grade(key: Path, packages: list[Path]) -> float:
    start = time.perf_counter()
    answers = read_package(key, "key")
    for path in packages:
        grade(answers, read_package(path))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=1000)
    parser.add_argument("--packages", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        master = folder / "master.case"
        build_case(master, args.findings)
        packages = [student_package(master, folder, n) for n in range(1, args.packages + 1)]
        key = key_file(master, folder)
        merges, grades = [], []
        conflicts = 0
        for _ in range(args.runs):
            seconds, conflicts = time_merge(master, folder, packages)
            merges.append(seconds)
            grades.append(time_grade(key, packages))
        size = sum(p.stat().st_size for p in packages) / len(packages) / 1024
    print(f"{args.packages} packages of {args.findings + 10} findings each ({size:.0f} KiB each)")
    print(
        f"merge: median {statistics.median(merges):.3f} s, best {min(merges):.3f} s "
        f"({conflicts} conflicts raised) over {args.runs} runs"
    )
    print(
        f"grade: median {statistics.median(grades):.3f} s, best {min(grades):.3f} s "
        f"over {args.runs} runs"
    )


if __name__ == "__main__":
    main()
