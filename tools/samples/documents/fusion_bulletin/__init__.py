"""06: a two-column bulletin from a fictional regional fusion network that names real fusion
centers (4 pages); its articles are in `articles`."""

from __future__ import annotations

import pymupdf

from ...document import DocBuilder, DocSpec
from ...flow import Flow
from ...sheet import Fill, Label, Mark, Rule, Sheet
from ...style import GRAY, MID, NAVY, WHITE
from .articles import ARTICLES, TABLES

SPEC = DocSpec(
    "06_fusion_center_bulletin.pdf",
    "Northeast Regional Intelligence Digest - Issue 23-06 - FICTIONAL SAMPLE",
    "Fictional fusion-center bulletin mentioning RIVAS MEJIA, Daniel A.",
)
SF, SIZE, LEAD = "serif", 9.4, 12.4
GUTTER, X0, X1 = 20, 40, 572
COLW = (X1 - X0 - GUTTER) / 2
BOX_RED = (0.8, 0.1, 0.1)

MASTHEAD: list[Mark] = [
    Fill((36, 32, 576, 98), NAVY),
    Label(46, 62, "NORTHEAST REGIONAL", "sans-b", 24, WHITE),
    Label(46, 88, "INTELLIGENCE DIGEST", "sans-b", 24, WHITE),
    Label(566, 52, "Issue 23-06 · June 2023", "sans-b", 10, WHITE, "right"),
    Label(566, 66, "Northeast Regional Fusion Network", "sans", 8.5, WHITE, "right"),
    Label(566, 77, "(fictional issuer)", "sans", 8.5, WHITE, "right"),
    Label(566, 90, "with contributions from partner fusion centers", "sans", 7.5, WHITE, "right"),
    Fill((36, 98, 576, 112), BOX_RED),
    Label(
        306,
        108,
        "UNCLASSIFIED // LAW ENFORCEMENT SENSITIVE — do not release to the public or media",
        "sans-b",
        7.5,
        WHITE,
        "center",
    ),
    Label(
        40,
        128,
        "In this issue: school recruitment trends · subject of interest · SAFE referrals "
        "· LA-SAFE spotlight · INTERPOL primer · task force notes",
        "sans-i",
        8,
        GRAY,
    ),
    Rule(36, 576, 134, 0.7),
]
RUNNING_HEAD: list[Mark] = [
    Label(40, 46, "NORTHEAST REGIONAL INTELLIGENCE DIGEST", "sans-b", 8.5, NAVY),
    Label(572, 46, "Issue 23-06 · UNCLASSIFIED // LES", "sans", 8, NAVY, "right"),
    Rule(36, 576, 52, 1.0, NAVY),
]


def page_setup(s: Sheet, k: int) -> list[pymupdf.Rect]:
    """The masthead on the first page, a running head after; two columns below either."""
    s.draw(MASTHEAD if k == 0 else RUNNING_HEAD)
    top = 144 if k == 0 else 64
    s.vline(306, top, 742, 0.4, MID)
    s.hline(36, 576, 750, 0.4, MID)
    return [
        pymupdf.Rect(X0, top, X0 + COLW, 742),
        pymupdf.Rect(X0 + COLW + GUTTER, top, X1, 742),
    ]


class Bulletin:
    """Lays the articles' items into the flow; a box is ruled only if it stayed in one column."""

    def __init__(self, b: DocBuilder) -> None:
        self.flow = Flow(b, page_setup)
        self.open_boxes: list[tuple[Sheet, int, float]] = []
        self.steps = {
            "h": self.heading,
            "p": self.para,
            "box": self.open_box,
            "bp": self.box_para,
            "endbox": self.close_box,
            "table": self.table,
        }

    def heading(self, text: str) -> None:
        self.flow.heading(text, "sans-b", 11, before=8, after=4, color=NAVY, body_leading=LEAD)

    def para(self, text: str) -> None:
        self.flow.para(text, SF, SIZE, LEAD, after=5)

    def open_box(self, title: str) -> None:
        flow = self.flow
        flow.space(6)
        flow.ensure(60)
        self.open_boxes.append((flow.sheet, flow.fi, flow.y))
        fr = flow.frame
        flow.sheet.fill((fr.x0 - 4, flow.y, fr.x1 + 4, flow.y + 15), BOX_RED)
        flow.sheet.text(fr.x0, flow.y + 10.8, title, "sans-b", 7.6, WHITE)
        flow.y += 19

    def box_para(self, text: str) -> None:
        self.flow.para(text, "sans", 8.6, 11.4, after=4)

    def close_box(self, _: str) -> None:
        flow = self.flow
        sh, fi, ytop = self.open_boxes.pop()
        fr = flow.frame
        if sh is flow.sheet and fi == flow.fi:
            sh.rect((fr.x0 - 4, ytop, fr.x1 + 4, flow.y + 2), width=1.0, color=BOX_RED)
        flow.space(8)

    def table(self, key: str) -> None:
        title, rows, fractions, before = TABLES[key]
        widths = [COLW * f for f in fractions]
        flow = self.flow
        h = flow.sheet.table_height(widths, rows, font="cond", size=7.6, hfont="cond-b")
        flow.space(before)
        flow.block(h + 14, lambda sh, x, y, w: sh.titled_table(x, y, title, widths, rows), after=8)


def build(b: DocBuilder) -> None:
    bulletin = Bulletin(b)
    for kind, text in ARTICLES:
        bulletin.steps[kind](text)
    pages = bulletin.flow.pages
    for k, sh in enumerate(pages):
        sh.text_c(306, 762, f"— {k + 1} of {len(pages)} —", "sans", 7.5, GRAY)
