"""Grading a student's review against an instructor's key.

A key finding is found when one of the student's findings (tagged, or added by hand, and not
deleted) overlaps it on the same page of the same document, as the eval kit scores the
detector; a student's finding that overlaps no key finding is extra. Only the documents the
student's package covers are graded. Status agreement and Cohen's kappa compare the key's
status with the student's on the findings found (kappa is None when undefined: no pairs, or one
status only, where chance agreement is total).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.model import Category, Source, Status
from annotator.review.anchors import Anchors
from annotator.review.package import Package, PackageError, PackedFinding


@dataclass(frozen=True, slots=True)
class CategoryScore:
    found: int
    total: int

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class StudentGrade:
    reviewer: str
    file: str
    found: tuple[int, ...]
    """The uids of the key findings found."""
    missed: tuple[int, ...]
    extra: tuple[int, ...]
    """The uids of the student's findings that match no key finding."""
    pairs: tuple[tuple[str, str], ...]
    """(the key's status, the student's) for each key finding found."""
    per_category: dict[str, CategoryScore] = field(default_factory=dict)
    role_pairs: tuple[tuple[str, str], ...] = ()
    """(the key's role, the student's) for each gang reference found whose role the key sets
    and the student set too (a role the student left as the detector's is not in a package)."""

    @property
    def role_agreement(self) -> float | None:
        if not self.role_pairs:
            return None
        return sum(a == b for a, b in self.role_pairs) / len(self.role_pairs)

    @property
    def status_agreement(self) -> float | None:
        if not self.pairs:
            return None
        return sum(a == b for a, b in self.pairs) / len(self.pairs)

    @property
    def kappa(self) -> float | None:
        return cohen_kappa(self.pairs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "reviewer": self.reviewer,
            "package": self.file,
            "found": len(self.found),
            "missed": len(self.missed),
            "extra": len(self.extra),
            "status_agreement": _round(self.status_agreement),
            "kappa": _round(self.kappa),
            "role_agreement": _round(self.role_agreement),
            "per_category": {
                c: {"found": s.found, "total": s.total, "recall": round(s.recall, 4)}
                for c, s in self.per_category.items()
            },
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def cohen_kappa(pairs: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> float | None:
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[label] * second[label] for label in first) / (n * n)
    return None if chance >= 1 else (observed - chance) / (1 - chance)


def student_findings(package: Package) -> list[PackedFinding]:
    """What a student's review points at: findings tagged, or added by hand, and not deleted."""
    return [
        f
        for f in package.findings
        if not f.deleted and (f.status != Status.UNTAGGED.value or f.source is Source.MANUAL)
    ]


def check_same_documents(key: Package, package: Package) -> set[str]:
    shared = key.shas() & package.shas()
    if not shared:
        raise PackageError(
            f"{package.path}: was made from different documents than the key "
            f"{Path(key.path).name} (no document in common)"
        )
    return shared


def grade(key: Package, package: Package) -> StudentGrade:
    shared = check_same_documents(key, package)
    wanted = [k for k in key.findings if k.document in shared]
    mine = student_findings(package)
    by_student = Anchors(mine, lambda f: (f.document, f.page), lambda f: f.rects)
    by_key = Anchors(wanted, lambda f: (f.document, f.page), lambda f: f.rects)
    found, missed, pairs, roles = [], [], [], []
    totals: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for k in wanted:
        totals[k.category.value] += 1
        matches = by_student.overlapping(k.document, k.page, k.rects)
        if matches:
            found.append(k.uid)
            hits[k.category.value] += 1
            pairs.append((k.status, matches[0].status))
            if k.values.get("role") and matches[0].values.get("role"):
                roles.append((k.values["role"], matches[0].values["role"]))
        else:
            missed.append(k.uid)
    extra = [f.uid for f in mine if not by_key.overlapping(f.document, f.page, f.rects)]
    per_category = {
        c.value: CategoryScore(hits[c.value], totals[c.value]) for c in Category if totals[c.value]
    }
    return StudentGrade(
        package.reviewer,
        Path(package.path).name,
        tuple(found),
        tuple(missed),
        tuple(extra),
        tuple(pairs),
        per_category,
        tuple(roles),
    )


@dataclass(frozen=True, slots=True)
class KeyMiss:
    finding: PackedFinding
    missed_by: tuple[str, ...]


def most_missed(key: Package, grades: list[StudentGrade]) -> list[KeyMiss]:
    """The key findings students missed, those most students missed first."""
    by_uid = {k.uid: k for k in key.findings}
    missed_by: dict[int, list[str]] = {}
    for g in grades:
        for uid in g.missed:
            missed_by.setdefault(uid, []).append(g.reviewer)
    order = {k.uid: n for n, k in enumerate(key.findings)}
    ranked = sorted(missed_by, key=lambda uid: (-len(missed_by[uid]), order[uid]))
    return [KeyMiss(by_uid[uid], tuple(missed_by[uid])) for uid in ranked]
