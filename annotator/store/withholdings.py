"""The withholdings table: what a FOIA release holds back, page by page (see pdf/withheld.py).

Kept apart from the findings: a withholding is not a claim to rebut but a gap in the record, for
a FOIA appeal or a motion for the complete A-file. A document's withholdings are replaced as a
whole when it is read again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from annotator.core.model import Rect, Withholding, WithholdingKind


def replace(db: sqlite_utils.Database, document_id: int, items: Iterable[Withholding]) -> int:
    """Store a document's withholdings in place of the ones it had; the number stored."""
    rows = [
        {
            "document_id": document_id,
            "page": w.page,
            "kind": WithholdingKind(w.kind).value,
            "code": w.code,
            "text": w.text,
            "rects": json.dumps([[round(v, 2) for v in r] for r in w.rects]),
        }
        for w in items
    ]
    with db.atomic():
        db.execute("DELETE FROM withholdings WHERE document_id = ?", [document_id])
        if rows:
            db.table("withholdings").insert_all(rows)
    return len(rows)


def read(db: sqlite_utils.Database, document_id: int | None = None) -> list[Withholding]:
    where, args = ("document_id = ?", [document_id]) if document_id is not None else (None, [])
    rows = db.table("withholdings").rows_where(where, args, order_by="document_id, page, id")
    return [_withholding(r) for r in rows]


def _withholding(row: dict[str, Any]) -> Withholding:
    rects: list[Rect] = [tuple(r) for r in json.loads(row["rects"] or "[]")]
    return Withholding(
        kind=WithholdingKind(row["kind"]),
        page=row["page"],
        code=row["code"] or "",
        text=row["text"] or "",
        rects=rects,
        document_id=row["document_id"],
    )
