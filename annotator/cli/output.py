"""What every subcommand prints: errors on one line, findings as JSON Lines, page lists."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from annotator.core.errors import AnnotatorError
from annotator.core.model import Category, Finding
from annotator.core.progress import Progress

if TYPE_CHECKING:
    from annotator.store import CaseStore

EXIT_OK, EXIT_USAGE, EXIT_BAD_INPUT = 0, 2, 3


def error(message: str) -> None:
    print(f"annotator: {message}", file=sys.stderr)


def open_case(path: str, **kwargs: Any) -> CaseStore:
    from annotator.store import CaseStore

    return CaseStore(path, **kwargs)


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
