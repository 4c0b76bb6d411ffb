"""The operations several reviews need: a change made for another reviewer, a merge's records,
and a conflict's resolution. Each is plain data with its inverse, like those in operations.py,
and is read back from the history through operations.LOADERS."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.review.operations import LOADERS, Batch, Operation, from_dict
from annotator.store import CaseStore
from annotator.store.case import now
from annotator.store.clinic import Conflict, MergedPackage, Side

MERGED, CONFLICT = "merged", "conflict"
"""The audit log's events for a merge that touched a finding and a conflict resolved."""
CHOICES = ("mine", "theirs", "edited")


@dataclass(frozen=True, slots=True)
class OnBehalf:
    """Another reviewer's change, applied for them (a package merged, a conflict taken their
    way): the audit log credits them. Undoing it is the undoer's own act, credited to them."""

    reviewer: str
    operation: Operation

    def apply(self, case: CaseStore, who: str) -> None:
        self.operation.apply(case, self.reviewer)

    def revert(self, case: CaseStore, who: str) -> None:
        self.operation.revert(case, who)

    def finding_ids(self) -> list[int]:
        return self.operation.finding_ids()

    def to_dict(self) -> dict[str, Any]:
        return {"op": "as", "who": self.reviewer, "operation": self.operation.to_dict()}


@dataclass(frozen=True, slots=True)
class RecordMerge:
    """What a merge keeps besides the values: the package (so merging it again changes nothing),
    the conflicts it raised, and a "merged" audit entry on each finding it touched."""

    digest: str
    reviewer: str
    file: str
    findings: int
    conflicts: tuple[Conflict, ...] = ()
    touched: tuple[int, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        return f"{self.reviewer}'s review ({self.file})"

    def apply(self, case: CaseStore, who: str) -> None:
        merged = MergedPackage(self.digest, self.reviewer, self.file, now(), who, self.findings)
        case.clinic.record_merge(merged)
        for conflict in self.conflicts:
            case.clinic.add_conflict(conflict)
        for finding_id in self.touched:
            case.record_event(finding_id, who, MERGED, "", self.label)

    def revert(self, case: CaseStore, who: str) -> None:
        case.clinic.forget_merge(self.digest)
        for conflict in self.conflicts:
            case.clinic.remove_conflict(conflict.id)
        for finding_id in self.touched:
            case.record_event(finding_id, who, MERGED, self.label, "")

    def finding_ids(self) -> list[int]:
        return list(dict.fromkeys([*self.touched, *(c.finding_id for c in self.conflicts)]))

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": "record_merge",
            "digest": self.digest,
            "reviewer": self.reviewer,
            "file": self.file,
            "findings": self.findings,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "touched": list(self.touched),
        }


@dataclass(frozen=True, slots=True)
class ResolveConflict:
    """A conflict resolved: "mine" keeps the case's values, "theirs" takes the package's (for
    its reviewer), "edited" sets the supervisor's own; `operation` is what the choice changes."""

    conflict_id: int
    finding_id: int
    choice: str
    operation: Operation = field(default_factory=Batch)

    def apply(self, case: CaseStore, who: str) -> None:
        self.operation.apply(case, who)
        case.clinic.set_resolution(self.conflict_id, self.choice, who, now())
        case.record_event(self.finding_id, who, CONFLICT, "open", f"took {self.choice}")

    def revert(self, case: CaseStore, who: str) -> None:
        self.operation.revert(case, who)
        case.clinic.set_resolution(self.conflict_id, "", who, now())
        case.record_event(self.finding_id, who, CONFLICT, f"took {self.choice}", "open")

    def finding_ids(self) -> list[int]:
        return list(dict.fromkeys([self.finding_id, *self.operation.finding_ids()]))

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": "resolve",
            "conflict": self.conflict_id,
            "id": self.finding_id,
            "choice": self.choice,
            "operation": self.operation.to_dict(),
        }


def _conflict(data: dict[str, Any]) -> Conflict:
    return Conflict(
        int(data["id"]),
        int(data["finding_id"]),
        str(data["digest"]),
        tuple(data["fields"]),
        Side.from_dict(data["mine"]),
        Side.from_dict(data["theirs"]),
    )


LOADERS["as"] = lambda d: OnBehalf(str(d["who"]), from_dict(d["operation"]))
LOADERS["record_merge"] = lambda d: RecordMerge(
    str(d["digest"]),
    str(d["reviewer"]),
    str(d["file"]),
    int(d["findings"]),
    tuple(_conflict(c) for c in d["conflicts"]),
    tuple(int(i) for i in d["touched"]),
)
LOADERS["resolve"] = lambda d: ResolveConflict(
    int(d["conflict"]), int(d["id"]), str(d["choice"]), from_dict(d["operation"])
)
