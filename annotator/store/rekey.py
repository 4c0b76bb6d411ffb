"""Encrypt a plain case, or change an encrypted case's passphrase, without risking the case.

Both write an encrypted copy beside the case, check it, and rename it over the case: a crash,
a kill or a full disk at any moment leaves either the old file, intact and as it was, or the
new one, whole. Leftover copies of an interrupted run are ciphertext, and the next run removes
them. The old file's disk blocks are not wiped: a case that was plain may still be readable from
the disk, a backup or a synced folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.errors import CaseError
from annotator.store import crypto
from annotator.store.case import CaseStore
from annotator.store.lock import CaseLock

_PARTIAL = ".rekey-partial"
"""The name ending of the copy being written: `.NAME.rekey-partial` beside the case NAME."""


def encrypt_case(path: str | os.PathLike[str], passphrase: str) -> None:
    """Turn the plain case at `path` into an encrypted one, in place."""
    if crypto.is_encrypted(path):
        raise CaseError(f"{path}: is already encrypted")
    _rewrite(Path(path), None, passphrase)


def rekey_case(path: str | os.PathLike[str], passphrase: str, new_passphrase: str) -> None:
    """Change the passphrase of the encrypted case at `path`."""
    if not crypto.is_encrypted(path):
        raise CaseError(f"{path}: is not encrypted")
    _rewrite(Path(path), passphrase, new_passphrase)


def partial_copies(path: Path) -> list[Path]:
    """Copies left by an interrupted run (and their SQLite journals)."""
    return sorted(path.parent.glob(f".{path.name}{_PARTIAL}*"))


def _rewrite(path: Path, passphrase: str | None, new_passphrase: str) -> None:
    crypto.check_passphrase(new_passphrase)
    if not path.is_file():
        raise CaseError(f"{path}: no such case file")
    lock = CaseLock(path)
    lock.acquire()  # no other writer for the whole run; readers take no lock (see _replace)
    try:
        # Opening checks that it is a case, that the passphrase fits, and brings its schema up
        # to date; closing it folds the WAL into the file, so the file alone is the case.
        CaseStore(path, passphrase=passphrase).close()
        for stale in partial_copies(path):
            stale.unlink()
        copy = path.with_name(f".{path.name}{_PARTIAL}")
        os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            crypto.export(path, passphrase, copy, new_passphrase)
            _sync(copy)
            _replace(copy, path)
        finally:
            for leftover in partial_copies(path):
                leftover.unlink()
    finally:
        lock.release()


def _replace(copy: Path, path: Path) -> None:
    """Rename the copy over the case, unless a reader still has the case's WAL: SQLite would
    apply that WAL to the new file."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise CaseError(f"{path}: is open in another program; close it there first")
    os.replace(copy, path)
    _sync_folder(path.parent)


def _sync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handles to sync)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
