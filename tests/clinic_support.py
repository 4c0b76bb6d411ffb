"""Reviewers at work on their own copies of the sample case, through the review core."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.model import Category, Finding, Status
from annotator.nlp.geometry import span_rects
from annotator.review import Review
from annotator.review.collect import collect_key, collect_review
from annotator.review.package import Package
from annotator.review.package_file import write_package
from annotator.store import CaseStore

HAND_PHRASE = "Harbor Immigrant Defense Clinic"
"""Words on page 1 of the first sample document that the detector does not mark."""


def picks(path: Path, category: Category, n: int) -> list[Finding]:
    """The first n detected findings of a category, the same in every copy of the case."""
    with CaseStore(path) as case:
        return case.findings(category=category.value)[:n]


def add_by_hand(review: Review, document_id: int, page: int, phrase: str) -> Finding:
    stored = review.case.page(document_id, page)
    match = re.search(r"\s+".join(map(re.escape, phrase.split())), stored.text)
    assert match, phrase
    start, end = match.span()
    return review.add_finding(
        document_id, page, Category.GANG_LABEL, start, end, span_rects(stored, start, end)
    )


def export(path: Path, reviewer: str, out: Path) -> Package:
    with CaseStore(path) as case:
        package = collect_review(case, reviewer, all_documents=True)
    write_package(out, package)
    return package


def tag_all(path: Path, reviewer: str, tags: dict[int, Status], notes: dict[int, str]) -> None:
    with CaseStore(path) as case:
        review = Review(case, reviewer)
        for finding_id, status in tags.items():
            review.tag(finding_id, status, note=notes.get(finding_id))


def rewrite(source: Path, target: Path, change: Callable[[str, dict[str, Any]], None]) -> Path:
    """Copy a package, letting `change(name, data)` edit its manifest and review.json, with the
    checksum made to match, as someone editing a package by hand would."""
    with zipfile.ZipFile(source) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        content = json.loads(archive.read("review.json"))
    change("review", content)
    body = json.dumps(content, sort_keys=True).encode()
    manifest["content_sha256"] = hashlib.sha256(body).hexdigest()
    change("manifest", manifest)
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("review.json", body)
        archive.writestr("manifest.json", json.dumps(manifest))
    return target


def snapshot(path: Path) -> tuple[object, ...]:
    """Everything a merge could write to a case file."""
    with CaseStore(path) as case:
        return (
            [(f.id, f.status, f.note, f.deleted) for f in case.findings(include_deleted=True)],
            len(case.audit()),
            len(case.history.entries()),
            case.clinic.merged_packages(),
            case.clinic.conflicts(),
        )


STATUSES = (Status.REBUTTED, Status.UNVERIFIED, Status.DISMISSED)


@dataclass
class CourseRun:
    """A key and three students' packages, and what each student did, written down as the
    scenario is played (the tests work out the expected grades from this, not the grader)."""

    key: Path
    packages: dict[str, Path]
    key_findings: dict[int, tuple[str, str]] = field(default_factory=dict)
    """key finding id -> (category, expected status)."""
    found: dict[str, dict[int, str]] = field(default_factory=dict)
    """student -> {key finding id they found: the status they gave it}."""
    extra: dict[str, int] = field(default_factory=dict)


def course_run(case_copy: Callable[[str], Path], folder: Path) -> CourseRun:
    """Instructor: three findings of each category tagged (notes on two). Ana: all twelve, the
    same statuses. Ben: the first eight, two with another status, and two findings not in the
    key. Cy: three, one more found by selecting its words by hand, one selected and deleted, and
    one hand-added phrase the key lacks."""
    instructor = case_copy("instructor")
    with CaseStore(instructor) as case:
        chosen = [f for c in Category for f in case.findings(category=c.value)[:3]]
        others = [f for f in case.findings() if f not in chosen][:2]
        review = Review(case, "Instructor")
        for n, f in enumerate(chosen):
            status = STATUSES[n % 3]
            review.tag(f.id, status, note="Model answer" if n in (0, 4) else None)
        key = folder / "course.cfk"
        write_package(key, collect_key(case))
    run = CourseRun(key, {})
    run.key_findings = {
        f.id: (f.category.value, STATUSES[n % 3].value) for n, f in enumerate(chosen)
    }
    expected = [STATUSES[n % 3] for n in range(len(chosen))]

    def student(name: str, tags: dict[int, Status], act: Callable[[Review], None] | None = None):
        path = case_copy(name)
        with CaseStore(path) as case:
            review = Review(case, name)
            for finding_id, status in tags.items():
                review.tag(finding_id, status)
            if act is not None:
                act(review)
        run.packages[name] = folder / f"{name}.cfr"
        export(path, name, run.packages[name])

    student("Ana", {f.id: expected[n] for n, f in enumerate(chosen)})
    run.found["Ana"] = {f.id: expected[n].value for n, f in enumerate(chosen)}
    run.extra["Ana"] = 0

    ben = {f.id: expected[n] for n, f in enumerate(chosen[:8])}
    ben[chosen[1].id] = Status.DISMISSED
    ben[chosen[5].id] = Status.REBUTTED
    student("Ben", {**ben, others[0].id: Status.UNVERIFIED, others[1].id: Status.REBUTTED})
    run.found["Ben"] = {k: v.value for k, v in ben.items()}
    run.extra["Ben"] = 2

    def cy_by_hand(review: Review) -> None:
        found = review.add_finding(
            chosen[9].document_id,
            chosen[9].page,
            chosen[9].category,
            chosen[9].start,
            chosen[9].end,
            chosen[9].rects,
        )
        review.tag(found.id, Status.UNVERIFIED)
        dropped = review.add_finding(
            chosen[10].document_id,
            chosen[10].page,
            chosen[10].category,
            chosen[10].start,
            chosen[10].end,
            chosen[10].rects,
        )
        review.delete_finding(dropped.id)
        add_by_hand(review, review.case.documents()[0].id, 1, HAND_PHRASE)

    student(
        "Cy",
        {
            chosen[0].id: Status.REBUTTED,
            chosen[3].id: Status.DISMISSED,
            chosen[6].id: Status.REBUTTED,
        },
        cy_by_hand,
    )
    run.found["Cy"] = {
        chosen[0].id: "rebutted",
        chosen[3].id: "dismissed",
        chosen[6].id: "rebutted",
        chosen[9].id: "unverified",
    }
    run.extra["Cy"] = 1
    return run


def kappa_from_matrix(pairs: list[tuple[str, str]]) -> float | None:
    labels = sorted({x for pair in pairs for x in pair})
    n = len(pairs)
    matrix = [[sum(1 for p in pairs if p == (a, b)) for b in labels] for a in labels]
    observed = sum(matrix[i][i] for i in range(len(labels))) / n
    rows = [sum(r) for r in matrix]
    columns = [sum(matrix[i][j] for i in range(len(labels))) for j in range(len(labels))]
    chance = sum(r * c for r, c in zip(rows, columns, strict=True)) / n**2
    return None if chance == 1 else (observed - chance) / (1 - chance)


def expected_grade(run: CourseRun, name: str) -> dict[str, Any]:
    found = run.found[name]
    pairs = [(run.key_findings[k][1], status) for k, status in found.items()]
    totals = Counter(category for category, _ in run.key_findings.values())
    hits = Counter(run.key_findings[k][0] for k in found)
    return {
        "reviewer": name,
        "found": len(found),
        "missed": len(run.key_findings) - len(found),
        "extra": run.extra[name],
        "status_agreement": round(sum(a == b for a, b in pairs) / len(pairs), 4),
        "kappa": None if (k := kappa_from_matrix(pairs)) is None else round(k, 4),
        "role_agreement": None,  # the course run's students set no role (roles: test_grading)
        "per_category": {
            c: {"found": hits[c], "total": totals[c], "recall": round(hits[c] / totals[c], 4)}
            for c in totals
        },
    }


def copy_case(master: Path, target: Path) -> Path:
    """A copy of an ingested case (its write-ahead log folded in first)."""
    with CaseStore(master) as case:
        case.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(master, target)
    return target
