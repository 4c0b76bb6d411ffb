"""The attorney's deliverables: the rebuttal memo (DOCX, Markdown, PDF) and annotated exhibits.

Qt-free, so the CLI, the desktop window and the tests call the same functions.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from annotator.core.errors import ExportError
from annotator.export.build import build_memo
from annotator.export.docx_render import write_docx
from annotator.export.exhibits import Exhibit, export_exhibits
from annotator.export.files import atomic_write, check_target, protected_files
from annotator.export.markdown_render import write_markdown
from annotator.export.model import Memo
from annotator.export.pdf_render import write_pdf
from annotator.store import CaseStore

RENDERERS: dict[str, Callable[[Memo, Path], None]] = {
    ".docx": write_docx,
    ".md": write_markdown,
    ".pdf": write_pdf,
}
MEMO_FORMATS = tuple(RENDERERS)


def export_memo(
    case: CaseStore,
    out: str | os.PathLike[str],
    *,
    reviewer: str | None = None,
    force: bool = False,
    today: date | None = None,
    approved_only: bool = False,
) -> Memo:
    """Write the memo to `out`; its suffix (.docx, .md or .pdf) picks the format;
    `approved_only` keeps only the findings a supervisor approved."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in MEMO_FORMATS:
        raise ExportError(f"{path}: the memo must end in .docx, .md or .pdf")
    protected = protected_files(case)
    check_target(path, force=force, protected=protected)
    memo = build_memo(case, reviewer=reviewer, today=today, approved_only=approved_only)
    render = RENDERERS[suffix]
    atomic_write(path, lambda temp: render(memo, temp), force=force, protected=protected)
    return memo


__all__ = [
    "MEMO_FORMATS",
    "RENDERERS",
    "Exhibit",
    "ExportError",
    "Memo",
    "build_memo",
    "export_exhibits",
    "export_memo",
]
