"""Find all like this, and dismiss all identical: on real PDFs, an OCR'd page among them."""

from __future__ import annotations

import pytest
from ocr_support import any_overlap, scanned_copy, tesseract

from annotator.core.model import Category, Status
from annotator.ingest import Ingestor
from annotator.review import Review
from annotator.review.claims import claim_key
from annotator.store import CaseStore

PHRASE = "Harborview Watch Desk"
"""A name no lexicon lists, so the detector leaves it to the reviewer."""


@pytest.fixture
def like_case(case, make_pdf, detector, tmp_path):
    first = make_pdf([[f"The officer wrote that the {PHRASE} shared his name."]])
    second = make_pdf(
        [
            ["A second report says the Harb0rview Watch De-", "sk shared it once more, and"],
            ["the HARBORVIEW WATCH DESK again; not the Harborview Watch Company."],
        ]
    )
    Ingestor(case, detector, workers=1).add_files([first, second])
    document = case.documents()[0]
    page = case.page(document.id, 1)
    start = page.text.index(PHRASE)
    end = start + len(PHRASE)
    rects = [w.rect for w in page.words if start <= w.start < end]
    review = Review(case, "Student A")
    added = review.add_finding(document.id, 1, Category.FUSION_CENTER, start, end, rects)
    return case, review, added


def test_find_all_like_this_offers_every_writing_of_the_phrase(like_case):
    _, review, added = like_case
    candidates = review.find_like(added.id)
    assert [(c.page, c.text) for c in candidates] == [
        (1, "Harb0rview Watch Desk"),
        (2, "HARBORVIEW WATCH DESK"),
    ]
    first = candidates[0]
    assert len(first.rects) == 2, "a phrase over a line break gets a rectangle on each line"
    assert "second report says the" in first.context


def test_accepting_them_is_one_step_that_undo_takes_back(like_case):
    case, review, added = like_case
    before = {f.id for f in case.findings()}
    change = review.accept_like(added.id, review.find_like(added.id))
    new = [case.finding(i) for i in change.finding_ids]
    assert len(new) == 2 and all(f.category is Category.FUSION_CENTER for f in new)
    assert all(f.subtype == "alike" and f.sentence for f in new)
    assert review.find_like(added.id) == [], "found ones are not offered again"
    review.undo()
    assert {f.id for f in case.findings()} == before
    review.redo()
    assert {f.id for f in case.findings()} == before | set(change.finding_ids)


def test_a_scanned_page_read_by_ocr_is_searched_too(make_pdf, tmp_path, detector):
    tesseract()
    typed = make_pdf([[f"The {PHRASE} shared his name, per the report."]])
    scan = scanned_copy(
        make_pdf([["The same tip reached the Harborview Watch Desk in May."]], fontsize=12),
        tmp_path / "scan.pdf",
    )
    with CaseStore(tmp_path / "ocr.case") as case:
        Ingestor(case, detector, workers=1).add_files([typed, scan])
        typed_doc, scanned_doc = case.documents()
        page = case.page(typed_doc.id, 1)
        start = page.text.index(PHRASE)
        rects = [w.rect for w in page.words if start <= w.start < start + len(PHRASE)]
        review = Review(case)
        added = review.add_finding(
            typed_doc.id, 1, Category.FUSION_CENTER, start, start + len(PHRASE), rects
        )
        (found,) = review.find_like(added.id)
        assert found.document_id == scanned_doc.id and case.page(found.document_id, 1).ocr_done
        scanned = case.page(scanned_doc.id, 1)
        assert found.page == 1 and "watch" in found.text.casefold()
        at = scanned.text.casefold().index("watch")
        watch = [w.rect for w in scanned.words if w.start <= at < w.end]
        assert any_overlap(found.rects, watch)


def test_dismiss_all_identical_is_one_step(sample_case_path):
    with CaseStore(sample_case_path) as case:
        review = Review(case, "Student A")
        by_claim: dict[tuple[str, str], list[int]] = {}
        for f in case.findings():
            by_claim.setdefault(claim_key(f), []).append(f.id)
        ids = max(by_claim.values(), key=len)
        assert len(ids) >= 3
        review.tag(ids[-1], Status.REBUTTED)  # a finding already reviewed stays as it is
        change = review.dismiss_identical(ids[0])
        assert set(change.finding_ids) == set(ids[:-1])
        assert {case.finding(i).status for i in ids[:-1]} == {Status.DISMISSED}
        assert case.finding(ids[-1]).status is Status.REBUTTED
        review.undo()
        assert {case.finding(i).status for i in ids[:-1]} == {Status.UNTAGGED}


def test_add_to_my_lexicon_is_audited_undoable_and_read_by_every_later_scan(
    like_case, make_pdf, tmp_path, monkeypatch
):
    from annotator.nlp.detect import Detector
    from annotator.nlp.user_lexicon import list_phrases

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))
    case, review, added = like_case
    review.add_to_lexicon(added.id)
    assert [(p.phrase, p.category) for p in list_phrases()] == [(PHRASE, Category.FUSION_CENTER)]
    assert [(e.field, e.new, e.who) for e in case.audit(added.id)][-1] == (
        "lexicon",
        PHRASE,
        "Student A",
    )
    later = make_pdf([["A third note: the Harborview Watch Desk again."]], name="later.pdf")
    with CaseStore(tmp_path / "later.case") as other:
        Ingestor(other, Detector(), workers=1).add_file(later)
        (found,) = other.findings()
        assert (found.text, found.subtype) == ("Harborview Watch Desk", "user")
        assert "+user-" in found.lexicon_version
    review.undo()
    assert list_phrases() == []
    assert [e.field for e in case.audit(added.id)][-2:] == ["lexicon", "lexicon"]
