"""How subcommands read the names users give things: a document by id, hash, file name or title."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError
from annotator.core.model import Document

if TYPE_CHECKING:
    from annotator.store import CaseStore


def find_document(case: CaseStore, ref: str) -> Document:
    """A document by id, SHA-256 (or its first 8+ characters), file name, path or title."""
    documents = case.documents()
    folded = ref.casefold()
    tests = (
        lambda d: ref.isdigit() and d.id == int(ref),
        lambda d: len(ref) >= 8 and d.sha256.startswith(ref.lower()),
        lambda d: Path(d.path).name.casefold() == folded or d.path == ref,
        lambda d: d.title.casefold() == folded,
    )
    for test in tests:
        found = [d for d in documents if test(d)]
        if len(found) == 1:
            return found[0]
    raise AnnotatorError(
        f"{ref}: no such document in {case.path} (give its id, file name or title)"
    )
