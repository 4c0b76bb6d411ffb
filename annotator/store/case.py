"""CaseStore: a case's documents, pages, findings and audit trail in one SQLite file.

Every write is one transaction, committed before the call returns, so a crash or a kill never
loses a tag that the UI has shown as done. The connection belongs to the thread that opened it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from annotator.core.errors import CaseError
from annotator.core.model import (
    POORLY_READ,
    AuditEntry,
    CaseInfo,
    Category,
    Detection,
    Document,
    Finding,
    PageText,
    Rect,
    Source,
    Status,
    pack_words,
    unpack_words,
)
from annotator.store.lock import CaseLock
from annotator.store.migrations import MIGRATIONS, migrate, schema_version

APP_ID = 0x43464131  # "CFA1" in the SQLite header: marks the file as a case file


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class SearchHit:
    document_id: int
    page: int
    snippet: str


IN_MEMORY = ":memory:"
"""The path of a case kept in memory only, for a scan whose findings are printed, not kept:
no page of a client's file is written to disk, not even to a temporary folder."""


class CaseStore:
    def __init__(self, path: str | os.PathLike[str], *, lock: bool = False) -> None:
        """Open (creating if absent) the case file at `path`; `lock` keeps other writers out.
        A `path` of IN_MEMORY makes a case that lives and dies with this object."""
        self.path = Path(path)
        self.in_memory = os.fspath(path) == IN_MEMORY
        self._lock = CaseLock(self.path) if lock and not self.in_memory else None
        if self._lock is not None:
            self._lock.acquire()
        try:
            self.db = self._connect()
        except BaseException:
            if self._lock is not None:
                self._lock.release()
            raise

    def _connect(self) -> sqlite_utils.Database:
        if not self.in_memory and self.path.is_dir():
            raise CaseError(f"{self.path}: is a folder, not a case file")
        existed = not self.in_memory and self.path.exists() and self.path.stat().st_size > 0
        try:
            conn = sqlite3.connect(IN_MEMORY if self.in_memory else self.path)
            # No sqlite-utils plugins: a case file is confidential, and a plugin is code from any
            # package in the environment that runs on every connection (loading them also
            # scans every installed package's metadata, 30 ms).
            db = sqlite_utils.Database(conn, execute_plugins=False)
            if existed:
                app_id = db.execute("PRAGMA application_id").fetchone()[0]
                if app_id != APP_ID:
                    raise CaseError(f"{self.path}: is not a Case-File Annotator case file")
                if schema_version(db) > len(MIGRATIONS):
                    raise CaseError(
                        f"{self.path}: was written by a newer version of the app; "
                        "update it to open this case"
                    )
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA busy_timeout = 5000")
            if not self.in_memory:
                db.enable_wal()
            db.execute("PRAGMA synchronous = FULL")
            if not existed:
                db.execute(f"PRAGMA application_id = {APP_ID}")
            migrate(db)
        except sqlite3.DatabaseError as err:
            raise CaseError(f"{self.path}: cannot be opened as a case file ({err})") from err
        return db

    @contextmanager
    def _bulk_write(self) -> Iterator[None]:
        """One transaction of extracted text or detections, synced to disk less eagerly.

        In WAL mode, synchronous=NORMAL keeps the file consistent after a crash; only the last
        transactions may be lost to a power cut, and this data can be read again from the PDF.
        The attorney's own changes (tags, notes) keep synchronous=FULL.
        """
        self.db.execute("PRAGMA synchronous = NORMAL")
        try:
            with self.db.atomic():
                yield
        finally:
            self.db.execute("PRAGMA synchronous = FULL")

    def close(self) -> None:
        self.db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- case details and UI state -------------------------------------------------------------

    def info(self) -> CaseInfo:
        values = {r["key"]: r["value"] for r in self.db["case_info"].rows}
        return CaseInfo(
            values.get("respondent", ""), values.get("a_number", ""), values.get("reviewer", "")
        )

    def set_info(self, **values: str) -> None:
        allowed = {"respondent", "a_number", "reviewer"}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"unknown case details: {sorted(unknown)}")
        with self.db.atomic():
            self.db["case_info"].upsert_all(
                [{"key": k, "value": v} for k, v in values.items()], pk="key"
            )

    def get_state(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM state WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db["state"].upsert({"key": key, "value": value}, pk="key")

    # -- documents and pages ------------------------------------------------------------------

    def document_by_hash(self, sha256: str) -> Document | None:
        rows = list(self.db["documents"].rows_where("sha256 = ?", [sha256]))
        return self._document(rows[0]) if rows else None

    def add_document(self, sha256: str, path: str, title: str, page_count: int) -> Document:
        with self.db.atomic():
            table = self.db["documents"]
            table.insert(
                {
                    "sha256": sha256,
                    "path": path,
                    "title": title,
                    "page_count": page_count,
                    "added_at": now(),
                    "lexicon_version": "",
                    "page_labels": "[]",
                }
            )
            doc_id = table.last_pk
        document = self.document(int(doc_id))
        return document

    def document(self, document_id: int) -> Document:
        try:
            return self._document(self.db["documents"].get(document_id))
        except sqlite_utils.db.NotFoundError as err:
            raise CaseError(f"{self.path}: no document {document_id}") from err

    def documents(self) -> list[Document]:
        return [self._document(r) for r in self.db["documents"].rows_where(order_by="id")]

    def update_document(self, document_id: int, **values: Any) -> None:
        if "page_labels" in values:
            values["page_labels"] = json.dumps(values["page_labels"])
        with self.db.atomic():
            self.db["documents"].update(document_id, values)

    def _document(self, row: dict[str, Any]) -> Document:
        needing = self.db.execute(
            "SELECT count(*) FROM pages WHERE document_id = ? AND needs_ocr = 1 AND ocr_done = 0",
            [row["id"]],
        ).fetchone()[0]
        return Document(
            id=row["id"],
            sha256=row["sha256"],
            path=row["path"],
            title=row["title"],
            page_count=row["page_count"],
            lexicon_version=row["lexicon_version"] or "",
            added_at=row["added_at"] or "",
            pages_needing_ocr=needing,
            page_labels=json.loads(row["page_labels"] or "[]"),
        )

    def save_pages(self, document_id: int, pages: Iterable[PageText]) -> None:
        rows = [
            {
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
            for p in pages
        ]
        with self._bulk_write():
            self.db["pages"].upsert_all(rows, pk=("document_id", "number"))

    def page(self, document_id: int, number: int) -> PageText:
        row = self.db.execute(
            "SELECT * FROM pages WHERE document_id = ? AND number = ?", [document_id, number]
        ).fetchone()
        if row is None:
            raise CaseError(f"{self.path}: document {document_id} has no page {number}")
        cols = [d[0] for d in self.db.execute("SELECT * FROM pages LIMIT 0").description]
        return _page(dict(zip(cols, row, strict=True)))

    def pages(self, document_id: int, ocr_done: bool | None = None) -> Iterator[PageText]:
        """The document's pages in order; only those OCR has (or has not) read, if asked."""
        where, args = "document_id = ?", [document_id]
        if ocr_done is not None:
            where, args = where + " AND ocr_done = ?", [document_id, int(ocr_done)]
        for row in self.db["pages"].rows_where(where, args, order_by="number"):
            yield _page(row)

    def poorly_read_pages(self, document_id: int) -> list[int]:
        """The pages OCR read but could not make out (PageText.poorly_read), to be read by eye."""
        rows = self.db.execute(
            "SELECT number FROM pages WHERE document_id = ? AND ocr_done = 1 "
            "AND ocr_quality < ? ORDER BY number",
            [document_id, POORLY_READ],
        )
        return [row[0] for row in rows]

    def page_count_stored(self, document_id: int) -> int:
        return int(
            self.db.execute(
                "SELECT count(*) FROM pages WHERE document_id = ?", [document_id]
            ).fetchone()[0]
        )

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Full-text search over every page of the case; words may be in any order."""
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
        return [SearchHit(d, n, s) for d, n, s in self.db.execute(sql, [match, limit]).fetchall()]

    # -- findings -----------------------------------------------------------------------------

    def merge_detections(
        self,
        document_id: int,
        detections: Iterable[tuple[int, Detection]],
        lexicon_version: str,
        pages: range | None = None,
    ) -> dict[str, int]:
        """Store a (re-)scan's findings for a document, keeping every tag, note and exhibit.

        A detection that overlaps a stored detected finding of the same category on the same page
        updates it in place. Stored findings no longer detected are deleted when untouched, and
        kept with detected = 0 when the attorney tagged or annotated them. Manual findings stay.
        With `pages`, only that range of pages is merged (the detections must all lie in it), so
        a large document can be stored in short transactions; the document's lexicon version is
        set when the range reaches its last page.
        """
        existing = self.findings(document_id=document_id, include_manual=False, pages=pages)
        by_page: dict[tuple[int, str], list[Finding]] = {}
        for f in existing:
            by_page.setdefault((f.page, f.category.value), []).append(f)
        matched: set[int] = set()
        stamp = now()
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for page_no, det in detections:
            old = _match(by_page.get((page_no, det.category.value), []), det, matched)
            values = _detection_row(det, lexicon_version)
            if old is not None:
                matched.add(old.id)
                updates.append({**values, "id": old.id, "detected": 1, "updated_at": stamp})
            else:
                inserts.append(
                    {
                        **values,
                        "document_id": document_id,
                        "page": page_no,
                        "status": Status.UNTAGGED.value,
                        "note": "",
                        "exhibit": "",
                        "source": Source.MODEL.value,
                        "detected": 1,
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
        unmatched = [f for f in existing if f.id not in matched]
        removed = [
            f.id for f in unmatched if f.status is Status.UNTAGGED and not f.note and not f.exhibit
        ]
        stale = [f.id for f in unmatched if f.id not in set(removed)]
        with self._bulk_write():
            if inserts:
                self.db["findings"].insert_all(inserts, batch_size=500)
            if updates:
                columns = [c for c in updates[0] if c != "id"]
                self.db.conn.executemany(
                    f"UPDATE findings SET {', '.join(f'[{c}] = :{c}' for c in columns)} "
                    "WHERE id = :id",
                    updates,
                )
            self.db.conn.executemany("DELETE FROM findings WHERE id = ?", [(i,) for i in removed])
            self.db.conn.executemany(
                "UPDATE findings SET detected = 0, updated_at = ? WHERE id = ?",
                [(stamp, i) for i in stale],
            )
            if pages is None or pages.stop > self.document(document_id).page_count:
                self.db["documents"].update(document_id, {"lexicon_version": lexicon_version})
        return {
            "new": len(inserts),
            "kept": len(updates),
            "stale": len(stale),
            "removed": len(removed),
        }

    def add_manual_finding(
        self,
        document_id: int,
        page: int,
        category: Category,
        text: str,
        start: int,
        end: int,
        rects: list[Rect],
        sentence: str = "",
        who: str = "",
        subtype: str = "manual",
    ) -> Finding:
        stamp = now()
        with self.db.atomic():
            table = self.db["findings"]
            table.insert(
                {
                    "document_id": document_id,
                    "page": page,
                    "category": Category(category).value,
                    "subtype": subtype,
                    "text": text,
                    "start": start,
                    "end": end,
                    "rects": json.dumps([list(r) for r in rects]),
                    "sentence": sentence,
                    "hedged": 0,
                    "hedge_cue": "",
                    "status": Status.UNTAGGED.value,
                    "note": "",
                    "exhibit": "",
                    "source": Source.MANUAL.value,
                    "lexicon_version": "",
                    "detected": 1,
                    "language": "",
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            fid = int(table.last_pk)
            self._audit(
                fid, who, "created", "", f"manual {Category(category).value}: {text}", stamp
            )
        return self.finding(fid)

    def delete_manual_finding(self, finding_id: int, who: str = "") -> None:
        finding = self.finding(finding_id)
        if finding.source is not Source.MANUAL:
            raise CaseError("only findings added by hand can be deleted; dismiss a detected one")
        with self.db.atomic():
            self._audit(finding_id, who, "deleted", finding.text, "", now())
            self.db["findings"].delete(finding_id)

    def finding(self, finding_id: int) -> Finding:
        try:
            return _finding(self.db["findings"].get(finding_id))
        except sqlite_utils.db.NotFoundError as err:
            raise CaseError(f"{self.path}: no finding {finding_id}") from err

    def findings(
        self,
        *,
        document_id: int | None = None,
        category: str | None = None,
        status: str | None = None,
        include_manual: bool = True,
        pages: range | None = None,
    ) -> list[Finding]:
        where: list[str] = []
        args: list[Any] = []
        if pages is not None:
            where.append("page >= ? AND page < ?")
            args += [pages.start, pages.stop]
        if document_id is not None:
            where.append("document_id = ?")
            args.append(document_id)
        if category is not None:
            where.append("category = ?")
            args.append(Category(category).value)
        if status is not None:
            where.append("status = ?")
            args.append(Status(status).value)
        if not include_manual:
            where.append("source = 'model'")
        rows = self.db["findings"].rows_where(
            " AND ".join(where) or None, args, order_by="document_id, page, start, id"
        )
        return [_finding(r) for r in rows]

    def finding_counts(self, document_id: int) -> dict[str, int]:
        """A document's findings per category."""
        rows = self.db.execute(
            "SELECT category, count(*) FROM findings WHERE document_id = ? GROUP BY category",
            [document_id],
        )
        return dict(rows.fetchall())

    def set_status(self, finding_id: int, status: Status | str, who: str = "") -> Finding:
        return self._set(finding_id, "status", Status(status).value, who)

    def set_note(self, finding_id: int, note: str, who: str = "") -> Finding:
        return self._set(finding_id, "note", note, who)

    def set_exhibit(self, finding_id: int, exhibit: str, who: str = "") -> Finding:
        return self._set(finding_id, "exhibit", exhibit, who)

    def _set(self, finding_id: int, field: str, value: str, who: str) -> Finding:
        stamp = now()
        with self.db.atomic():
            row = self.db.execute(
                f"SELECT {field} FROM findings WHERE id = ?", [finding_id]
            ).fetchone()
            if row is None:
                raise CaseError(f"{self.path}: no finding {finding_id}")
            old = row[0] or ""
            if old != value:
                self.db["findings"].update(finding_id, {field: value, "updated_at": stamp})
                self._audit(finding_id, who, field, old, value, stamp)
        return self.finding(finding_id)

    def _audit(self, finding_id: int, who: str, field: str, old: str, new: str, at: str) -> None:
        who = who or self.info().reviewer or os.environ.get("USER", "") or "unknown"
        self.db["audit_log"].insert(
            {"finding_id": finding_id, "at": at, "who": who, "field": field, "old": old, "new": new}
        )

    def audit(self, finding_id: int | None = None) -> list[AuditEntry]:
        rows = (
            self.db["audit_log"].rows_where("finding_id = ?", [finding_id], order_by="id")
            if finding_id is not None
            else self.db["audit_log"].rows_where(order_by="id")
        )
        return [AuditEntry(**r) for r in rows]


def _match(candidates: list[Finding], det: Detection, taken: set[int]) -> Finding | None:
    for f in candidates:
        if f.id not in taken and f.start < det.end and det.start < f.end:
            return f
    key = det.text.lower()
    for f in candidates:
        if f.id not in taken and f.text.lower() == key:
            return f
    return None


def _detection_row(det: Detection, lexicon_version: str) -> dict[str, Any]:
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
    }


def _round(rect: Rect) -> list[float]:
    return [round(v, 2) for v in rect]


def _finding(row: dict[str, Any]) -> Finding:
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
    )


def _page(row: dict[str, Any]) -> PageText:
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
