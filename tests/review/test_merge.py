"""Merging two students' packages into the supervisor's case, and resolving their conflicts."""

from __future__ import annotations

import pytest
from clinic_support import HAND_PHRASE, add_by_hand, export, rewrite, snapshot

from annotator.core.model import Category, Role, Status
from annotator.review import Review, ReviewError
from annotator.review.conflicts import resolve
from annotator.review.merge import merge_package
from annotator.review.package import PackageError
from annotator.review.package_file import read_package
from annotator.store import CaseStore

SECOND_HAND = "National Records Center"


@pytest.fixture
def clinic(case_copy, tmp_path):
    """Student A and B's packages (overlapping, differing) and the supervisor's fresh copy."""
    a_path, b_path, supervisor = case_copy("a"), case_copy("b"), case_copy("supervisor")
    with CaseStore(a_path) as case:
        f = case.findings()[:5]
        a = Review(case, "Student A")
        a.tag(f[0].id, Status.REBUTTED, note="A: school record shows attendance")
        a.tag(f[1].id, Status.UNVERIFIED)
        a.tag(f[2].id, Status.DISMISSED)
        a.tag(add_by_hand(a, f[0].document_id, 1, HAND_PHRASE).id, Status.UNVERIFIED)
    with CaseStore(b_path) as case:
        b = Review(case, "Student B")
        b.tag(f[0].id, Status.DISMISSED, note="B: not about him")
        b.tag(f[1].id, Status.UNVERIFIED)
        b.tag(f[3].id, Status.REBUTTED)
        b.delete_finding(add_by_hand(b, f[0].document_id, 1, HAND_PHRASE).id)
        add_by_hand(b, f[0].document_id, 1, SECOND_HAND)
    export(a_path, "Student A", tmp_path / "a.cfr")
    export(b_path, "Student B", tmp_path / "b.cfr")
    return supervisor, tmp_path / "a.cfr", tmp_path / "b.cfr", f


def _merge(path, *packages):
    with CaseStore(path) as case:
        review = Review(case, "Supervisor")
        return [merge_package(review, read_package(p)) for p in packages]


def test_agreement_merges_silently_and_disagreement_is_a_conflict(clinic):
    supervisor, a, b, f = clinic
    first, second = _merge(supervisor, a, b)
    assert (first.merged, first.added, first.conflicts) == (3, 1, ())
    assert (second.merged, second.added, len(second.conflicts)) == (2, 1, 2)
    by_finding = {c.finding_id: c for c in second.conflicts}
    tagged = by_finding[f[0].id]
    assert set(tagged.fields) == {"status", "note"}
    assert (tagged.mine.who, tagged.mine.values["status"]) == ("Student A", "rebutted")
    assert tagged.mine.values["note"] == "A: school record shows attendance"
    assert (tagged.theirs.who, tagged.theirs.values) == (
        "Student B",
        {"status": "dismissed", "note": "B: not about him"},
    )
    assert tagged.mine.at and tagged.theirs.at
    with CaseStore(supervisor) as case:
        hand = next(x for x in case.findings() if x.text == HAND_PHRASE)
        second_hand = next(x for x in case.findings() if x.text == SECOND_HAND)
        deleted = by_finding[hand.id]
        assert (
            deleted.fields == ("deleted",) and deleted.theirs.deleted and not deleted.mine.deleted
        )
        assert case.finding(f[0].id).status is Status.REBUTTED  # never overwritten silently
        assert case.finding(f[3].id).status is Status.REBUTTED
        created = {e.finding_id: e.who for e in case.audit() if e.field == "created"}
        assert created[hand.id] == "Student A" and created[second_hand.id] == "Student B"
        status_by = {e.finding_id: e.who for e in case.audit() if e.field == "status"}
        assert status_by[f[3].id] == "Student B" and status_by[f[2].id] == "Student A"
        merged = {(e.finding_id, e.who) for e in case.audit() if e.field == "merged"}
        assert {who for _, who in merged} == {"Supervisor"}
        assert {f[0].id, f[3].id, hand.id, second_hand.id} <= {fid for fid, _ in merged}
        assert [e.who for e in case.history.entries()] == ["Supervisor", "Supervisor"]


def test_merging_the_same_package_twice_changes_nothing(clinic, tmp_path):
    supervisor, a, b, _ = clinic
    _merge(supervisor, a, b)
    before = snapshot(supervisor)
    again = _merge(supervisor, a, b)
    assert all(r.already for r in again)
    assert snapshot(supervisor) == before
    # the same work exported again (another file, another time) is the same work
    copy = rewrite(
        b,
        tmp_path / "b-again.cfr",
        lambda n, d: d.update(created_at="2027-01-01") if n == "manifest" else None,
    )
    assert _merge(supervisor, copy)[0].already
    assert snapshot(supervisor) == before


