#!/usr/bin/env python3
"""Generate the fictional sample case for Case-File Annotator.

Every person, officer, number, address and event in these PDFs is invented.
The documents imitate the *kinds* of records an immigration attorney finds in
a FOIA'd A-file (I-213 narrative, school-police report, gang-database printout,
a Salvadoran police report received through ICE's SAFE program, an INTERPOL
Red Notice extract, a fusion-center bulletin) so that the detection pipeline,
the viewer and the exports can be exercised on realistic layouts.

Usage:
    python sample_files/make_samples.py [OUTDIR] [--no-scanned]

OUTDIR defaults to the folder this script is in.  The output is deterministic:
fixed metadata dates, no document IDs, a seeded random generator for the
"scanned" twins, so every run writes byte-identical files.

Only PyMuPDF and the standard library are used.  Text is drawn line by line
with embedded DejaVu fonts (they carry the Spanish accents), so that the
deliberate line-break and hyphenation splits land exactly where intended.
Markers inside paragraph strings:  "<br>" forces a line break at that point,
"<pb>" forces a line break *and* continues on the next page / column.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pymupdf

# --------------------------------------------------------------------------
# constants
# --------------------------------------------------------------------------
PAGE_W, PAGE_H = 612.0, 792.0  # US Letter
STAMP = "FICTIONAL SAMPLE \u2014 NOT A REAL CASE"
BATES_PREFIX = "RIVAS-"
PDF_DATE = "D:20230901120000Z"  # fixed, so runs are reproducible
DEBUG = bool(os.environ.get("MAKE_SAMPLES_DEBUG"))

BLACK = (0.0, 0.0, 0.0)
GRAY = (0.42, 0.42, 0.42)
MID = (0.75, 0.75, 0.75)
LIGHT = (0.89, 0.89, 0.89)
PALE = (0.955, 0.955, 0.955)
RED = (0.72, 0.06, 0.06)
WHITE = (1.0, 1.0, 1.0)
NAVY = (0.10, 0.16, 0.35)
RGB = tuple[float, float, float]
RectLike = pymupdf.Rect | tuple[float, float, float, float]
FormRows = Sequence[tuple[float, Sequence[tuple[str, str, float]]]]

FONT_FILES = {
    "sans": "DejaVuSans.ttf",
    "sans-b": "DejaVuSans-Bold.ttf",
    "sans-i": "DejaVuSans-Oblique.ttf",
    "cond": "DejaVuSansCondensed.ttf",
    "cond-b": "DejaVuSansCondensed-Bold.ttf",
    "serif": "DejaVuSerif.ttf",
    "serif-b": "DejaVuSerif-Bold.ttf",
    "serif-i": "DejaVuSerif-Italic.ttf",
    "mono": "DejaVuSansMono.ttf",
    "mono-b": "DejaVuSansMono-Bold.ttf",
}
FONT_DIRS = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
]

# --------------------------------------------------------------------------
# the fictional respondent (one person across all documents)
# --------------------------------------------------------------------------
R_FULL = "Daniel Alexander Rivas Mejía"
R_LAST = "RIVAS MEJÍA"
R_LAST_ASCII = "RIVAS MEJIA"
R_FIRST = "DANIEL"
R_MIDDLE = "ALEXANDER"
A_NUM = "A 012-345-678"
A_NUM_FORM = "A012 345 678"
DOB_US = "03/14/2004"
DOB_ES = "14/03/2004"
US_ADDR = "555 Larkspur Way, Apt. 2, Chelsea, MA 02150"
EVENT_NO = "BOS2306000123"
RN_CONTROL = "A-12345/6-2023"


class Fonts:
    """Embedded TrueType fonts: file paths for insert_text and Font objects for measuring."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self.objs: dict[str, pymupdf.Font] = {}
        self._adv: dict[str, dict[str, float]] = {}  # per-character advance cache
        for key, fname in FONT_FILES.items():
            path = next((Path(d) / fname for d in FONT_DIRS if (Path(d) / fname).is_file()), None)
            if path is None:
                raise SystemExit(
                    f"make_samples: font {fname} not found (looked in {', '.join(FONT_DIRS)}); "
                    "install the DejaVu fonts (e.g. apt-get install fonts-dejavu-core)"
                )
            self.files[key] = str(path)
            self.objs[key] = pymupdf.Font(fontfile=str(path))

    def width(self, text: str, font: str, size: float) -> float:
        cache = self._adv.setdefault(font, {})
        total = 0.0
        for ch in text:
            adv = cache.get(ch)
            if adv is None:
                adv = cache[ch] = self.objs[font].text_length(ch, fontsize=1.0)
            total += adv
        return total * size


def tag(font: str) -> str:
    """PDF resource name for one of our fonts."""
    return "DV" + font.replace("-", "")


# --------------------------------------------------------------------------
# line breaking
# --------------------------------------------------------------------------
def tokenize(text: str) -> list[str]:
    text = text.replace("<br>", " \n ").replace("<pb>", " \f ")
    return [t for t in text.split(" ") if t]


def _greedy(
    words: list[str], wd: Callable[[str], float], width: float, first_width: float | None
) -> list[str]:
    lines: list[str] = []
    cur: list[str] = []
    for w in words:
        limit = first_width if (first_width is not None and not lines) else width
        if cur and wd(" ".join([*cur, w])) > limit:
            lines.append(" ".join(cur))
            cur = [w]
        else:
            cur.append(w)
    if cur:
        lines.append(" ".join(cur))
    return lines


def _balanced(
    words: list[str], wd: Callable[[str], float], width: float, first_width: float | None
) -> list[str]:
    """Minimum-raggedness breaking in which the last line counts too, so the line that
    ends at a forced break is about as full as the lines before it."""
    n = len(words)
    best = [0.0] + [float("inf")] * n
    prev = [0] * (n + 1)
    for i in range(1, n + 1):
        for j in range(i - 1, -1, -1):
            limit = first_width if (first_width is not None and j == 0) else width
            w = wd(" ".join(words[j:i]))
            if w > limit and i - j > 1:
                break
            cost = best[j] + (limit - w) ** 2
            if cost < best[i]:
                best[i], prev[i] = cost, j
    out: list[str] = []
    i = n
    while i > 0:
        out.append(" ".join(words[prev[i] : i]))
        i = prev[i]
    return out[::-1]


def wrap(
    text: str, fonts: Fonts, font: str, size: float, width: float, first_indent: float = 0.0
) -> list[tuple[str, str]]:
    """Break text into lines.  Returns (line, break) with break in '', 'line', 'frame'.

    Text between forced breaks ("<br>", "<pb>") is set with balanced line lengths so
    that the deliberate split lands at the end of an ordinary-looking full line;
    the remainder of the paragraph is set greedily (ragged right)."""

    def wd(t: str) -> float:
        return fonts.width(t, font, size)

    segments: list[tuple[list[str], str]] = []
    cur: list[str] = []
    for tok in tokenize(text):
        if tok in ("\n", "\f"):
            segments.append((cur, "line" if tok == "\n" else "frame"))
            cur = []
        else:
            cur.append(tok)
    segments.append((cur, ""))
    lines: list[tuple[str, str]] = []
    for words, brk in segments:
        if not words:
            continue
        fw = (width - first_indent) if (first_indent and not lines) else None
        seg = (_balanced if brk else _greedy)(words, wd, width, fw)
        lines += [(t, brk if k == len(seg) - 1 else "") for k, t in enumerate(seg)]
    return lines


# --------------------------------------------------------------------------
# drawing primitives
# --------------------------------------------------------------------------
class Sheet:
    """One page plus the drawing helpers we need."""

    def __init__(self, doc: pymupdf.Document, pno: int, fonts: Fonts) -> None:
        self.doc = doc
        self.pno = pno
        self.fonts = fonts
        self._page: pymupdf.Page | None = None

    @property
    def page(self) -> pymupdf.Page:
        # PyMuPDF orphans Page objects whenever a page is added, so reload on demand
        if self._page is None or self._page.parent is None:
            self._page = self.doc[self.pno]
        return self._page

    def text(
        self, x: float, y: float, s: str, font: str = "sans", size: float = 10, color: RGB = BLACK
    ) -> None:
        if not s:
            return
        self.page.insert_text(
            (x, y),
            s,
            fontname=tag(font),
            fontfile=self.fonts.files[font],
            fontsize=size,
            color=color,
        )

    def text_r(
        self, xr: float, y: float, s: str, font: str = "sans", size: float = 10, color: RGB = BLACK
    ) -> None:
        self.text(xr - self.fonts.width(s, font, size), y, s, font, size, color)

    def text_c(
        self, xc: float, y: float, s: str, font: str = "sans", size: float = 10, color: RGB = BLACK
    ) -> None:
        self.text(xc - self.fonts.width(s, font, size) / 2, y, s, font, size, color)

    def rect(
        self, r: RectLike, width: float = 0.6, color: RGB = BLACK, fill: RGB | None = None
    ) -> None:
        self.page.draw_rect(pymupdf.Rect(r), color=color, fill=fill, width=width)

    def fill(self, r: RectLike, color: RGB) -> None:
        self.page.draw_rect(pymupdf.Rect(r), color=None, fill=color, width=0)

    def hline(self, x0: float, x1: float, y: float, width: float = 0.6, color: RGB = BLACK) -> None:
        self.page.draw_line((x0, y), (x1, y), color=color, width=width)

    def vline(self, x: float, y0: float, y1: float, width: float = 0.6, color: RGB = BLACK) -> None:
        self.page.draw_line((x, y0), (x, y1), color=color, width=width)

    def circle(
        self, c: tuple[float, float], r: float, width: float = 0.8, color: RGB = BLACK
    ) -> None:
        self.page.draw_circle(c, r, color=color, width=width)

    def checkbox(
        self, x: float, y: float, checked: bool, label: str, size: float = 8.5, font: str = "sans"
    ) -> float:
        """Box with its baseline at y; returns x after the label."""
        b = size * 0.95
        self.rect((x, y - b + 0.5, x + b, y + 0.5), width=0.6)
        if checked:
            self.text(x + 1.2, y - 0.6, "X", "mono-b", size * 0.95)
        self.text(x + b + 3, y, label, font, size)
        return x + b + 3 + self.fonts.width(label, font, size)

    def para(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        font: str = "sans",
        size: float = 9,
        leading: float | None = None,
        color: RGB = BLACK,
    ) -> float:
        """Wrapped text with its first baseline at y + size; returns the y below it."""
        leading = leading or size * 1.3
        for line, _ in wrap(text, self.fonts, font, size, width):
            self.text(x, y + size, line, font, size, color)
            y += leading
        return y

    def para_height(
        self,
        width: float,
        text: str,
        font: str = "sans",
        size: float = 9,
        leading: float | None = None,
    ) -> float:
        leading = leading or size * 1.3
        return len(wrap(text, self.fonts, font, size, width)) * leading

    # ---- form cells and tables ------------------------------------------
    def cell(
        self,
        r: RectLike,
        label: str,
        value: str = "",
        vfont: str = "mono",
        vsize: float = 8.5,
        lsize: float = 5.8,
        lfont: str = "sans",
        width: float = 0.6,
    ) -> None:
        rr = pymupdf.Rect(r)
        self.rect(rr, width=width)
        if label:
            self.text(rr.x0 + 2, rr.y0 + lsize + 1.2, label, lfont, lsize)
        if value:
            y = rr.y0 + (lsize + 2.5 if label else 1.5)
            self.para(rr.x0 + 3, y, rr.width - 6, value, vfont, vsize, vsize * 1.18)

    def form_rows(self, x: float, y: float, total_w: float, rows: FormRows, **kw: Any) -> float:
        """rows: (height, [(label, value, fraction of width), ...]); returns the y below."""
        for h, cells in rows:
            cx = x
            for i, (label, value, frac) in enumerate(cells):
                w = total_w * frac if i < len(cells) - 1 else x + total_w - cx
                self.cell((cx, y, cx + w, y + h), label, value, **kw)
                cx += w
            y += h
        return y

    def table(
        self,
        x: float,
        y: float,
        widths: Sequence[float],
        rows: list[list[str]],
        font: str = "sans",
        size: float = 8,
        hfont: str = "sans-b",
        hfill: RGB | None = LIGHT,
        header_rows: int = 1,
        pad: float = 3.0,
        leading: float | None = None,
        draw: bool = True,
        line_w: float = 0.5,
    ) -> float:
        """Ruled table, every cell wrapped; returns the y below (or the height if not draw)."""
        leading = leading or size * 1.25
        y0 = y
        for ri, row in enumerate(rows):
            f = hfont if ri < header_rows else font
            wrapped = [
                wrap(c, self.fonts, f, size, w - 2 * pad) for c, w in zip(row, widths, strict=True)
            ]
            h = max(len(lw) for lw in wrapped) * leading + 2 * pad
            if draw:
                cx = x
                for w, lw in zip(widths, wrapped, strict=True):
                    r = (cx, y, cx + w, y + h)
                    if ri < header_rows and hfill:
                        self.fill(r, hfill)
                    self.rect(r, width=line_w)
                    ty = y + pad
                    for line, _ in lw:
                        self.text(cx + pad, ty + size, line, f, size)
                        ty += leading
                    cx += w
            y += h
        return y if draw else y - y0

    def titled_table(
        self, x: float, y: float, title: str, widths: Sequence[float], rows: list[list[str]]
    ) -> float:
        """Small bulletin table with a caption above it (condensed font)."""
        self.text(x, y + 9, title, "sans-b", 8.5, NAVY)
        return self.table(x, y + 13, widths, rows, font="cond", size=7.6, hfont="cond-b")

    def section_bar(
        self,
        x0: float,
        x1: float,
        y: float,
        title: str,
        h: float = 13,
        size: float = 8,
        fill: RGB = LIGHT,
        font: str = "sans-b",
        color: RGB = BLACK,
    ) -> float:
        self.fill((x0, y, x1, y + h), fill)
        self.rect((x0, y, x1, y + h), width=0.6)
        self.text(x0 + 4, y + h - 3.6, title, font, size, color)
        return y + h


# --------------------------------------------------------------------------
# documents, pages and the text flow
# --------------------------------------------------------------------------
class DocBuilder:
    def __init__(
        self,
        fonts: Fonts,
        filename: str,
        title: str,
        subject: str,
        code: str,
        bates_start: int,
        lang: str = "en-US",
    ) -> None:
        self.fonts = fonts
        self.filename = filename
        self.title = title
        self.subject = subject
        self.code = code
        self.bates_start = bates_start
        self.lang = lang
        self.doc = pymupdf.open()
        self.sheets: list[Sheet] = []

    def add_page(self) -> Sheet:
        page = self.doc.new_page(width=PAGE_W, height=PAGE_H)
        sheet = Sheet(self.doc, page.number, self.fonts)
        self.sheets.append(sheet)
        return sheet

    def bates(self, index: int) -> str:
        return f"{BATES_PREFIX}{self.bates_start + index:06d}"

    def _stamp(self, s: Sheet, i: int) -> None:
        w = self.fonts.width(STAMP, "sans-b", 7.5)
        x = (PAGE_W - w) / 2
        s.rect((x - 7, 11, x + w + 7, 24.5), width=0.9, color=RED)
        s.text(x, 20.8, STAMP, "sans-b", 7.5, RED)
        s.text(
            36,
            781,
            f"{STAMP}  \u00b7  sample file {self.code}  \u00b7  all names and numbers invented",
            "sans",
            6.3,
            GRAY,
        )
        s.text_r(576, 782, self.bates(i), "mono-b", 9.5)

    def finish(self, outdir: Path) -> Path:
        for i, s in enumerate(self.sheets):
            self._stamp(s, i)
        self.doc.set_metadata(
            {
                "title": self.title,
                "author": "Case-File Annotator sample generator (fictional data)",
                "subject": self.subject,
                "keywords": "fictional sample, not a real case, Case-File Annotator",
                "creator": "sample_files/make_samples.py",
                "producer": "PyMuPDF",
                "creationDate": PDF_DATE,
                "modDate": PDF_DATE,
            }
        )
        self.doc.set_language(self.lang)
        self.doc.subset_fonts()
        out = outdir / self.filename
        self.doc.save(out, garbage=4, deflate=True, no_new_id=True)
        self.doc.close()
        return out

    @property
    def next_bates(self) -> int:
        return self.bates_start + len(self.sheets)


PageSetup = Callable[[Sheet, int], list[pymupdf.Rect]]


class Flow:
    """Flows paragraphs through frames (columns) and pages.

    page_setup(sheet, k) draws the page furniture for the k-th page this flow
    creates and returns the frames (text rectangles) of that page in order.
    """

    def __init__(
        self,
        builder: DocBuilder,
        page_setup: PageSetup,
        start: tuple[Sheet, list[pymupdf.Rect]] | None = None,
    ) -> None:
        self.b = builder
        self.fonts = builder.fonts
        self.page_setup = page_setup
        self.created = 0
        self.pages: list[Sheet] = []
        if start:
            self.sheet, self.frames = start
            self.pages.append(self.sheet)
        else:
            self.sheet, self.frames = None, []  # type: ignore[assignment]
            self.new_page()
        self.fi = 0
        self.y = self.frames[0].y0

    @property
    def frame(self) -> pymupdf.Rect:
        return self.frames[self.fi]

    def new_page(self) -> None:
        self.sheet = self.b.add_page()
        self.frames = [pymupdf.Rect(f) for f in self.page_setup(self.sheet, self.created)]
        self.created += 1
        self.pages.append(self.sheet)
        self.fi = 0
        self.y = self.frames[0].y0

    def next_frame(self) -> None:
        if self.fi + 1 < len(self.frames):
            self.fi += 1
            self.y = self.frame.y0
        else:
            self.new_page()

    def room(self) -> float:
        return self.frame.y1 - self.y

    def ensure(self, h: float) -> None:
        if self.y + h > self.frame.y1 + 0.01:
            self.next_frame()

    def space(self, h: float) -> None:
        if self.y > self.frame.y0:
            self.y = min(self.y + h, self.frame.y1)

    def para(
        self,
        text: str,
        font: str = "sans",
        size: float = 10,
        leading: float | None = None,
        indent: float = 0.0,
        first_indent: float = 0.0,
        after: float | None = None,
        color: RGB = BLACK,
        keep: int = 2,
    ) -> None:
        leading = leading or size * 1.32
        width = self.frame.width - indent
        lines = wrap(text, self.fonts, font, size, width, first_indent)
        # avoid a lonely first line at the bottom of a frame
        if len(lines) > 1 and self.room() < min(keep, len(lines)) * leading:
            self.next_frame()
        for i, (line, brk) in enumerate(lines):
            if self.y + leading > self.frame.y1 + 0.01:
                self.next_frame()
            x = self.frame.x0 + indent + (first_indent if i == 0 else 0)
            self.sheet.text(x, self.y + size * 0.93, line, font, size, color)
            self.y += leading
            if brk and DEBUG:
                print(
                    f"  [split] {self.b.filename} p{len(self.b.sheets)} {brk}: "
                    f"fill={self.fonts.width(line, font, size) / width:.2f} "
                    f"room-left={self.room() / leading:.1f} lines  ...{line[-30:]!r}"
                )
            if brk == "frame":
                if self.room() >= leading:
                    print(
                        f"warning: {self.b.filename} page {len(self.b.sheets)}: the split "
                        f"before a forced page break is not at the foot of the page "
                        f"({self.room() / leading:.1f} lines left); adjust the text",
                        file=sys.stderr,
                    )
                self.next_frame()
        self.space(size * 0.55 if after is None else after)

    def heading(
        self,
        text: str,
        font: str = "sans-b",
        size: float = 10,
        before: float = 4,
        after: float = 3,
        color: RGB = BLACK,
        keep_lines: int = 3,
        body_leading: float = 13,
    ) -> None:
        self.space(before)
        self.ensure(size * 1.3 + keep_lines * body_leading)
        for line, _ in wrap(text, self.fonts, font, size, self.frame.width):
            self.sheet.text(self.frame.x0, self.y + size * 0.93, line, font, size, color)
            self.y += size * 1.25
        self.y += after

    def block(
        self, h: float, draw: Callable[[Sheet, float, float, float], object], after: float = 6
    ) -> None:
        """Reserve h points (new frame if needed) and call draw(sheet, x, y, width)."""
        self.ensure(h)
        draw(self.sheet, self.frame.x0, self.y, self.frame.width)
        self.y += h
        self.space(after)


