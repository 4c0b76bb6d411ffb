"""What every subcommand prints: errors on one line, findings as JSON Lines, page lists."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from annotator.core.errors import AnnotatorError, one_line
from annotator.core.model import Category, Finding
from annotator.core.progress import Progress

if TYPE_CHECKING:
    from annotator.store import CaseStore

EXIT_OK, EXIT_USAGE, EXIT_BAD_INPUT = 0, 2, 3
LOCK_WAIT = 5.0
"""Seconds a command waits for another that has the case open (a tag, say) to finish."""


def error(message: str) -> None:
    """One line on stderr, whatever the file names in it hold (see core.errors.one_line)."""
    print(f"annotator: {one_line(message)}", file=sys.stderr)


PASSPHRASE_ENV = "ANNOTATOR_PASSPHRASE"
NEW_PASSPHRASE_ENV = "ANNOTATOR_NEW_PASSPHRASE"


class UsageError(AnnotatorError):
    """A command line that lacks something it needs (exit 2)."""


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    """--passphrase-file, which every command that opens a case takes (annotator.cli adds it)."""
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="an encrypted case's passphrase (or the one to encrypt it with): the first line of "
        f"FILE; default: the {PASSPHRASE_ENV} environment variable",
    )


def read_passphrase(
    args: argparse.Namespace | None, option: str = "passphrase_file", env: str = PASSPHRASE_ENV
) -> str | None:
    """The passphrase the command line gives: the first line of the file named by `option`,
    else the environment variable `env`; None when neither is given. Kept in memory only."""
    name = getattr(args, option, None)
    if name:
        try:
            with open(name, encoding="utf-8") as fh:
                line = fh.readline().rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError(f"{name}: cannot read the passphrase file ({err})") from err
        if not line:
            raise UsageError(f"{name}: the passphrase file's first line is empty")
        return line
    return os.environ.get(env) or None


def open_case(
    path: str,
    args: argparse.Namespace | None = None,
    *,
    encrypt: bool = False,
    lock: bool = False,
) -> CaseStore:
    """The case, for a command. An encrypted one (or a new one, with `encrypt`) is opened with
    the passphrase that `args` or the environment give. One that changes it (`lock`) waits up to
    LOCK_WAIT for another writer; one that only reads it opens it read-only where it cannot be
    written (read-only media), so a case on a DVD can still be listed and exported."""
    from annotator.store import CaseStore
    from annotator.store.case import IN_MEMORY
    from annotator.store.crypto import is_encrypted

    passphrase = None
    if path != IN_MEMORY and (encrypt or is_encrypted(path)):
        passphrase = read_passphrase(args)
        if passphrase is None:
            why = "is encrypted" if is_encrypted(path) else "is to be encrypted"
            raise UsageError(
                f"{path}: {why}: give its passphrase with --passphrase-file FILE "
                f"or the {PASSPHRASE_ENV} environment variable"
            )
    if lock:
        return CaseStore(path, lock=True, wait=LOCK_WAIT, passphrase=passphrase)
    writable = path == IN_MEMORY or not Path(path).exists() or _writable(Path(path))
    return CaseStore(path, read_only=not writable, passphrase=passphrase)


def _writable(case: Path) -> bool:
    """The case and its folder (where SQLite keeps the WAL beside it) can be written."""
    return os.access(case, os.W_OK) and os.access(case.parent, os.W_OK)


def require_case(path: str) -> None:
    if not Path(path).is_file():
        raise AnnotatorError(f"{path}: no such case file")


def finding_json(f: Finding, file: str | os.PathLike[str]) -> dict[str, Any]:
    """A finding as `scan --json` and `findings --json` print it: with its role (gang
    references only; null for the other categories) and who asserted it."""
    return {
        "file": str(file),
        "page": f.page,
        "category": f.category.value,
        "subtype": f.subtype,
        "text": f.text,
        "start": f.start,
        "end": f.end,
        "rects": [list(r) for r in f.rects],
        "status": f.status.value,
        "role": f.role.value if f.role and f.category is Category.GANG_LABEL else None,
        "source": {
            "agency": f.agency or None,
            "attributed_to": f.attributed_to or None,
            "relayed": f.relayed,
        },
    }


def print_json(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def page_list(numbers: Sequence[int]) -> str:
    """1, 2, 3, 5 -> "pages 1-3, 5"."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    text = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)
    return ("page " if len(numbers) == 1 else "pages ") + text


class ProgressBar:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def update(self, p: Progress) -> None:
        width = 30
        filled = int(width * p.done / max(p.total, 1))
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total} {p.message[:40]:<40}"
        )
        self.stream.flush()

    def clear(self) -> None:
        self.stream.write("\r" + " " * 90 + "\r")
        self.stream.flush()
