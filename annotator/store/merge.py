"""How a (re-)scan's detections meet the findings stored for a document.

Planning is apart from writing: `plan` decides, from the stored findings alone, which detection
updates which finding and which findings are no longer detected; `write` applies the plan in the
caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from annotator.core.model import Detection, Finding, Source, Status
from annotator.store.rows import detection_row


@dataclass(slots=True)
class MergePlan:
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    """Findings no longer detected and untouched by the attorney: deleted."""
    stale: list[int] = field(default_factory=list)
    """Findings no longer detected that the attorney tagged or annotated: kept, detected = 0."""
    stamp: str = ""

    def counts(self) -> dict[str, int]:
        return {
            "new": len(self.inserts),
            "kept": len(self.updates),
            "stale": len(self.stale),
            "removed": len(self.removed),
        }


def plan(
    document_id: int,
    existing: list[Finding],
    detections: Iterable[tuple[int, Detection]],
    lexicon_version: str,
    stamp: str,
) -> MergePlan:
    """Match each detection to a stored detected finding of its page and category (see
    CaseStore.merge_detections); a role a reviewer set is kept."""
    by_page: dict[tuple[int, str], list[Finding]] = {}
    for f in existing:
        by_page.setdefault((f.page, f.category.value), []).append(f)
    matched: set[int] = set()
    result = MergePlan(stamp=stamp)
    for page_no, det in detections:
        old = _match(by_page.get((page_no, det.category.value), []), det, matched)
        values = detection_row(det, lexicon_version)
        if old is not None:
            matched.add(old.id)
            if old.role_set_by_reviewer:
                values["role"] = old.role.value if old.role else None
            result.updates.append({**values, "id": old.id, "detected": 1, "updated_at": stamp})
        else:
            result.inserts.append(
                {
                    **values,
                    "document_id": document_id,
                    "page": page_no,
                    "status": Status.UNTAGGED.value,
                    "note": "",
                    "exhibit": "",
                    "source": Source.MODEL.value,
                    "detected": 1,
                    "role_set_by_reviewer": 0,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
    unmatched = [f for f in existing if f.id not in matched]
    result.removed = [
        f.id for f in unmatched if f.status is Status.UNTAGGED and not f.note and not f.exhibit
    ]
    result.stale = [f.id for f in unmatched if f.id not in set(result.removed)]
    return result


def write(db: sqlite_utils.Database, merge: MergePlan) -> None:
    """Apply the plan; the caller holds the transaction."""
    if merge.inserts:
        db["findings"].insert_all(merge.inserts, batch_size=500)
    if merge.updates:
        columns = [c for c in merge.updates[0] if c != "id"]
        db.conn.executemany(
            f"UPDATE findings SET {', '.join(f'[{c}] = :{c}' for c in columns)} WHERE id = :id",
            merge.updates,
        )
    db.conn.executemany("DELETE FROM findings WHERE id = ?", [(i,) for i in merge.removed])
    db.conn.executemany(
        "UPDATE findings SET detected = 0, updated_at = ? WHERE id = ?",
        [(merge.stamp, i) for i in merge.stale],
    )


def _match(candidates: list[Finding], det: Detection, taken: set[int]) -> Finding | None:
    """The first candidate not yet taken that overlaps the detection, else one of the same text."""
    for f in candidates:
        if f.id not in taken and f.start < det.end and det.start < f.end:
            return f
    key = det.text.lower()
    for f in candidates:
        if f.id not in taken and f.text.lower() == key:
            return f
    return None
