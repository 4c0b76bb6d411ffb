"""Second-level review: a supervisor approves or overturns each tag, and how each reviewer fares.

The reviewer of a finding is whoever last set its status (the audit log's `who`). Overturn rate
is the share of a reviewer's checked tags that the supervisor overturned.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from annotator.core.model import Approval, Status
from annotator.review.operations import SetFields
from annotator.review.review import Change, Review, ReviewError
from annotator.store import CaseStore


def judge(review: Review, finding_id: int, approval: Approval | str, note: str = "") -> Change:
    """Approve or overturn (or clear) a finding's tag, with a note, as one undoable step."""
    verdict = Approval(approval)
    finding = review.case.finding(finding_id)
    if finding.status is Status.UNTAGGED and verdict is not Approval.PENDING:
        raise ReviewError(f"finding {finding_id} is not tagged yet: there is no tag to check")
    if verdict is Approval.OVERTURNED and not note.strip():
        raise ReviewError(f"finding {finding_id}: say why the tag is overturned (a note)")
    before = {"approval": finding.approval.value, "approval_note": finding.approval_note}
    after = {"approval": verdict.value, "approval_note": note.strip()}
    changed = {k: v for k, v in after.items() if before[k] != v}
    if not changed:
        return Change("", ())
    label = {Approval.APPROVED: "approve", Approval.OVERTURNED: "overturn"}.get(
        verdict, "clear the approval"
    )
    return review.run(SetFields(finding_id, {k: before[k] for k in changed}, changed), label)


def reviewers_of(case: CaseStore) -> dict[int, str]:
    """Each finding's reviewer: who last set its status."""
    out: dict[int, str] = {}
    for entry in case.audit():
        if entry.field == "status":
            out[entry.finding_id] = entry.who
    return out


@dataclass(frozen=True, slots=True)
class ReviewerStats:
    reviewer: str
    reviewed: int
    """Findings the reviewer tagged (their status is the reviewer's)."""
    approved: int
    overturned: int

    @property
    def overturn_rate(self) -> float | None:
        """Overturned of those checked; None while none is."""
        checked = self.approved + self.overturned
        return self.overturned / checked if checked else None

    def to_dict(self) -> dict[str, object]:
        rate = self.overturn_rate
        return {
            "reviewer": self.reviewer,
            "reviewed": self.reviewed,
            "approved": self.approved,
            "overturned": self.overturned,
            "overturn_rate": None if rate is None else round(rate, 4),
        }


def reviewer_stats(case: CaseStore) -> list[ReviewerStats]:
    """One row per reviewer who tagged a finding still tagged, by name."""
    whose = reviewers_of(case)
    counts: Counter[tuple[str, str]] = Counter()
    for finding in case.findings():
        who = whose.get(finding.id)
        if who is None or finding.status is Status.UNTAGGED:
            continue
        counts[(who, "reviewed")] += 1
        counts[(who, finding.approval.value)] += 1
    names = sorted({who for who, _ in counts})
    return [
        ReviewerStats(
            name,
            counts[(name, "reviewed")],
            counts[(name, Approval.APPROVED.value)],
            counts[(name, Approval.OVERTURNED.value)],
        )
        for name in names
    ]
