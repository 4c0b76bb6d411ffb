"""Second-level review: approving and overturning tags, and the per-reviewer figures."""

from __future__ import annotations

import pytest

from annotator.core.model import Approval, Status
from annotator.review import Review, ReviewError
from annotator.review.supervise import judge, reviewer_stats, reviewers_of
from annotator.store import CaseStore


@pytest.fixture
def checked(sample_case_path):
    """Student A tagged four findings, Student B three; the supervisor checked five of them."""
    case = CaseStore(sample_case_path)
    f = case.findings()[:8]
    a, b, supervisor = Review(case, "Student A"), Review(case, "Student B"), Review(case, "Sup")
    for finding in f[:4]:
        a.tag(finding.id, Status.REBUTTED)
    for finding in f[4:7]:
        b.tag(finding.id, Status.UNVERIFIED)
    judge(supervisor, f[0].id, Approval.APPROVED)
    judge(supervisor, f[1].id, Approval.APPROVED)
    judge(supervisor, f[2].id, Approval.OVERTURNED, "The record is about his cousin")
    judge(supervisor, f[4].id, Approval.OVERTURNED, "Not a label")
    judge(supervisor, f[5].id, Approval.OVERTURNED, "Hearsay")
    yield case, supervisor, f
    case.close()


def test_approvals_are_reviewer_fields_undone_and_audited_like_tags(checked):
    case, supervisor, f = checked
    overturned = case.finding(f[2].id)
    assert overturned.approval is Approval.OVERTURNED
    assert overturned.approval_note == "The record is about his cousin"
    audit = [(e.who, e.field, e.new) for e in case.audit(f[2].id)]
    assert audit[-2:] == [
        ("Sup", "approval", "overturned"),
        ("Sup", "approval_note", "The record is about his cousin"),
    ]
    assert supervisor.undo().label == "overturn"
    assert case.finding(f[5].id).approval is Approval.PENDING
    assert case.finding(f[5].id).status is Status.UNVERIFIED  # the tag itself is untouched


def test_only_a_tag_can_be_checked_and_overturning_needs_a_note(checked):
    case, supervisor, f = checked
    with pytest.raises(ReviewError, match="not tagged yet"):
        judge(supervisor, f[7].id, Approval.APPROVED)
    with pytest.raises(ReviewError, match="say why"):
        judge(supervisor, f[3].id, Approval.OVERTURNED, "  ")
    assert case.finding(f[3].id).approval is Approval.PENDING


def test_per_reviewer_figures(checked):
    case, _, f = checked
    assert reviewers_of(case)[f[0].id] == "Student A"
    rows = {r.reviewer: r for r in reviewer_stats(case)}
    assert set(rows) == {"Student A", "Student B"}  # the supervisor tagged nothing
    a, b = rows["Student A"], rows["Student B"]
    assert (a.reviewed, a.approved, a.overturned) == (4, 2, 1)
    assert a.overturn_rate == pytest.approx(1 / 3)
    assert (b.reviewed, b.approved, b.overturned) == (3, 0, 2)
    assert b.overturn_rate == 1.0
    assert b.to_dict() == {
        "reviewer": "Student B",
        "reviewed": 3,
        "approved": 0,
        "overturned": 2,
        "overturn_rate": 1.0,
    }