# ==========================================================================
# 01  A-file excerpt with Form I-213 and continuation pages
# ==========================================================================
I213_NARRATIVE_START = [
    ("p", f"SUBJECT: {R_LAST_ASCII}, Daniel Alexander    FILE: {A_NUM_FORM}    EVENT: {EVENT_NO}"),
    (
        "p",
        "On June 13, 2023, at approximately 0615 hours, Deportation Officers assigned to the "
        "ERO Boston Fugitive Operations Team encountered the subject outside his residence at "
        "555 Larkspur Way, Chelsea, MA, during a targeted at-large enforcement action. The "
        "subject identified himself by his Salvadoran passport and admitted that he is a "
        "citizen of El Salvador. The subject was arrested without incident. "
        "See Continuation Page (Form I-831) for record checks, derogatory information and "
        "disposition.",
    ),
    ("h", "ENCOUNTER:"),
    (
        "p",
        "The subject was identified as a target on May 26, 2023, after ERO Boston received a "
        "lead from the Boston Regional Intelligence Center concerning a Salvadoran national "
        "believed to be in the United States unlawfully. Officers conducted surveillance of "
        "the residence on June 12 and June 13, 2023. At approximately 0610 hours on June 13, "
        "the subject left the residence on foot carrying a backpack and walked toward a bus "
        "stop. Officers approached, identified themselves as police and ICE, and asked the "
        "subject for identification. The subject was cooperative, produced his passport and "
        "answered questions about his name, date of birth and citizenship.",
    ),
    (
        "p",
        "The subject was handcuffed, searched incident to arrest and placed in a government "
        "vehicle. No weapons or contraband were found. The subject's aunt came out of the "
        "residence and was allowed to take the subject's backpack, which contained work "
        "clothing and a lunch box. The subject did not resist and made no spontaneous "
        "statements during transport.",
    ),
]

I213_NARRATIVE = [
    ("h", "RECORD CHECKS:"),
    (
        "p",
        "IDENT/NGI: biometric query returned one prior encounter (B-2 visa enrollment, U.S. "
        "Embassy San Salvador, April 2019); no criminal history. NCIC negative for wants and "
        "warrants; NCIC negative for criminal history (III). No record found in the "
        "Massachusetts Board of Probation (CORI) index. EID/EARM: no prior removals, no "
        "voluntary returns. TECS: entry record only (JFK, 07/02/2019). A query of the NCIC "
        "Foreign Fugitive File returned a possible match on name and date of birth only; "
        "see FOREIGN INFORMATION below.",
    ),
    ("h", "IMMIGRATION HISTORY:"),
    (
        "p",
        "The subject is a native and citizen of El Salvador. On July 2, 2019, the subject was "
        "admitted as a B-2 visitor at John F. Kennedy International Airport, New York, NY, "
        "with authorization to remain until January 1, 2020. The subject did not depart and "
        "has been undocumented since that date. The subject stated that he first lived with "
        "a cousin at 555 W. 18th Street, Apt. 4, New York, NY, and that he moved to Chelsea, "
        "MA in August 2020 to live with his maternal aunt. The subject has no other entries "
        "and no departures on record.",
    ),
    (
        "p",
        "On March 3, 2021, a Form I-360 petition for Special Immigrant Juvenile status was "
        "filed on the subject's behalf and was later approved. A Form I-485 application to "
        "adjust status is pending with the USCIS Boston Field Office. The subject has not "
        "applied for asylum in the United States or in any third country. The subject "
        "did not enter from Canada and the Safe Third Country Agreement does not apply.",
    ),
    ("h", "GANG AFFILIATION / DEROGATORY INFORMATION:"),
    (
        "p",
        "Per the Boston Regional Intelligence Center (BRIC), the subject is listed in the Gang "
        'Assessment Database with a status of "Gang Associate" (8 points), first entered on '
        "November 18, 2021. The BRIC printout reflects points for gang paraphernalia and for "
        "associating with a verified gang member. According to the BRIC, the "
        "subject was identified as an MS-13 associate by the school resource officer at "
        "Eastfield Harbor High School on November 16, 2021, after he was observed wearing a "
        "blue shirt and a black rosary in a school hallway. The subject allegedly associates "
        'with members of the MS-<br>13 clique known as "Ribera Locos Salvatrucha" (RLS). '
        "This officer notes a possible gang affiliation only. The subject has no tattoos; no "
        "gang-related graffiti, photographs or paraphernalia were found in his property.",
    ),
    (
        "p",
        "A review of open-source social media was negative for gang signs or gang-related "
        "content. One public photograph shows the subject wearing a blue Chicago Bulls cap, "
        "which may be considered gang-related clothing. The subject is believed to be a "
        "gang member by local law enforcement; no arrest, charge or conviction is associated "
        "with that belief.",
    ),
    ("h", "FOREIGN INFORMATION:"),
    (
        "p",
        "On May 30, 2023, the ERO Attache office in San Salvador forwarded to ERO Boston, by "
        "e-mail and without a translation, a Policía Nacional Civil (PNC) report received "
        "through the SAFE<br>program (Security Alliance for "
        'Fugitive Enforcement). The PNC report states that the subject "posee ficha como '
        'miembro activo de la MS-13" and, in a separate 2018 entry, that he was profiled as '
        "a member of the 18th Street gang (Pandilla 18). The PNC report states that the "
        'Fiscalía General de la República obtained an arrest order for "agrupaciones '
        'ilícitas" (Art. 345, Penal Code of El Salvador) on March 2, 2023. No underlying '
        "judicial documents were provided.",
    ),
    (
        "p",
        "INTERPOL Washington (USNCB) advised that NCB San Salvador published an INTERPOL Red "
        "Notice (control no. A-12345/6-2023) for the subject on April 27, 2023, after "
        "first circulating a Wanted Person Diffusion. The Red Notice has not been "
        "independently verified by this office, and INTERPOL Washington advised that the "
        "notice was not entered into NCIC. Copies of the SAFE report and of the INTERPOL "
        "extract are filed in the A-file.",
    ),
    ("h", "PRIOR CONTACTS WITH LOCAL LAW ENFORCEMENT:"),
    (
        "p",
        "The BRIC printout lists two field interview/observation (FIO) reports and one "
        "incident report. On November 16, 2021, a school resource officer completed an FIO "
        "after observing the subject with other students in a school hallway. On February 9, "
        "2022, a Boston Police officer completed an FIO after observing the subject standing "
        "at a bus stop with a person described as a verified MS-13 member; no criminal "
        "activity was observed and the subject stated he was going to work. On May 21, 2022, "
        "the subject reported to local police that two unknown males, reportedly MS-13, took "
        "his mobile phone by force; the subject declined to pursue charges. The subject has "
        "never been arrested or charged in the United States.",
    ),
    ("h", "TRAVEL ROUTE:"),
    (
        "p",
        "The subject stated that he traveled by air from San Salvador to New York on July 2, "
        "2019, accompanied by his aunt, using a B-2 visa issued in April 2019. He has not "
        "left the United States since that date. He did not use a smuggler and paid no fee.",
    ),
    ("h", "ARREST AND PROCESSING:"),
    (
        "p",
        "The subject was transported to the ERO Boston office in Burlington, MA, where he was "
        "photographed and fingerprinted. The subject was advised of his right to consular "
        "notification and of his communication privileges. The subject's property (Form "
        "I-77) consists of a wallet, a mobile phone, US $43.00 in currency, a Massachusetts "
        "learner's permit and a debit card issued by PNC Bank (account ending 0000). A rosary "
        "and a Salvadoran passport were also inventoried.",
    ),
    ("h", "STATEMENT OF THE SUBJECT:"),
    (
        "p",
        "The subject was interviewed in Spanish by DO Haldane. The subject denied gang "
        "membership and denied any affiliation with MS-13 or with the 18th Street gang. "
        "The subject stated that the blue polo shirt was part of his school uniform and that "
        "the rosary was a gift from his grandmother for his first communion. The subject "
        "stated that he left El Salvador after gang members, reportedly from MS-13, "
        "threatened him for refusing to act as a lookout for them. The subject stated that "
        "he feels safe living with his aunt in Chelsea and that he attends church on Sundays.",
    ),
    (
        "p",
        "The subject stated that he has never been arrested, charged or detained in El "
        "Salvador and that he did not know of any warrant. The subject stated that in 2018, "
        "when he was 14 years old, PNC officers stopped and searched him and other students "
        "near his school, wrote down his name and let him go. The subject's claim is "
        "unverified. The subject expressed a fear of returning to El Salvador.",
    ),
    ("h", "SPONSOR INTERVIEW:"),
    (
        "p",
        "On June 13, 2023, DO Haldane spoke by telephone with the subject's aunt, who stated "
        "that the subject has lived with her since August 2020, attends church, works full "
        "time and has never been involved with gangs. She stated that the family left San "
        "Miguel because gang members threatened the subject when he was 14, and that police "
        "in El Salvador stopped him several times because of his age and his neighborhood. "
        "She stated that she has copies of his school records and letters from his employer "
        "and his pastor. Her statements were not verified.",
    ),
    ("h", "FAMILY, EDUCATION AND EMPLOYMENT:"),
    (
        "p",
        "The subject's mother resides in San Miguel, El Salvador; his father's whereabouts "
        "are unknown. His aunt, Marisol Mejía Ortiz (fictional), a lawful permanent "
        "resident, is his sponsor. The subject graduated from Eastfield Harbor High School in "
        "June 2022 and has worked since August 2022 as a kitchen helper. He has no children.",
    ),
    ("h", "MEDICAL:"),
    (
        "p",
        "The subject claimed no medical conditions and takes no medication. No injuries were "
        "observed. The subject was medically cleared for detention.",
    ),
    ("h", "CUSTODY CLASSIFICATION AND CONSULAR NOTIFICATION:"),
    (
        "p",
        "A Risk Classification Assessment was completed in EARM. The RCA scored the subject "
        "as low risk on criminal history and medium risk on public safety because of a "
        '"gang affiliation - possible" entry added by this officer; the RCA recommended '
        "detention, and the recommendation was approved by the supervisor. The Consulate "
        "General of El Salvador was notified of the arrest on June 14, 2023 at the subject's "
        "request. The subject was given the list of free legal service providers.",
    ),
    ("h", "IDENTITY:"),
    (
        "p",
        "The subject's identity was confirmed by his Salvadoran passport, his B-2 visa record "
        "and a biometric match in IDENT. The PNC report lists possible namesakes (homónimos) "
        "in San Miguel; the INTERPOL notice was matched on name and date of birth only, "
        "without fingerprints. No aliases were found in any system queried.",
    ),
    ("h", "DOCUMENTS REVIEWED:"),
    (
        "p",
        "The following documents were reviewed in preparing this record: (1) the BRIC Gang "
        "Assessment Database subject detail report printed May 30, 2023; (2) Eastfield Harbor "
        "Public Schools School Police incident report SP-21-04417 dated November 16, 2021; "
        "(3) PNC report PNC-DAP-UEI-0000-2023 dated May 24, 2023, received through SAFE, with "
        "its attachments; (4) the INTERPOL extract and the INTERPOL Washington memorandum "
        "dated June 1, 2023; (5) the subject's passport and visa; and (6) the subject's EARM, "
        "IDENT and TECS records. The school police report includes a supplement by the school "
        "administration stating that the blue polo shirt is part of the required school "
        "uniform; that supplement is not reflected in the BRIC printout.",
    ),
    ("h", "DISPOSITION:"),
    (
        "p",
        "The subject was served Form I-862, Notice to Appear, charging him as removable under "
        "INA section 237(a)(1)(B) as a nonimmigrant who remained longer than permitted. The "
        "subject was served Form I-286, Notice of Custody Determination; he will be detained "
        "without bond pending review, as he is considered a possible public safety concern "
        "based on the gang information from the BRIC and the foreign information received "
        "through SAFE. SDDO E. Voss concurred. The subject was transported to the Harbor "
        "County Correctional Facility (fictional) to await a master calendar hearing. The "
        "subject's counsel of record (Form G-28) was notified by telephone on 06/14/2023.",
    ),
    (
        "p",
        "A copy of this I-213 and of the derogatory information was referred to the USCIS "
        "Boston Field Office, where the subject has a pending application. The information "
        "from the INTERPOL Red<pb>Notice and from the SAFE report should be "
        "weighed with the caution required by ICE policy.",
    ),
]


def i213_chrome_top(s: Sheet, title: str) -> None:
    s.text(36, 44, "U.S. Department of Homeland Security", "sans-b", 9)
    s.text_r(576, 46, title, "sans-b", 12.5)


