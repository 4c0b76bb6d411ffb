"""What a scanned page's image shows, and the cleaning Tesseract needs for it.

A FOIA'd page has been photocopied, faxed and scanned again: skewed, with dark copier edges,
uneven paper, faded toner, noise and dust. Tesseract binarises the whole page with one global
threshold and reads every speck as a possible letter, so such pages read badly and slowly. Each
page is measured first (measure) and only what it shows is cleaned (clean): a clean office scan
goes to Tesseract nearly as it is. Everything is whole-array numpy work (box sums over integral
images, no per-pixel Python): about 0.1-0.3 s a page at 200 dpi. The measures are in
scan_measures.py, the cleaning operations in scan_cleaning.py; here is what decides between them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pymupdf

from annotator.pdf.scan_cleaning import (
    despeckle,
    erase_rules,
    flatten,
    invert_bands,
    sauvola,
    shear,
    whiten_edges,
)
from annotator.pdf.scan_measures import (
    DARK,
    Gray,
    bitonal,
    box_count,
    copier_edges,
    darkest_half,
    ink_share,
    inside,
    isolated,
    noise,
    paper_grid,
    skew,
    speck_density,
    upsample,
)

_UNEVEN = 30.0
"""Paper tone that varies by more gray levels than this across the page is flattened."""
_NOISY = 6.0
"""Paper noise (standard deviation, gray levels) above which the page is binarised locally."""
_SPECKLED = 8.0
"""Isolated dark specks per square inch above which they are removed."""
_SKEWED = 0.3
"""Degrees of skew from which a page is turned straight: below it Tesseract's own line finding
copes, and turning costs a resampling."""
_INKED = 0.7
"""A pixel darker than this share of the paper's tone around it is ink (when measuring)."""
_BLANK_INK = 0.0005
"""A page with less ink than this share of its area (edges and specks left out) is blank: a
line of 10-point type is four times as much."""


@dataclass(frozen=True, slots=True)
class Traits:
    """What a page image shows: the measures that decide how it is cleaned."""

    dpi: int
    edges: tuple[int, int, int, int]
    """Widths in pixels of dark copier edges at the left, top, right and bottom."""
    paper_range: float
    """How far the paper's tone varies across the page, in gray levels."""
    noise: float
    """Standard deviation of the paper's gray-level noise."""
    specks: float
    """Isolated dark specks per square inch."""
    skew: float
    """Estimated skew of the text lines, in degrees (counter-clockwise)."""
    ink: float
    """Share of the page that is ink, edges and specks left out."""
    bitonal: bool
    """Only black and white: a fax, or a scan binarised already."""

    @property
    def blank(self) -> bool:
        return self.ink < _BLANK_INK


def image_dpi(page: pymupdf.Page, default: int, lowest: int = 150, highest: int = 300) -> int:
    """The resolution of the scan the page shows: its largest image's pixels over the width it
    is drawn at. Rendering at that resolution reads the scan's own pixels, neither inventing
    detail nor throwing it away; a page without such an image renders at `default`."""
    best = 0.0
    for info in page.get_image_info():
        x0, y0, x1, y1 = info["bbox"]
        if (x1 - x0) * (y1 - y0) >= 0.25 * abs(page.rect) and x1 > x0:
            best = max(best, info["width"] / ((x1 - x0) / 72.0))
    if not best:
        return default
    return int(min(highest, max(lowest, round(best))))


def render(page: pymupdf.Page, dpi: int) -> Gray:
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    rows = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)
    return rows[:, : pix.width].astype(np.float32)


def to_pixmap(gray: Gray, dpi: int) -> pymupdf.Pixmap:
    """The image as an RGB pixmap, which MuPDF's OCR writer needs."""
    pixels = np.ascontiguousarray(np.clip(gray, 0, 255).astype(np.uint8))
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pixels.shape[1], pixels.shape[0], pixels.tobytes(), 0)
    pix.set_dpi(dpi, dpi)
    return pymupdf.Pixmap(pymupdf.csRGB, pix)


def measure(gray: Gray, dpi: int) -> Traits:
    """Measure the page, mostly at half resolution and on samples: a few hundredths of a second
    at 200 dpi."""
    edges = copier_edges(gray)
    inner = inside(gray, edges)
    grid, size = paper_grid(inner, dpi)
    half = darkest_half(inner)
    half_dark = half < _INKED * upsample(grid, half.shape, size / 2)
    text = half_dark & ~isolated(half_dark, dpi // 2)
    return Traits(
        dpi=dpi,
        edges=edges,
        paper_range=float(np.percentile(grid, 98) - np.percentile(grid, 2)),
        noise=noise(inner),
        specks=speck_density(inner, dpi),
        skew=skew(text),
        ink=ink_share(half_dark, dpi // 2),
        bitonal=bitonal(inner[::2, ::2]),
    )


def clean(gray: Gray, traits: Traits) -> tuple[Gray, float]:
    """The image cleaned as its traits ask (`gray` itself may be changed), and the slope its
    lines were levelled from (0 if they were not): a point at (x, y) of the cleaned image, x
    measured from the image's centre, was at (x, y + slope * x)."""
    dpi = traits.dpi
    if any(traits.edges):
        gray = whiten_edges(gray, traits.edges)
    slope = 0.0
    if abs(traits.skew) >= _SKEWED:
        slope = float(np.tan(np.radians(traits.skew)))
        gray = shear(gray, slope)
    gray, _ = invert_bands(gray, dpi)  # level first: a band is turned as a rectangle
    if traits.paper_range > _UNEVEN and not traits.bitonal:
        grid, size = paper_grid(gray, dpi)
        gray = flatten(gray, upsample(grid, gray.shape, size))
    if traits.noise > _NOISY and not traits.bitonal:
        gray = sauvola(gray, dpi)
    if traits.specks > _SPECKLED:
        gray = despeckle(gray, dpi)
    return erase_rules(gray, dpi), slope


def ink_read(gray: Gray, dpi: int, boxes: Iterable[tuple[float, float, float, float]]) -> float:
    """The share of a cleaned page's ink that lies in the boxes (of the words read, in points
    of the image): most of it on a page of print, little on handwriting or a drawing read as a
    few words. Solid areas (a redaction, a dark photo) are left out; 1.0 on a page without ink."""
    dark = darkest_half(gray) < DARK
    ink = dark & (box_count(dark, 3) < 45)  # not inside a solid area
    total = int(np.count_nonzero(ink))
    if total < _BLANK_INK * ink.size:
        return 1.0
    covered = np.zeros_like(ink)
    scale = dpi / 72.0 / 2
    for x0, y0, x1, y1 in boxes:
        top, left = max(0, int(y0 * scale) - 2), max(0, int(x0 * scale) - 2)
        covered[top : int(y1 * scale) + 3, left : int(x1 * scale) + 3] = True
    return int(np.count_nonzero(ink & covered)) / total
