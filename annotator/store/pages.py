"""The pages table: each page's text and words as extracted or read by OCR, and the full-text
index over them.

Kept apart from the findings: this is what the PDF says, written in bulk and readable again from
the PDF, while findings carry the attorney's work.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import sqlite_utils

from annotator.core.model import POORLY_READ, PageText
from annotator.store.rows import page_from_row, page_row


@dataclass(frozen=True, slots=True)
class SearchHit:
    document_id: int
    page: int
    snippet: str


def save(db: sqlite_utils.Database, document_id: int, pages: Iterable[PageText]) -> None:
    """Store (or replace) the pages; the caller holds the transaction."""
    rows = [page_row(document_id, p) for p in pages]
    db["pages"].upsert_all(rows, pk=("document_id", "number"))


def read(db: sqlite_utils.Database, document_id: int, number: int) -> PageText | None:
    row = db.execute(
        "SELECT * FROM pages WHERE document_id = ? AND number = ?", [document_id, number]
    ).fetchone()
    if row is None:
        return None
    cols = [d[0] for d in db.execute("SELECT * FROM pages LIMIT 0").description]
    return page_from_row(dict(zip(cols, row, strict=True)))


def read_all(
    db: sqlite_utils.Database, document_id: int, ocr_done: bool | None = None
) -> Iterator[PageText]:
    where, args = "document_id = ?", [document_id]
    if ocr_done is not None:
        where, args = where + " AND ocr_done = ?", [document_id, int(ocr_done)]
    for row in db["pages"].rows_where(where, args, order_by="number"):
        yield page_from_row(row)


def poorly_read(db: sqlite_utils.Database, document_id: int) -> list[int]:
    rows = db.execute(
        "SELECT number FROM pages WHERE document_id = ? AND ocr_done = 1 "
        "AND ocr_quality < ? ORDER BY number",
        [document_id, POORLY_READ],
    )
    return [row[0] for row in rows]


def counts(db: sqlite_utils.Database, document_id: int) -> tuple[int, int]:
    """How many of the document's pages are stored, and how many of those still need OCR."""
    stored, needing = db.execute(
        "SELECT count(*), coalesce(sum(needs_ocr = 1 AND ocr_done = 0), 0) FROM pages "
        "WHERE document_id = ?",
        [document_id],
    ).fetchone()
    return stored, needing


def stored(db: sqlite_utils.Database, document_id: int) -> int:
    return int(
        db.execute("SELECT count(*) FROM pages WHERE document_id = ?", [document_id]).fetchone()[0]
    )


def search(db: sqlite_utils.Database, query: str, limit: int) -> list[SearchHit]:
    terms = [t for t in query.split() if t.strip('"')]
    if not terms:
        return []
    match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
    sql = (
        "SELECT pages.document_id, pages.number, "
        "snippet(pages_fts, 0, '[', ']', '…', 12) FROM pages_fts "
        "JOIN pages ON pages.rowid = pages_fts.rowid WHERE pages_fts MATCH ? "
        "ORDER BY pages.document_id, pages.number LIMIT ?"
    )
    return [SearchHit(d, n, s) for d, n, s in db.execute(sql, [match, limit]).fetchall()]