def make_doc01(fonts: Fonts, outdir: Path, bates: int) -> DocBuilder:
    b = DocBuilder(
        fonts,
        "01_afile_excerpt_i213.pdf",
        "A-file excerpt (FOIA release) - Form I-213 and continuation pages - FICTIONAL SAMPLE",
        "Fictional sample case: RIVAS MEJIA, Daniel Alexander, A 012-345-678",
        "01",
        bates,
    )

    # ---------------- page 1: FOIA cover sheet -------------------------
    s = b.add_page()
    s.text(36, 52, "U.S. Citizenship and Immigration Services", "serif-b", 15)
    s.text(36, 68, "National Records Center \u2014 FOIA/PA Office", "serif", 11)
    s.text(
        36,
        82,
        "P.O. Box 000000 \u00b7 Lee's Summit, MO 00000 (address omitted in sample)",
        "serif",
        8.5,
        GRAY,
    )
    s.hline(36, 576, 92, 1.4)
    s.text(36, 118, "FREEDOM OF INFORMATION ACT RELEASE", "sans-b", 13)
    s.text(36, 134, "Alien File (A-file) \u2014 Excerpt of Released Records", "sans", 11)
    y = s.form_rows(
        36,
        148,
        540,
        [
            (
                28,
                [
                    ("Request number", "NRC2023000000 (fictional)", 0.34),
                    ("Date of release", "09/05/2023", 0.33),
                    ("Pages in full file / pages in this excerpt", "412 / 8", 0.33),
                ],
            ),
            (
                28,
                [
                    ("Subject of record", f"{R_LAST_ASCII}, DANIEL ALEXANDER", 0.5),
                    ("A-number", A_NUM, 0.25),
                    ("Date of birth", DOB_US, 0.25),
                ],
            ),
            (
                28,
                [
                    (
                        "Requester",
                        "Counsel of record \u2014 Harbor Immigrant Defense Clinic (fictional)",
                        0.66,
                    ),
                    ("Country of birth", "EL SALVADOR", 0.34),
                ],
            ),
        ],
        vfont="sans",
        vsize=9.5,
        lsize=6.3,
    )
    s.text(36, y + 26, "Contents of this excerpt", "sans-b", 10)
    y = s.table(
        36,
        y + 34,
        [40, 300, 100, 100],
        [
            ["Item", "Document", "Date", "Excerpt page"],
            ["1", "FOIA release cover sheet", "09/05/2023", "1"],
            ["2", "Form I-213, Record of Deportable/Inadmissible Alien", "06/14/2023", "2"],
            [
                "3",
                "Form I-831, Continuation Page for Form I-213 (narrative)",
                "06/14/2023",
                "3\u20136",
            ],
            ["4", "Bond request exhibit B: sponsor's bank statement (PNC Bank)", "06/20/2023", "7"],
            ["5", "Form I-862, Notice to Appear (first page)", "06/14/2023", "8"],
        ],
        size=9,
    )
    s.text(36, y + 26, "Withholding legend", "sans-b", 10)
    y = s.para(
        36,
        y + 32,
        540,
        "(b)(6) and (b)(7)(C): personal privacy of third parties and of government "
        "employees. (b)(7)(E): law enforcement techniques and procedures. Withheld text is "
        "marked [WITHHELD] in this excerpt. Portions of the file originated with U.S. "
        "Immigration and Customs Enforcement (ICE) and were referred to ICE, which "
        "released them with the withholdings shown.",
        "serif",
        9.5,
        12.5,
    )
    y = s.para(
        36,
        y + 8,
        540,
        "Records that originated with other agencies (a school police department, the "
        "Boston Police Department, the Policía Nacional Civil of El Salvador and INTERPOL "
        "Washington) were located in the file and are produced separately as sample "
        "files 02 to 05.",
        "serif",
        9.5,
        12.5,
    )
    s.rect((36, y + 24, 576, y + 92), width=1.2, color=RED)
    s.text(46, y + 42, "FICTIONAL SAMPLE FOR SOFTWARE TESTING", "sans-b", 11, RED)
    s.para(
        46,
        y + 48,
        520,
        "This excerpt was invented for the Case-File Annotator sample case. The respondent, "
        "the officers, the A-number, the addresses and every event described are fictional. "
        "Any resemblance to a real person or case is coincidental.",
        "sans",
        8.8,
        11.5,
        RED,
    )
    s.text(36, 740, "NRC FOIA/PA \u00b7 release package page 1 of 8", "sans", 7.5, GRAY)

    # ---------------- page 2: Form I-213 -------------------------------
    s = b.add_page()
    i213_chrome_top(s, "Record of Deportable/Inadmissible Alien")
    y = s.form_rows(
        36,
        52,
        540,
        [
            (
                24,
                [
                    ("Family Name (Capital Letters)", R_LAST_ASCII, 0.27),
                    ("First", R_FIRST, 0.15),
                    ("Middle", R_MIDDLE, 0.16),
                    ("Sex", "M", 0.07),
                    ("Hair", "BLK", 0.1),
                    ("Eyes", "BRO", 0.1),
                    ("Cmplxn", "MED", 0.15),
                ],
            ),
            (
                24,
                [
                    ("Country of Citizenship", "EL SALVADOR", 0.18),
                    ("Passport Number and Country of Issue", "B12345678 EL SALVADOR", 0.26),
                    ("File No.", A_NUM_FORM, 0.16),
                    ("Height", "67", 0.08),
                    ("Weight", "145", 0.08),
                    ("Occupation", "KITCHEN HELPER", 0.24),
                ],
            ),
            (
                24,
                [
                    ("U.S. Address", "555 LARKSPUR WAY APT 2, CHELSEA, MA 02150", 0.6),
                    ("Scars and Marks", "NONE OBSERVED", 0.4),
                ],
            ),
            (
                34,
                [
                    (
                        "Date, Place, Time, and Manner of Last Entry",
                        "07/02/2019, JFK INTL AIRPORT, NEW YORK, NY, 1540, B-2 VISITOR",
                        0.4,
                    ),
                    ("Passenger Boarded at", "SAN SALVADOR (SAL)", 0.2),
                    (
                        "Number, Street, City, Province (State) and Country of Permanent Residence",
                        "COL. LOS ALMENDROS, PJE 4, SAN MIGUEL, EL SALVADOR",
                        0.4,
                    ),
                ],
            ),
            (
                24,
                [
                    ("Method of Location/Apprehension", "FUGOPS TARGETED AT-LARGE ARREST", 0.4),
                    ("Date of Birth", DOB_US, 0.2),
                    ("Date of Action", "06/14/2023", 0.2),
                    ("Location Code", "BOS/BOS", 0.2),
                ],
            ),
            (
                24,
                [
                    (
                        "City, Province (State) and Country of Birth",
                        "SAN MIGUEL, SAN MIGUEL, EL SALVADOR",
                        0.4,
                    ),
                    ("AR", "\u2014", 0.08),
                    ("At/Near", "CHELSEA, MA", 0.32),
                    ("Date/Hour", "06/13/2023 0615", 0.2),
                ],
            ),
            (
                24,
                [
                    ("NIV Issuing Post and NIV Number", "SAN SALVADOR 00000000", 0.3),
                    ("Social Security Account Name", "NONE", 0.25),
                    ("Status at Entry", "B-2", 0.2),
                    ("Status When Found", "B-2 OVERSTAY", 0.25),
                ],
            ),
            (
                24,
                [
                    ("Date Visa Issued", "04/10/2019", 0.2),
                    ("Social Security Number", "NONE", 0.25),
                    ("Length of Time Illegally in U.S.", "3 YRS 5 MOS", 0.3),
                    ("Number and Nationality of Minor Children", "0", 0.25),
                ],
            ),
            (
                34,
                [
                    (
                        "Father's Name, Nationality, and Address, if Known",
                        "[WITHHELD (b)(6)], EL SALVADOR, WHEREABOUTS UNKNOWN",
                        0.5,
                    ),
                    (
                        "Mother's Present and Maiden Names, Nationality, and Address, if Known",
                        "[WITHHELD (b)(6)], EL SALVADOR, SAN MIGUEL",
                        0.5,
                    ),
                ],
            ),
            (
                34,
                [
                    (
                        "Monies Due/Property in U.S. Not in Immediate Possession",
                        "NONE CLAIMED",
                        0.3,
                    ),
                    ("Fingerprinted?", "YES", 0.1),
                    (
                        "Systems Checks",
                        "IDENT/NGI: NO CRIM | NCIC: NEGATIVE | EID: NO PRIOR | TECS: ENTRY ONLY | "
                        "BRIC GANG DB: SEE NARRATIVE",
                        0.6,
                    ),
                ],
            ),
            (
                24,
                [
                    (
                        "Name and Address of (Last) (Current) U.S. Employer",
                        "LA CEIBA GRILL (FICTIONAL), CHELSEA, MA",
                        0.5,
                    ),
                    ("Type of Employment", "KITCHEN HELPER", 0.2),
                    ("Salary", "$16/HR", 0.12),
                    ("Employed from/to", "08/2022-PRESENT", 0.18),
                ],
            ),
        ],
    )
    nar_top = y
    nar_bot = 650
    s.rect((36, nar_top, 576, nar_bot), width=0.6)
    s.para(
        38,
        nar_top + 1,
        534,
        "Narrative (Outline particulars under which alien was located/apprehended. Include "
        "details not shown above regarding time, place and manner of last entry, attempted "
        "entry, or any other entry, and elements which establish administrative and/or "
        "criminal violation. Indicate means and route of travel to interior.)",
        "sans",
        5.8,
        6.8,
    )
    y = s.form_rows(
        36,
        nar_bot,
        540,
        [
            (
                30,
                [
                    (
                        "Alien has been advised of communication privileges",
                        "06/14/2023  MRH  (Date/Initials)",
                        0.45,
                    ),
                    (
                        "Signature and Title of Immigration Officer",
                        "/s/ Mark R. Haldane (fictional), Deportation Officer",
                        0.55,
                    ),
                ],
            ),
            (
                40,
                [
                    (
                        "Distribution:",
                        "A-FILE; EARM; FOD BOSTON; USCIS BOSTON FIELD OFFICE (COPY)",
                        0.45,
                    ),
                    (
                        "Received: (Subject and Documents) (Report of Interview)",
                        "Officer: M. R. HALDANE   on: June 14, 2023 (time) 1030",
                        0.55,
                    ),
                ],
            ),
        ],
    )
    s.text(36, y + 10, "Form I-213 (Rev. 08/01/07)", "sans-b", 7)
    s.text_r(576, y + 10, "CONTINUED ON FORM I-831", "sans-b", 7)
    i213_sheet = s
    nar_frame = pymupdf.Rect(42, nar_top + 24, 570, nar_bot - 4)

    # ---------------- continuation pages (Form I-831) -------------------
    def i831_setup(sh: Sheet, k: int) -> list[pymupdf.Rect]:
        i213_chrome_top(sh, "Continuation Page for Form I-213")
        yy = sh.form_rows(
            36,
            52,
            540,
            [
                (
                    24,
                    [
                        ("Alien's Name", f"{R_LAST_ASCII}, DANIEL ALEXANDER", 0.45),
                        ("File Number", A_NUM_FORM, 0.25),
                        ("Date", "06/14/2023", 0.3),
                    ],
                ),
                (
                    24,
                    [
                        ("Event No.", EVENT_NO, 0.45),
                        ("Subject ID / FINS", "000000000 / 0000000000", 0.55),
                    ],
                ),
            ],
        )
        sh.rect((36, yy, 576, 700), width=0.6)
        sh.form_rows(
            36,
            700,
            540,
            [
                (
                    28,
                    [
                        ("Signature", "/s/ Mark R. Haldane (fictional)", 0.45),
                        ("Title", "Deportation Officer", 0.55),
                    ],
                )
            ],
        )
        sh.text(36, 740, "Form I-831 Continuation Page (Rev. 08/01/07)", "sans-b", 7)
        return [pymupdf.Rect(42, yy + 8, 570, 694)]

    flow = Flow(b, i831_setup, start=(i213_sheet, [nar_frame]))
    mono, msize, mlead = "mono", 9.4, 12.2
    for kind, text in I213_NARRATIVE_START + I213_NARRATIVE:
        if kind == "h":
            flow.heading(text, "mono-b", msize, before=4, after=2, body_leading=mlead)
        else:
            flow.para(text, mono, msize, mlead, after=4)
    flow.y += 6

    def signatures(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.text(
            x,
            y + 12,
            "/s/ Mark R. Haldane (fictional), Deportation Officer, ERO Boston FUGOPS",
            mono,
            msize,
        )
        sh.text(
            x,
            y + 24,
            "Reviewed: /s/ Ellen Voss (fictional), Supervisory Detention and Deportation Officer",
            mono,
            msize,
        )

    flow.block(40, signatures)
    total = len(flow.pages)
    for k, sh in enumerate(flow.pages):
        sh.text_r(576, 740, f"Page {k + 1} of {total}", "sans-b", 7.5)

    # ---------------- page 7: bond exhibit, sponsor's bank statement -----
    s = b.add_page()
    s.rect((36, 36, 576, 58), width=0.8)
    s.text(
        42,
        51,
        "EXHIBIT B to Respondent's Request for Bond Redetermination \u2014 submitted by counsel "
        "06/20/2023",
        "sans-b",
        8.5,
    )
    s.text(42, 84, "PNC Bank", "serif-b", 20, NAVY)
    s.text(42, 97, "Personal Checking \u2014 Account Statement", "sans", 9.5, NAVY)
    s.text_r(570, 78, "For the period 05/01/2023 to 05/31/2023", "sans", 8.5)
    s.text_r(570, 90, "Primary account number: XXXX-XXXX-0000", "sans", 8.5)
    s.text_r(570, 102, "Page 1 of 1", "sans", 8.5)
    s.hline(36, 576, 110, 1.2, NAVY)
    s.text(42, 128, "MARISOL MEJIA ORTIZ (fictional)", "sans-b", 9.5)
    s.text(42, 140, "555 LARKSPUR WAY APT 2", "sans", 9)
    s.text(42, 151, "CHELSEA MA 02150", "sans", 9)
    y = s.table(
        330,
        120,
        [150, 90],
        [
            ["Balance summary", ""],
            ["Beginning balance", "$2,184.37"],
            ["Deposits and other additions", "$3,420.00"],
            ["Checks and other deductions", "$2,956.18"],
            ["Ending balance", "$2,648.19"],
        ],
        size=8.5,
        header_rows=1,
    )
    y = max(y, 160) + 18
    s.text(36, y, "Transaction detail", "sans-b", 10, NAVY)
    rows = [["Date", "Description", "Additions", "Deductions", "Balance"]]
    tx = [
        ("05/01", "Beginning balance", "", "", "2,184.37"),
        (
            "05/02",
            "Direct deposit \u2014 Harbor Home Care Services (fictional) payroll",
            "1,140.00",
            "",
            "3,324.37",
        ),
        ("05/03", "Rent \u2014 check #1041", "", "1,450.00", "1,874.37"),
        (
            "05/05",
            "Debit card purchase \u2014 Harbor Foods #12, Chelsea MA",
            "",
            "86.42",
            "1,787.95",
        ),
        (
            "05/09",
            "Remittance \u2014 transfer to San Miguel, El Salvador",
            "",
            "150.00",
            "1,637.95",
        ),
        (
            "05/12",
            "Utility payment \u2014 electric (final red notice paid)",
            "",
            "121.76",
            "1,516.19",
        ),
        (
            "05/16",
            "Direct deposit \u2014 Harbor Home Care Services (fictional) payroll",
            "1,140.00",
            "",
            "2,656.19",
        ),
        ("05/19", "Debit card purchase \u2014 school supplies", "", "34.10", "2,622.09"),
        (
            "05/22",
            "ATM withdrawal \u2014 PNC Bank branch, Broadway, Chelsea MA",
            "",
            "200.00",
            "2,422.09",
        ),
        (
            "05/25",
            "Mobile deposit \u2014 check from D. Rivas Mejia (rent share)",
            "1,140.00",
            "",
            "3,562.09",
        ),
        ("05/26", "Insurance \u2014 auto", "", "412.00", "3,150.09"),
        ("05/30", "Debit card purchase \u2014 pharmacy", "", "26.90", "3,123.19"),
        ("05/31", "SAFE DEPOSIT BOX ANNUAL FEE \u2014 small box", "", "75.00", "3,048.19"),
        ("05/31", "Transfer to savings", "", "400.00", "2,648.19"),
    ]
    rows += [list(t) for t in tx]
    y = s.table(36, y + 6, [44, 286, 70, 70, 70], rows, size=8.3)
    y = s.para(
        36,
        y + 14,
        540,
        "Member FDIC. Questions about this statement: call the number on the back of your "
        "card. Keep your card and PIN safe; never share your online banking password. "
        "Overdraft protection: not enrolled.",
        "sans",
        7.6,
        9.5,
        GRAY,
    )
    s.rect((360, y + 20, 576, y + 74), width=1.4, color=(0.15, 0.25, 0.6))
    s.text_c(468, y + 38, "RECEIVED", "sans-b", 12, (0.15, 0.25, 0.6))
    s.text_c(468, y + 52, "ICE ERO BOSTON \u2014 JUN 21 2023", "sans-b", 8.5, (0.15, 0.25, 0.6))
    s.text_c(468, y + 65, "Detention \u00b7 bond unit", "sans", 7.5, (0.15, 0.25, 0.6))

    # ---------------- page 8: Notice to Appear (first page) -------------
    s = b.add_page()
    s.text(36, 44, "U.S. DEPARTMENT OF HOMELAND SECURITY", "sans-b", 9)
    s.text_c(306, 66, "NOTICE TO APPEAR", "sans-b", 15)
    y = s.form_rows(
        36,
        76,
        540,
        [
            (
                26,
                [
                    (
                        "In removal proceedings under section 240 of the Immigration and "
                        "Nationality Act",
                        "Subject ID: 000000000   FINS: 0000000000",
                        0.6,
                    ),
                    ("File No.", A_NUM_FORM, 0.4),
                ],
            ),
            (26, [("Event No.", EVENT_NO, 0.6), ("DOB", DOB_US, 0.4)]),
        ],
        vfont="sans",
        vsize=9,
    )
    y = s.para(
        36,
        y + 8,
        540,
        f"In the Matter of: Respondent: {R_LAST_ASCII}, Daniel Alexander "
        f"currently residing at: {US_ADDR} (fictional)",
        "sans",
        9.5,
        12.5,
    )
    y += 6
    s.checkbox(40, y + 10, False, "1. You are an arriving alien.", 9)
    s.checkbox(
        40,
        y + 24,
        False,
        "2. You are an alien present in the United States who has not been admitted or paroled.",
        9,
    )
    s.checkbox(
        40,
        y + 38,
        True,
        "3. You have been admitted to the United States, but are removable for the reasons stated "
        "below.",
        9,
    )
    y += 52
    s.text(36, y + 8, "The Department of Homeland Security alleges that you:", "sans-b", 9.5)
    y += 14
    allegations = [
        "1. You are not a citizen or national of the United States;",
        "2. You are a native of EL SALVADOR and a citizen of EL SALVADOR;",
        "3. You were admitted to the United States at New York, NY on or about July 2, 2019 as a "
        "nonimmigrant B-2 visitor with authorization to remain in the United States for a "
        "temporary period not to exceed January 1, 2020;",
        "4. You remained in the United States beyond January 1, 2020 without authorization from "
        "the Immigration and Naturalization Service or its successor, the Department of "
        "Homeland Security.",
    ]
    for a in allegations:
        y = s.para(48, y + 2, 520, a, "mono", 9, 11.5)
    y += 6
    s.text(
        36,
        y + 8,
        "On the basis of the foregoing, it is charged that you are subject to removal "
        "from the United States pursuant to",
        "sans",
        9.2,
    )
    s.text(36, y + 20, "the following provision(s) of law:", "sans", 9.2)
    y = s.para(
        48,
        y + 26,
        520,
        "Section 237(a)(1)(B) of the Immigration and Nationality Act (Act), as amended, in "
        "that after admission as a nonimmigrant under Section 101(a)(15) of the Act, you "
        "have remained in the United States for a time longer than permitted, in "
        "violation of this Act or any other law of the United States.",
        "mono",
        9,
        11.5,
    )
    y += 8
    s.checkbox(
        40,
        y + 8,
        False,
        "This notice is being issued after an asylum officer has found that the "
        "respondent has demonstrated a credible fear",
        8.2,
    )
    s.text(51.8, y + 19, "of persecution or torture.", "sans", 8.2)
    s.checkbox(
        40,
        y + 32,
        False,
        "Section 235(b)(1) order was vacated pursuant to: [ ] 8 CFR 208.30   "
        "[ ] 8 CFR 235.3(b)(5)(iv)",
        8.2,
    )
    y += 50
    s.text(
        36,
        y,
        "YOU ARE ORDERED to appear before an immigration judge of the United States "
        "Department of Justice at:",
        "sans-b",
        9,
    )
    y = s.para(
        48,
        y + 4,
        520,
        "Boston Immigration Court [address omitted in sample] on a date to be set "
        "at a time to be set to show why you should not be removed from the United States "
        "based on the charge(s) set forth above.",
        "mono",
        9,
        11.5,
    )
    y += 8
    s.form_rows(
        36,
        y,
        540,
        [
            (
                34,
                [
                    ("Date", "June 14, 2023", 0.25),
                    (
                        "Signature and Title of Issuing Officer",
                        "/s/ Mark R. Haldane (fictional), Deportation Officer",
                        0.45,
                    ),
                    ("City and State", "Burlington, MA", 0.3),
                ],
            )
        ],
        vfont="sans",
        vsize=9,
    )
    y += 50
    s.text_c(306, y, "Notice to Respondent", "sans-b", 10)
    y += 6
    for text in [
        "Warning: Any statement you make may be used against you in removal proceedings.",
        "Alien Registration: This copy of the Notice to Appear served upon you is evidence of your "
        "alien registration while you are under removal proceedings. You are required to carry "
        "it with you at all times.",
        "Representation: If you so choose, you may be represented in this proceeding, at no "
        "expense to the Government, by an attorney or other individual authorized and qualified "
        "to represent persons before the Executive Office for Immigration Review. A list of "
        "qualified attorneys and organizations who may be available to represent you at no cost "
        "will be provided with this notice.",
        "Conduct of the hearing: At the time of your hearing, you should bring with you any "
        "affidavits or other documents that you desire to have considered in connection with "
        "your case. Failure to appear: If you fail to attend the hearing at the time and place "
        "designated, a removal order may be made by the immigration judge in your absence.",
    ]:
        y = s.para(36, y, 540, text, "sans", 8.2, 10.4) + 3
    s.text(
        36,
        740,
        "Form I-862 (Rev. 08/01/07)  \u00b7  page 1 of 3 (pages 2-3 not included in this excerpt)",
        "sans-b",
        7,
    )
    b.finish(outdir)
    return b


# ==========================================================================
# 02  school-police incident report
# ==========================================================================
SCHOOL_NARRATIVE = [
    (
        "p",
        "On Tuesday, 11/16/2021, at approximately 1140 hours, I was conducting a routine "
        "hallway check on the second floor of the B wing during the change of classes. I "
        "observed a group of four students standing outside Room 214, talking loudly in "
        "Spanish and blocking part of the hallway. Among them was RIVAS MEJIA, Daniel A. "
        "(S-1), a grade 11 student, who was wearing a navy blue polo shirt and a black beaded "
        "rosary around his neck.",
    ),
    (
        "p",
        "Two of the other students in the group (O-1 and O-2) have previously been identified "
        "to me by the Eastfield Harbor Police Department Gang Unit as MS-13 members. O-1 is "
        "believed to be a verified member in the regional gang database. I have no "
        "information about the third student (W-1), who later provided a statement.",
    ),
    (
        "p",
        "I approached the group and instructed the students to go to class. All four complied "
        "without incident. I asked S-1 to step aside and speak with me. I asked S-1 why he "
        "was wearing a rosary in school. S-1 stated that the rosary was a gift from his "
        'grandmother and that he is Catholic. I asked S-1 if he was "from" any '
        'neighborhood or "claimed" anything. S-1 stated, "No, I don\'t claim anything, I '
        'just go to school and work." S-1 denied any gang affiliation.',
    ),
    (
        "p",
        "S-1 was in possession of a pass from the nurse's office. S-1 stated that he had "
        "arrived late because he had a blood test at the East Harbor Community Health Center "
        "(fictional) that morning. I did not search S-1. No contraband, weapons or gang "
        "writing were observed on S-1 or in his backpack, which he opened voluntarily.",
    ),
    (
        "p",
        "It is known to this officer that the color blue and rosaries are worn by members of "
        "MS-13 and other Hispanic street gangs to show affiliation. Based on my training and "
        "experience, on the blue shirt and the rosary, and on his association with O-1 and "
        "O-2, I have classified RIVAS MEJIA as an MS-13<br>associate for the purposes of this "
        "report and the gang database.",
    ),
    (
        "p",
        'W-1 reportedly told a teacher earlier that day that the group was "planning '
        'something" for after school. When I spoke to W-1 in the main office at 1210 hours, '
        "W-1 stated that she may have been mistaken and that she had only heard that the "
        "boys were going to play soccer. W-1 did not name S-1. No fight or other incident "
        "occurred after school.",
    ),
    (
        "p",
        "After the students dispersed I remained in the B wing until the hallway was safe and "
        "clear, and then returned to the main office. Assistant Principal T. Okafor "
        "(fictional) was informed. The aunt and legal guardian of S-1 was notified by "
        "telephone at 1330 hours; she stated that S-1 has never been in trouble.",
    ),
    (
        "p",
        "According to school records, S-1 transferred to Eastfield Harbor High School in "
        "September 2020 from a public high school in Kings County, New York (Brooklyn). S-1 "
        "has no prior disciplinary referrals and no attendance problems. No records from "
        "the prior school were reviewed for this report.",
    ),
    (
        "p",
        "I completed a Field Interview/Observation (FIO) card for S-1, O-1 and O-2. The FIO "
        "cards will be forwarded through the department's gang liaison to the Boston "
        "Regional Intelligence Center (BRIC) for entry into the Gang Assessment Database. "
        "No further action was taken by the School Police Unit. End of narrative.",
    ),
]

SCHOOL_GANG_UNIT = [
    "I reviewed the FIO card and the incident report submitted by SRO Tierney concerning "
    "RIVAS MEJIA, Daniel A. (S-1). I did not interview S-1, O-1, O-2 or W-1, and I did not "
    "visit the school. No photographs were taken of S-1.",
    "Based on the report, I entered S-1 in the Gang Assessment Database maintained by the "
    "Boston Regional Intelligence Center with the following criteria: gang paraphernalia "
    "(blue clothing and a black rosary), 4 points; associating with a verified gang member "
    "(O-1), 2 points. Total: 6 points. Resulting status: Gang Associate, MS-13. I did not "
    "score O-2 as a verified member because his status is unconfirmed.",
    "S-1 has no arrests, no criminal record (CJIS/III negative) and no prior FIO cards. "
    "S-1 denied gang membership to the SRO. This entry is based on observation and "
    "association only; no criminal conduct is alleged.",
]

W1_STATEMENT = (
    '"I was by Room 214 waiting for my friend. I heard some boys say they were going to do '
    "something after school, I thought it was a fight but now I think they meant soccer "
    "because they always play at the park on Tuesdays. I don't know Daniel very well, he is in "
    "my chemistry class, he is quiet. I never saw him in a fight. I told Ms. Alvarez because I "
    "was nervous. Nobody threatened me. That's all I know.\""
)

HANDBOOK = [
    (
        "4.1 Purpose",
        "The uniform policy promotes safety, reduces the cost of clothing for families "
        "and removes pressure to wear brand-name clothing. The uniform is required for all "
        "students "
        "on school days and at school-sponsored events unless an exception is announced.",
    ),
    (
        "4.2 Uniform",
        "All students wear a navy blue polo shirt with the school crest, with khaki or "
        "black trousers or skirt. Students may wear a navy blue or gray sweater or fleece over the "
        "polo shirt. Shirts are sold at cost by the school store; families who cannot afford the "
        "uniform may request free shirts from the guidance office.",
    ),
    (
        "4.3 Colors and gang-related clothing",
        "Clothing, jewelry or symbols that are associated "
        "with gangs may be prohibited by the principal after consultation with the School Police "
        "Unit. The required uniform, including the navy blue polo shirt, is never considered "
        "gang-related clothing. A student shall not be disciplined or reported for wearing the "
        "school uniform.",
    ),
    (
        "4.6 Religious items",
        "Students may wear religious items, including rosaries, crosses, "
        "medals and head coverings, in accordance with the district's religious accommodation "
        "policy. Staff should consult an administrator before asking a student to remove a "
        "religious item.",
    ),
]

SCHOOL_SUPPLEMENT = [
    "Reviewed by Assistant Principal Teresa Okafor (fictional), 11/17/2021. The navy blue "
    "polo shirt is part of the required school uniform for all students (Student Handbook, "
    "Dress Code section 4). On 11/16/2021 most students in grade 11 were wearing a blue polo. "
    "Students may wear religious items, including rosaries, under the same policy.",
    "Daniel has been on the honor roll for three consecutive terms, works after school, and "
    "has no disciplinary history at this school. I have no information that Daniel is "
    "involved with any gang. The school nurse confirmed that Daniel arrived with a clinic "
    "note after a routine blood test and was well enough to attend classes.",
    "I do not agree that the information in this report supports a gang classification, and "
    "I ask that this supplement be attached to any copy of the report that is shared outside "
    "the district.",
]


def make_doc02(fonts: Fonts, outdir: Path, bates: int) -> DocBuilder:
    b = DocBuilder(
        fonts,
        "02_school_police_incident_report.pdf",
        "School Police Incident Report SP-21-04417 - FICTIONAL SAMPLE",
        "Fictional sample case: school police report on RIVAS MEJIA, Daniel A.",
        "02",
        bates,
    )
    report_no = "SP-21-04417"

    def agency_header(s: Sheet) -> None:
        s.circle((66, 62), 22, 1.1)
        s.circle((66, 62), 18, 0.5)
        s.text_c(66, 60, "EHPS", "sans-b", 8)
        s.text_c(66, 69, "SCHOOL POLICE", "sans", 3.8)
        s.text(98, 52, "EASTFIELD HARBOR PUBLIC SCHOOLS", "sans-b", 13)
        s.text(
            98,
            65,
            "School Police Unit \u00b7 555 Cannery Road \u00b7 Eastfield Harbor, MA (fictional)",
            "sans",
            8.2,
        )
        s.text(
            98,
            76,
            "Non-emergency (000) 555-0100 \u00b7 schoolpolice@example.invalid",
            "sans",
            7.5,
            GRAY,
        )
        s.rect((440, 40, 576, 80), width=1.2)
        s.text_c(508, 57, "INCIDENT REPORT", "sans-b", 12)
        s.text_c(508, 72, f"Report No. {report_no}", "mono-b", 9)
        s.hline(36, 576, 88, 1.4)

    def setup(s: Sheet, k: int) -> list[pymupdf.Rect]:
        if k == 0:
            agency_header(s)
            y = s.form_rows(
                36,
                96,
                540,
                [
                    (
                        24,
                        [
                            ("Report No.", report_no, 0.18),
                            ("Date of Report", "11/16/2021", 0.16),
                            ("Time of Report", "1415 hrs", 0.14),
                            ("Date of Incident", "11/16/2021", 0.16),
                            ("Time of Incident", "approx. 1140 hrs", 0.16),
                            ("Day", "Tuesday", 0.2),
                        ],
                    ),
                    (
                        24,
                        [
                            (
                                "Location of Incident",
                                "2nd floor hallway, B wing, outside Room 214",
                                0.5,
                            ),
                            ("School", "Eastfield Harbor High School (fictional)", 0.5),
                        ],
                    ),
                    (
                        24,
                        [
                            ("Reporting Officer", "Ofc. Ronald P. Tierney (fictional), SRO", 0.38),
                            ("Badge / ID", "#0000", 0.1),
                            ("Unit", "School Police / SRO", 0.26),
                            ("Supervisor", "Sgt. P. Breen", 0.26),
                        ],
                    ),
                ],
                vfont="sans",
                vsize=9,
            )
            y = s.section_bar(36, 576, y + 6, "INCIDENT CLASSIFICATION (check all that apply)")
            s.rect((36, y, 576, y + 44), width=0.6)
            items = [
                ("Assault / fight", False),
                ("Weapon", False),
                ("Drugs / alcohol", False),
                ("Gang-related activity", True),
                ("Vandalism / graffiti", False),
                ("Field interview / observation (FIO)", True),
                ("Trespass", False),
                ("Medical", False),
                ("Other: ____________", False),
            ]
            for i, (label, chk) in enumerate(items):
                s.checkbox(44 + (i % 3) * 178, y + 13 + (i // 3) * 13, chk, label, 8.5)
            y = s.section_bar(36, 576, y + 50, "DISPOSITION")
            s.rect((36, y, 576, y + 32), width=0.6)
            x = 44.0
            for label in ("Arrest made", "Weapon recovered", "Injuries"):
                s.text(x, y + 12, label + ":", "sans", 8.5)
                x2 = x + fonts.width(label + ":", "sans", 8.5) + 5
                x2 = s.checkbox(x2, y + 12, False, "Yes", 8.5) + 6
                s.checkbox(x2, y + 12, True, "No", 8.5)
                x += 178
            x = s.checkbox(44, y + 25, True, "Parent/guardian notified", 8.5) + 14
            x = s.checkbox(x, y + 25, True, "Referred to EHPD Gang Unit / BRIC", 8.5) + 14
            x = s.checkbox(x, y + 25, True, "School administration", 8.5) + 14
            s.checkbox(x, y + 25, False, "Counseling", 8.5)
            y = s.section_bar(36, 576, y + 38, "PERSONS INVOLVED")
            y = s.table(
                36,
                y,
                [48, 132, 60, 40, 64, 196],
                [
                    [
                        "Code",
                        "Name (Last, First M.)",
                        "DOB",
                        "Grade",
                        "Student ID",
                        "Description / notes",
                    ],
                    [
                        "S-1",
                        "RIVAS MEJIA, Daniel A.",
                        DOB_US,
                        "11",
                        "000-4417",
                        "Subject. Navy blue polo shirt (uniform), black rosary. H/M, 5'7\".",
                    ],
                    [
                        "O-1",
                        "[name withheld]",
                        "\u2014",
                        "12",
                        "\u2014",
                        "Other. Believed MS-13 member per EHPD Gang Unit.",
                    ],
                    [
                        "O-2",
                        "[name withheld]",
                        "\u2014",
                        "11",
                        "\u2014",
                        "Other. Possible MS-13 member (unconfirmed).",
                    ],
                    [
                        "W-1",
                        "[name withheld]",
                        "\u2014",
                        "11",
                        "\u2014",
                        "Witness. Statement taken 1210 hrs.",
                    ],
                ],
                size=8,
            )
            y = s.section_bar(36, 576, y + 6, "NARRATIVE")
            return [pymupdf.Rect(42, y + 8, 570, 752)]
        s.text(36, 48, "EASTFIELD HARBOR PUBLIC SCHOOLS \u2014 SCHOOL POLICE UNIT", "sans-b", 8.5)
        s.text(36, 59, "INCIDENT REPORT (continued)", "sans", 8)
        s.hline(36, 576, 66, 0.9)
        return [pymupdf.Rect(42, 78, 570, 752)]

    flow = Flow(b, setup)
    for _, text in SCHOOL_NARRATIVE:
        flow.para(text, "sans", 9.6, 13.4, after=6)

    def sig_block(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.form_rows(
            x,
            y,
            w,
            [
                (
                    30,
                    [
                        (
                            "Reporting officer signature",
                            "/s/ R. P. Tierney (fictional)  #0000",
                            0.5,
                        ),
                        ("Date / time", "11/16/2021  1415 hrs", 0.5),
                    ],
                ),
                (
                    30,
                    [
                        ("Supervisor reviewed", "/s/ P. Breen (fictional)", 0.5),
                        ("Date", "11/17/2021", 0.5),
                    ],
                ),
            ],
            vfont="sans",
            vsize=9,
        )

    flow.y += 4
    flow.block(64, sig_block, after=14)
    flow.block(
        14,
        lambda sh, x, y, w: sh.section_bar(
            x - 6, x + w + 6, y, "SUPPLEMENT 1 \u2014 EHPD GANG UNIT FOLLOW-UP (11/18/2021)"
        ),
        after=8,
    )
    for text in SCHOOL_GANG_UNIT:
        flow.para(text, "sans", 9.6, 13.4, after=6)
    flow.para(
        "/s/ Det. Michael S. Corrigan (fictional), EHPD Gang Unit, 11/18/2021",
        "sans-i",
        9.6,
        13.4,
        after=12,
    )

    def witness(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.section_bar(
            x - 6, x + w + 6, y, "SUPPLEMENT 2 \u2014 WITNESS STATEMENT (W-1), TRANSCRIBED"
        )
        yy = sh.form_rows(
            x - 6,
            y + 13,
            w + 12,
            [
                (
                    24,
                    [
                        ("Witness", "W-1 [name withheld \u2014 minor]", 0.4),
                        ("Grade", "11", 0.12),
                        ("Taken by", "Ofc. R. P. Tierney (fictional)", 0.28),
                        ("Date / time", "11/16/2021 1210", 0.2),
                    ],
                )
            ],
            vfont="sans",
            vsize=9,
        )
        sh.rect((x - 6, yy, x + w + 6, y + 150), width=0.6)
        sh.para(x, yy + 6, w, W1_STATEMENT, "serif-i", 9.6, 13.2)
        sh.text(
            x,
            y + 142,
            "Witness initials: [withheld]      Parent present: No      Statement voluntary: Yes",
            "sans",
            8.2,
        )

    flow.block(152, witness, after=14)
    flow.ensure(14 + 8 + 3 * 13.4)
    flow.block(
        14,
        lambda sh, x, y, w: sh.section_bar(
            x - 6, x + w + 6, y, "SUPPLEMENT 3 \u2014 SCHOOL ADMINISTRATION"
        ),
        after=8,
    )
    for text in SCHOOL_SUPPLEMENT:
        flow.para(text, "sans", 9.6, 13.4, after=6)
    flow.para(
        "/s/ Teresa Okafor (fictional), Assistant Principal, 11/17/2021",
        "sans-i",
        9.6,
        13.4,
        after=12,
    )

    def fio_card(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.rect((x, y, x + w, y + 126), width=1.0)
        sh.fill((x, y, x + w, y + 16), LIGHT)
        sh.rect((x, y, x + w, y + 16), width=1.0)
        sh.text(
            x + 5, y + 11.5, "FIELD INTERVIEW / OBSERVATION (FIO) CARD \u2014 copy", "sans-b", 8.5
        )
        sh.text_r(x + w - 5, y + 11.5, "FIO No. 21-FIO-000417", "mono-b", 8)
        sh.form_rows(
            x,
            y + 16,
            w,
            [
                (
                    24,
                    [
                        ("Name", "RIVAS MEJIA, DANIEL A.", 0.4),
                        ("DOB", DOB_US, 0.2),
                        ("Sex / Race", "M / H", 0.15),
                        ("Height / Weight", "5'07\" / 145", 0.25),
                    ],
                ),
                (
                    24,
                    [
                        ("Gang", "MS-13", 0.25),
                        ("Status per officer", "ASSOCIATE", 0.25),
                        ("Associates", "O-1, O-2 (see report)", 0.5),
                    ],
                ),
                (
                    24,
                    [
                        ("Clothing / indicators", "BLUE SHIRT, BLACK ROSARY", 0.5),
                        ("Tattoos", "NONE OBSERVED", 0.2),
                        ("Admits gang?", "NO \u2014 DENIED", 0.3),
                    ],
                ),
                (
                    38,
                    [
                        (
                            "Remarks",
                            "SUBJ OBS W/ KNOWN MS-13 MBRS IN HALLWAY. SUBJ DENIED GANG "
                            "AFFILIATION. "
                            "FWD TO BRIC VIA GANG LIAISON.",
                            1.0,
                        )
                    ],
                ),
            ],
            vfont="mono",
            vsize=8.2,
        )

    flow.block(128, fio_card, after=14)

    def distribution(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.text(x, y + 10, "Distribution:", "sans-b", 8.5)
        xx = x + 70
        for label, chk in [
            ("School Police file", True),
            ("Principal", True),
            ("EHPD Gang Unit / BRIC", True),
            ("District Attorney", False),
            ("DCF", False),
        ]:
            xx = sh.checkbox(xx, y + 10, chk, label, 8.5) + 12

    flow.block(16, distribution, after=14)
    routing = [
        ["Date", "Routed to", "By", "Action / comment"],
        [
            "11/16/2021",
            "Sgt. P. Breen, School Police",
            "Ofc. Tierney",
            "Report and FIO submitted for review",
        ],
        [
            "11/17/2021",
            "Assistant Principal T. Okafor",
            "Sgt. Breen",
            "Copy for administration; supplement added",
        ],
        [
            "11/17/2021",
            "EHPD Gang Unit (gang liaison)",
            "Sgt. Breen",
            "FIO cards S-1, O-1, O-2 forwarded",
        ],
        [
            "11/18/2021",
            "Boston Regional Intelligence Center",
            "Det. Corrigan",
            "S-1 entered in Gang Assessment Database",
        ],
        ["05/26/2023", "ICE ERO Boston (via BRIC)", "BRIC", "Copy of report released on request"],
    ]
    widths = [62, 170, 78, 230]
    h = flow.sheet.table(0, 0, widths, routing, size=8.2, draw=False)
    flow.block(
        14 + h,
        lambda sh, x, y, w: (
            sh.section_bar(x - 6, x + w + 6, y, "ROUTING AND REVIEW"),
            sh.table(x - 6, y + 14, widths, routing, size=8.2),
        ),
        after=12,
    )
    flow.para(
        "Records retention: incident reports involving students are retained for seven years "
        "after the student leaves the district. FIO cards forwarded outside the district are "
        "governed by the receiving agency's retention rules. Requests to correct or remove "
        "information should be directed to the School Police Unit records clerk.",
        "sans",
        8.4,
        11.2,
        color=GRAY,
    )

    # attachment: the dress code the report never mentions
    flow.next_frame()
    flow.block(
        14,
        lambda sh, x, y, w: sh.section_bar(
            x - 6,
            x + w + 6,
            y,
            "ATTACHMENT A \u2014 STUDENT HANDBOOK 2021-2022 (EXCERPT), SECTION 4: DRESS CODE",
        ),
        after=10,
    )
    flow.para(
        "Eastfield Harbor High School (fictional) \u2014 Student Handbook, pages 14-15. Attached "
        "by Assistant Principal T. Okafor on 11/17/2021.",
        "sans-i",
        9,
        12,
        after=8,
    )
    for head, text in HANDBOOK:
        if head:
            flow.heading(head, "serif-b", 10.5, before=4, after=3, body_leading=13.4)
        if text:
            flow.para(text, "serif", 9.8, 13.4, after=6)
    uniform = [
        ["Item", "Required", "Permitted colors / notes"],
        ["Polo shirt with school crest", "Yes", "Navy blue (grades 9-12); white for formal events"],
        ["Trousers or skirt", "Yes", "Khaki or black; no jeans"],
        ["Sweater or fleece", "Optional", "Navy blue or gray, school crest only"],
        ["Shoes", "Yes", "Closed-toe; any color"],
        ["Religious items", "Optional", "Permitted (4.6); rosaries, head coverings, medals"],
        ["Hats and hoods", "No", "Not worn inside the building"],
    ]
    widths = [170, 70, 300]
    h = flow.sheet.table(0, 0, widths, uniform, font="serif", size=8.8, hfont="serif-b", draw=False)
    flow.block(
        h,
        lambda sh, x, y, w: sh.table(
            x - 6, y, widths, uniform, font="serif", size=8.8, hfont="serif-b"
        ),
        after=10,
    )
    total = len(flow.pages)
    for k, sh in enumerate(flow.pages):
        sh.text_r(576, 752 + 16, f"{report_no} \u00b7 Page {k + 1} of {total}", "sans", 7.5)
    b.finish(outdir)
    return b


# ==========================================================================
# 03  BRIC gang-database printout
# ==========================================================================
def make_doc03(fonts: Fonts, outdir: Path, bates: int) -> DocBuilder:
    b = DocBuilder(
        fonts,
        "03_fusion_center_gang_database_printout.pdf",
        "Boston Regional Intelligence Center - Gang Assessment Database printout - FICTIONAL "
        "SAMPLE",
        "Fictional sample case: gang database printout for RIVAS MEJIA, Daniel A.",
        "03",
        bates,
    )
    M = "mono"

    def setup(s: Sheet, k: int) -> list[pymupdf.Rect]:
        s.fill((36, 34, 576, 60), (0.18, 0.18, 0.18))
        s.text(42, 46, "BOSTON REGIONAL INTELLIGENCE CENTER (BRIC)", "mono-b", 10.5, WHITE)
        s.text(
            42, 56.5, "GANG ASSESSMENT DATABASE \u2014 SUBJECT DETAIL REPORT", "mono", 8.2, WHITE
        )
        s.text_r(570, 46, "LAW ENFORCEMENT SENSITIVE", "mono-b", 8.5, WHITE)
        s.text_r(570, 56.5, "RUN 05/30/2023 10:42:17", "mono", 8, WHITE)
        s.text(
            36,
            748,
            "Printed by: ANL-0000 (fictional) \u00b7 Terminal BRIC-WS-00 \u00b7 Query: A012345678 "
            "/ "
            "RIVAS MEJIA, DANIEL",
            M,
            6.8,
            GRAY,
        )
        s.hline(36, 576, 740, 0.5, GRAY)
        return [pymupdf.Rect(36, 72, 576, 734)]

    flow = Flow(b, setup)

    def subject_box(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.section_bar(x, x + w, y, "1. SUBJECT IDENTIFICATION", font="mono-b")
        sh.form_rows(
            x,
            y + 13,
            w,
            [
                (
                    24,
                    [
                        ("GAD ID", "GAD-000000 (fictional)", 0.25),
                        ("LAST NAME", R_LAST_ASCII, 0.3),
                        ("FIRST", "DANIEL", 0.2),
                        ("MIDDLE", "ALEXANDER", 0.25),
                    ],
                ),
                (
                    24,
                    [
                        ("DOB", DOB_US, 0.2),
                        ("SEX", "M", 0.1),
                        ("RACE/ETH", "H", 0.12),
                        ("POB", "EL SALVADOR", 0.23),
                        ("ALIEN NO. (ICE)", A_NUM_FORM, 0.35),
                    ],
                ),
                (
                    24,
                    [
                        ("ADDRESS (LAST KNOWN)", "555 LARKSPUR WAY APT 2, CHELSEA MA 02150", 0.6),
                        ("PHONE", "(000) 555-0142", 0.4),
                    ],
                ),
                (
                    24,
                    [
                        ("GANG", "MS-13 (MARA SALVATRUCHA)", 0.35),
                        ("SET / CLIQUE", "UNKNOWN", 0.25),
                        ("TATTOOS", "NONE REPORTED", 0.2),
                        ("PHOTO", "ON FILE (SEC. 9)", 0.2),
                    ],
                ),
            ],
            vfont=M,
            vsize=8.5,
            lfont="mono",
            lsize=5.8,
        )

    flow.block(13 + 96, subject_box, after=10)

    def status_box(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.section_bar(x, x + w, y, "2. CLASSIFICATION", font="mono-b")
        sh.form_rows(
            x,
            y + 13,
            w,
            [
                (
                    26,
                    [
                        ("STATUS", "GANG ASSOCIATE", 0.3),
                        ("RECORD", "ACTIVE", 0.15),
                        ("TOTAL POINTS", "8", 0.15),
                        ("THRESHOLDS", "ASSOCIATE 6+ / MEMBER 10+", 0.4),
                    ],
                ),
                (
                    26,
                    [
                        ("ENTERED", "11/18/2021 BY DET. [WITHHELD]", 0.35),
                        ("LAST UPDATED", "02/10/2022", 0.17),
                        ("REVIEW DUE", "11/18/2026", 0.16),
                        ("SOURCE AGENCIES", "EHPS SCHOOL PD; BPD", 0.32),
                    ],
                ),
            ],
            vfont="mono-b",
            vsize=9,
            lfont="mono",
            lsize=5.8,
        )

    flow.block(13 + 52, status_box, after=10)

    pts_rows = [
        ["#", "DATE", "SOURCE / REPORT", "CRITERIA", "PTS", "ENTERED BY"],
        [
            "1",
            "11/16/2021",
            "EHPS SCHOOL POLICE FIO SP-21-04417",
            "Gang paraphernalia: 4 pts (blue shirt; black rosary)",
            "4",
            "SRO TIERNEY / DET. [W/H]",
        ],
        [
            "2",
            "11/16/2021",
            "EHPS SCHOOL POLICE FIO SP-21-04417",
            "Associating with verified gang member: 2 pts (O-1)",
            "2",
            "SRO TIERNEY / DET. [W/H]",
        ],
        [
            "3",
            "02/09/2022",
            "BPD FIO 22-000000, BUS STOP, CHELSEA/E. BOSTON LINE",
            "Associating with verified gang member: 2 pts",
            "2",
            "OFC. [WITHHELD]",
        ],
        [
            "4",
            "05/21/2022",
            "EHPD INCIDENT 22-000000 (SUBJECT WAS VICTIM OF ROBBERY)",
            "Contact only \u2014 no criteria scored",
            "0",
            "SYSTEM",
        ],
        ["", "", "", "TOTAL", "8", "STATUS: GANG ASSOCIATE"],
    ]
    widths = [20, 62, 150, 170, 30, 108]
    h = flow.sheet.table(0, 0, widths, pts_rows, font=M, size=7.8, hfont="mono-b", draw=False)
    flow.block(
        13 + h,
        lambda sh, x, y, w: (
            sh.section_bar(x, x + w, y, "3. POINT ENTRIES", font="mono-b"),
            sh.table(x, y + 13, widths, pts_rows, font=M, size=7.8, hfont="mono-b"),
        ),
        after=10,
    )

    fio_rows = [
        ["REPORT", "DATE/TIME", "LOCATION", "REMARKS (AS ENTERED)"],
        [
            "FIO SP-21-04417",
            "11/16/2021 11:40",
            "EASTFIELD HARBOR HS, B WING (FICTIONAL)",
            "SUBJ OBS W/ KNOWN MS-13 MBRS. WEARING BLUE SHIRT + BLACK ROSARY (GANG PARAPHERNALIA). "
            "SUBJ DENIED GANG MEMBERSHIP. SRO IDENTIFIES SUBJ AS MS-13 ASSOCIATE.",
        ],
        [
            "FIO 22-000000",
            "02/09/2022 16:05",
            "BUS STOP, BROADWAY (FICTIONAL)",
            "SUBJ STANDING W/ VERIFIED MS-13 MBR [WITHHELD] AT BUS STOP. NO CRIMINAL ACTIVITY "
            "OBSERVED. SUBJ STATED HE WAS GOING TO WORK. POSSIBLE GANG AFFILIATION.",
        ],
        [
            "INC 22-000000",
            "05/21/2022 21:30",
            "CHELSEA (FICTIONAL ADDRESS)",
            "SUBJ REPORTED ROBBERY OF PHONE BY 2 UNK H/M, REPORTEDLY MS-13. SUBJ DID NOT WISH TO "
            "PURSUE. VICTIM CONTACT - NO POINTS.",
        ],
    ]
    widths = [78, 70, 110, 282]
    h = flow.sheet.table(0, 0, widths, fio_rows, font=M, size=7.6, hfont="mono-b", draw=False)
    flow.block(
        13 + h,
        lambda sh, x, y, w: (
            sh.section_bar(x, x + w, y, "4. SOURCE REPORTS (FIO / INCIDENT)", font="mono-b"),
            sh.table(x, y + 13, widths, fio_rows, font=M, size=7.6, hfont="mono-b"),
        ),
        after=10,
    )

    fio_details = [
        (
            "FIO SP-21-04417",
            [
                (
                    24,
                    [
                        ("REPORT NO.", "SP-21-04417 / 21-FIO-000417", 0.3),
                        ("DATE / TIME", "11/16/2021 11:40", 0.2),
                        ("AGENCY", "EHPS SCHOOL POLICE (FICTIONAL)", 0.3),
                        ("OFFICER", "SRO R. TIERNEY", 0.2),
                    ],
                ),
                (
                    24,
                    [
                        ("LOCATION", "EASTFIELD HARBOR HS, 2ND FL B WING", 0.5),
                        ("CONTACT TYPE", "OBSERVATION / FIO", 0.25),
                        ("FRISK / SEARCH", "NO / NO", 0.25),
                    ],
                ),
                (
                    24,
                    [
                        ("CLOTHING", "NAVY BLUE POLO (SCHOOL UNIFORM); BLACK ROSARY", 0.6),
                        ("TATTOOS / MARKS", "NONE", 0.4),
                    ],
                ),
                (
                    36,
                    [
                        (
                            "NARRATIVE (AS ENTERED)",
                            "SUBJ IN GROUP OF 4 OUTSIDE RM 214 INCL O-1 (VERIFIED MS-13) AND "
                            "O-2. SUBJ STATED ROSARY FROM GRANDMOTHER. SUBJ DENIED GANG "
                            "AFFILIATION. "
                            "CLASSIFIED AS MS-13 ASSOCIATE BY SRO.",
                            1.0,
                        )
                    ],
                ),
            ],
        ),
        (
            "FIO 22-000000",
            [
                (
                    24,
                    [
                        ("REPORT NO.", "22-000000 (FICTIONAL)", 0.3),
                        ("DATE / TIME", "02/09/2022 16:05", 0.2),
                        ("AGENCY", "BOSTON POLICE DEPT.", 0.3),
                        ("OFFICER", "OFC. [WITHHELD]", 0.2),
                    ],
                ),
                (
                    24,
                    [
                        ("LOCATION", "BUS STOP, BROADWAY (FICTIONAL)", 0.5),
                        ("CONTACT TYPE", "STOP / FIO", 0.25),
                        ("FRISK / SEARCH", "YES / NEG", 0.25),
                    ],
                ),
                (
                    24,
                    [
                        ("CLOTHING", "GRAY HOODIE, BLACK PANTS, WORK SHOES", 0.6),
                        ("TATTOOS / MARKS", "NONE", 0.4),
                    ],
                ),
                (
                    36,
                    [
                        (
                            "NARRATIVE (AS ENTERED)",
                            "SUBJ AT BUS STOP W/ [WITHHELD], VERIFIED MS-13 MBR. NO CRIMINAL "
                            "ACTIVITY. SUBJ STATED GOING TO WORK, SHOWED WORK ID. POSSIBLE GANG "
                            "AFFILIATION. "
                            "RELEASED AT SCENE.",
                            1.0,
                        )
                    ],
                ),
            ],
        ),
        (
            "INC 22-000000",
            [
                (
                    24,
                    [
                        ("REPORT NO.", "22-000000 (FICTIONAL)", 0.3),
                        ("DATE / TIME", "05/21/2022 21:30", 0.2),
                        ("AGENCY", "EHPD (FICTIONAL)", 0.3),
                        ("OFFICER", "OFC. [WITHHELD]", 0.2),
                    ],
                ),
                (
                    24,
                    [
                        ("ROLE OF SUBJECT", "VICTIM", 0.3),
                        ("OFFENSE", "ROBBERY (UNARMED) - PHONE", 0.45),
                        ("SUSPECTS", "2 UNK H/M", 0.25),
                    ],
                ),
                (
                    36,
                    [
                        (
                            "NARRATIVE (AS ENTERED)",
                            'VICTIM STATES 2 UNK MALES TOOK HIS PHONE AND SAID "THIS IS MS". '
                            "VICTIM DID NOT WISH TO PURSUE. NO INJURIES. VICTIM CONTACT - NO "
                            "POINTS ASSIGNED.",
                            1.0,
                        )
                    ],
                ),
            ],
        ),
    ]
    flow.block(
        13,
        lambda sh, x, y, w: sh.section_bar(x, x + w, y, "4A. SOURCE REPORT DETAIL", font="mono-b"),
        after=6,
    )
    for title, rows in fio_details:
        hh = sum(r[0] for r in rows)

        def draw_detail(
            sh: Sheet, x: float, y: float, w: float, title: str = title, rows: FormRows = rows
        ) -> None:
            sh.text(x, y + 9, f">> {title}", "mono-b", 8.4)
            sh.form_rows(x, y + 13, w, rows, vfont=M, vsize=8.2, lfont="mono", lsize=5.8)

        flow.block(13 + hh, draw_detail, after=8)

    assoc_rows = [
        ["LINKED PERSON", "GAD STATUS", "GANG", "LINK TYPE", "SOURCE"],
        [
            "[WITHHELD (b)(7)(C)] (O-1)",
            "VERIFIED MEMBER",
            "MS-13",
            "SEEN WITH / SCHOOL",
            "FIO SP-21-04417",
        ],
        [
            "[WITHHELD (b)(7)(C)] (O-2)",
            "GANG ASSOCIATE",
            "MS-13",
            "SEEN WITH / SCHOOL",
            "FIO SP-21-04417",
        ],
        [
            "[WITHHELD (b)(7)(C)]",
            "VERIFIED MEMBER",
            "MS-13",
            "SEEN WITH / BUS STOP",
            "FIO 22-000000",
        ],
        ["[WITHHELD] (AUNT)", "NOT IN GAD", "\u2014", "RESIDES WITH", "RMV / ICE REQUEST"],
    ]
    widths = [150, 95, 55, 120, 120]
    h = flow.sheet.table(0, 0, widths, assoc_rows, font=M, size=7.6, hfont="mono-b", draw=False)
    flow.block(
        13 + h,
        lambda sh, x, y, w: (
            sh.section_bar(x, x + w, y, "5. LINKED PERSONS", font="mono-b"),
            sh.table(x, y + 13, widths, assoc_rows, font=M, size=7.6, hfont="mono-b"),
        ),
        after=10,
    )

    legend_rows = [
        ["CRITERION (EXCERPT OF LEGEND)", "POINTS"],
        ["Self-admission of gang membership", "8"],
        ["Gang paraphernalia (clothing, colors, jewelry, photographs)", "4"],
        ["Gang tattoos", "6"],
        ["Associating with verified gang member (per contact)", "2"],
        ["Victim of gang-related violence", "8"],
        ["Identified by reliable source / informant", "5"],
        ["Thresholds: Gang Associate 6 points; Verified Gang Member 10 points", ""],
    ]
    widths = [440, 100]
    h = flow.sheet.table(0, 0, widths, legend_rows, font=M, size=7.8, hfont="mono-b", draw=False)
    flow.block(
        13 + h,
        lambda sh, x, y, w: (
            sh.section_bar(
                x, x + w, y, "6. POINT CRITERIA LEGEND (FICTIONAL SAMPLE VALUES)", font="mono-b"
            ),
            sh.table(x, y + 13, widths, legend_rows, font=M, size=7.8, hfont="mono-b"),
        ),
        after=10,
    )

    flow.block(
        13,
        lambda sh, x, y, w: sh.section_bar(x, x + w, y, "7. ANALYST NOTES", font="mono-b"),
        after=6,
    )
    notes = [
        "05/26/2023 - ICE ERO BOSTON REQUESTED GANG STATUS FOR SUBJ (ALIEN NO. A012 345 678). "
        "SUBJ REPORTEDLY AN MS-13 ASSOCIATE PER SCHOOL POLICE. POSSIBLE TIES TO THE RIBERA LOCOS "
        "CLIQUE (UNCONFIRMED). NO ARRESTS. NO RECORD FOUND IN CJIS/III. NCIC NEGATIVE.",
        "05/30/2023 - PRINTOUT RELEASED TO ICE ERO BOSTON (FUGOPS) UNDER BRIC DISSEMINATION "
        "POLICY; REQUEST APPROVED BY THE DUTY SUPERVISOR. SUBJ MAY BE IN THE U.S. UNLAWFULLY PER "
        "ICE. SUBJ LISTED IN THE GANG<br>ASSESSMENT "
        "DATABASE AS GANG ASSOCIATE; NOT A VERIFIED MEMBER.",
        "NOTE: SUBJ DENIED GANG MEMBERSHIP DURING BOTH FIELD INTERVIEWS. THE 05/21/2022 CONTACT "
        "WAS AS A VICTIM; NO POINTS WERE ASSIGNED.",
    ]
    for n in notes:
        flow.para(n, M, 8.2, 10.6, after=5)

    diss_rows = [
        ["DATE", "REQUESTING AGENCY", "PURPOSE", "METHOD", "APPROVED BY"],
        ["11/18/2021", "EHPD GANG UNIT", "ENTRY / FIO UPLOAD", "GAD DIRECT", "DET. [WITHHELD]"],
        [
            "02/10/2022",
            "BPD DISTRICT (FICTIONAL)",
            "ENTRY / FIO UPLOAD",
            "GAD DIRECT",
            "DET. [WITHHELD]",
        ],
        [
            "05/26/2023",
            "ICE ERO BOSTON (FUGOPS)",
            "IMMIGRATION ENFORCEMENT",
            "EMAIL REQUEST",
            "SGT. [WITHHELD]",
        ],
        [
            "05/30/2023",
            "ICE ERO BOSTON (FUGOPS)",
            "IMMIGRATION ENFORCEMENT",
            "PRINTOUT VIA LIAISON",
            "SGT. [WITHHELD]",
        ],
        ["06/02/2023", "ICE HSI BOSTON", "DECONFLICTION", "HSIN SHARED SPACE", "SGT. [WITHHELD]"],
    ]
    widths = [70, 140, 130, 110, 90]
    h = flow.sheet.table(0, 0, widths, diss_rows, font=M, size=7.8, hfont="mono-b", draw=False)
    flow.block(
        13 + h,
        lambda sh, x, y, w: (
            sh.section_bar(x, x + w, y, "8. DISSEMINATION LOG", font="mono-b"),
            sh.table(x, y + 13, widths, diss_rows, font=M, size=7.8, hfont="mono-b"),
        ),
        after=12,
    )

    audit_rows = [
        ["TIMESTAMP", "USER", "ACTION", "DETAIL"],
        [
            "11/18/2021 09:02:11",
            "DET-0000",
            "CREATE",
            "SUBJECT RECORD CREATED FROM FIO SP-21-04417",
        ],
        [
            "11/18/2021 09:05:40",
            "DET-0000",
            "ADD POINTS",
            "PARAPHERNALIA +4; ASSOCIATION +2; STATUS -> GANG ASSOCIATE",
        ],
        [
            "02/10/2022 14:21:03",
            "DET-0000",
            "ADD POINTS",
            "ASSOCIATION +2 (FIO 22-000000); TOTAL 8",
        ],
        [
            "05/23/2022 08:47:55",
            "ANL-0000",
            "ADD CONTACT",
            "INC 22-000000 LINKED AS VICTIM CONTACT; 0 PTS",
        ],
        ["05/26/2023 11:15:29", "SGT-0000", "VIEW", "ICE ERO REQUEST LOGGED"],
        ["05/30/2023 10:42:17", "ANL-0000", "PRINT", "SUBJECT DETAIL REPORT PRINTED FOR RELEASE"],
    ]
    widths = [118, 70, 82, 270]
    h = flow.sheet.table(0, 0, widths, audit_rows, font=M, size=7.6, hfont="mono-b", draw=False)
    flow.block(
        13 + h,
        lambda sh, x, y, w: (
            sh.section_bar(x, x + w, y, "8A. AUDIT TRAIL (EXCERPT)", font="mono-b"),
            sh.table(x, y + 13, widths, audit_rows, font=M, size=7.6, hfont="mono-b"),
        ),
        after=12,
    )

    checks_rows = [
        ["SYSTEM", "QUERY DATE", "RESULT"],
        ["CJIS / III (CRIMINAL HISTORY)", "05/26/2023", "NO RECORD FOUND"],
        ["NCIC WANTS / WARRANTS", "05/26/2023", "NEGATIVE"],
        ["MA BOARD OF PROBATION (CORI)", "05/26/2023", "NO RECORD FOUND"],
        ["RMV", "05/26/2023", "LEARNER PERMIT ONLY; NO VEHICLE"],
        ["RISSGANG", "05/26/2023", "NO RECORD"],
        [
            "ICE (VIA ERO REQUEST)",
            "05/26/2023",
            "A012 345 678; NO LAWFUL STATUS PER ICE (NOT VERIFIED BY BRIC)",
        ],
    ]
    widths = [190, 80, 270]
    h = flow.sheet.table(0, 0, widths, checks_rows, font=M, size=7.8, hfont="mono-b", draw=False)
    flow.block(
        13 + h,
        lambda sh, x, y, w: (
            sh.section_bar(
                x, x + w, y, "8B. CROSS-SYSTEM CHECKS AT TIME OF REQUEST", font="mono-b"
            ),
            sh.table(x, y + 13, widths, checks_rows, font=M, size=7.8, hfont="mono-b"),
        ),
        after=12,
    )

    flow.block(
        13,
        lambda sh, x, y, w: sh.section_bar(
            x, x + w, y, "8C. REQUEST RECEIVED (COPY)", font="mono-b"
        ),
        after=6,
    )
    for line in [
        "FROM: ERO BOSTON FUGITIVE OPERATIONS (FICTIONAL MAILBOX)     SENT: 05/26/2023 10:58",
        "TO: BRIC WATCH DESK     SUBJECT: GANG STATUS REQUEST - RIVAS MEJIA, DANIEL - DOB "
        "03/14/2004",
        "PLEASE PROVIDE ANY GANG AFFILIATION, FIO CARDS AND DEROGATORY INFORMATION FOR THE ABOVE "
        "SALVADORAN NATIONAL, BELIEVED TO RESIDE IN CHELSEA, MA, FOR A TARGETING AND REMOVAL "
        "PRIORITY DETERMINATION. SUBJECT IS ALSO THE SUBJECT OF A FOREIGN (SV) REPORT RECEIVED "
        "THROUGH THE SAFE PROGRAM. THANK YOU.",
    ]:
        flow.para(line, M, 8.2, 10.6, after=3)
    flow.next_frame()

    def photo(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.section_bar(x, x + w, y, "9. PHOTOGRAPH AND IDENTIFIERS", font="mono-b")
        sh.fill((x + 8, y + 22, x + 128, y + 172), PALE)
        sh.rect((x + 8, y + 22, x + 128, y + 172), width=0.8)
        sh.text_c(x + 68, y + 92, "PHOTO", "mono-b", 9, GRAY)
        sh.text_c(x + 68, y + 104, "WITHHELD", "mono-b", 9, GRAY)
        sh.text_c(x + 68, y + 116, "(b)(7)(C)", M, 8, GRAY)
        sh.table(
            x + 140,
            y + 22,
            [130, 270],
            [
                ["IDENTIFIER", "VALUE"],
                ["PHOTO DATE / SOURCE", "02/09/2022 / BPD FIO 22-000000"],
                ["HEIGHT / WEIGHT", "5'07\" / 145 (PER FIO)"],
                ["HAIR / EYES", "BLK / BRO"],
                ["SCARS / MARKS / TATTOOS", "NONE REPORTED"],
                ["MONIKER", "NONE KNOWN"],
                ["VEHICLE", "NONE"],
                ["SCHOOL", "EASTFIELD HARBOR HS (GRAD. 06/2022)"],
                ["EMPLOYER", "KITCHEN HELPER (PER ICE)"],
            ],
            font=M,
            size=7.8,
            hfont="mono-b",
        )

    flow.block(180, photo, after=12)
    flow.block(
        13,
        lambda sh, x, y, w: sh.section_bar(
            x, x + w, y, "10. HANDLING AND DISCLAIMER", font="mono-b"
        ),
        after=6,
    )
    disclaimers = [
        "This record is the property of the Boston Regional Intelligence Center (BRIC), which is "
        "operated by the Boston Police Department. The BRIC serves as the greater Boston area's "
        "regional fusion<br>center and is a recognized urban-area fusion center in the national "
        "network. Information in the Gang Assessment Database is intelligence "
        "information and is not a record of arrest, charge or conviction.",
        "A Gang Associate or Gang Member status is based on point criteria and observations "
        "reported by officers. It is not intended to be used as probable cause, and it must "
        "not be the sole basis for an enforcement action. Entries may be incomplete or may "
        "not have been verified by the BRIC.",
        "Further dissemination outside the receiving agency requires the approval of the BRIC "
        "duty supervisor. Requests from federal partners are logged in section 8. Records are "
        "reviewed for purge at five years from the last qualifying entry unless new points are "
        "added.",
        "Subjects are not notified of their inclusion in the database. There is no appeal "
        "procedure for a point entry. Questions about this printout may be directed to the "
        "BRIC watch desk at (000) 555-0199 (fictional).",
    ]
    for d in disclaimers:
        flow.para(d, M, 8.4, 11, after=7)

    def certify(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.rect((x, y, x + w, y + 70), width=0.8)
        sh.text(x + 6, y + 14, "*** END OF SUBJECT DETAIL REPORT ***", "mono-b", 9)
        sh.text(
            x + 6,
            y + 30,
            "RECORD COUNT: 4 POINT ENTRIES, 3 SOURCE REPORTS, 4 LINKED PERSONS, 6 AUDIT EVENTS",
            M,
            8.2,
        )
        sh.text(
            x + 6,
            y + 44,
            "PRINT JOB 0000000 (FICTIONAL) \u00b7 BRIC/GAD VERSION 4.2 (FICTIONAL)",
            M,
            8.2,
        )
        sh.text(
            x + 6,
            y + 58,
            "Released to ICE ERO Boston 05/30/2023 \u2014 copy placed in A-file",
            M,
            8.2,
        )

    flow.block(72, certify)
    total = len(flow.pages)
    for k, sh in enumerate(flow.pages):
        sh.text_r(576, 748, f"PAGE {k + 1} OF {total}", "mono-b", 7.5)
    b.finish(outdir)
    return b


# ==========================================================================
# 04  Policía Nacional Civil report received through SAFE (Spanish)
# ==========================================================================
PNC_BODY = [
    ("h", "I. ANTECEDENTES Y OBJETO DEL INFORME"),
    (
        "p",
        "El presente informe se elabora a solicitud de la Oficina del Agregado del Servicio de "
        "Inmigración y Control de Aduanas de los Estados Unidos (ICE) en El Salvador, en el "
        "marco del programa SAFE (Security Alliance for Fugitive Enforcement), con el objeto "
        "de informar sobre los antecedentes policiales, penales y de inteligencia del "
        "ciudadano salvadoreño DANIEL ALEXANDER RIVAS MEJÍA, quien según la solicitud se "
        "encuentra en los Estados Unidos de América.",
    ),
    ("h", "II. DATOS GENERALES DEL CONSULTADO"),
    ("form", ""),
    ("h", "III. RESULTADO DE LA CONSULTA A LAS BASES DE DATOS"),
    (
        "p",
        "1. Al ser consultado a la base de Inteligencia Policial posee ficha como miembro "
        "activo de la MS-13, clica «Ribera Locos Salvatrucha» (RLS), programa de San Miguel, "
        "con fecha de ingreso 11/08/2022. Fuente del registro: informante. El registro no "
        "consigna delito, detención ni proceso judicial.",
    ),
    (
        "p",
        "2. En la misma base aparece un registro anterior, de fecha 15/09/2018, en el que el "
        "consultado fue perfilado como miembro de la pandilla 18, facción «Sureños», durante "
        "un patrullaje preventivo en la colonia Los Almendros. El registro indica «apariencia "
        "sospechosa» y no consigna delito alguno. En esa fecha el consultado tenía catorce "
        "años de edad.",
    ),
    (
        "p",
        "3. Unidad del Registro de Antecedentes Policiales (URAP): no registra antecedentes "
        "policiales. 4. Dirección General de Centros Penales (DGCP): sin antecedentes penales. "
        "5. Sistema automatizado de huellas dactilares: sin coincidencias. 6. Dirección "
        "General de Migración y Extranjería: registra salida del país por el Aeropuerto "
        "Internacional el 02/07/2019, sin registro de ingreso posterior.",
    ),
    (
        "p",
        "Se hace constar que en el sistema existen homónimos: dos personas con el nombre "
        "«Daniel Rivas» y una con el nombre «Daniel Alexander Rivas» registran antecedentes en "
        "el departamento de San Miguel. Los registros fueron descartados por fecha de "
        "nacimiento, aunque no se realizó cotejo de huellas.",
    ),
    ("h", "IV. INFORMACIÓN DE INTELIGENCIA"),
    (
        "p",
        "Según informantes de la zona, cuya identidad no consta en el registro, el presunto "
        "pandillero habría colaborado como «poste» o vigilante de una clica local de la Mara "
        "Salva-<br>trucha en la colonia Los Almendros entre los años "
        "2018 y 2019. Dicha información no ha sido corroborada por otros medios y los "
        "informantes no fueron identificados en el registro.",
    ),
    (
        "p",
        "El 15/09/2018, durante una requisa en las inmediaciones del Centro Escolar Los "
        "Almendros (ficticio), el consultado fue abordado junto con otros estudiantes; negó "
        "pertenecer a pandilla alguna, manifestó ser estudiante de octavo grado y no se le "
        "encontró objeto ilícito. Fue dejado en libertad en el lugar.",
    ),
    (
        "p",
        "Vecinos entrevistados en 2023 manifestaron que la familia abandonó la vivienda en "
        "2019 a causa de amenazas de la pandilla contra el joven, presuntamente por negarse a "
        "colaborar con la estructura. Esta información tampoco ha sido verificada.",
    ),
    ("h", "V. SITUACIÓN JURÍDICA"),
    (
        "p",
        "Con fecha 02/03/2023, el Juzgado Especializado de Instrucción «B» de San Salvador "
        "libró orden de detención en contra del consultado por el delito de AGRUPACIONES "
        "ILÍCITAS, previsto y sancionado en el Art. 345 del Código Penal, a solicitud de la "
        "Fiscalía General de la República (FGR), en el marco del régimen de excepción. La "
        "solicitud fiscal se basa en el registro de inteligencia descrito en el numeral III.1.",
    ),
    (
        "p",
        "Con base en dicha orden, y a solicitud de la FGR, la Oficina Central Nacional (OCN) "
        "INTERPOL San Salvador circuló el día 10/02/2023 a los países miembros de la región "
        "centroamericana una difusión<br>roja y posteriormente solicitó la publicación de una "
        "notificación roja, la cual fue publicada el 27/04/2023 "
        "bajo el número de control A-12345/6-2023.",
    ),
    ("h", "VI. DILIGENCIAS REALIZADAS"),
    (
        "p",
        "a) Consulta a las bases de datos institucionales (numeral III). b) Inspección del "
        "último domicilio conocido, el cual se encontró deshabitado. c) Entrevista a dos "
        "vecinos, quienes no aportaron nombres. d) Solicitud de certificación de antecedentes "
        "penales a la DGCP, que se adjunta en copia simple. e) Coordinación con la OCN INTERPOL "
        "San Salvador sobre el estado de la notificación.",
    ),
    ("h", "VII. CONCLUSIÓN"),
    (
        "p",
        "Por lo anteriormente expuesto, y con base en el registro de inteligencia policial y en "
        "la orden de detención vigente, esta División considera que RIVAS MEJÍA es miembro "
        "activo de la MS-<br>13 y se encuentra prófugo de la justicia salvadoreña, por lo que "
        "se recomienda que, en caso de ser deportado, sea entregado a la Policía Nacional "
        "Civil en el Aeropuerto Internacional para dar cumplimiento a la orden de detención.",
    ),
    (
        "p",
        "Se deja constancia de que el consultado carece de antecedentes policíacos y penales, "
        "y de que la calidad de miembro de pandilla se sustenta únicamente en la información "
        "de inteligencia policial indicada.",
    ),
    ("h", "VIII. OBSERVACIONES"),
    (
        "p",
        "a) El registro de 11/08/2022 fue ingresado cuando el consultado ya se encontraba fuera "
        "del país, según la Dirección General de Migración y Extranjería. b) Los registros de "
        "2018 y 2022 lo vinculan con estructuras rivales. c) No se cuenta con fotografía "
        "reciente del consultado; la fotografía del expediente corresponde al año 2018, cuando "
        "era menor de edad. d) La información de los informantes no ha sido corroborada.",
    ),
    (
        "p",
        "La presente información se proporciona en el marco de la cooperación policial "
        "internacional y del programa SAFE, para uso exclusivo de las autoridades "
        "destinatarias, y no podrá ser utilizada como prueba en procesos judiciales sin la "
        "autorización de la Fiscalía General de la República.",
    ),
    ("h", "IX. DOCUMENTOS ANEXOS"),
    (
        "p",
        "1. Hoja de consulta del Sistema de Inteligencia Policial (1 folio). 2. Copia simple de "
        "la certificación de antecedentes penales emitida por la DGCP (1 folio). 3. Fotografía "
        "del consultado (no se remite por razones de reserva).",
    ),
]


def make_doc04(fonts: Fonts, outdir: Path, bates: int) -> DocBuilder:
    b = DocBuilder(
        fonts,
        "04_pnc_informe_policial_safe.pdf",
        "Informe policial PNC recibido a través del programa SAFE - MUESTRA FICTICIA",
        "Caso ficticio: informe de la Policía Nacional Civil sobre RIVAS MEJÍA, Daniel Alexander",
        "04",
        bates,
        lang="es-SV",
    )
    SF, SB = "serif", "serif-b"
    informe_no = "PNC-DAP-UEI-0000-2023"

    # ---------------- page 1: SAFE transmittal (remisión) ---------------
    s = b.add_page()
    s.text(36, 52, "U.S. Immigration and Customs Enforcement", "sans-b", 12)
    s.text(
        36,
        66,
        "Enforcement and Removal Operations \u2014 ERO Attaché San Salvador (ficticio)",
        "sans",
        9.5,
    )
    s.hline(36, 576, 76, 1.3)
    s.text_c(306, 100, "REMISIÓN SAFE / SAFE TRANSMITTAL", "sans-b", 14)
    y = s.form_rows(
        36,
        112,
        540,
        [
            (
                26,
                [
                    ("Para / To", "ERO Boston \u2014 Fugitive Operations", 0.5),
                    ("De / From", "Enlace SAFE, Oficina del Agregado (ficticio)", 0.5),
                ],
            ),
            (
                26,
                [
                    ("Fecha / Date", "30/05/2023", 0.25),
                    ("Referencia / Reference", "SAFE-SV-2023-0000", 0.35),
                    ("Páginas / Pages", "6 (incluye esta hoja)", 0.4),
                ],
            ),
            (
                26,
                [
                    ("Sujeto / Subject", "RIVAS MEJÍA, Daniel Alexander", 0.5),
                    ("N.º de extranjero / A-number", A_NUM, 0.25),
                    ("Fecha de nacimiento", DOB_ES, 0.25),
                ],
            ),
        ],
        vfont="sans",
        vsize=9.5,
        lsize=6.3,
    )
    y += 14
    for text in [
        "Informe recibido a través del programa SAFE (Security Alliance for Fugitive "
        "Enforcement). La Policía Nacional Civil de El Salvador (PNC), División Antipandillas, "
        "remite el informe policial adjunto en respuesta a la solicitud de la Oficina del "
        "Agregado sobre el ciudadano salvadoreño arriba indicado.",
        "El informe se encuentra en idioma español y no se acompaña traducción certificada. "
        "La Oficina del Agregado no ha verificado de forma independiente la información "
        "contenida en el informe. La PNC no remitió copia de la orden judicial ni del "
        "requerimiento fiscal mencionados en el informe.",
        "Según el informe, el sujeto posee ficha como miembro activo de la MS-13 en la base de "
        "Inteligencia Policial; el mismo informe señala que no registra antecedentes policiales "
        "y que está sin antecedentes penales. Se sugiere solicitar a la OCN INTERPOL San "
        "Salvador los documentos que sustentan la notificación roja antes de cualquier "
        "decisión basada en esta información.",
    ]:
        y = s.para(36, y, 540, text, SF, 10, 13.6) + 8
    y += 4
    s.rect((36, y, 576, y + 66), width=0.7)
    s.text(42, y + 14, "Summary (English):", "sans-b", 9)
    s.para(
        42,
        y + 18,
        528,
        "Report received through the SAFE program from the Policía Nacional Civil (PNC). The "
        "PNC states that the subject is an active MS-13 member per a police intelligence "
        "entry; the same report states no police or criminal record. Not independently "
        "verified by ICE. Underlying court documents not provided.",
        "sans",
        8.8,
        11.3,
    )
    y += 84
    s.form_rows(
        36,
        y,
        540,
        [
            (
                30,
                [
                    (
                        "Enlace SAFE / SAFE liaison",
                        "/f/ Oficial de enlace (nombre reservado) \u2014 ficticio",
                        0.6,
                    ),
                    ("Clasificación", "LAW ENFORCEMENT SENSITIVE", 0.4),
                ],
            )
        ],
        vfont="sans",
        vsize=9,
    )
    s.text(36, y + 64, "Registro de transmisión / Transmission log", "sans-b", 9.5)
    s.table(
        36,
        y + 72,
        [80, 150, 150, 160],
        [
            ["Fecha", "De / From", "Para / To", "Medio / Method"],
            [
                "24/05/2023",
                "PNC \u2014 División Antipandillas",
                "Enlace SAFE (Agregado ICE)",
                "Oficio físico, 5 folios",
            ],
            [
                "26/05/2023",
                "Enlace SAFE",
                "Archivo SAFE San Salvador",
                "Escaneo, registro SAFE-SV-2023-0000",
            ],
            ["30/05/2023", "Enlace SAFE", "ERO Boston \u2014 FUGOPS", "Correo electrónico cifrado"],
            ["31/05/2023", "ERO Boston", "A-file / EARM", "Carga de documento (sin traducción)"],
        ],
        font="sans",
        size=8.2,
    )
    s.text(36, 740, "Remisión SAFE \u00b7 hoja 1 de 6", "sans", 7.5, GRAY)

    # ---------------- pages 2..: the informe ----------------------------
    def pnc_header(sh: Sheet, full: bool) -> float:
        if full:
            sh.circle((70, 70), 26, 1.2)
            sh.circle((70, 70), 21, 0.5)
            sh.text_c(70, 67, "PNC", "serif-b", 10)
            sh.text_c(70, 77, "EL SALVADOR", "sans", 4.2)
            sh.text_c(320, 52, "REPÚBLICA DE EL SALVADOR, C.A.", SB, 10)
            sh.text_c(320, 67, "POLICÍA NACIONAL CIVIL", SB, 15)
            sh.text_c(
                320, 81, "Subdirección de Investigaciones \u2014 División Antipandillas", SF, 9.5
            )
            sh.text_c(320, 93, "Unidad de Enlace Internacional", SF, 9.5)
            sh.hline(36, 576, 104, 1.5)
            sh.hline(36, 576, 106.5, 0.5)
            sh.text(36, 124, f"INFORME POLICIAL N.º {informe_no}", SB, 10.5)
            sh.text_r(576, 124, "San Salvador, 24 de mayo de 2023", SF, 10)
            sh.text(
                36,
                138,
                "Clasificación: RESERVADO \u2014 Para uso exclusivo de autoridades",
                SF,
                9,
                GRAY,
            )
            yy = sh.para(
                36,
                148,
                540,
                "ASUNTO: Informe sobre antecedentes e información de inteligencia policial "
                "del ciudadano salvadoreño DANIEL ALEXANDER RIVAS MEJÍA, solicitado por la "
                "Oficina del Agregado de ICE en el marco del programa SAFE.",
                SB,
                9.8,
                13,
            )
            return yy + 10
        sh.text(36, 48, "POLICÍA NACIONAL CIVIL \u2014 División Antipandillas", SB, 8.5)
        sh.text_r(576, 48, f"Informe {informe_no}", SF, 8.5)
        sh.hline(36, 576, 55, 0.8)
        return 68

    def setup(sh: Sheet, k: int) -> list[pymupdf.Rect]:
        top = pnc_header(sh, k == 0)
        sh.hline(36, 576, 736, 0.5, GRAY)
        return [pymupdf.Rect(36, top, 576, 726)]

    flow = Flow(b, setup)

    def datos(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.form_rows(
            x,
            y,
            w,
            [
                (
                    25,
                    [
                        ("Nombre completo", "DANIEL ALEXANDER RIVAS MEJÍA", 0.45),
                        ("Alias", "no registra (presunto «el Danny», según informante)", 0.55),
                    ],
                ),
                (
                    25,
                    [
                        ("Fecha de nacimiento", DOB_ES, 0.25),
                        ("Edad", "19 años", 0.12),
                        ("Lugar de nacimiento", "San Miguel, departamento de San Miguel", 0.63),
                    ],
                ),
                (
                    25,
                    [
                        (
                            "Documento Único de Identidad (DUI)",
                            "no posee (menor de edad al salir del país)",
                            0.55,
                        ),
                        ("Pasaporte", "B12345678 (ficticio)", 0.45),
                    ],
                ),
                (
                    25,
                    [
                        ("Nombre de la madre", "[reservado]", 0.3),
                        ("Nombre del padre", "[reservado]", 0.3),
                        ("Último domicilio", "Col. Los Almendros, San Miguel (ficticio)", 0.4),
                    ],
                ),
                (
                    25,
                    [
                        ("Ocupación", "estudiante (al salir del país)", 0.4),
                        (
                            "Situación migratoria",
                            "salió del país el 02/07/2019 por el Aeropuerto Internacional",
                            0.6,
                        ),
                    ],
                ),
            ],
            vfont="serif",
            vsize=9,
            lsize=6.2,
        )

    for kind, text in PNC_BODY:
        if kind == "h":
            flow.heading(text, SB, 10.2, before=6, after=3, body_leading=14)
        elif kind == "form":
            flow.block(125, datos, after=8)
        else:
            flow.para(text, SF, 10.2, 14.2, first_indent=18, after=6)

    def firmas(sh: Sheet, x: float, y: float, w: float) -> None:
        sh.text(x, y + 10, "Atentamente,", SF, 10)
        sh.hline(x + 10, x + 230, y + 58, 0.6)
        sh.text(x + 10, y + 70, "Inspector [nombre reservado] (ficticio)", SF, 9.5)
        sh.text(x + 10, y + 82, "Jefe de la Unidad de Enlace Internacional", SF, 9.5)
        sh.hline(x + 300, x + 520, y + 58, 0.6)
        sh.text(x + 300, y + 70, "Subcomisionado [nombre reservado] (ficticio)", SF, 9.5)
        sh.text(x + 300, y + 82, "Jefe de la División Antipandillas", SF, 9.5)
        sh.circle((x + 470, y + 24), 22, 0.8)
        sh.text_c(x + 470, y + 27, "SELLO", "sans", 7, GRAY)
        sh.text(
            x,
            y + 104,
            "Anexos: fotografía (no incluida); copia simple de certificación de la DGCP "
            "(no incluida).",
            SF,
            8.5,
            GRAY,
        )

    flow.y += 6
    flow.block(110, firmas)
    pages = len(flow.pages)

    # ---------------- last page: hoja de consulta (table) ----------------
    s = b.add_page()
    pnc_header(s, False)
    s.text_c(306, 90, "HOJA DE CONSULTA \u2014 SISTEMA DE INTELIGENCIA POLICIAL", SB, 12)
    s.text_c(
        306,
        104,
        "Consulta realizada el 22/05/2023 a las 09:14 horas \u2014 usuario DAP-0000 (ficticio)",
        SF,
        8.5,
    )
    y = s.table(
        36,
        116,
        [62, 92, 82, 92, 62, 150],
        [
            [
                "Fecha de registro",
                "Unidad que registra",
                "Clasificación",
                "Estructura",
                "Fuente",
                "Observaciones",
            ],
            [
                "15/09/2018",
                "Delegación San Miguel",
                "PERFILADO",
                "Pandilla 18 (Sureños)",
                "Patrullaje",
                "Apariencia sospechosa; sin delito; menor de edad.",
            ],
            [
                "11/08/2022",
                "DAP \u2014 Inteligencia",
                "MIEMBRO ACTIVO",
                "MS-13 / clica RLS",
                "Informante",
                "Sujeto fuera del país desde 2019 según Migración.",
            ],
            [
                "02/03/2023",
                "FGR / Juzgado Especializado de Instrucción «B»",
                "ORDEN DE DETENCIÓN",
                "\u2014",
                "Judicial",
                "Agrupaciones ilícitas, Art. 345 CP.",
            ],
            [
                "27/04/2023",
                "OCN INTERPOL San Salvador",
                "NOTIFICACIÓN ROJA",
                "\u2014",
                "INTERPOL",
                "Publicada; control A-12345/6-2023.",
            ],
        ],
        font=SF,
        size=8.4,
        hfont=SB,
    )
    y += 16
    for text in [
        "Observaciones: el registro de 2022 fue ingresado con base en la información de un "
        "informante; no consta verificación de campo. Se advierte la existencia de posibles "
        "homónimos en el departamento de San Miguel. La persona consultada no registra "
        "antecedentes policiales (URAP) y está sin antecedentes penales (DGCP).",
        "Los registros de 2018 y 2022 atribuyen al consultado pertenencia a estructuras "
        "rivales (pandilla 18 y MS-13). No se ha determinado cuál de los dos registros es "
        "correcto.",
    ]:
        y = s.para(36, y, 540, text, SF, 9.8, 13.4) + 8
    y += 10
    s.rect((36, y, 576, y + 60), width=0.7)
    s.text(44, y + 16, "CERTIFICACIÓN", SB, 9.5)
    s.para(
        44,
        y + 20,
        524,
        "Es conforme con los registros del sistema a la fecha y hora de la consulta. Esta hoja "
        "no constituye solvencia policial ni constancia de antecedentes.",
        SF,
        9,
        12,
    )
    # ---------------- last page: DGCP certificate (copia simple) ---------
    s = b.add_page()
    s.rect((40, 40, 572, 730), width=2.0)
    s.rect((46, 46, 566, 724), width=0.6)
    s.text_c(306, 78, "REPÚBLICA DE EL SALVADOR", SB, 11)
    s.text_c(306, 96, "MINISTERIO DE JUSTICIA Y SEGURIDAD PÚBLICA", SB, 10)
    s.text_c(306, 112, "DIRECCIÓN GENERAL DE CENTROS PENALES", SB, 12)
    s.text_c(306, 126, "Unidad de Registro y Control Penitenciario", SF, 9.5)
    s.text_c(306, 160, "CERTIFICACIÓN DE ANTECEDENTES PENALES", SB, 14)
    s.text_c(
        306,
        176,
        "(copia simple remitida por la PNC \u2014 anexo al informe " + informe_no + ")",
        SF,
        8.5,
        GRAY,
    )
    y = 200
    for text in [
        "El infrascrito Jefe de la Unidad de Registro y Control Penitenciario CERTIFICA: que "
        "habiéndose consultado los registros a su cargo, a fin de establecer si la persona que "
        "se detalla posee o no Registros de Antecedentes Penales, se obtuvo el resultado "
        "siguiente:"
    ]:
        y = s.para(72, y, 468, text, SF, 10.5, 15) + 10
    y = s.form_rows(
        72,
        y,
        468,
        [
            (
                28,
                [
                    ("Nombre", "DANIEL ALEXANDER RIVAS MEJÍA", 0.6),
                    ("Fecha de nacimiento", DOB_ES, 0.4),
                ],
            ),
            (
                28,
                [
                    ("Documento presentado", "Pasaporte B12345678 (ficticio)", 0.6),
                    ("Solicitante", "Policía Nacional Civil \u2014 DAP", 0.4),
                ],
            ),
        ],
        vfont="serif",
        vsize=10,
        lsize=6.5,
    )
    y += 18
    s.rect((72, y, 540, y + 40), width=1.2)
    s.text_c(306, y + 25, "SIN ANTECEDENTES PENALES", SB, 15)
    y += 60
    for text in [
        "La persona arriba mencionada no registra antecedentes penales en el sistema de registro "
        "penitenciario a la fecha de la presente certificación. La presente no incluye "
        "información de registros policiales ni de inteligencia, los cuales corresponden a la "
        "Policía Nacional Civil.",
        "Y para los usos que el interesado estime convenientes, se extiende la presente en la "
        "ciudad de San Salvador, a los veintitrés días del mes de mayo de dos mil veintitrés.",
    ]:
        y = s.para(72, y, 468, text, SF, 10.5, 15) + 10
    s.hline(200, 412, y + 60, 0.6)
    s.text_c(306, y + 74, "[firma ilegible] \u2014 nombre reservado (ficticio)", SF, 9.5)
    s.text_c(306, y + 87, "Jefe, Unidad de Registro y Control Penitenciario", SF, 9.5)
    s.circle((470, y + 40), 28, 0.8)
    s.text_c(470, y + 43, "SELLO DGCP", "sans", 6.5, GRAY)
    s.text(
        72,
        700,
        "Certificación N.º DGCP-0000-2023 (ficticia) \u00b7 válida por 90 días \u00b7 "
        "sin validez para trámites en el extranjero sin apostilla",
        SF,
        7.5,
        GRAY,
    )

    pages = len(b.sheets) - 1
    for k, sh in enumerate(b.sheets[1:]):
        sh.text_c(306, 748, f"Página {k + 1} de {pages}", SF, 8)
    b.finish(outdir)
    return b


# ==========================================================================
# 05  INTERPOL Red Notice extract
# ==========================================================================
def make_doc05(fonts: Fonts, outdir: Path, bates: int) -> DocBuilder:
    b = DocBuilder(
        fonts,
        "05_interpol_red_notice_extract.pdf",
        "INTERPOL Red Notice extract with USNCB letter - FICTIONAL SAMPLE",
        "Fictional sample case: INTERPOL Red Notice extract for RIVAS MEJIA, Daniel Alexander",
        "05",
        bates,
    )
    SF = "serif"

    # ---------------- page 1: USCIS record insert ------------------------
    s = b.add_page()
    s.text(36, 52, "U.S. Citizenship and Immigration Services", "sans-b", 13)
    s.text(36, 66, "Boston Field Office (fictional address)", "sans", 9.5)
    s.hline(36, 576, 76, 1.3)
    s.text_c(306, 100, "RECORD OF PROCEEDING \u2014 DOCUMENT INSERT", "sans-b", 13)
    s.text_c(306, 116, "Attachment C to Notice of Intent to Deny \u2014 Form I-485", "sans", 10.5)
    y = s.form_rows(
        36,
        128,
        540,
        [
            (
                26,
                [
                    ("Applicant", f"{R_LAST_ASCII}, Daniel Alexander", 0.45),
                    ("A-number", A_NUM, 0.25),
                    ("Receipt number", "MSC0000000000 (fictional)", 0.3),
                ],
            ),
            (
                26,
                [
                    ("Notice of Intent to Deny issued", "08/15/2023", 0.3),
                    ("Response due", "09/17/2023 (33 days incl. mailing)", 0.4),
                    ("Officer", "IO [withheld] (fictional)", 0.3),
                ],
            ),
        ],
        vfont="sans",
        vsize=9.5,
        lsize=6.3,
    )
    y += 16
    for text in [
        "The pages that follow reproduce an extract of an INTERPOL Red Notice and a letter from "
        "INTERPOL Washington, the U.S. National Central Bureau. USCIS obtained these records from "
        "U.S. Immigration and Customs Enforcement (ICE). They are part of the derogatory "
        "information described in the Notice of Intent to Deny.",
        "Under 8 C.F.R. 103.2(b)(16)(i), the applicant is advised of this derogatory "
        "information and may submit evidence in rebuttal before the decision is made. USCIS "
        "has not independently verified the information in the extract. The applicant may "
        "respond to every statement in it, including the identity of the person named, the "
        "charge, and the reliability of the information from the requesting country.",
        "The Notice of Intent to Deny does not rely on the Red Notice alone. It also cites the "
        "gang database printout (Attachment A) and the police report received through the SAFE "
        "program (Attachment B).",
    ]:
        y = s.para(36, y, 540, text, SF, 10, 13.8) + 8
    y = (
        s.table(
            36,
            y + 6,
            [70, 250, 140, 80],
            [
                ["Attachment", "Document", "Source", "Pages"],
                [
                    "A",
                    "Gang Assessment Database subject detail report",
                    "Boston Regional Intelligence Center (via ICE)",
                    "4",
                ],
                [
                    "B",
                    "Informe policial PNC-DAP-UEI-0000-2023 with SAFE transmittal",
                    "PNC El Salvador (via ICE SAFE)",
                    "6",
                ],
                [
                    "C",
                    "INTERPOL Red Notice extract and USNCB memorandum",
                    "INTERPOL Washington (via ICE)",
                    "4",
                ],
                [
                    "D",
                    "School police incident report SP-21-04417",
                    "Eastfield Harbor Public Schools",
                    "4",
                ],
            ],
            font="sans",
            size=8.4,
        )
        + 4
    )
    s.rect((36, y + 10, 576, y + 76), width=0.7)
    s.text(44, y + 26, "Reading the extract", "sans-b", 9.5)
    s.para(
        44,
        y + 30,
        524,
        "A Red Notice is a request to law enforcement worldwide to locate and provisionally "
        "arrest a person pending extradition or similar legal action. It is not an arrest "
        "warrant. The Spanish-language section is a courtesy translation supplied by the "
        "requesting NCB.",
        "sans",
        8.8,
        11.4,
    )
    s.text(36, 740, "USCIS Boston \u00b7 Attachment C \u00b7 page 1 of 4", "sans", 7.5, GRAY)

    # ---------------- page 2: English extract ----------------------------
    def notice_head(sh: Sheet, title: str, sub: str) -> float:
        sh.text(36, 56, "INTERPOL", "sans-b", 22, NAVY)
        sh.text(36, 68, "International Criminal Police Organization", "sans", 7.5, NAVY)
        sh.fill((330, 38, 576, 70), RED)
        tsize = 13.0
        while fonts.width(title, "sans-b", tsize) > 232:
            tsize -= 0.5
        sh.text_c(453, 53, title, "sans-b", tsize, WHITE)
        sh.text_c(453, 65, sub, "sans", 7.5, WHITE)
        sh.hline(36, 576, 78, 1.0, NAVY)
        return 84

    s = b.add_page()
    y = notice_head(s, "RED NOTICE \u2014 EXTRACT", "For law enforcement use only")
    s.text(
        36,
        y + 12,
        f"Control number: {RN_CONTROL}   \u00b7   Date of publication: 27/04/2023   "
        "\u00b7   Requesting NCB: NCB San Salvador",
        "sans-b",
        8.3,
    )
    lab, val = 150, 390

    def fields(
        sh: Sheet, y: float, title: str, rows: list[tuple[str, str]], font: str = SF
    ) -> float:
        y = sh.section_bar(36, 576, y, title, fill=(0.86, 0.89, 0.95), color=NAVY)
        return sh.table(
            36, y, [lab, val], [[a, c] for a, c in rows], font=font, size=8.6, header_rows=0, pad=3
        )

    y = fields(
        s,
        y + 20,
        "IDENTITY PARTICULARS",
        [
            ("Family name", R_LAST_ASCII),
            ("Forename", "DANIEL ALEXANDER"),
            ("Sex", "Male"),
            ("Date of birth", "14/03/2004"),
            ("Place of birth", "San Miguel, El Salvador"),
            ("Nationality", "El Salvador"),
            ("Height / weight", "1.70 m / 66 kg"),
            ("Colour of hair / eyes", "Black / brown"),
            ("Distinguishing marks", "None known"),
            ("Language(s) spoken", "Spanish, English"),
            (
                "Photograph",
                "Available; not reproduced in this extract. The photograph (2019) shows "
                "the subject wearing a red jacket and a white shirt.",
            ),
        ],
    )
    y = fields(
        s,
        y + 10,
        "JUDICIAL INFORMATION",
        [
            (
                "Charge",
                "Agrupaciones ilícitas (illicit associations), Art. 345, Penal Code of El Salvador",
            ),
            (
                "Arrest warrant",
                "Order of detention issued 02/03/2023 by the Juzgado Especializado de "
                'Instrucción "B", San Salvador (fictional no. 0000-2023)',
            ),
            ("Maximum penalty", "As stated by NCB San Salvador (not verified)"),
            (
                "Summary of facts",
                "According to NCB San Salvador, the subject is allegedly an active member "
                'of the MS-13 structure "Ribera Locos Salvatrucha" in San Miguel and '
                "allegedly acted as a lookout for the gang between 2018 and 2019. The "
                "requesting country states that the information derives from police "
                "intelligence records and informant information.",
            ),
            (
                "Prior circulation",
                "A Wanted Person Diffusion was circulated by NCB San Salvador on "
                "10/02/2023 to selected member countries (Americas region).",
            ),
            (
                "Action requested",
                "Locate and provisionally arrest with a view to extradition; "
                "inform NCB San Salvador and the INTERPOL General Secretariat.",
            ),
        ],
    )
    y = s.para(
        36,
        y + 12,
        540,
        "This extract was prepared by INTERPOL Washington from the version of the notice "
        "available to U.S. law enforcement agencies through the secure I-24/7 police "
        "network, and it reproduces only part of the Red<br>Notice; it does not contain the "
        "underlying judicial documents. Member countries apply their own laws in deciding "
        "whether to arrest a person who is the subject of a notice. The notice is valid "
        "for five years from publication unless cancelled or renewed.",
        SF,
        9.4,
        12.6,
    )
    s.text(36, 740, "INTERPOL extract \u00b7 page 2 of 4", "sans", 7.5, GRAY)

    # ---------------- page 3: Spanish courtesy version -------------------
    s = b.add_page()
    y = notice_head(
        s, "NOTIFICACIÓN ROJA \u2014 EXTRACTO", "Traducción de cortesía \u2014 OCN San Salvador"
    )
    s.text(
        36,
        y + 12,
        f"Número de control: {RN_CONTROL}   \u00b7   Fecha de publicación: 27/04/2023   "
        "\u00b7   OCN solicitante: San Salvador",
        "sans-b",
        8.3,
    )
    y = fields(
        s,
        y + 20,
        "DATOS DE IDENTIDAD",
        [
            ("Apellidos", "RIVAS MEJÍA"),
            ("Nombres", "DANIEL ALEXANDER"),
            ("Sexo", "Masculino"),
            ("Fecha de nacimiento", "14/03/2004"),
            ("Lugar de nacimiento", "San Miguel, El Salvador"),
            ("Nacionalidad", "Salvadoreña"),
            ("Señas particulares", "Ninguna conocida"),
        ],
    )
    y = fields(
        s,
        y + 10,
        "INFORMACIÓN JUDICIAL",
        [
            ("Delito", "agrupaciones ilícitas, Art. 345 del Código Penal"),
            (
                "Orden de detención",
                "Juzgado Especializado de Instrucción «B» de San Salvador, 02/03/2023",
            ),
            (
                "Resumen de los hechos",
                "Según la Policía Nacional Civil, el requerido es presunto miembro "
                "activo de la clica «Ribera Locos Salvatrucha» de la MS-13 y "
                "presuntamente habría servido como vigilante («poste») de dicha "
                "estructura. La información proviene de registros de inteligencia "
                "policial; el requerido no registra antecedentes penales.",
            ),
            ("Difusión previa", "Difusión roja circulada el 10/02/2023 a países de la región."),
        ],
    )
    y += 12
    for text in [
        "La Secretaría General de INTERPOL publicó la presente notificación a solicitud de la "
        "Oficina Central Nacional (OCN) de San Salvador, República de El Salvador, el "
        "27/04/2023. Esta notificación<br>roja se basa en la orden de detención indicada. Una "
        "notificación roja no es "
        "una orden internacional de detención; cada país miembro decide, conforme a su "
        "legislación, si procede la detención provisional de la persona requerida.",
        "Cualquier información sobre el paradero del requerido debe comunicarse a la OCN "
        "INTERPOL San Salvador o a la Secretaría General de INTERPOL. Fotografía disponible en "
        "el expediente de la OCN (no se reproduce).",
    ]:
        y = s.para(36, y, 540, text, SF, 9.8, 13.2) + 7
    s.text(36, 740, "INTERPOL extracto \u00b7 página 3 de 4", "sans", 7.5, GRAY)

    # ---------------- page 4: INTERPOL Washington letter -----------------
    s = b.add_page()
    s.text(36, 52, "U.S. Department of Justice", "serif-b", 12)
    s.text(36, 66, "INTERPOL Washington \u2014 U.S. National Central Bureau (USNCB)", "serif", 10)
    s.text(36, 78, "Washington, DC (address omitted in sample)", "serif", 8.5, GRAY)
    s.hline(36, 576, 86, 1.2)
    s.text_r(576, 104, "June 1, 2023", SF, 10)
    y = 120
    for line in [
        "MEMORANDUM FOR: Field Office Director, ICE ERO Boston",
        "FROM: Duty Officer, Fugitive Division, INTERPOL Washington (fictional)",
        f"SUBJECT: INTERPOL Red Notice {RN_CONTROL} \u2014 RIVAS MEJIA, Daniel Alexander, DOB "
        f"03/14/2004",
    ]:
        y = s.para(36, y, 540, line, "serif-b", 9.8, 13)
    s.hline(36, 576, y + 4, 0.6)
    y += 14
    for text in [
        "In response to your query of May 31, 2023, INTERPOL Washington confirms that the Red "
        "Notice identified above was published at the request of NCB San Salvador on April 27, "
        "2023, and was valid as of the date of this memorandum. NCB San Salvador previously "
        "circulated a Wanted Person Diffusion for the same person on February 10, 2023.",
        "A Red Notice is not an arrest warrant. INTERPOL Washington does not review the evidence "
        "that supports the charge in the requesting country and cannot confirm the reliability "
        "of the information provided by NCB San Salvador. The identification is based on name "
        "and date of birth; no fingerprints were provided with the notice.",
        "The notice has not been entered into the NCIC Foreign Fugitive File, because the "
        "information supplied by the requesting country did not meet NCIC entry criteria. An "
        "NCIC query on this subject may therefore return negative or possible-match results.",
        "Consistent with ICE policy, a Red Notice or diffusion should not be the sole basis for "
        "an enforcement action or for a custody or benefits decision. INTERPOL Washington "
        "recommends that you obtain the underlying judicial documents through NCB San Salvador "
        "and confirm that the notice is current before relying on it. We understand that the "
        "subject was served a Notice to Appear on June 14, 2023; please notify INTERPOL "
        "Washington of any removal so that NCB San Salvador can be informed.",
        "Questions may be directed to the INTERPOL Washington Command and Coordination Center. "
        "This memorandum contains law enforcement sensitive information and must not be "
        "released outside DHS without the consent of INTERPOL Washington.",
    ]:
        y = s.para(36, y, 540, text, SF, 10, 13.8) + 8
    s.text(36, y + 26, "/s/ Duty Officer [name withheld] (fictional)", "serif-i", 10)
    s.text(36, y + 40, "Fugitive Division, INTERPOL Washington", SF, 10)
    s.text(36, y + 60, "cc: USCIS Boston Field Office (copy placed in record)", SF, 8.5, GRAY)
    s.text(36, 740, "USNCB memorandum \u00b7 page 4 of 4", "sans", 7.5, GRAY)
    b.finish(outdir)
    return b


# ==========================================================================
# 06  fusion-center bulletin in two columns
# ==========================================================================
BULLETIN = [
    ("h", "Gang recruitment at schools: partners report MS-13 and Barrio 18 activity"),
    (
        "p",
        "Partner agencies across the region reportedly observed continued recruitment of "
        "high-school students by MS-13 and Barrio 18 cliques during the 2022\u20132023 school "
        "year. The Boston Regional Intelligence Center (BRIC) reports that school resource "
        "officers submitted 41 field interview reports that referenced a possible gang "
        "affiliation. Most were based on clothing or on association with other students; "
        "few involved criminal conduct.",
    ),
    (
        "p",
        "The Northern California Regional Intelligence Center (NCRIC) and the Los Angeles "
        "Joint Regional Intelligence Center (JRIC) described similar patterns involving "
        "Sureños sets and the 18th Street gang. The New York State Intelligence Center "
        "(NYSIC) reported Trinitarios and Latin Kings activity near two transit hubs.",
    ),
    (
        "p",
        "Analysts caution that blue clothing, rosaries and sports jerseys are common among "
        "students and are unreliable indicators on their own. The information in this "
        "article has not been independently verified and may be incomplete.",
    ),
    ("box", "SUBJECT OF INTEREST \u2014 AWARENESS ONLY"),
    (
        "bp",
        "RIVAS MEJÍA, Daniel Alexander (DOB 03/14/2004), a Salvadoran national residing in "
        "Chelsea, MA, is reportedly an MS-13 associate according to the BRIC Gang Assessment "
        'Database (8 points; status "Gang Associate"). The Policía Nacional Civil of El '
        "Salvador states that he is an active member of the MS-13; the same report says he "
        "has no criminal record. An INTERPOL Red Notice (charge: agrupaciones ilícitas) was "
        "published at the request of NCB San Salvador.",
    ),
    (
        "bp",
        "The subject has no U.S. criminal record (NCIC negative). ICE ERO Boston took him into "
        "custody on 06/13/2023; he is held at a county detention center. His gang status is "
        "unconfirmed. It has not been verified by the BRIC. Questions should go to the BRIC or "
        "to the fusion<br>center watch desk of the issuing network.",
    ),
    ("endbox", ""),
    ("h", "Regional overview: first half of 2023"),
    (
        "p",
        "Partner centers reported the following gang-related activity for January through "
        "May 2023. Figures are preliminary, come from different record systems and are not "
        'comparable across jurisdictions. "Gang-related" is defined by each reporting '
        "agency; several agencies count any incident involving a person listed in a gang "
        "database, whether or not the incident itself involved a gang.",
    ),
    ("table", "incidents"),
    (
        "p",
        "In the Boston area, most contacts recorded as gang-related were field interviews "
        "of young people in groups rather than incidents involving violence. Analysts at "
        "the BRIC describe a possible link between two spring assaults in East Boston and an "
        "MS-13 clique, but no arrests have been made and the link remains unconfirmed.",
    ),
    ("h", "SAFE referrals from Central America increase"),
    (
        "p",
        "ICE Enforcement and Removal Operations reports that the Security Alliance for "
        "Fugitive Enforcement (SAFE) program continues to generate referrals from Central "
        "American partners. SAFE reports from El Salvador's Policía Nacional Civil often rely "
        'on police intelligence "fichas" and on informant information rather than on '
        "convictions.",
    ),
    (
        "p",
        "Partners are reminded that a SAFE report is not a conviction record. Analysts should "
        "request the underlying court documents and note any hedged language, such as "
        '"presunto" or "sin antecedentes", when summarizing a SAFE report in a product.',
    ),
    ("h", "How a field interview becomes a database entry"),
    (
        "p",
        "A typical entry begins with a field interview/observation (FIO) card completed by a "
        "patrol officer or school resource officer. The card records who was present, what "
        "they wore and where they were. A gang unit detective then reviews the card and "
        "assigns points for criteria such as gang paraphernalia or association with a "
        "verified gang member. Once a person reaches the threshold, the database shows a "
        'status such as "Gang Associate" or "Gang Member".',
    ),
    (
        "p",
        "The person is usually not told of the entry and often never speaks to the detective "
        "who scores it. When the status is later shared with a federal partner, the original "
        "context - a school uniform, a bus stop, a victim report - is often lost. Analysts "
        "preparing products for partners should attach the underlying FIO narratives "
        "whenever they can.",
    ),
    ("h", "Partner spotlight: LA-SAFE"),
    (
        "p",
        "This month we highlight the Louisiana State Analytical & Fusion Exchange (LA-SAFE), "
        "Louisiana's primary fusion center. LA-SAFE analysts described how they vet suspicious "
        "activity reports before submission to the Nationwide SAR Initiative (NSI) and how "
        "they track requests from federal partners.",
    ),
    (
        "p",
        "LA-SAFE staff noted that hurricane season places heavy demands on the center, which "
        "also supports emergency operations. LA-SAFE is not connected with the ICE SAFE "
        "program; the shared letters are a coincidence that regularly confuses keyword "
        "searches.",
    ),
    ("h", "Legal and policy update"),
    (
        "p",
        "A federal appeals court in 2022 described one city's point-based gang database as "
        "an erratic point system built on unsubstantiated inferences, in a case in which an "
        "immigration judge had relied on a gang database entry. According to press reports, "
        "the Boston Police Department removed more than 600 names from its database in early "
        "2022 after a review. Several states now require notice to parents before a minor is "
        "entered in a gang database.",
    ),
    (
        "p",
        "ICE is reportedly revising its guidance on the use of INTERPOL notices and diffusions. "
        "The draft is said to bar reliance on a notice alone and to require confirmation that "
        "a notice is current. Partners should expect more requests for underlying documents.",
    ),
    ("h", "INTERPOL notices: a primer for analysts"),
    (
        "p",
        "A Red Notice is a request to law enforcement worldwide to locate and provisionally "
        "arrest a person pending extradition, surrender or similar legal action. It is not an "
        "arrest warrant. A diffusion, such as a Wanted Person Diffusion, is circulated by one "
        "member country directly to selected countries and is not reviewed by the General "
        "Secretariat before it is sent.",
    ),
    (
        "p",
        "Yellow notices concern missing persons, and blue notices request additional "
        "information about a person of interest. Before an INTERPOL Red<br>Notice is cited in a "
        "bulletin, "
        "analysts should confirm with INTERPOL Washington (USNCB) that it is current and "
        "should state whether the underlying documents were reviewed. Notices from countries "
        "under a state of exception may rest on police intelligence alone.",
    ),
    ("h", "Central America: security and weather"),
    (
        "p",
        "El Salvador's state of exception, first declared in March 2022, remains in force. "
        "Human rights groups report that many detentions under the exception were based on "
        "anonymous tips or on police intelligence files rather than on evidence of a crime; "
        "some detainees were released after months in custody. Honduras is restructuring its "
        "anti-gang force FNAMP into DIPAMPCO, and Guatemala's DIPANDA continues operations "
        "against Barrio 18 and MS-13 structures.",
    ),
    (
        "p",
        "Separately, El Salvador's civil protection agency declared an alerta roja for heavy "
        "rains in the eastern departments in June. That is a weather emergency level, not an "
        "INTERPOL notice; analysts reviewing Spanish-language news should not confuse the "
        "two.",
    ),
    ("h", "Task force notes"),
    (
        "p",
        "The FBI Safe Streets Task Force in the region reports two federal indictments "
        "against members of a local Bloods set for firearms trafficking. The El Paso "
        "Intelligence Center (EPIC) issued a drug-trafficking trend report on fentanyl "
        "pill presses. The National Gang Intelligence Center has published its annual "
        "threat assessment. HSI BEST units in the region made four seizures.",
    ),
    (
        "p",
        "None of the entities named in this item is a fusion center; their products are "
        "summarized here for awareness and are available through HSIN and LEEP.",
    ),
    (
        "p",
        'A FOIA release describing ICE\'s 2017 "Operation SAFE Cities" is now available in '
        "the reading room; it concerns enforcement in sanctuary jurisdictions and is "
        "unrelated to the SAFE fugitive program.",
    ),
    ("h", "Suspicious activity reporting reminders"),
    (
        "p",
        "Suspicious activity reports (SARs) shared through the Nationwide SAR Initiative must "
        "describe observed behavior reasonably indicative of pre-operational planning "
        "associated with terrorism or other criminal activity. Ethnicity, religion, "
        "national origin and clothing are not suspicious behavior. SARs that do not meet the "
        "standard will be returned to the submitting agency by the fusion center's vetting "
        "analyst and will not be pushed to eGuardian or the JTTF.",
    ),
    ("h", "Analytic note: reliability of gang indicators"),
    (
        "p",
        'Point-based gang databases assign points for criteria such as "gang paraphernalia" '
        'and "associating with a verified gang member". Reviews of these systems found '
        "entries based on school uniforms, on religious items and on being seen at a bus "
        "stop. A person listed as a gang associate may never have been arrested.",
    ),
    (
        "p",
        "When a product relies on a database status, analysts should state the criteria that "
        "produced it and the dates of the underlying contacts, identify the source agency, "
        'and use qualifiers such as "reportedly", "alleged" or "unverified" where the '
        "information has not been corroborated. A subject who denied gang membership should "
        "be described as such.",
    ),
    ("table", "terms"),
    ("h", "Case study: one name, three records"),
    (
        "p",
        "A recent request illustrates how name-based checks can mislead. A partner asked for "
        '"any gang information" on a young Salvadoran man. A name query returned three '
        "records: a Boston gang database entry based on two field interviews, a foreign police "
        "intelligence file that described the same man first as a Barrio 18 member and later "
        "as an MS-13 member, and a foreign arrest warrant based on that intelligence file.",
    ),
    (
        "p",
        "None of the records involved a conviction, and the foreign file listed possible "
        "namesakes (homónimos). The two foreign entries name rival gangs, which is unusual "
        "for a single person and should prompt a closer look. Analysts should report such "
        "conflicts rather than resolve them silently, and should describe each record by its "
        "source and date.",
    ),
    ("table", "training"),
    ("h", "Cyber: phishing aimed at partner agencies"),
    (
        "p",
        "Several partners received e-mails that appeared to come from a records unit and asked "
        'recipients to "verify" their credentials for a law enforcement portal. The links '
        "led to look-alike login pages. Do not enter credentials from a link in an e-mail; "
        "open the portal from a saved bookmark instead and report the message to your "
        "information security office. Keeping credentials safe protects every partner on "
        "the network.",
    ),
    ("h", "Fraud alert: ATM skimmers"),
    (
        "p",
        "Chelsea and Revere police report skimming devices found on two PNC Bank ATMs and on a "
        "convenience-store card terminal. The devices were believed to be installed by the "
        "same crew. Customers should keep cards in a safe place and report suspicious "
        "readers to their bank.",
    ),
    ("h", "Detention and facility updates"),
    (
        "p",
        "The county detention center liaison desk has moved to Room 3B. Visiting hours at "
        "the regional processing center are unchanged. The National Records Center advises "
        "that FOIA requests for A-files may take several months.",
    ),
    ("h", "Officer safety: summer heat"),
    (
        "p",
        "Heat illness is preventable. Keep water in patrol vehicles, take breaks in the shade "
        "and watch partners for confusion or cramps. A vehicle is never a safe place to "
        "leave a person or a K-9 in summer. Supervisors should make sure that outdoor "
        "details rotate every hour when the heat index is above 95 degrees.",
    ),
    ("h", "Staff notes"),
    (
        "p",
        "Senior analyst J. Moreau (fictional) returns next month after spinal fusion surgery; "
        "we wish her a full recovery. The quarterly partner lunch will feature Asian\u2013Latin "
        "fusion cuisine from a local food truck. Analysts covering the BRICS economic summit "
        "should note that BRICS is unrelated to the BRIC. Stay safe during the summer heat "
        "and remember the building's safe room procedures.",
    ),
    ("table", "partners"),
    ("h", "Contacts and submissions"),
    ("table", "contacts"),
    (
        "p",
        "Items for the next issue are due on the 20th of the month. Submissions should name the "
        "source agency and the date of the underlying information, state whether the "
        "information has been verified, and avoid personally identifying details unless they "
        "are needed for officer safety or an active investigation. Corrections to earlier "
        "issues are published in the following issue; a correction notice concerning the "
        "subject of interest in this issue will be published if his status changes.",
    ),
    (
        "p",
        "Privacy and civil liberties: fusion centers operate under written privacy policies. "
        "Information about a person's political or religious activity may not be collected "
        "or shared unless it directly relates to criminal conduct. Requests to review "
        "information held by a partner center should be sent to that center's privacy "
        "officer.",
    ),
    (
        "p",
        "This bulletin is produced by the Northeast Regional Fusion Network, a fictional "
        "issuer invented for this sample. Contributions from partner centers are "
        "paraphrased and have not been independently verified. Do not use any item in this "
        "bulletin as the sole basis for an enforcement action.",
    ),
]

BULLETIN_TABLES: dict[str, tuple[str, list[list[str]], list[float]]] = {
    "partners": (
        "Partner centers cited in this issue",
        [
            ["Center", "Acronym", "Type"],
            ["Boston Regional Intelligence Center", "BRIC", "Recognized (urban area)"],
            ["Commonwealth Fusion Center", "CFC", "Primary (MA)"],
            ["Northern California Regional Intelligence Center", "NCRIC", "Recognized"],
            ["Los Angeles Joint Regional Intelligence Center", "JRIC", "Recognized"],
            ["New York State Intelligence Center", "NYSIC", "Primary (NY)"],
            ["Delaware Valley Intelligence Center", "DVIC", "Recognized"],
            ["Louisiana State Analytical & Fusion Exchange", "LA-SAFE", "Primary (LA)"],
        ],
        [0.52, 0.2, 0.28],
    ),
    "incidents": (
        "Gang-related incidents reported by partners (preliminary)",
        [
            ["Area", "Incidents", "Arrests", "Note"],
            ["Boston metro", "212", "64", "BRIC; includes FIO-only contacts"],
            ["Providence metro", "88", "31", "State fusion center"],
            ["Hartford metro", "75", "22", "Excludes juveniles"],
            ["Long Island", "140", "57", "MS-13 focus; NYSIC"],
            ["Newark metro", "121", "40", "NJ ROIC"],
        ],
        [0.3, 0.18, 0.16, 0.36],
    ),
    "terms": (
        "Training calendar (summer 2023)",
        [
            ["Date", "Course", "Host"],
            ["07/11", "Gang indicators and their limits", "BRIC (in person)"],
            ["07/19", "Reading foreign police records", "NCRIC (virtual)"],
            ["08/02", "INTERPOL notices and diffusions", "USNCB (virtual)"],
            ["08/16", "SAR vetting workshop", "LA-SAFE (virtual)"],
            ["08/30", "Spanish for analysts: police terms", "JRIC (virtual)"],
        ],
        [0.16, 0.54, 0.3],
    ),
    "training": (
        "Spanish terms that appear in foreign police records",
        [
            ["Term", "Meaning", "Note"],
            ["pandillero / marero", "gang member", "label, not a charge"],
            ["presunto", "alleged, suspected", "hedge"],
            ["ficha (policial)", "police file entry", "often intelligence only"],
            ["perfilado", "profiled", "not a conviction"],
            ["sin antecedentes", "no record", "exculpatory"],
            ["difusión roja", "red diffusion", "INTERPOL channel"],
            ["notificación roja", "Red Notice", "INTERPOL"],
            ["agrupaciones ilícitas", "illicit associations", "Art. 345 CP (SV)"],
        ],
        [0.34, 0.33, 0.33],
    ),
    "contacts": (
        "Watch desks (numbers fictional)",
        [
            ["Desk", "Hours", "Telephone"],
            ["Network watch desk", "24/7", "(000) 555-0110"],
            ["BRIC watch desk", "24/7", "(000) 555-0199"],
            ["Gang analysis unit", "M-F 0800-1700", "(000) 555-0123"],
            ["Privacy / civil liberties officer", "M-F 0900-1700", "(000) 555-0145"],
        ],
        [0.5, 0.22, 0.28],
    ),
}


def make_doc06(fonts: Fonts, outdir: Path, bates: int) -> DocBuilder:
    b = DocBuilder(
        fonts,
        "06_fusion_center_bulletin.pdf",
        "Northeast Regional Intelligence Digest - Issue 23-06 - FICTIONAL SAMPLE",
        "Fictional fusion-center bulletin mentioning RIVAS MEJIA, Daniel A.",
        "06",
        bates,
    )
    SF, size, lead = "serif", 9.4, 12.4
    gutter, x0, x1 = 20, 40, 572
    colw = (x1 - x0 - gutter) / 2

    def columns(top: float, bottom: float = 742) -> list[pymupdf.Rect]:
        return [
            pymupdf.Rect(x0, top, x0 + colw, bottom),
            pymupdf.Rect(x0 + colw + gutter, top, x1, bottom),
        ]

    def setup(s: Sheet, k: int) -> list[pymupdf.Rect]:
        if k == 0:
            s.fill((36, 32, 576, 98), NAVY)
            s.text(46, 62, "NORTHEAST REGIONAL", "sans-b", 24, WHITE)
            s.text(46, 88, "INTELLIGENCE DIGEST", "sans-b", 24, WHITE)
            s.text_r(566, 52, "Issue 23-06 \u00b7 June 2023", "sans-b", 10, WHITE)
            s.text_r(566, 66, "Northeast Regional Fusion Network", "sans", 8.5, WHITE)
            s.text_r(566, 77, "(fictional issuer)", "sans", 8.5, WHITE)
            s.text_r(566, 90, "with contributions from partner fusion centers", "sans", 7.5, WHITE)
            s.fill((36, 98, 576, 112), (0.8, 0.1, 0.1))
            s.text_c(
                306,
                108,
                "UNCLASSIFIED // LAW ENFORCEMENT SENSITIVE \u2014 do not release to the public or "
                "media",
                "sans-b",
                7.5,
                WHITE,
            )
            s.text(
                40,
                128,
                "In this issue: school recruitment trends \u00b7 subject of interest \u00b7 SAFE "
                "referrals "
                "\u00b7 LA-SAFE spotlight \u00b7 INTERPOL primer \u00b7 task force notes",
                "sans-i",
                8,
                GRAY,
            )
            s.hline(36, 576, 134, 0.7)
            top = 144
        else:
            s.text(40, 46, "NORTHEAST REGIONAL INTELLIGENCE DIGEST", "sans-b", 8.5, NAVY)
            s.text_r(572, 46, "Issue 23-06 \u00b7 UNCLASSIFIED // LES", "sans", 8, NAVY)
            s.hline(36, 576, 52, 1.0, NAVY)
            top = 64
        s.vline(306, top, 742, 0.4, MID)
        s.hline(36, 576, 750, 0.4, MID)
        return columns(top)

    flow = Flow(b, setup)
    box_start: list[tuple[Sheet, int, float]] = []
    for kind, text in BULLETIN:
        if kind == "h":
            flow.heading(text, "sans-b", 11, before=8, after=4, color=NAVY, body_leading=lead)
        elif kind == "p":
            flow.para(text, SF, size, lead, after=5)
        elif kind == "box":
            flow.space(6)
            flow.ensure(60)
            box_start.append((flow.sheet, flow.fi, flow.y))
            fr = flow.frame
            flow.sheet.fill((fr.x0 - 4, flow.y, fr.x1 + 4, flow.y + 15), (0.8, 0.1, 0.1))
            flow.sheet.text(fr.x0, flow.y + 10.8, text, "sans-b", 7.6, WHITE)
            flow.y += 19
        elif kind == "bp":
            flow.para(text, "sans", 8.6, 11.4, after=4)
        elif kind == "endbox":
            sh, fi, ytop = box_start.pop()
            fr = flow.frame
            if sh is flow.sheet and fi == flow.fi:
                sh.rect((fr.x0 - 4, ytop, fr.x1 + 4, flow.y + 2), width=1.0, color=(0.8, 0.1, 0.1))
            flow.space(8)
        elif kind == "table":
            title, rows, fracs = BULLETIN_TABLES[text]
            widths = [colw * f for f in fracs]
            h = flow.sheet.table(
                0, 0, widths, rows, font="cond", size=7.6, hfont="cond-b", draw=False
            )
            flow.space(4 if text != "partners" else 6)

            def draw_table(
                sh: Sheet,
                x: float,
                y: float,
                w: float,
                title: str = title,
                rows: list[list[str]] = rows,
                widths: list[float] = widths,
            ) -> None:
                sh.titled_table(x, y, title, widths, rows)

            flow.block(h + 14, draw_table, after=8)
    total = len(flow.pages)
    for k, sh in enumerate(flow.pages):
        sh.text_c(306, 762, f"\u2014 {k + 1} of {total} \u2014", "sans", 7.5, GRAY)
    b.finish(outdir)
    return b


# ==========================================================================
# scanned (image-only) twins
# ==========================================================================
def skew(pix: pymupdf.Pixmap, angle_deg: float) -> pymupdf.Pixmap:
    """Rotate a grayscale pixmap by a small angle using two integer shears
    (rows shifted horizontally, then column bands shifted vertically), filling
    with white.  Pure Python byte slicing, so it stays fast and deterministic."""
    import math

    w, h = pix.width, pix.height
    src = bytes(pix.samples)
    k = math.tan(math.radians(angle_deg))
    out = bytearray(b"\xff" * (w * h))
    # horizontal shear: x' = x - k * y
    for y in range(h):
        dx = round(-k * (y - h / 2))
        row = src[y * w : (y + 1) * w]
        if dx >= 0:
            out[y * w + dx : (y + 1) * w] = row[: w - dx]
        else:
            out[y * w : (y + 1) * w + dx] = row[-dx:]
    src = bytes(out)
    out = bytearray(b"\xff" * (w * h))
    # vertical shear: y' = y + k * x, applied in bands of equal shift
    x = 0
    while x < w:
        dy = round(k * (x - w / 2))
        x_end = x
        while x_end < w and round(k * (x_end - w / 2)) == dy:
            x_end += 1
        for y in range(h):
            ys = y - dy
            if 0 <= ys < h:
                out[y * w + x : y * w + x_end] = src[ys * w + x : ys * w + x_end]
        x = x_end
    return pymupdf.Pixmap(pymupdf.csGRAY, w, h, bytes(out), 0)


def make_scanned(src_path: Path, dst_path: Path, seed: int, dpi: int = 200) -> int:
    rng = random.Random(seed)
    src = pymupdf.open(src_path)
    out = pymupdf.open()
    for page in src.pages():
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
        pix = skew(pix, rng.choice([-0.45, -0.3, 0.3, 0.4]))
        pix.tint_with(0x000000, 0xF0F0F0)  # paper is never quite white
        w, h = pix.width, pix.height
        for _ in range(450):  # dust specks
            x, y = rng.randrange(2, w - 2), rng.randrange(2, h - 2)
            v = rng.randrange(40, 170)
            for dx, dy in ((0, 0), (1, 0), (0, 1), (1, 1))[: rng.randrange(1, 5)]:
                pix.set_pixel(x + dx, y + dy, (v,))
        for y in range(h):  # scanner-lid shadow along the left edge
            for x in range(6):
                pix.set_pixel(x, y, (90 + 25 * x,))
        img = pix.tobytes("jpeg", jpg_quality=75)
        np_ = out.new_page(width=page.rect.width, height=page.rect.height)
        np_.insert_image(np_.rect, stream=img)
    out.set_metadata(
        {
            "title": ((src.metadata or {}).get("title") or "") + " (scanned copy, image only)",
            "author": "Case-File Annotator sample generator (fictional data)",
            "subject": "Image-only scan of a fictional sample document, for OCR testing",
            "keywords": "fictional sample, not a real case, scanned, OCR",
            "creator": "sample_files/make_samples.py",
            "producer": "PyMuPDF",
            "creationDate": PDF_DATE,
            "modDate": PDF_DATE,
        }
    )
    n = out.page_count
    out.save(dst_path, garbage=4, deflate=True, no_new_id=True)
    out.close()
    src.close()
    return n


# ==========================================================================
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write the fictional sample case PDFs.")
    ap.add_argument(
        "outdir",
        nargs="?",
        default=str(Path(__file__).resolve().parent),
        help="output folder (default: the folder this script is in)",
    )
    ap.add_argument(
        "--no-scanned",
        action="store_true",
        help="skip the image-only 'scanned' twins of documents 02 and 04",
    )
    args = ap.parse_args(argv)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    fonts = Fonts()

    bates = 1
    made: list[tuple[str, int]] = []
    for maker in (make_doc01, make_doc02, make_doc03, make_doc04, make_doc05, make_doc06):
        b = maker(fonts, outdir, bates)
        made.append((b.filename, len(b.sheets)))
        print(
            f"{b.filename:48s} {len(b.sheets):2d} pages  {b.bates(0)}..{b.bates(len(b.sheets) - 1)}"
        )
        bates = b.next_bates
    if not args.no_scanned:
        sdir = outdir / "scanned"
        sdir.mkdir(exist_ok=True)
        for i, stem in enumerate(
            ("02_school_police_incident_report", "04_pnc_informe_policial_safe")
        ):
            n = make_scanned(outdir / f"{stem}.pdf", sdir / f"{stem}_scanned.pdf", seed=1000 + i)
            print(f"scanned/{stem}_scanned.pdf {n:2d} pages (image only)")
    print(f"total: {sum(n for _, n in made)} pages in {len(made)} files -> {outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
