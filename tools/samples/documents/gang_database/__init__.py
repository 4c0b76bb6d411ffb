"""03: the Boston Regional Intelligence Center's Gang Assessment Database printout, ruled tables
of point entries, source reports, linked persons and logs (4 pages); its records are in
`records`."""

from __future__ import annotations

from functools import partial

import pymupdf

from ...document import DocBuilder, DocSpec
from ...flow import Flow
from ...sheet import Box, Fill, Label, Mark, Rule, Sheet
from ...style import GRAY, PALE, WHITE, FormRows
from .records import (
    ANALYST_NOTES,
    AUDIT,
    CHECKS,
    CLASSIFICATION,
    DISCLAIMERS,
    DISSEMINATION,
    IDENTIFIERS,
    LEGEND,
    LINKED,
    POINTS,
    REQUEST,
    SOURCE_DETAILS,
    SOURCE_REPORTS,
    SUBJECT,
)

SPEC = DocSpec(
    "03_fusion_center_gang_database_printout.pdf",
    "Boston Regional Intelligence Center - Gang Assessment Database printout - FICTIONAL SAMPLE",
    "Fictional sample case: gang database printout for RIVAS MEJIA, Daniel A.",
)
M, MB = "mono", "mono-b"

PAGE_HEAD: list[Mark] = [
    Fill((36, 34, 576, 60), (0.18, 0.18, 0.18)),
    Label(42, 46, "BOSTON REGIONAL INTELLIGENCE CENTER (BRIC)", MB, 10.5, WHITE),
    Label(42, 56.5, "GANG ASSESSMENT DATABASE — SUBJECT DETAIL REPORT", M, 8.2, WHITE),
    Label(570, 46, "LAW ENFORCEMENT SENSITIVE", MB, 8.5, WHITE, "right"),
    Label(570, 56.5, "RUN 05/30/2023 10:42:17", M, 8, WHITE, "right"),
    Label(
        36,
        748,
        "Printed by: ANL-0000 (fictional) · Terminal BRIC-WS-00 · Query: A012345678 / "
        "RIVAS MEJIA, DANIEL",
        M,
        6.8,
        GRAY,
    ),
    Rule(36, 576, 740, 0.5, GRAY),
]
PHOTO: list[Mark] = [  # relative to the photograph section's corner
    Fill((8, 22, 128, 172), PALE),
    Box((8, 22, 128, 172), 0.8),
    Label(68, 92, "PHOTO", MB, 9, GRAY, "center"),
    Label(68, 104, "WITHHELD", MB, 9, GRAY, "center"),
    Label(68, 116, "(b)(7)(C)", M, 8, GRAY, "center"),
]
END_OF_REPORT: list[Mark] = [  # relative to the closing box's corner
    Label(6, 14, "*** END OF SUBJECT DETAIL REPORT ***", MB, 9),
    Label(
        6, 30, "RECORD COUNT: 4 POINT ENTRIES, 3 SOURCE REPORTS, 4 LINKED PERSONS, 6 AUDIT EVENTS",
        M, 8.2,
    ),
    Label(6, 44, "PRINT JOB 0000000 (FICTIONAL) · BRIC/GAD VERSION 4.2 (FICTIONAL)", M, 8.2),
    Label(6, 58, "Released to ICE ERO Boston 05/30/2023 — copy placed in A-file", M, 8.2),
]  # fmt: skip


def page_setup(s: Sheet, k: int) -> list[pymupdf.Rect]:
    s.draw(PAGE_HEAD)
    return [pymupdf.Rect(36, 72, 576, 734)]


def bar(flow: Flow, title: str) -> None:
    """A numbered section's title bar, kept with what follows it."""
    flow.block(13, lambda sh, x, y, w: sh.section_bar(x, x + w, y, title, font=MB), after=6)


