"""The memo limited to the findings a supervisor approved (export --approved-only)."""

from __future__ import annotations

from export_support import Tagged

from annotator.core.model import Approval
from annotator.export import build_memo
from annotator.review import Review
from annotator.review.supervise import judge


def _listed(memo) -> set[int]:
    return {e.finding_id for s in [*memo.sections, memo.unreviewed] for e in s.findings}


def test_only_approved_findings_are_in_the_memo_and_its_counts(tagged: Tagged):
    with tagged.store() as case:
        supervisor = Review(case, "Supervisor")
        judge(supervisor, tagged.unverified.id, Approval.APPROVED)
        judge(supervisor, tagged.rebutted.id, Approval.OVERTURNED, "No record")
        everything = build_memo(case)
        approved = build_memo(case, approved_only=True)
    assert _listed(everything) >= {tagged.unverified.id, tagged.rebutted.id, tagged.plain.id}
    assert _listed(approved) == {tagged.unverified.id}
    assert sum(sum(row.counts.values()) for row in approved.summary) == 1
    assert approved.dismissed == 0 and not approved.unreviewed.findings
