"""CaseStore: a case's documents, pages, findings and audit trail in one SQLite file.

Every write is one transaction, committed before the call returns, so a crash or a kill never
loses a tag that the UI has shown as done. The connection belongs to the thread that opened it.

CaseStore is the one way into the file, so its methods stay here, each a short transaction; the
work behind them lives beside it: opening and checking the file (connection), rows to core types
(rows), the pages table and its search (pages), a re-scan's merge (merge), withholdings, history
and clinic records. What remains is the reviewer's side (findings, tags, audit), kept together
because every tag writes its audit entry in the same transaction.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from annotator.core import privacy
from annotator.core.errors import CaseError
from annotator.core.model import (
    Approval,
    AuditEntry,
    CaseInfo,
    Category,
    Detection,
    Document,
    Finding,
    PageText,
    Rect,
    Role,
    Source,
    Status,
    Withholding,
)
from annotator.store import merge
from annotator.store import pages as page_table
from annotator.store import withholdings as withheld
from annotator.store.clinic import ClinicRecords
from annotator.store.connection import IN_MEMORY, check_case_path, open_database
from annotator.store.health import explain
from annotator.store.history import History
from annotator.store.lock import CaseLock
from annotator.store.pages import SearchHit
from annotator.store.rows import document_from_row, finding_from_row, storable


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


EDITABLE: dict[str, Callable[[Any], str]] = {
    "status": lambda value: Status(value).value,
    "note": str,
    "exhibit": str,
    "approval": lambda value: Approval(value).value,
    "approval_note": str,
}
"""The fields of a finding a reviewer changes, each with how its value is checked and stored."""


class CaseStore:
    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        lock: bool = False,
        wait: float = 0.0,
        read_only: bool = False,
        passphrase: str | None = None,
    ) -> None:
        """Open (creating if absent) the case file at `path`. A `path` of IN_MEMORY makes a
        case that lives and dies with this object.

        `lock` keeps other writers out; `wait` is how many seconds to wait for one that has the
        case open to finish (0: say at once that it is open elsewhere, as a window does).
        `read_only` opens an existing case without writing anything, not even a lock file: for
        read-only media and for a look at a damaged case.

        With a `passphrase`, a new case is created encrypted and an encrypted one is opened;
        the passphrase is not kept. crypto.is_encrypted(path) tells whether to ask for one:
        without it an encrypted case raises crypto.PassphraseNeeded, with a wrong one
        crypto.WrongPassphrase (both CaseErrors), and nothing is written.
        """
        self.path = Path(path)
        self.in_memory = os.fspath(path) == IN_MEMORY
        self.read_only = read_only and not self.in_memory
        self.encrypted = passphrase is not None and not self.in_memory
        if not self.in_memory:
            check_case_path(self.path, may_create=not self.read_only)
        self._lock = CaseLock(self.path) if lock and not self.in_memory and not read_only else None
        if self._lock is not None:
            self._lock.acquire(wait)
        try:
            self.db = open_database(
                self.path, in_memory=self.in_memory, read_only=self.read_only, passphrase=passphrase
            )
        except BaseException:
            if self._lock is not None:
                self._lock.release()
            raise
        self.history = History(self.db)
        """The reviewer's operations, for undo and redo (see annotator.review)."""
        self.clinic = ClinicRecords(self.db)
        """Review packages merged in, their conflicts, assignments (see annotator.review)."""
        details = self.info()
        privacy.withhold(details.respondent, details.a_number)  # never in a log

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
        try:
            self.db.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, kind: object, err: BaseException | None, tb: object) -> None:
        """Close; an SQLite error that ended the block becomes one CaseError saying what to do
        (a full disk, read-only media, a damaged file)."""
        self.close()
        if isinstance(err, sqlite3.Error):
            raise explain(self.path, err) from err

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
        privacy.withhold(values.get("respondent", ""), values.get("a_number", ""))
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
        if not storable(document_id):
            raise CaseError(f"{self.path}: no document {document_id}")
        try:
            return self._document(self.db["documents"].get(document_id))
        except sqlite_utils.db.NotFoundError as err:
            raise CaseError(f"{self.path}: no document {document_id}") from err

    def documents(self) -> list[Document]:
        return [self._document(r) for r in self.db["documents"].rows_where(order_by="id")]

    def incomplete_documents(self) -> list[Document]:
        """Documents whose scan was interrupted (see Document.detection_complete)."""
        return [d for d in self.documents() if not d.detection_complete]

    def update_document(self, document_id: int, **values: Any) -> None:
        if "page_labels" in values:
            values["page_labels"] = json.dumps(values["page_labels"])
        with self.db.atomic():
            self.db["documents"].update(document_id, values)

    def _document(self, row: dict[str, Any]) -> Document:
        return document_from_row(row, *page_table.counts(self.db, row["id"]))

    def save_pages(self, document_id: int, pages: Iterable[PageText]) -> None:
        with self._bulk_write():
            page_table.save(self.db, document_id, pages)

    def page(self, document_id: int, number: int) -> PageText:
        page = page_table.read(self.db, document_id, number)
        if page is None:
            raise CaseError(f"{self.path}: document {document_id} has no page {number}")
        return page

    def pages(self, document_id: int, ocr_done: bool | None = None) -> Iterator[PageText]:
        """The document's pages in order; only those OCR has (or has not) read, if asked."""
        return page_table.read_all(self.db, document_id, ocr_done)

    def poorly_read_pages(self, document_id: int) -> list[int]:
        """The pages OCR read but could not make out (PageText.poorly_read), to be read by eye."""
        return page_table.poorly_read(self.db, document_id)

    def page_count_stored(self, document_id: int) -> int:
        return page_table.stored(self.db, document_id)

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Full-text search over every page of the case; words may be in any order."""
        return page_table.search(self.db, query, limit)

    def save_withholdings(self, document_id: int, items: Iterable[Withholding]) -> int:
        """Store what the document withholds (exemptions, withheld pages, referrals, redaction
        boxes), replacing what an earlier reading stored; the number stored."""
        return withheld.replace(self.db, document_id, items)

    def withholdings(self, document_id: int | None = None) -> list[Withholding]:
        """The stored withholdings of one document or of the whole case, by document and page."""
        return withheld.read(self.db, document_id)

    # -- findings -----------------------------------------------------------------------------

    def merge_detections(
        self,
        document_id: int,
        detections: Iterable[tuple[int, Detection]],
        lexicon_version: str,
        pages: range | None = None,
        *,
        final: bool = True,
    ) -> dict[str, int]:
        """Store a (re-)scan's findings for a document, keeping every tag, note and exhibit.

        A detection that overlaps a stored detected finding of the same category on the same page
        updates it in place. Stored findings no longer detected are deleted when untouched, and
        kept with detected = 0 when the attorney tagged or annotated them. Manual findings stay.
        With `pages`, only that range of pages is merged (the detections must all lie in it), so
        a large document can be stored in short transactions; the document's lexicon version is
        set when the range reaches its last page, unless `final` is False (more passes follow).
        """
        existing = self.findings(document_id=document_id, include_manual=False, pages=pages)
        plan = merge.plan(document_id, existing, detections, lexicon_version, now())
        with self._bulk_write():
            merge.write(self.db, plan)
            if final and (pages is None or pages.stop > self.document(document_id).page_count):
                self.db["documents"].update(document_id, {"lexicon_version": lexicon_version})
        return plan.counts()

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

    def delete_finding(self, finding_id: int, who: str = "") -> Finding:
        """Delete a finding added by hand. It stays in the file as a tombstone (hidden from every
        listing), so that undo restores the very same finding and its audit trail."""
        finding = self.finding(finding_id)
        if finding.source is not Source.MANUAL:
            raise CaseError("only findings added by hand can be deleted; dismiss a detected one")
        with self.db.atomic():
            self.db["findings"].update(finding_id, {"deleted": 1, "updated_at": now()})
            self._audit(finding_id, who, "deleted", finding.text, "", now())
        return finding

    def restore_finding(self, finding_id: int, who: str = "") -> Finding:
        """Bring back a deleted finding, with the status, note and exhibit it had."""
        finding = self.finding(finding_id, include_deleted=True)
        with self.db.atomic():
            self.db["findings"].update(finding_id, {"deleted": 0, "updated_at": now()})
            self._audit(finding_id, who, "restored", "", finding.text, now())
        return self.finding(finding_id)

    def finding(self, finding_id: int, *, include_deleted: bool = False) -> Finding:
        if not storable(finding_id):
            raise CaseError(f"{self.path}: no finding {finding_id}")
        where = "id = ?" + ("" if include_deleted else " AND deleted = 0")
        found = self._finding_rows(where, [finding_id])
        if not found:
            raise CaseError(f"{self.path}: no finding {finding_id}")
        return found[0]

    def _finding_rows(self, where: str, args: list[Any]) -> list[Finding]:
        """Findings as stored, each with its document's agency (who issued the document)."""
        sql = (
            "SELECT *, (SELECT agency FROM documents WHERE documents.id = findings.document_id)"
            f" AS document_agency FROM findings WHERE {where}"
            " ORDER BY document_id, page, start, id"
        )
        cursor = self.db.execute(sql, args)
        columns = [d[0] for d in cursor.description]
        return [finding_from_row(dict(zip(columns, row, strict=True))) for row in cursor]

    def findings(
        self,
        *,
        document_id: int | None = None,
        category: str | None = None,
        status: str | None = None,
        include_manual: bool = True,
        pages: range | None = None,
        include_deleted: bool = False,
    ) -> list[Finding]:
        """The case's findings in page order; with `include_deleted`, tombstones too."""
        where: list[str] = ["1" if include_deleted else "deleted = 0"]
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
        return self._finding_rows(" AND ".join(where), args)

    def finding_counts(self, document_id: int) -> dict[str, int]:
        """A document's findings per category."""
        rows = self.db.execute(
            "SELECT category, count(*) FROM findings WHERE document_id = ? AND deleted = 0 "
            "GROUP BY category",
            [document_id],
        )
        return dict(rows.fetchall())

    def set_status(self, finding_id: int, status: Status | str, who: str = "") -> Finding:
        return self.set_fields(finding_id, {"status": status}, who)

    def set_note(self, finding_id: int, note: str, who: str = "") -> Finding:
        return self.set_fields(finding_id, {"note": note}, who)

    def set_exhibit(self, finding_id: int, exhibit: str, who: str = "") -> Finding:
        return self.set_fields(finding_id, {"exhibit": exhibit}, who)

    def set_role(
        self, finding_id: int, role: Role | str | None, who: str = "", *, by_reviewer: bool = True
    ) -> Finding:
        """Set who a gang reference is about, audited like a status. A role a reviewer set
        survives every re-scan; `by_reviewer=False` (an undo back to the detector's role) lets
        the next re-scan decide it again."""
        if not storable(finding_id):
            raise CaseError(f"{self.path}: no finding {finding_id}")
        value = Role(role).value if role else None
        stamp = now()
        with self.db.atomic():
            row = self.db.execute(
                "SELECT category, role, role_set_by_reviewer FROM findings WHERE id = ?",
                [finding_id],
            ).fetchone()
            if row is None:
                raise CaseError(f"{self.path}: no finding {finding_id}")
            category, old, flag = row
            if value and category != Category.GANG_LABEL.value:
                raise CaseError(f"finding {finding_id} is not a gang reference; it has no role")
            if old != value or bool(flag) != by_reviewer:
                self.db["findings"].update(
                    finding_id,
                    {"role": value, "role_set_by_reviewer": int(by_reviewer), "updated_at": stamp},
                )
            if old != value:
                self._audit(finding_id, who, "role", old or "", value or "", stamp)
        return self.finding(finding_id)

    def set_fields(self, finding_id: int, values: Mapping[str, str], who: str = "") -> Finding:
        """Change a finding's reviewer fields (EDITABLE) in one transaction, each change audited:
        a tag with its note and exhibit is one user action, committed whole or not at all."""
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not a reviewer's field: {sorted(unknown)}")
        values = {k: EDITABLE[k](v) for k, v in values.items()}
        stamp = now()
        with self.db.atomic():
            current = self.finding(finding_id)
            changed = {k: v for k, v in values.items() if str(getattr(current, k)) != v}
            if changed:  # plain SQL: sqlite-utils' update reads the table's schema every call
                columns = ", ".join(f"[{k}] = ?" for k in changed)
                self.db.execute(
                    f"UPDATE findings SET {columns}, updated_at = ? WHERE id = ?",
                    [*changed.values(), stamp, finding_id],
                )
                for field, value in changed.items():
                    self._audit(finding_id, who, field, str(getattr(current, field)), value, stamp)
        return self.finding(finding_id)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Several writes committed together (nested calls join the outer transaction)."""
        with self.db.atomic():
            yield

    def record_event(self, finding_id: int, who: str, event: str, old: str, new: str) -> None:
        """Audit what happened to a finding beyond its fields (a merge, a conflict resolved)."""
        self._audit(finding_id, who, event, old, new, now())

    def _audit(self, finding_id: int, who: str, field: str, old: str, new: str, at: str) -> None:
        who = who or self.info().reviewer or os.environ.get("USER", "") or "unknown"
        self.db.execute(
            "INSERT INTO audit_log (finding_id, at, who, field, old, new) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [finding_id, at, who, field, old, new],
        )

    def audit(self, finding_id: int | None = None) -> list[AuditEntry]:
        rows = (
            self.db["audit_log"].rows_where("finding_id = ?", [finding_id], order_by="id")
            if finding_id is not None
            else self.db["audit_log"].rows_where(order_by="id")
        )
        return [AuditEntry(**r) for r in rows]
