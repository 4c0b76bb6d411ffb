"""Conversions between the case file's rows and the core types, in one place.

A column added by a migration is read with `row.get`, so a row of an older schema still converts.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.core.model import (
    Approval,
    Category,
    Detection,
    Document,
    Finding,
    PageText,
    Rect,
    Role,
    Source,
    Status,
    pack_words,
    unpack_words,
)


def storable(row_id: int) -> bool:
    """An ID SQLite can hold (a 64-bit integer); no row has any other."""
    return -(2**63) <= row_id < 2**63


def detection_row(det: Detection, lexicon_version: str) -> dict[str, Any]:
    """The columns of a finding that a detection sets (a re-scan overwrites exactly these)."""
    return {
        "category": det.category.value,
        "subtype": det.subtype,
        "text": det.text,
        "start": det.start,
        "end": det.end,
        "rects": json.dumps([_round(r) for r in det.rects]),
        "sentence": det.sentence,
        "hedged": int(det.hedged),
        "hedge_cue": det.hedge_cue,
        "language": det.language,
        "lexicon_version": lexicon_version,
        "role": det.role.value if det.role else None,
        "attributed_to": det.attributed_to,
        "relayed": int(det.relayed),
    }


def _round(rect: Rect) -> list[float]:
    return [round(v, 2) for v in rect]


def finding_from_row(row: dict[str, Any]) -> Finding:
    return Finding(
        id=row["id"],
        document_id=row["document_id"],
        page=row["page"],
        category=Category(row["category"]),
        subtype=row["subtype"] or "",
        text=row["text"],
        start=row["start"],
        end=row["end"],
        rects=[tuple(r) for r in json.loads(row["rects"] or "[]")],  # type: ignore[misc]
        sentence=row["sentence"] or "",
        hedged=bool(row["hedged"]),
        hedge_cue=row["hedge_cue"] or "",
        status=Status(row["status"]),
        note=row["note"] or "",
        exhibit=row["exhibit"] or "",
        source=Source(row["source"]),
        lexicon_version=row["lexicon_version"] or "",
        detected=bool(row["detected"]),
        language=row["language"] or "",
        approval=Approval(row["approval"] or Approval.PENDING.value),
        approval_note=row["approval_note"] or "",
        deleted=bool(row["deleted"]),
        role=Role(row["role"]) if row.get("role") else None,
        role_set_by_reviewer=bool(row.get("role_set_by_reviewer")),
        attributed_to=row.get("attributed_to") or "",
        relayed=bool(row.get("relayed")),
        agency=row.get("document_agency") or "",
    )


def page_from_row(row: dict[str, Any]) -> PageText:
    words = unpack_words(row["words"])
    return PageText(
        number=row["number"],
        width=row["width"],
        height=row["height"],
        rotation=row["rotation"],
        text=row["text"] or "",
        words=words,
        needs_ocr=bool(row["needs_ocr"]),
        ocr_done=bool(row["ocr_done"]),
        language=row["language"] or "en",
        ocr_quality=row.get("ocr_quality"),
    )


def page_row(document_id: int, p: PageText) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "number": p.number,
        "width": p.width,
        "height": p.height,
        "rotation": p.rotation,
        "text": p.text,
        "words": pack_words(p.words),
        "needs_ocr": int(p.needs_ocr),
        "ocr_done": int(p.ocr_done),
        "language": p.language,
        "ocr_quality": p.ocr_quality,
    }


def document_from_row(row: dict[str, Any], pages_stored: int, pages_needing_ocr: int) -> Document:
    """A document from its row and what its stored pages tell (counted by the caller)."""
    return Document(
        id=row["id"],
        sha256=row["sha256"],
        path=row["path"],
        title=row["title"],
        page_count=row["page_count"],
        lexicon_version=row["lexicon_version"] or "",
        added_at=row["added_at"] or "",
        pages_needing_ocr=pages_needing_ocr,
        page_labels=json.loads(row["page_labels"] or "[]"),
        pages_stored=pages_stored,
        agency=row.get("agency") or "",
        source_date=row.get("source_date") or "",
    )
