"""Annotated exhibits: a copy of each PDF with a standard highlight per finding.

Highlights are ordinary PDF annotations, so Acrobat, Preview and Okular show them with their
popup text (category, status, note). The source PDF is read, never written. What could run or
reach out from a copy sent to a court (JavaScript, actions, embedded scripts) is left out of it
(see active.py), and the exhibit says what was.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from annotator.core.errors import BadInputFile, ExportError
from annotator.core.model import (
    HIGHLIGHT_STRENGTH,
    Category,
    Document,
    Finding,
    PageText,
    Status,
    tint,
)
from annotator.export.active import find_active_content, strip_active_content
from annotator.export.files import atomic_write, check_target, protected_files
from annotator.export.text_layer import add_text_layer
from annotator.pdf.extract import open_pdf, sha256_file
from annotator.store import CaseStore

SUFFIX = ".annotated.pdf"


def highlight_colour(category: Category) -> tuple[float, float, float]:
    """The category's colour as it tints the page in the window (PDF readers multiply a
    highlight's colour into the page, so the tint is what they are given)."""
    return tint(category.colour, HIGHLIGHT_STRENGTH)


@dataclass(slots=True)
class Exhibit:
    document: Document
    path: Path
    findings: list[Finding]
    """The findings highlighted: every non-dismissed one that has a place on the page."""
    unplaced: int = 0
    """Non-dismissed findings with no rectangle to highlight (none for detected findings)."""
    stripped: list[str] = field(default_factory=list)
    """The source's active content left out of the exhibit (see active.py), once written."""
    read_pages: list[PageText] = field(default_factory=list)
    """Its scanned pages OCR read: they get an invisible text layer (export.text_layer)."""


def export_exhibits(
    case: CaseStore, folder: str | os.PathLike[str], *, force: bool = False
) -> list[Exhibit]:
    """Write `<stem>.annotated.pdf` for every document of the case into `folder`."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: is a file, not a folder for the exhibits")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(
            f"{folder}: cannot create the exhibits folder ({err.strerror or err})"
        ) from err
    plan = _plan(case, folder)
    protected = protected_files(case)
    for exhibit in plan:
        check_target(exhibit.path, force=force, protected=protected)
    for exhibit in plan:
        write = functools.partial(_annotate, exhibit)
        atomic_write(exhibit.path, write, force=force, protected=protected)
    return plan


def exhibit_name(document: Document, taken: set[str]) -> str:
    stem = Path(document.path).stem or f"document-{document.id}"
    name = stem + SUFFIX
    if name in taken:
        name = f"{stem}-{document.id}{SUFFIX}"
    taken.add(name)
    return name


def _plan(case: CaseStore, folder: Path) -> list[Exhibit]:
    taken: set[str] = set()
    plan = []
    for document in case.documents():
        _check_source(document)
        target = folder / exhibit_name(document, taken)
        listed = [
            f for f in case.findings(document_id=document.id) if f.status is not Status.DISMISSED
        ]
        placed = [f for f in listed if f.rects]
        read = list(case.pages(document.id, ocr_done=True))
        plan.append(Exhibit(document, target, placed, len(listed) - len(placed), read_pages=read))
    return plan


def active_in_source(document: Document) -> list[str]:
    """What the document's exhibit leaves out (see active.py), read from its source PDF; none
    said when the source is not where the case has it, or has changed."""
    try:
        _check_source(document)
        pdf = open_pdf(document.path)
    except (ExportError, BadInputFile):
        return []
    try:
        return find_active_content(pdf)
    finally:
        pdf.close()


def _check_source(document: Document) -> None:
    path = Path(document.path)
    if not path.is_file():
        raise ExportError(
            f"{path}: source PDF not found; add it to the case again from its new place"
        )
    try:
        digest = sha256_file(path)
    except OSError as err:
        raise ExportError(f"{path}: source PDF cannot be read ({err.strerror or err})") from err
    if digest != document.sha256:
        raise ExportError(f"{path}: has changed since it was added to the case (SHA-256 differs)")


def _annotate(exhibit: Exhibit, temp: Path) -> None:
    pdf = open_pdf(exhibit.document.path)
    try:
        exhibit.stripped = strip_active_content(pdf)
        add_text_layer(pdf, exhibit.read_pages)
        for finding in exhibit.findings:
            _highlight(pdf, finding)
        pdf.save(str(temp), garbage=1, deflate=True)
    finally:
        pdf.close()


def _highlight(pdf: pymupdf.Document, finding: Finding) -> None:
    page = pdf[finding.page - 1]
    quads = [pymupdf.Rect(r).quad for r in finding.rects]
    annot = page.add_highlight_annot(quads=quads)
    annot.set_colors(stroke=highlight_colour(finding.category))
    annot.set_info(
        title=finding.category.label,
        subject=f"Case-File Annotator finding #{finding.id}",
        content=popup_text(finding),
    )
    annot.update()
    pdf.xref_set_key(annot.xref, "NM", pymupdf.get_pdf_str(f"cfa-finding-{finding.id}"))


def popup_text(finding: Finding) -> str:
    lines = [
        f"{finding.category.label}: “{finding.text}”",
        f"Status: {finding.status.label}",
    ]
    if finding.note:
        lines.append(f"Note: {finding.note}")
    if finding.exhibit:
        lines.append(f"Rebutting exhibit: {finding.exhibit}")
    if not finding.detected:
        lines.append("No longer detected by the current lexicon; kept because it was tagged.")
    return "\n".join(lines)