def form_section(flow: Flow, title: str, rows: FormRows, vfont: str, vsize: float) -> None:
    def draw(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.section_bar(x, x + w, y, title, font=MB)
        sh.form_rows(x, y + 13, w, rows, vfont=vfont, vsize=vsize, lfont=M, lsize=5.8)

    flow.block(13 + sum(h for h, _ in rows), draw, after=10)


def table_section(
    flow: Flow, title: str, widths: list[float], rows: list[list[str]], size: float, after: float
) -> None:
    """A section bar with its table under it, moved to the next page together if need be."""

    def draw(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.section_bar(x, x + w, y, title, font=MB)
        sh.table(x, y + 13, widths, rows, font=M, size=size, hfont=MB)

    h = flow.sheet.table_height(widths, rows, font=M, size=size, hfont=MB)
    flow.block(13 + h, draw, after=after)


def source_detail(sh: Sheet, x: float, y: float, w: float, title: str, rows: FormRows) -> None:
    sh.text(x, y + 9, f">> {title}", MB, 8.4)
    sh.form_rows(x, y + 13, w, rows, vfont=M, vsize=8.2, lfont=M, lsize=5.8)


def photograph(sh: Sheet, x: float, y: float, w: float) -> None:
    sh.section_bar(x, x + w, y, "9. PHOTOGRAPH AND IDENTIFIERS", font=MB)
    sh.draw(PHOTO, x, y)
    sh.table(x + 140, y + 22, [130, 270], IDENTIFIERS, font=M, size=7.8, hfont=MB)


def end_of_report(sh: Sheet, x: float, y: float, w: float) -> None:
    sh.rect((x, y, x + w, y + 70), width=0.8)
    sh.draw(END_OF_REPORT, x, y)


def subject_and_points(flow: Flow) -> None:
    """Sections 1 to 6: who the subject is, the points that made the status, and their sources."""
    form_section(flow, "1. SUBJECT IDENTIFICATION", SUBJECT, M, 8.5)
    form_section(flow, "2. CLASSIFICATION", CLASSIFICATION, MB, 9)
    table_section(flow, "3. POINT ENTRIES", [20, 62, 150, 170, 30, 108], POINTS, 7.8, 10)
    table_section(
        flow, "4. SOURCE REPORTS (FIO / INCIDENT)", [78, 70, 110, 282], SOURCE_REPORTS, 7.6, 10
    )
    bar(flow, "4A. SOURCE REPORT DETAIL")
    for title, rows in SOURCE_DETAILS:
        detail = partial(source_detail, title=title, rows=rows)
        flow.block(13 + sum(h for h, _ in rows), detail, after=8)
    table_section(flow, "5. LINKED PERSONS", [150, 95, 55, 120, 120], LINKED, 7.6, 10)
    legend = "6. POINT CRITERIA LEGEND (FICTIONAL SAMPLE VALUES)"
    table_section(flow, legend, [440, 100], LEGEND, 7.8, 10)


def notes_and_logs(flow: Flow) -> None:
    """Sections 7 and 8: the analyst's notes, who received the record, and the request."""
    bar(flow, "7. ANALYST NOTES")
    for n in ANALYST_NOTES:
        flow.para(n, M, 8.2, 10.6, after=5)
    table_section(flow, "8. DISSEMINATION LOG", [70, 140, 130, 110, 90], DISSEMINATION, 7.8, 12)
    table_section(flow, "8A. AUDIT TRAIL (EXCERPT)", [118, 70, 82, 270], AUDIT, 7.6, 12)
    checks = "8B. CROSS-SYSTEM CHECKS AT TIME OF REQUEST"
    table_section(flow, checks, [190, 80, 270], CHECKS, 7.8, 12)
    bar(flow, "8C. REQUEST RECEIVED (COPY)")
    for line in REQUEST:
        flow.para(line, M, 8.2, 10.6, after=3)


def build(b: DocBuilder) -> None:
    flow = Flow(b, page_setup)
    subject_and_points(flow)
    notes_and_logs(flow)
    flow.next_frame()
    flow.block(180, photograph, after=12)
    bar(flow, "10. HANDLING AND DISCLAIMER")
    for d in DISCLAIMERS:
        flow.para(d, M, 8.4, 11, after=7)
    flow.block(72, end_of_report)
    for k, sh in enumerate(flow.pages):
        sh.text_r(576, 748, f"PAGE {k + 1} OF {len(flow.pages)}", MB, 7.5)
