"""The Qt-free review core: operations, their inverses, and a history that survives a restart."""

from __future__ import annotations

import pytest

from annotator.core.errors import CaseError
from annotator.core.model import Category, Status
from annotator.review import Review, ReviewError
from annotator.store import CaseStore


@pytest.fixture
def reviewed(sample_case_path):
    case = CaseStore(sample_case_path)
    yield case, Review(case, "Student A")
    case.close()


def test_a_tag_with_note_and_exhibit_is_one_step_and_one_transaction(reviewed):
    case, review = reviewed
    finding = case.findings()[0]
    change = review.tag(finding.id, Status.REBUTTED, note="School record", exhibit="Ex. 4")
    assert change.finding_ids == (finding.id,) and change.label == "tag rebutted"
    assert [e.label for e in case.history.entries()] == ["tag rebutted"]
    review.undo()
    restored = case.finding(finding.id)
    assert (restored.status, restored.note, restored.exhibit) == (Status.UNTAGGED, "", "")
    fields = [(e.field, e.old, e.new) for e in case.audit(finding.id)]
    assert fields[-3:] == sorted(fields[-3:]) or len(fields) == 6
    assert {f for f, *_ in fields} == {"status", "note", "exhibit"}


def test_undo_and_redo_survive_closing_the_case(sample_case_path):
    with CaseStore(sample_case_path) as case:
        first, second = case.findings()[:2]
        review = Review(case, "A")
        review.tag(first.id, Status.UNVERIFIED)
        review.tag(second.id, Status.DISMISSED)
    with CaseStore(sample_case_path) as case:
        review = Review(case, "B")
        assert review.undo_label() == "tag dismissed"
        assert review.undo().finding_ids == (second.id,)
        assert case.finding(second.id).status is Status.UNTAGGED
    with CaseStore(sample_case_path) as case:
        review = Review(case, "C")
        assert review.redo().finding_ids == (second.id,)
        assert case.finding(second.id).status is Status.DISMISSED
        assert case.finding(first.id).status is Status.UNVERIFIED
        assert review.redo() is None
        assert [e.who for e in case.audit(second.id)] == ["A", "B", "C"]


def test_a_new_change_after_undo_drops_the_redo(reviewed):
    case, review = reviewed
    a, b = case.findings()[:2]
    review.tag(a.id, Status.REBUTTED)
    review.undo()
    review.tag(b.id, Status.UNVERIFIED)
    assert review.redo() is None
    assert case.finding(a.id).status is Status.UNTAGGED


def test_typing_in_one_note_is_one_step(reviewed):
    case, review = reviewed
    a, b = case.findings()[:2]
    for text in ("Sch", "School rec", "School record shows attendance"):
        review.set_fields(a.id, {"note": text})
    review.set_fields(b.id, {"note": "other"})
    assert [e.label for e in case.history.entries()] == ["edit the note", "edit the note"]
    review.undo()
    review.undo()
    assert case.finding(a.id).note == ""
    review.redo()
    assert case.finding(a.id).note == "School record shows attendance"


def test_a_change_to_nothing_new_is_not_a_step(reviewed):
    case, review = reviewed
    finding = case.findings()[0]
    assert review.tag(finding.id, Status.UNTAGGED).finding_ids == ()
    assert case.history.entries() == []


def test_a_finding_added_by_hand_takes_its_text_and_sentence_from_the_page(reviewed):
    case, review = reviewed
    document = case.documents()[0]
    page = case.page(document.id, 1)
    start = page.text.index("National Records Center")
    end = start + len("National Records Center")
    rects = [w.rect for w in page.words if start <= w.start < end]
    finding = review.add_finding(document.id, 1, Category.FUSION_CENTER, start, end, rects)
    assert finding.text == "National Records Center"
    assert "National Records Center" in finding.sentence
    assert finding.subtype == "manual" and finding.rects == rects


def test_undo_brings_back_a_deleted_finding_with_its_id_tag_and_one_audit_trail(reviewed):
    case, review = reviewed
    document = case.documents()[0]
    page = case.page(document.id, 1)
    finding = review.add_finding(document.id, 1, Category.GANG_LABEL, 0, 10, [page.words[0].rect])
    review.tag(finding.id, Status.UNVERIFIED, note="to check")
    review.delete_finding(finding.id)
    assert finding.id not in {f.id for f in case.findings()}
    with pytest.raises(CaseError):
        case.finding(finding.id)
    review.undo()
    back = case.finding(finding.id)
    assert (back.status, back.note) == (Status.UNVERIFIED, "to check")
    review.undo()  # the tag
    review.undo()  # the addition
    assert finding.id not in {f.id for f in case.findings()}
    review.redo()
    assert case.finding(finding.id).id == finding.id
    trail = [e.field for e in case.audit(finding.id)]
    lifecycle = [f for f in trail if f in ("created", "deleted", "restored")]
    assert lifecycle == ["created", "deleted", "restored", "deleted", "restored"]
    assert sorted(f for f in trail if f not in lifecycle) == ["note", "note", "status", "status"]


def test_a_step_whose_finding_is_gone_is_reported_and_dropped(reviewed):
    case, review = reviewed
    finding = case.findings()[0]
    review.tag(finding.id, Status.REBUTTED)
    with case.transaction():
        case.db.execute("DELETE FROM findings WHERE id = ?", [finding.id])
    with pytest.raises(ReviewError, match="can no longer be undone"):
        review.undo()
    assert case.history.entries() == []
    assert review.undo() is None
