"""One sample PDF being made: its pages, the marking every page carries, and a reproducible save.

The marking is added here, to every page a document has, after the document has drawn itself: a
red "FICTIONAL SAMPLE" box at the top, a grey footer line saying that all names and numbers are
invented, and a Bates number at the bottom right, counted across the whole set.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pymupdf

from .fonts import Fonts
from .sheet import Sheet
from .style import BATES_PREFIX, CREATOR, GRAY, PAGE_H, PAGE_W, PDF_DATE, RED, STAMP


@dataclass(frozen=True)
class DocSpec:
    """What a document is called; its layout is the `build(doc)` function beside it."""

    filename: str  # "NN_name.pdf": NN is the sample file's code on its footer
    title: str
    subject: str
    lang: str = "en-US"
    scan_seed: int | None = None  # set: an image-only twin goes to scanned/ too, for OCR

    @property
    def code(self) -> str:
        return self.filename[:2]


class DocBuilder:
    def __init__(self, fonts: Fonts, spec: DocSpec, bates_start: int, debug: bool = False) -> None:
        self.fonts = fonts
        self.spec = spec
        self.bates_start = bates_start
        self.debug = debug  # print where each forced split landed
        self.doc = pymupdf.open()
        self.sheets: list[Sheet] = []

    @property
    def filename(self) -> str:
        return self.spec.filename

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
            f"{STAMP}  ·  sample file {self.spec.code}  ·  all names and numbers invented",
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
                "title": self.spec.title,
                "author": "Case-File Annotator sample generator (fictional data)",
                "subject": self.spec.subject,
                "keywords": "fictional sample, not a real case, Case-File Annotator",
                "creator": CREATOR,
                "producer": "PyMuPDF",
                "creationDate": PDF_DATE,
                "modDate": PDF_DATE,
            }
        )
        self.doc.set_language(self.spec.lang)
        self.doc.subset_fonts()
        out = outdir / self.filename
        self.doc.save(out, garbage=4, deflate=True, no_new_id=True)
        self.doc.close()
        return out

    @property
    def next_bates(self) -> int:
        return self.bates_start + len(self.sheets)
