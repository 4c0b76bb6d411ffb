"""Encrypted case files: SQLCipher 4 under the same sqlite-utils API as a plain case.

A case holds a client's A-file text, notes and strategy; encrypted, the whole file is ciphertext
(AES-256 pages, each with an HMAC-SHA512, the key derived by PBKDF2-HMAC-SHA512 with 256,000
iterations: SQLCipher 4's defaults). SQLCipher encrypts the WAL with the same key; temporary
tables, sorts and indices stay in memory (temp_store = MEMORY), so nothing plain reaches a
temporary folder. The passphrase lives only in memory: it is never stored or logged, and it goes
to no other process but the window's own background ingest, over the pipe that starts it.

The sqlcipher3 module is loaded only when an encrypted case is opened (40 ms), and its errors are
not sqlite3's: catch `database_errors()`, not sqlite3.DatabaseError.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

from annotator.core.errors import CaseError

_SQLITE_HEADER = b"SQLite format 3\x00"
_PAGE = 512
"""A SQLCipher file is whole pages of at least this size, with no header: salt then ciphertext."""


class PassphraseNeeded(CaseError):
    """The case is encrypted and no passphrase was given."""


class WrongPassphrase(CaseError):
    """The passphrase does not open the case; nothing was written."""


def database_errors() -> tuple[type[Exception], ...]:
    """The database error classes a case's connection may raise: sqlite3's, and SQLCipher's
    once it is loaded (it can raise only then)."""
    cipher = sys.modules.get("sqlcipher3")
    if cipher is None:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, cipher.DatabaseError)


def is_encrypted(path: str | os.PathLike[str]) -> bool:
    """True for a case file whose bytes are SQLCipher's: no SQLite header, whole pages.

    A missing or empty file is not encrypted, nor is one of a size no SQLite file has (a PDF
    given by mistake): opening those says what they are.
    """
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_HEADER))
    except OSError:
        return False
    return size > 0 and size % _PAGE == 0 and head != _SQLITE_HEADER


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase SQLCipher would not use as given: empty means no encryption at all."""
    if not passphrase:
        raise CaseError("the passphrase is empty: an empty passphrase would not encrypt the case")
    if "\x00" in passphrase:
        raise CaseError("the passphrase contains a NUL character")


def connect(path: str | os.PathLike[str], passphrase: str | None) -> Any:
    """A DB-API connection to the case file at `path`, decrypted when it is encrypted.

    A new file with a passphrase is created encrypted. An encrypted file needs its passphrase
    (PassphraseNeeded, WrongPassphrase); a plain one is refused a passphrase, so a plain case is
    never mistaken for a protected one.
    """
    if passphrase is None:
        if is_encrypted(path):
            raise PassphraseNeeded(f"{path}: is encrypted; its passphrase is needed to open it")
        return sqlite3.connect(path)
    check_passphrase(passphrase)
    if os.path.exists(path) and os.path.getsize(path) > 0 and not is_encrypted(path):
        raise CaseError(f"{path}: is not encrypted; encrypt it first to protect it")
    return open_encrypted(path, passphrase)


def open_encrypted(path: str | os.PathLike[str], passphrase: str) -> Any:
    """A sqlcipher3 connection with the key set and checked; WrongPassphrase if it does not fit."""
    import sqlcipher3

    conn = sqlcipher3.connect(os.fspath(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # else a wrong key logs to stderr
        conn.execute(f"PRAGMA key = {_literal(passphrase)}")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads page 1: the check
    except sqlcipher3.DatabaseError as err:
        conn.close()
        raise WrongPassphrase(
            f"{path}: the passphrase is wrong (or this is not a case file); nothing was changed"
        ) from err
    return conn


def export(
    source: Path, source_passphrase: str | None, target: Path, target_passphrase: str
) -> None:
    """Write a copy of the case at `source` to the new file `target`, encrypted with
    `target_passphrase` (sqlcipher_export), and check the copy opens and is whole."""
    import sqlcipher3

    conn = (
        sqlcipher3.connect(os.fspath(source))
        if source_passphrase is None
        else open_encrypted(source, source_passphrase)
    )
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", [os.fspath(target), target_passphrase])
        conn.execute("SELECT sqlcipher_export('rekeyed')")
        # sqlcipher_export copies the schema and rows, not these two header fields
        conn.execute(f"PRAGMA rekeyed.user_version = {version}")
        conn.execute(f"PRAGMA rekeyed.application_id = {app_id}")
        conn.execute("DETACH DATABASE rekeyed")
    finally:
        conn.close()
    check = open_encrypted(target, target_passphrase)
    try:
        problems = [row[0] for row in check.execute("PRAGMA integrity_check").fetchall()]
    finally:
        check.close()
    if problems != ["ok"]:
        raise CaseError(f"{source}: the encrypted copy failed its check ({problems[0]})")


def _literal(text: str) -> str:
    """`text` as an SQL string literal: PRAGMA key takes no bound parameters."""
    return "'" + text.replace("'", "''") + "'"
