"""Opening a case file: what is refused before anything is written, and how it is connected.

A case file is marked as one (APP_ID in the SQLite header), opened with the write lock taken as
each transaction begins, and brought to the current schema; a file that is not a case, or is one
from a newer app, is refused with one line saying so.
"""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from annotator.core.errors import CaseError
from annotator.store import crypto
from annotator.store.health import connect_read_only, damaged, explain, missing_tables
from annotator.store.migrations import MIGRATIONS, migrate, schema_version

APP_ID = 0x43464131  # "CFA1" in the SQLite header: marks the file as a case file
BUSY_SECONDS = 5.0
"""How long a statement waits for another connection's write to finish (SQLite's busy timeout)."""

IN_MEMORY = ":memory:"
"""The path of a case kept in memory only, for a scan whose findings are printed, not kept:
no page of a client's file is written to disk, not even to a temporary folder."""

_SQLITE_MAGIC = b"SQLite format 3\x00"


class CaseDatabase(sqlite_utils.Database):
    """sqlite-utils' Database whose transactions take the write lock as they begin.

    The window and its background ingest write to one case file through two connections. A
    deferred transaction that reads first and writes after (every upsert does) cannot wait for
    the other writer: SQLite refuses it at once ("database is locked"), and a tag could fail.
    BEGIN IMMEDIATE waits, up to the busy timeout, for the other writer's short transaction.
    """

    @contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            with super().atomic():  # inside a transaction: a savepoint
                yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")


def check_case_path(path: Path, *, may_create: bool) -> None:
    """Refuse what is not a case file before anything is written beside it (not even a lock).

    A missing file is a new case, if its folder exists and `may_create`."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if not may_create:
            raise CaseError(f"{path}: no such case file") from None
        if not path.parent.is_dir():
            raise CaseError(
                f"{path}: cannot be created (the folder {path.parent} does not exist)"
            ) from None
        return
    except OSError as err:
        raise CaseError(f"{path}: cannot be opened ({err.strerror or err})") from err
    if stat.S_ISDIR(info.st_mode):
        raise CaseError(f"{path}: is a folder, not a case file")
    if not stat.S_ISREG(info.st_mode):
        raise CaseError(f"{path}: is not a regular file, so not a case file")
    if info.st_size == 0:
        return  # made by a previous open that stopped before writing: a new case
    if crypto.is_encrypted(path):
        return  # all ciphertext: its passphrase tells whether it is a case (crypto.connect)
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as err:
        raise CaseError(f"{path}: cannot be read ({err.strerror or err})") from err
    if not header.startswith(_SQLITE_MAGIC):
        raise CaseError(
            f"{path}: is not a Case-File Annotator case file (it is not an SQLite database; "
            "if it was a case, it is damaged beyond reading: restore it from a backup copy)"
        )
    marked = len(header) == 100 and int.from_bytes(header[68:72], "big") == APP_ID
    wal = path.with_name(path.name + "-wal")
    if not marked and not (wal.exists() and wal.stat().st_size):  # a WAL may hold the mark
        raise CaseError(f"{path}: is not a Case-File Annotator case file")


def open_database(
    path: Path, *, in_memory: bool, read_only: bool, passphrase: str | None
) -> CaseDatabase:
    """Connect to the case at `path` (checked first by check_case_path), refusing a file that
    is not a case or is from a newer app; a writable case is brought to the current schema."""
    existed = not in_memory and path.exists() and path.stat().st_size > 0
    try:
        if in_memory:
            conn = sqlite3.connect(IN_MEMORY, timeout=BUSY_SECONDS)
        elif read_only and passphrase is None:
            conn = connect_read_only(path)
        else:
            conn = crypto.connect(path, passphrase)
        # No sqlite-utils plugins: a case file is confidential, and a plugin is code from any
        # package in the environment that runs on every connection (loading them also
        # scans every installed package's metadata).
        db = CaseDatabase(conn, execute_plugins=False)
        if existed:
            _check_marks(db, path)
        if read_only:
            if schema_version(db) < len(MIGRATIONS):
                raise CaseError(
                    f"{path}: was written by an older version of the app and cannot "
                    "be updated here (read-only); open it once where it can be written"
                )
        else:
            _prepare(db, existed, in_memory)
        missing = missing_tables(conn)
        if missing:
            tables = " and ".join(missing)
            raise damaged(
                path, f"its {tables} table{'s are' if len(missing) > 1 else ' is'} missing"
            )
    except crypto.database_errors() as err:
        raise explain(path, err) from err
    return db


def _check_marks(db: sqlite_utils.Database, path: Path) -> None:
    """An existing file is a case of this app's schema or an older one."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APP_ID:
        raise CaseError(f"{path}: is not a Case-File Annotator case file")
    if schema_version(db) > len(MIGRATIONS):
        raise CaseError(
            f"{path}: was written by a newer version of the app; update it to open this case"
        )


def _prepare(db: sqlite_utils.Database, existed: bool, in_memory: bool) -> None:
    if not existed:  # before WAL mode, so the mark is in the file itself from the start
        db.execute(f"PRAGMA application_id = {APP_ID}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
    if not in_memory:
        db.enable_wal()
    db.execute("PRAGMA synchronous = FULL")
    migrate(db)
