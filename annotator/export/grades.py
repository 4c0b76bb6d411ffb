"""The class's grade report (DOCX, PDF or CSV) from the review layer's grades.

Every format shows the same two tables, built once here: one row per student (found, missed,
extra, status agreement, kappa, recall per category), and the key findings students missed,
those most students missed first.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

import docx
import pymupdf

from annotator.core.errors import ExportError
from annotator.core.model import Category, Status
from annotator.export.files import atomic_write, check_target
from annotator.review.grading import StudentGrade, most_missed
from annotator.review.package import Package

REPORT_FORMATS = (".docx", ".pdf", ".csv")
_PAGE = pymupdf.paper_rect("letter-l")
_BODY = pymupdf.Rect(54, 54, _PAGE.width - 54, _PAGE.height - 54)
_CSS = """
body { font-family: sans-serif; font-size: 9.5pt; }
h1 { font-size: 16pt; color: #1f3864; } h2 { font-size: 12pt; color: #1f3864; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; border-bottom: 1pt solid #1f3864; padding: 2pt 4pt; }
td { border-bottom: 0.5pt solid #b7c3d9; padding: 2pt 4pt; vertical-align: top; }
"""


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]


def report_tables(key: Package, grades: list[StudentGrade]) -> tuple[str, list[Table]]:
    """The report's introduction and its two tables, as text."""
    categories = [c for c in Category if any(k.category is c for k in key.findings)]
    students = Table(
        "Students",
        ["Student", "Found", "Missed", "Extra", "Status agreement", "Kappa"]
        + [f"Recall: {c.short}" for c in categories],
        [
            [
                g.reviewer,
                str(len(g.found)),
                str(len(g.missed)),
                str(len(g.extra)),
                _share(g.status_agreement),
                _share(g.kappa),
            ]
            + [_recall(g, c) for c in categories]
            for g in grades
        ],
    )
    titles = {d.sha256: d.title for d in key.documents}
    missed = Table(
        "Key findings students missed (most missed first)",
        ["Missed by", "Document", "Page", "Category", "Text", "Expected status", "Students"],
        [
            [
                f"{len(m.missed_by)} of {len(grades)}",
                titles.get(m.finding.document, m.finding.document[:12]),
                str(m.finding.page),
                m.finding.category.short,
                " ".join(m.finding.text.split()),
                Status(m.finding.status).label,
                ", ".join(m.missed_by),
            ]
            for m in most_missed(key, grades)
        ],
    )
    intro = (
        f"Key: {Path(key.path).name} by {key.reviewer or 'the instructor'}, "
        f"{len(key.findings)} findings over {len(key.documents)} documents. "
        f"{len(grades)} student review{'s' if len(grades) != 1 else ''} graded: a key finding "
        "is found when the student's finding overlaps it on the same page of the same document."
    )
    return intro, [students, missed]


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _recall(grade: StudentGrade, category: Category) -> str:
    score = grade.per_category.get(category.value)
    return "—" if score is None else f"{score.found}/{score.total} ({score.recall:.2f})"


def write_grade_report(
    out: str | os.PathLike[str], key: Package, grades: list[StudentGrade], *, force: bool = False
) -> Path:
    """Write the report; the suffix of `out` (.docx, .pdf or .csv) picks the format."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in REPORT_FORMATS:
        raise ExportError(f"{path}: the report must end in .docx, .pdf or .csv")
    check_target(path, force=force)
    intro, tables = report_tables(key, grades)
    render = _RENDERERS[suffix]
    return atomic_write(path, lambda temp: render(temp, intro, tables), force=force)


def _csv(path: Path, intro: str, tables: list[Table]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        for n, table in enumerate(tables):
            if n:
                writer.writerow([])
            writer.writerow([table.title])
            writer.writerow(table.header)
            writer.writerows(table.rows)


def _docx(path: Path, intro: str, tables: list[Table]) -> None:
    document = docx.Document()
    document.add_heading("Grade report", level=0)
    document.add_paragraph(intro)
    for table in tables:
        document.add_heading(table.title, level=1)
        grid = document.add_table(rows=1, cols=len(table.header))
        grid.style = "Light Grid Accent 1"
        for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
            cell.text = text
        for row in table.rows:
            for cell, text in zip(grid.add_row().cells, row, strict=True):
                cell.text = text
        if not table.rows:
            document.add_paragraph("None.")
    document.save(str(path))


def _pdf(path: Path, intro: str, tables: list[Table]) -> None:
    parts = [f"<h1>Grade report</h1><p>{escape(intro)}</p>"]
    for table in tables:
        head = "".join(f"<th>{escape(h)}</th>" for h in table.header)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in table.rows
        )
        parts.append(f"<h2>{escape(table.title)}</h2><table><tr>{head}</tr>{body}</table>")
        if not table.rows:
            parts.append("<p>None.</p>")
    story = pymupdf.Story("".join(parts), user_css=_CSS)
    writer = pymupdf.DocumentWriter(str(path))
    more = True
    while more:
        device = writer.begin_page(_PAGE)
        more, _ = story.place(_BODY)
        story.draw(device)
        writer.end_page()
    writer.close()


_RENDERERS: dict[str, Callable[[Path, str, list[Table]], None]] = {
    ".csv": _csv,
    ".docx": _docx,
    ".pdf": _pdf,
}
