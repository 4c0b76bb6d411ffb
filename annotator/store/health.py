"""What went wrong with a case file, said so that the user can act on it, and what can be saved.

SQLite reports a full disk, read-only media or a damaged file as its own exception types, deep in
whatever call met it; `explain` turns them into one CaseError naming the file. For a damaged file
`salvage` opens it read-only and counts, table by table, what can still be read.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import CaseError

TABLES = ("case_info", "documents", "pages", "findings", "audit_log", "state")
"""The tables every case file has (the full-text index comes with `pages`)."""

_CORRUPT = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_RESTORE = "restore it from a backup copy"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes to the case, its folder or its WAL.

    With no WAL beside the file (a case closed cleanly) it is read as immutable: SQLite would
    otherwise make a WAL and its index beside it even to read, and cannot on read-only media.
    With a WAL (a case in use, or one whose writer was killed) SQLite reads through it.
    """
    uri = path.resolve().as_uri()
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        return sqlite3.connect(f"{uri}?mode=ro", uri=True)
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)


def missing_tables(conn: sqlite3.Connection) -> list[str]:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in TABLES if t not in have]


def explain(path: Path, err: sqlite3.Error) -> CaseError:
    """The CaseError to show for an SQLite error met while using the case at `path`."""
    code = getattr(err, "sqlite_errorname", "")
    text = str(err)
    if code.startswith("SQLITE_FULL") or "disk is full" in text:
        return _disk_full(path)
    if code.startswith("SQLITE_READONLY") or "readonly database" in text:
        return CaseError(
            f"{path}: is read-only (read-only media, or no permission to write there): nothing "
            "can be changed; copy the case to a writable folder"
        )
    if code.startswith(_CORRUPT) or "malformed" in text or "not a database" in text:
        return damaged(path, text)
    if code.startswith("SQLITE_BUSY") or "database is locked" in text:
        return CaseError(f"{path}: is busy in another program; try again when it has finished")
    if _no_space(path):  # SQLite may report a full disk as an I/O error (its WAL index)
        return _disk_full(path)
    if code.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        return CaseError(f"{path}: cannot be read or written (disk I/O error); check the disk")
    return CaseError(f"{path}: cannot be used as a case file ({text})")


def _disk_full(path: Path) -> CaseError:
    return CaseError(
        f"{path}: the disk is full; the last change was not saved (everything saved before "
        "it is kept): free some space and run the command again"
    )


def _no_space(path: Path) -> bool:
    """The case's disk has no room left."""
    try:
        return path.exists() and os.statvfs(path.resolve().parent).f_bavail == 0
    except (OSError, AttributeError):  # statvfs: not on Windows
        return False


def damaged(path: Path, problem: str) -> CaseError:
    """A damaged case: what SQLite said, what can still be read, and what to do."""
    report = salvage(path)
    return CaseError(f"{path}: is damaged ({problem}); {report.summary()}; {_RESTORE}")


@dataclass(frozen=True, slots=True)
class Salvage:
    """What a read-only look at a case file found: SQLite's integrity check and, per table, the
    rows that could be read (None: the table is missing or unreadable from its first row)."""

    integrity: str
    readable: dict[str, int | None]
    complete: dict[str, bool]
    """Per table: every row read (False: reading stopped at damage)."""

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and all(self.complete.values())

    def summary(self) -> str:
        parts = []
        for table, one, many in (
            ("documents", "document", "documents"),
            ("findings", "finding", "findings"),
            ("audit_log", "audit entry", "audit entries"),
        ):
            rows = self.readable.get(table)
            if rows is None:
                parts.append(f"no {many}")
            else:
                more = "" if self.complete[table] else " or more"
                parts.append(f"{rows}{more} {one if rows == 1 and not more else many}")
        return "a read-only look can still read " + ", ".join(parts)


def salvage(path: Path) -> Salvage:
    """Open the case read-only (never changing it) and count what each table still yields."""
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as err:
        return Salvage(str(err), dict.fromkeys(TABLES), dict.fromkeys(TABLES, False))
    try:
        readable: dict[str, int | None] = {}
        complete: dict[str, bool] = {}
        for table in TABLES:
            readable[table], complete[table] = _count_rows(conn, table)
        return Salvage(_integrity(conn), readable, complete)
    finally:
        conn.close()


def _count_rows(conn: sqlite3.Connection, table: str) -> tuple[int | None, bool]:
    """Rows read from the start of the table until the end or the first damage."""
    rows = 0
    try:
        cursor = conn.execute(f"SELECT * FROM [{table}]")
        while batch := cursor.fetchmany(500):
            rows += len(batch)
    except sqlite3.Error:
        return (rows or None), False
    return rows, True


def _integrity(conn: sqlite3.Connection) -> str:
    try:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check(5)"))
    except sqlite3.Error as err:
        return str(err)
