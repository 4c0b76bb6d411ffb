"""The clinic's records in the case file: the migration that adds them, and their tables."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from annotator.core.model import Approval, Status
from annotator.store import CaseStore, migrations
from annotator.store.case import EDITABLE
from annotator.store.clinic import Conflict, MergedPackage, Side
from annotator.store.connection import APP_ID


def test_a_case_from_before_the_clinic_migration_opens_with_its_tags_and_no_approval(tmp_path):
    path = tmp_path / "older.case"
    db = sqlite_utils.Database(sqlite3.connect(path))
    before = migrations.MIGRATIONS.index(migrations._m3_clinic)
    for number, step in enumerate(migrations.MIGRATIONS[:before], start=1):
        step(db)
        db.execute(f"PRAGMA user_version = {number}")
    db.execute(f"PRAGMA application_id = {APP_ID}")
    db["documents"].insert(
        {"id": 1, "sha256": "a" * 64, "path": "/x.pdf", "title": "X", "page_count": 1}
    )
    db["findings"].insert(
        {
            "id": 1,
            "document_id": 1,
            "page": 1,
            "category": "gang_label",
            "subtype": "",
            "text": "MS-13",
            "start": 0,
            "end": 5,
            "rects": "[[0, 0, 10, 10]]",
            "status": "rebutted",
            "note": "kept",
        }
    )
    db.conn.commit()
    db.close()
    with CaseStore(path) as case:
        finding = case.finding(1)
        assert (finding.status, finding.note) == (Status.REBUTTED, "kept")
        assert (finding.approval, finding.approval_note) == (Approval.PENDING, "")
        assert {"approval", "approval_note"} <= set(EDITABLE)
        case.set_fields(1, {"approval": "approved"}, "Supervisor")
        assert case.finding(1).approval is Approval.APPROVED
        assert case.clinic.conflicts() == [] and case.clinic.merged_packages() == []


def test_conflicts_merges_and_assignments_round_trip(case):
    mine = Side("Student A", "2026-12-01T10:00:00+00:00", {"status": "rebutted"})
    theirs = Side("Student B", "2026-12-01T11:00:00+00:00", {}, deleted=True)
    with case.transaction():
        case.clinic.add_conflict(Conflict(7, 3, "d" * 64, ("deleted",), mine, theirs))
        case.clinic.record_merge(MergedPackage("d" * 64, "Student B", "b.cfr", "now", "Sup", 4))
        case.clinic.assign("e" * 64, "Student A", "Sup", "now")
    conflict = case.clinic.conflict(7)
    assert conflict is not None and conflict.open
    assert (conflict.mine, conflict.theirs, conflict.fields) == (mine, theirs, ("deleted",))
    case.clinic.set_resolution(7, "theirs", "Sup", "later")
    assert case.clinic.conflicts(open_only=True) == []
    assert case.clinic.conflict(7).resolved_by == "Sup"
    assert case.clinic.merged("d" * 64).findings == 4
    assert case.clinic.assigned("Student A") == {"e" * 64}
    assert case.clinic.next_conflict_id() == 8
