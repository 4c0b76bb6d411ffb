"""Bringing review packages into a case, as a clinic's supervisor does.

What agrees merges silently, and a value the case has no position on is filled in, credited to
the package's reviewer. A finding tagged differently, or tagged (or added) by one and deleted by
another, is a conflict: both sides are kept, nothing is overwritten. A finding added by hand
that the case lacks is added with its author. Each package's merge is one undoable step; the
package is recorded, so merging it again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import Category, Finding, Role, Source
from annotator.review.anchors import Anchors
from annotator.review.clinic_ops import OnBehalf, RecordMerge
from annotator.review.operations import AddFinding, Batch, Operation, SetFields, SetRole
from annotator.review.package import LIFECYCLE, NO_OPINION, Package, PackageError, PackedFinding
from annotator.review.review import Review
from annotator.store import CaseStore
from annotator.store.case import EDITABLE, now
from annotator.store.clinic import Conflict, Side


@dataclass(frozen=True, slots=True)
class MergeResult:
    file: str
    reviewer: str
    merged: int = 0
    """Findings whose values agreed with the case or filled in what it left open."""
    added: int = 0
    """Findings added by hand (or detected) that the case did not have."""
    conflicts: tuple[Conflict, ...] = ()
    skipped: int = 0
    """Findings on documents the case lacks, and deletions of findings it never had."""
    already: bool = False
    """The package had been merged before: nothing changed."""
    ignored_fields: tuple[str, ...] = ()
    """Reviewer fields this version of the app does not have (a newer app's)."""


ROLE = "role"
"""A gang reference's role travels in a package like a reviewer field, but is set through its
own operation (SetRole): a role the reviewer here chose stays; one the detector chose gives way."""


def field_text(finding: Finding, name: str) -> str:
    value = getattr(finding, name)
    return "" if value is None else str(value)


def shared_documents(case: CaseStore, package: Package) -> dict[str, int]:
    """The package's documents this case has (SHA-256 -> id); none at all refuses it."""
    shared = {d.sha256: d.id for d in case.documents() if d.sha256 in package.shas()}
    if not shared:
        raise PackageError(
            f"{package.path}: was made from different documents (none of its "
            f"{len(package.documents)} documents is in {case.path.name})"
        )
    return shared


def merge_package(review: Review, package: Package) -> MergeResult:
    case = review.case
    documents = shared_documents(case, package)
    name = Path(package.path).name or "package"
    if case.clinic.merged(package.digest) is not None:
        return MergeResult(name, package.reviewer, already=True)
    plan = _Plan(case, package, documents)
    for packed in package.findings:
        plan.take(packed)
    with case.transaction():
        adds = plan.create_added(case)
        record = RecordMerge(
            package.digest,
            package.reviewer,
            name,
            len(package.findings),
            tuple(plan.conflicts),
            tuple(
                dict.fromkeys(
                    [
                        *plan.touched,
                        *(c.finding_id for c in plan.conflicts),
                        *(a.finding_id for a in adds),
                    ]
                )
            ),
        )
        applied = [*plan.applied, record]
        for operation in applied:
            operation.apply(case, review.reviewer)
        step = Batch((*adds, *applied))
        case.history.push(
            now(), review.reviewer, f"merge {package.reviewer}'s review", step.to_dict()
        )
    ignored = sorted({k for p in package.findings for k in p.values} - set(EDITABLE) - {ROLE})
    return MergeResult(
        name,
        package.reviewer,
        plan.merged,
        len(adds),
        tuple(plan.conflicts),
        plan.skipped,
        ignored_fields=tuple(ignored),
    )


@dataclass
class _Plan:
    """What merging one package will do, worked out before anything is written."""

    case: CaseStore
    package: Package
    documents: dict[str, int]
    applied: list[Operation] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    touched: list[int] = field(default_factory=list)
    to_add: list[PackedFinding] = field(default_factory=list)
    merged: int = 0
    skipped: int = 0

    def __post_init__(self) -> None:
        sha = {d.id: d.sha256 for d in self.case.documents()}
        findings = self.case.findings(include_deleted=True)
        self.anchors = Anchors(findings, lambda f: (sha[f.document_id], f.page), lambda f: f.rects)
        self.taken: set[int] = set()
        self.last: dict[tuple[int, str], tuple[str, str]] = {}
        for e in self.case.audit():
            key = "deleted" if e.field in LIFECYCLE else e.field
            self.last[(e.finding_id, key)] = (e.who, e.at)
        self.known = {
            (c.finding_id, c.theirs.who, c.theirs.deleted, tuple(sorted(c.theirs.values.items())))
            for c in self.case.clinic.conflicts()
        }
        self.next_id = self.case.clinic.next_conflict_id()
        self.when: dict[int, str] = {}
        for entry in self.package.audit:
            self.when[entry.finding] = max(self.when.get(entry.finding, ""), entry.at)

    def take(self, packed: PackedFinding) -> None:
        if packed.document not in self.documents:
            self.skipped += 1
            return
        target = self._match(packed)
        if target is None:
            if packed.deleted:
                self.skipped += 1
            else:
                self.to_add.append(packed)
            return
        self.taken.add(target.id)
        opinion = {k: v for k, v in packed.opinion().items() if k in EDITABLE}
        if packed.deleted or target.deleted:
            if (packed.deleted and target.deleted) or target.source is not Source.MANUAL:
                self.merged += 1  # agreed, or a reviewer deleted their own copy of a detected one
            else:
                self._conflict(target, packed, opinion, ("deleted",))
            return
        current = {k: field_text(target, k) for k in opinion}
        differ = tuple(
            k for k, v in opinion.items() if current[k] not in NO_OPINION and current[k] != v
        )
        fill = {k: v for k, v in opinion.items() if current[k] in NO_OPINION and current[k] != v}
        if fill:
            before = {k: current[k] for k in fill}
            self.applied.append(OnBehalf(self.package.reviewer, SetFields(target.id, before, fill)))
            self.touched.append(target.id)
        self._role(target, packed)
        if differ:
            self._conflict(target, packed, opinion, differ)
        else:
            self.merged += 1

    def _role(self, target: Finding, packed: PackedFinding) -> None:
        """Take the package's role for a gang reference whose role here is still the
        detector's; a role a reviewer here chose stays as it is."""
        theirs = packed.values.get(ROLE, "")
        if target.category is not Category.GANG_LABEL or not theirs or target.role_set_by_reviewer:
            return
        mine = target.role.value if target.role else None
        if theirs == mine:
            return
        Role(theirs)  # a package's value is checked like every other
        step = SetRole(target.id, mine, False, theirs)
        self.applied.append(OnBehalf(self.package.reviewer, step))
        self.touched.append(target.id)

    def _match(self, packed: PackedFinding) -> Finding | None:
        candidates = [
            f
            for f in self.anchors.overlapping(packed.document, packed.page, packed.rects)
            if f.category is packed.category and f.id not in self.taken
        ]
        if not candidates:
            return None
        exact = [f for f in candidates if (f.start, f.end) == (packed.start, packed.end)]
        same_source = [f for f in exact or candidates if f.source is packed.source]
        return (same_source or exact or candidates)[0]

    def _conflict(
        self,
        target: Finding,
        packed: PackedFinding,
        opinion: dict[str, str],
        fields: tuple[str, ...],
    ) -> None:
        key = (target.id, self.package.reviewer, packed.deleted, tuple(sorted(opinion.items())))
        if key in self.known:  # raised by an earlier copy of the same work
            self.merged += 1
            return
        self.known.add(key)
        values = {k: v for k in EDITABLE if (v := field_text(target, k)) not in NO_OPINION}
        side = "deleted" if target.deleted else "status"
        who, at = self.last.get((target.id, side)) or self.last.get(
            (target.id, fields[0]), ("", "")
        )
        mine = Side(who, at, values, target.deleted)
        theirs = Side(self.package.reviewer, self.when.get(packed.uid, ""), opinion, packed.deleted)
        self.conflicts.append(
            Conflict(self.next_id, target.id, self.package.digest, fields, mine, theirs)
        )
        self.next_id += 1

    def create_added(self, case: CaseStore) -> list[AddFinding]:
        """Store the findings the case lacks, each credited to its author, with the package's
        values (set for its reviewer); the returned steps undo and redo the additions."""
        adds = []
        for packed in self.to_add:
            finding = case.add_manual_finding(
                self.documents[packed.document],
                packed.page,
                packed.category,
                packed.text,
                packed.start,
                packed.end,
                list(packed.rects),
                sentence=packed.sentence,
                who=packed.author or self.package.reviewer,
                subtype=packed.subtype,
            )
            opinion = {k: v for k, v in packed.opinion().items() if k in EDITABLE}
            if opinion:
                before = {k: field_text(finding, k) for k in opinion}
                self.applied.append(
                    OnBehalf(self.package.reviewer, SetFields(finding.id, before, opinion))
                )
            self._role(finding, packed)
            adds.append(AddFinding(finding.id))
        return adds
