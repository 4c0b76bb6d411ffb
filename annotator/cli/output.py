"""What every subcommand prints: errors on one line, findings as JSON Lines, page lists."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from annotator.core.errors import AnnotatorError, one_line
from annotator.core.model import Finding
from annotator.core.progress import Progress

if TYPE_CHECKING:
    from annotator.store import CaseStore

EXIT_OK, EXIT_USAGE, EXIT_BAD_INPUT = 0, 2, 3
LOCK_WAIT = 5.0
"""Seconds a command waits for another that has the case open (a tag, say) to finish."""


def error(message: str) -> None:
    """One line on stderr, whatever the file names in it hold (see core.errors.one_line)."""
    print(f"annotator: {one_line(message)}", file=sys.stderr)


def open_case(path: str, *, lock: bool = False) -> CaseStore:
    """The case, for a command: one that changes it (`lock`) waits up to LOCK_WAIT for another
    writer; one that only reads it opens it read-only where it cannot be written (read-only
    media), so a case on a DVD can still be listed and exported."""
    from annotator.store import CaseStore
    from annotator.store.case import IN_MEMORY

    if lock:
        return CaseStore(path, lock=True, wait=LOCK_WAIT)
    writable = path == IN_MEMORY or not Path(path).exists() or _writable(Path(path))
    return CaseStore(path, read_only=not writable)


def _writable(case: Path) -> bool:
    """The case and its folder (where SQLite keeps the WAL beside it) can be written."""
    return os.access(case, os.W_OK) and os.access(case.parent, os.W_OK)


def require_case(path: str) -> None:
    if not Path(path).is_file():
        raise AnnotatorError(f"{path}: no such case file")


def finding_json(f: Finding, file: str | os.PathLike[str]) -> dict[str, Any]:
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
