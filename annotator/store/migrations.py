"""Numbered schema migrations. Add a function at the end; never edit one that has shipped."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


def _m1_initial(db: sqlite_utils.Database) -> None:
    db["case_info"].create({"key": str, "value": str}, pk="key")
    db["documents"].create(
        {
            "id": int,
            "sha256": str,
            "path": str,
            "title": str,
            "page_count": int,
            "added_at": str,
            "lexicon_version": str,
            "page_labels": str,
        },
        pk="id",
        not_null={"sha256", "path", "title", "page_count"},
    )
    db["documents"].create_index(["sha256"], unique=True)
    db["pages"].create(
        {
            "document_id": int,
            "number": int,
            "width": float,
            "height": float,
            "rotation": int,
            "text": str,
            "words": bytes,
            "needs_ocr": int,
            "ocr_done": int,
            "language": str,
        },
        pk=("document_id", "number"),
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["pages"].enable_fts(["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db["findings"].create(
        {
            "id": int,
            "document_id": int,
            "page": int,
            "category": str,
            "subtype": str,
            "text": str,
            "start": int,
            "end": int,
            "rects": str,
            "sentence": str,
            "hedged": int,
            "hedge_cue": str,
            "status": str,
            "note": str,
            "exhibit": str,
            "source": str,
            "lexicon_version": str,
            "detected": int,
            "language": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        defaults={
            "status": "untagged",
            "note": "",
            "exhibit": "",
            "source": "model",
            "detected": 1,
        },
    )
    db["findings"].create_index(["document_id", "page"])
    db["audit_log"].create(
        {"id": int, "finding_id": int, "at": str, "who": str, "field": str, "old": str, "new": str},
        pk="id",
    )
    db["audit_log"].create_index(["finding_id"])
    db.executescript(
        """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """
    )
    db["state"].create({"key": str, "value": str}, pk="key")


def _m2_review_history(db: sqlite_utils.Database) -> None:
    """Findings deleted by hand are kept as tombstones, so undo restores the same finding (same id,
    one continuous audit trail); the reviewer's operations are kept for undo across a restart."""
    db["findings"].add_column("deleted", int, not_null_default=0)
    db["history"].create(
        {"seq": int, "at": str, "who": str, "label": str, "operation": str, "undone": int},
        pk="seq",
        not_null={"operation", "undone"},
    )


def _m3_clinic(db: sqlite_utils.Database) -> None:
    """Several reviews of one case: a supervisor's check of each tag (approval and its note, two
    reviewer fields), the review packages merged in (so merging one twice changes nothing), the
    conflicts they raised until resolved, and which reviewer each document is assigned to."""
    db["findings"].add_column("approval", str, not_null_default="pending")
    db["findings"].add_column("approval_note", str, not_null_default="")
    db["merged_packages"].create(
        {
            "digest": str,
            "reviewer": str,
            "file": str,
            "merged_at": str,
            "merged_by": str,
            "findings": int,
        },
        pk="digest",
    )
    db["conflicts"].create(
        {
            "id": int,
            "finding_id": int,
            "digest": str,
            "fields": str,
            "mine": str,
            "theirs": str,
            "resolution": str,
            "resolved_by": str,
            "resolved_at": str,
        },
        pk="id",
        not_null={"finding_id", "digest", "fields", "mine", "theirs"},
        defaults={"resolution": "", "resolved_by": "", "resolved_at": ""},
    )
    db["conflicts"].create_index(["finding_id"])
    db["assignments"].create(
        {"sha256": str, "reviewer": str, "assigned_at": str, "assigned_by": str},
        pk=("sha256", "reviewer"),
    )


def _m4_roles_sources_withholdings(db: sqlite_utils.Database) -> None:
    """Who each gang reference is about and who asserted each finding (issue 13); what a FOIA
    release withholds. A finding's role is NULL for the categories that have none."""
    findings = db["findings"]
    findings.add_column("role", str)
    findings.add_column("role_set_by_reviewer", int, not_null_default=0)
    findings.add_column("attributed_to", str, not_null_default="")
    findings.add_column("relayed", int, not_null_default=0)
    db["documents"].add_column("agency", str, not_null_default="")
    db["documents"].add_column("source_date", str, not_null_default="")
    db["withholdings"].create(
        {
            "id": int,
            "document_id": int,
            "page": int,
            "kind": str,
            "code": str,
            "text": str,
            "rects": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "page", "kind"},
    )
    db["withholdings"].create_index(["document_id", "page"])


def _m5_ocr_quality(db: sqlite_utils.Database) -> None:
    """How well OCR read each page it read (PageText.ocr_quality), so a page it could not make
    out is marked "poorly read"; NULL for a page OCR has not read."""
    db["pages"].add_column("ocr_quality", float)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m1_initial,
    _m2_review_history,
    _m3_clinic,
    _m4_roles_sources_withholdings,
    _m5_ocr_quality,
]
"""MIGRATIONS[n - 1] takes a case file from schema version n - 1 to n."""


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database) -> list[int]:
    """Apply the migrations a case file lacks, each in its own transaction; return their numbers."""
    applied = []
    current = schema_version(db)
    for number, step in enumerate(MIGRATIONS[current:], start=current + 1):
        with db.atomic():
            step(db)
            db.execute(f"PRAGMA user_version = {number}")
        applied.append(number)
    return applied
