"""A finding's role and source in the case file: set by the detector, changed by a reviewer
through one audited call that survives re-scans; a document's agency; its withholdings."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.errors import CaseError
from annotator.core.model import Category, Detection, Role, Withholding, WithholdingKind
from annotator.ingest import Ingestor
from annotator.store import CaseStore
from annotator.store.migrations import MIGRATIONS


def _detection(text: str, role: Role | None, category: Category = Category.GANG_LABEL) -> Detection:
    return Detection(
        category,
        "gang_name",
        text,
        6,
        6 + len(text),
        [(72.0, 72.0, 120.0, 84.0)],
        f"Per BRIC, {text}.",
        role=role,
        attributed_to="BRIC",
        relayed=True,
    )


@pytest.fixture
def stored(case: CaseStore) -> tuple[CaseStore, int]:
    doc = case.add_document("a" * 64, "/tmp/roles.pdf", "Roles", 1)
    case.update_document(doc.id, agency="ICE/ERO", source_date="2022-04-18")
    case.merge_detections(doc.id, [(1, _detection("MS-13", Role.PERSECUTOR))], "v1")
    return case, case.findings()[0].id


def test_a_detections_role_and_source_are_stored_and_read_back(stored):
    case, finding_id = stored
    finding = case.finding(finding_id)
    assert finding.role is Role.PERSECUTOR and not finding.role_set_by_reviewer
    assert (finding.attributed_to, finding.relayed, finding.agency) == ("BRIC", True, "ICE/ERO")
    document = case.document(finding.document_id)
    assert (document.agency, document.source_date) == ("ICE/ERO", "2022-04-18")


def test_set_role_is_audited_and_a_reviewers_role_survives_a_rescan(stored):
    case, finding_id = stored
    changed = case.set_role(finding_id, Role.SUBJECT, "J. Reviewer")
    assert changed.role is Role.SUBJECT and changed.role_set_by_reviewer
    (entry,) = [e for e in case.audit(finding_id) if e.field == "role"]
    assert (entry.who, entry.old, entry.new) == ("J. Reviewer", "persecutor", "subject")
    doc_id = changed.document_id
    case.merge_detections(doc_id, [(1, _detection("MS-13", Role.BACKGROUND))], "v2")
    again = case.finding(finding_id)
    assert again.role is Role.SUBJECT, "the reviewer's choice, not the new detector's"
    assert again.lexicon_version == "v2"


def test_undoing_a_role_back_to_the_detectors_lets_the_next_rescan_decide(stored):
    case, finding_id = stored
    case.set_role(finding_id, Role.SUBJECT, "J. Reviewer")
    undone = case.set_role(finding_id, Role.PERSECUTOR, "J. Reviewer", by_reviewer=False)
    assert undone.role is Role.PERSECUTOR and not undone.role_set_by_reviewer
    case.merge_detections(undone.document_id, [(1, _detection("MS-13", Role.BACKGROUND))], "v2")
    assert case.finding(finding_id).role is Role.BACKGROUND
    assert [e.new for e in case.audit(finding_id) if e.field == "role"] == ["subject", "persecutor"]


def test_only_gang_references_take_a_role(case):
    doc = case.add_document("b" * 64, "/tmp/safe.pdf", "Safe", 1)
    case.merge_detections(doc.id, [(1, _detection("SAFE", None, Category.SAFE))], "v1")
    (finding,) = case.findings()
    assert finding.role is None
    with pytest.raises(CaseError, match="not a gang reference"):
        case.set_role(finding.id, Role.SUBJECT)
    with pytest.raises(ValueError):
        case.set_role(finding.id, "villain")
    with pytest.raises(CaseError, match="no finding 999"):
        case.set_role(999, Role.SUBJECT)


def test_a_case_from_before_roles_is_migrated_with_its_findings_intact(tmp_path):
    path = tmp_path / "old.case"
    with CaseStore(path) as case:
        doc = case.add_document("c" * 64, "/tmp/old.pdf", "Old", 1)
        case.merge_detections(doc.id, [(1, _detection("MS-13", Role.SUBJECT))], "v1")
    # Take the file back to the schema before this migration, as an older app left it.
    conn = sqlite3.connect(path)
    for column in ("role", "role_set_by_reviewer", "attributed_to", "relayed"):
        conn.execute(f"ALTER TABLE findings DROP COLUMN {column}")
    for column in ("agency", "source_date"):
        conn.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    conn.execute("DROP TABLE withholdings")
    conn.execute("ALTER TABLE pages DROP COLUMN ocr_quality")  # the migration after this one
    step = next(
        i for i, m in enumerate(MIGRATIONS) if m.__name__ == "_m4_roles_sources_withholdings"
    )
    conn.execute(f"PRAGMA user_version = {step}")
    conn.commit()
    conn.close()
    with CaseStore(path) as case:
        (finding,) = case.findings()
        assert finding.text == "MS-13" and finding.role is None and finding.agency == ""
        assert case.withholdings() == []


def test_withholdings_are_stored_and_replaced_per_document(case):
    doc = case.add_document("d" * 64, "/tmp/release.pdf", "Release", 2)
    items = [
        Withholding(WithholdingKind.EXEMPTION, 1, "(b)(6)", "(b)(6)", [(72.0, 70.0, 100.0, 82.0)]),
        Withholding(WithholdingKind.REFERRAL, 2, "ICE", "referred to ICE for direct response"),
    ]
    assert case.save_withholdings(doc.id, items) == 2
    back = case.withholdings(doc.id)
    assert [(w.kind, w.page, w.code, w.document_id) for w in back] == [
        (WithholdingKind.EXEMPTION, 1, "(b)(6)", doc.id),
        (WithholdingKind.REFERRAL, 2, "ICE", doc.id),
    ]
    assert back[0].rects == [(72.0, 70.0, 100.0, 82.0)]
    case.save_withholdings(doc.id, items[1:])
    assert [w.kind for w in case.withholdings()] == [WithholdingKind.REFERRAL]


def test_ingest_stores_roles_sources_and_withholdings(case, detector, make_pdf):
    pdf = make_pdf(
        [
            [
                "U.S. Immigration and Customs Enforcement",
                "FOIA release, page withheld in full pursuant to (b)(7)(E).",
                "According to BRIC, the subject is a documented MS-13 associate.",
            ]
        ]
    )
    Ingestor(case, detector, workers=1).add_files([pdf])
    (finding,) = case.findings(category="gang_label")
    assert finding.role is Role.SUBJECT
    assert (finding.agency, finding.attributed_to, finding.relayed) == ("ICE", "BRIC", True)
    assert {w.kind for w in case.withholdings()} == {
        WithholdingKind.WITHHELD_PAGE,
        WithholdingKind.EXEMPTION,
    }