def test_resolving_a_conflict_is_undoable_and_audited(clinic):
    supervisor, a, b, f = clinic
    _merge(supervisor, a, b)
    with CaseStore(supervisor) as case:
        review = Review(case, "Supervisor")
        tagged = case.clinic.conflicts(finding_id=f[0].id)[0]
        resolve(review, tagged.id, "theirs")
        finding = case.finding(f[0].id)
        assert (finding.status, finding.note) == (Status.DISMISSED, "B: not about him")
        assert case.audit(f[0].id)[-1].field == "conflict"
        assert {e.who for e in case.audit(f[0].id)[-3:-1]} == {"Student B"}
        assert not case.clinic.conflict(tagged.id).open
        with pytest.raises(ReviewError, match="resolved already"):
            resolve(review, tagged.id, "mine")
        review.undo()
        finding = case.finding(f[0].id)
        assert (finding.status, finding.note) == (
            Status.REBUTTED,
            "A: school record shows attendance",
        )
        assert case.clinic.conflict(tagged.id).open
        resolve(review, tagged.id, "edited", {"status": "unverified", "note": "Both partly right"})
        finding = case.finding(f[0].id)
        assert (finding.status, finding.note) == (Status.UNVERIFIED, "Both partly right")
        assert case.audit(f[0].id)[-2].who == "Supervisor"
        assert case.clinic.conflict(tagged.id).resolution == "edited"


def test_a_deletion_taken_their_way_deletes_and_undo_restores(clinic):
    supervisor, a, b, _ = clinic
    _merge(supervisor, a, b)
    with CaseStore(supervisor) as case:
        review = Review(case, "Supervisor")
        hand = next(x for x in case.findings() if x.text == HAND_PHRASE)
        conflict = case.clinic.conflicts(finding_id=hand.id)[0]
        resolve(review, conflict.id, "theirs")
        assert case.finding(hand.id, include_deleted=True).deleted
        assert [e.who for e in case.audit(hand.id) if e.field == "deleted"] == ["Student B"]
        review.undo()
        assert case.finding(hand.id).status is Status.UNVERIFIED
        resolve(review, conflict.id, "mine")
        assert case.finding(hand.id).status is Status.UNVERIFIED
        assert case.audit(hand.id)[-1].new == "took mine"


def test_a_merge_is_one_undoable_step(clinic):
    supervisor, a, b, f = clinic
    _merge(supervisor, a)
    before = snapshot(supervisor)
    _merge(supervisor, b)
    with CaseStore(supervisor) as case:
        assert Review(case, "Supervisor").undo().label == "merge Student B's review"
        assert case.finding(f[3].id).status is Status.UNTAGGED
        assert not [x for x in case.findings() if x.text == SECOND_HAND]
        assert not case.clinic.conflicts() and len(case.clinic.merged_packages()) == 1
        gone = next(x.id for x in case.findings(include_deleted=True) if x.text == SECOND_HAND)
    after = snapshot(supervisor)
    assert [x for x in after[0] if x[0] != gone] == before[0]
    assert (gone, Status.UNTAGGED, "", True) in after[0]
    assert _merge(supervisor, b)[0].already is False  # undone, so it can be merged again


def test_a_package_of_other_documents_is_refused_and_nothing_written(clinic, tmp_path):
    supervisor, a, _, _ = clinic

    def elsewhere(name, data):
        if name == "review":
            for d in data["documents"]:
                d["sha256"] = "0" * 63 + str(data["documents"].index(d))
            for x in data["findings"]:
                x["document"] = "0" * 64

    other = rewrite(a, tmp_path / "other.cfr", elsewhere)
    before = snapshot(supervisor)
    with pytest.raises(PackageError, match=r"other\.cfr: was made from different documents"):
        _merge(supervisor, other)
    assert snapshot(supervisor) == before


def test_fields_this_version_lacks_are_left_out_and_named(clinic, tmp_path):
    supervisor, a, _, _ = clinic

    def with_priority(name, data):
        if name == "review":
            finding = data["findings"][0]
            finding["values"]["priority"] = "high"
            data["audit"].append(
                {
                    **data["audit"][0],
                    "field": "priority",
                    "old": "",
                    "new": "high",
                    "finding": finding["uid"],
                }
            )

    newer = rewrite(a, tmp_path / "priority.cfr", with_priority)
    result = _merge(supervisor, newer)[0]
    assert result.ignored_fields == ("priority",) and result.merged == 3


def test_a_role_a_student_chose_travels_and_a_role_chosen_here_stays(case_copy, tmp_path):
    student, supervisor = case_copy("student"), case_copy("supervisor-roles")
    with CaseStore(student) as case:
        gang = [x for x in case.findings() if x.category is Category.GANG_LABEL][:2]
        review = Review(case, "Student A")
        for finding in gang:
            other = Role.PERSECUTOR if finding.role is not Role.PERSECUTOR else Role.SUBJECT
            review.set_role(finding.id, other)
        chosen = {x.id: case.finding(x.id).role for x in gang}
    export(student, "Student A", tmp_path / "roles.cfr")
    with CaseStore(supervisor) as case:
        mine = Role.BACKGROUND if chosen[gang[1].id] is not Role.BACKGROUND else Role.SUBJECT
        Review(case, "Supervisor").set_role(gang[1].id, mine)
    result = _merge(supervisor, tmp_path / "roles.cfr")[0]
    assert result.ignored_fields == ()
    with CaseStore(supervisor) as case:
        taken = case.finding(gang[0].id)
        assert taken.role is chosen[gang[0].id] and taken.role_set_by_reviewer
        assert case.finding(gang[1].id).role is mine, "a role chosen here is never overwritten"
        credited = [e.who for e in case.audit(gang[0].id) if e.field == "role"]
        assert credited[-1] == "Student A"
        Review(case, "Supervisor").undo()
        assert case.finding(gang[0].id).role is not chosen[gang[0].id]
