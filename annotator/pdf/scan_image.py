"""What a scanned page's image shows, and the cleaning Tesseract needs for it.

A FOIA'd page has been photocopied, faxed and scanned again: skewed, with dark copier edges,
uneven paper, faded toner, noise and dust. Tesseract binarises the whole page with one global
threshold and reads every speck as a possible letter, so such pages read badly and slowly. Each
page is measured first (measure) and only what it shows is cleaned (clean): a clean office scan
goes to Tesseract nearly as it is. Everything is whole-array numpy work (box sums over integral
images, no per-pixel Python): about 0.1-0.3 s a page at 200 dpi.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pymupdf

Gray = npt.NDArray[np.float32]
"""A page image in gray levels 0 (ink) to 255 (paper), rows by columns."""

_DARK = 128.0
"""Gray levels below this are ink once the background is flattened."""
_EDGE_SHARE = 0.1
"""Copier edges are looked for in this share of the page at each side."""
_EDGE_DARK = 0.1
"""A row or column with more than this share of ink, from the side in, is a copier edge."""
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
_SAUVOLA_K = 0.25
_SAUVOLA_INCHES = 0.12
"""Half the side of the window a pixel is compared with: a few letters' worth."""
_RULE_MIN_INCHES = 0.3
"""A straight dark run at least this long is a rule, not a letter (an em dash is ~0.14 in)."""
_RULE_MAX_POINTS = 2.0
"""A rule is thinner than this; anything thicker is a filled area and stays."""
_INK = bytes(0 if value < 150 else 255 for value in range(256))


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
    edges = _edges(gray)
    inner = _inside(gray, edges)
    grid, size = _paper_grid(inner, dpi)
    half = _darkest_half(inner)
    half_dark = half < _INKED * _upsample(grid, half.shape, size / 2)
    text = half_dark & ~_isolated(half_dark, dpi // 2)
    return Traits(
        dpi=dpi,
        edges=edges,
        paper_range=float(np.percentile(grid, 98) - np.percentile(grid, 2)),
        noise=_noise(inner),
        specks=_speck_density(inner, dpi),
        skew=_skew(text),
        ink=_ink(half_dark, dpi // 2),
        bitonal=_bitonal(inner[::2, ::2]),
    )


def clean(gray: Gray, traits: Traits) -> tuple[Gray, float]:
    """The image cleaned as its traits ask (`gray` itself may be changed), and the slope its
    lines were levelled from (0 if they were not): a point at (x, y) of the cleaned image, x
    measured from the image's centre, was at (x, y + slope * x)."""
    dpi = traits.dpi
    if any(traits.edges):
        gray = _whiten_edges(gray, traits.edges)
    if traits.paper_range > _UNEVEN and not traits.bitonal:
        grid, size = _paper_grid(gray, dpi)
        gray = _flatten(gray, _upsample(grid, gray.shape, size))
    slope = 0.0
    if abs(traits.skew) >= _SKEWED:
        slope = float(np.tan(np.radians(traits.skew)))
        gray = _shear(gray, slope)
    if traits.noise > _NOISY and not traits.bitonal:
        gray = _sauvola(gray, dpi)
    if traits.specks > _SPECKLED:
        gray = _despeckle(gray, dpi)
    return _erase_rules(gray, dpi), slope


def ink_read(gray: Gray, dpi: int, boxes: Iterable[tuple[float, float, float, float]]) -> float:
    """The share of a cleaned page's ink that lies in the boxes (of the words read, in points
    of the image): most of it on a page of print, little on handwriting or a drawing read as a
    few words. Solid areas (a redaction, a dark photo) are left out; 1.0 on a page without ink."""
    dark = _darkest_half(gray) < _DARK
    ink = dark & (_box_count(dark, 3) < 45)  # not inside a solid area
    total = int(np.count_nonzero(ink))
    if total < _BLANK_INK * ink.size:
        return 1.0
    covered = np.zeros_like(ink)
    scale = dpi / 72.0 / 2
    for x0, y0, x1, y1 in boxes:
        top, left = max(0, int(y0 * scale) - 2), max(0, int(x0 * scale) - 2)
        covered[top : int(y1 * scale) + 3, left : int(x1 * scale) + 3] = True
    return int(np.count_nonzero(ink & covered)) / total


# -- measures --------------------------------------------------------------------------------


def _box_sum(values: npt.NDArray[np.float32] | npt.NDArray[np.bool_], r: int) -> Gray:
    """Sum over the (2r+1)-square around each pixel, by an integral image (zeros outside)."""
    padded = np.pad(values.astype(np.float32), ((r + 1, r), (r + 1, r)))
    table = padded.cumsum(0, dtype=np.float64).cumsum(1)
    k = 2 * r + 1
    sums: Gray = (table[k:, k:] - table[:-k, k:] - table[k:, :-k] + table[:-k, :-k]).astype(
        np.float32
    )
    return sums


def _box_count(mask: npt.NDArray[np.bool_], r: int) -> npt.NDArray[np.int32]:
    """How many pixels of the mask lie in the (2r+1)-square around each pixel: sums of shifted
    copies, a row then a column at a time, in bytes (a square of up to 15 pixels a side counts
    under 256), which is several times faster than an integral image of the page."""
    k = 2 * r + 1
    if k * k > 255:
        padded = np.pad(mask, ((r + 1, r), (r + 1, r))).astype(np.int32)
        table = padded.cumsum(0, dtype=np.int32).cumsum(1, dtype=np.int32)
        wide: npt.NDArray[np.int32] = (
            table[k:, k:] - table[:-k, k:] - table[k:, :-k] + table[:-k, :-k]
        )
        return wide
    h, w = mask.shape
    across = np.pad(mask.view(np.uint8), ((0, 0), (r, r)))
    rows = across[:, :w].copy()
    for d in range(1, k):
        rows += across[:, d : d + w]
    down = np.pad(rows, ((r, r), (0, 0)))
    counts = down[:h].copy()
    for d in range(1, k):
        counts += down[d : d + h]
    return counts.astype(np.int32, copy=False)


def _box_mean(values: Gray, r: int) -> Gray:
    padded = np.pad(values, r, mode="edge")
    return _box_sum(padded, r)[r:-r, r:-r] / float((2 * r + 1) ** 2)


def _edges(gray: Gray) -> tuple[int, int, int, int]:
    """Dark bands running along the page's sides: a copier's edges or a scanner lid's shadow."""
    h, w = gray.shape
    dark = gray[::2, ::2] < _DARK
    cols, rows = dark.mean(axis=0), dark.mean(axis=1)
    return (
        2 * _band(cols[: int(w * _EDGE_SHARE / 2)]),
        2 * _band(rows[: int(h * _EDGE_SHARE / 2)]),
        2 * _band(cols[::-1][: int(w * _EDGE_SHARE / 2)]),
        2 * _band(rows[::-1][: int(h * _EDGE_SHARE / 2)]),
    )


def _band(share: npt.NDArray[np.float64]) -> int:
    """How far in from the side the dark rows/columns go, to a ragged edge's furthest reach."""
    dark = np.flatnonzero(share > _EDGE_DARK)
    if not len(dark) or dark[0] > 1:
        return 0
    gaps = np.flatnonzero(np.diff(dark) > 2)
    last = dark[gaps[0]] if len(gaps) else dark[-1]
    return int(last) + 3


def _inside(gray: Gray, edges: tuple[int, int, int, int]) -> Gray:
    left, top, right, bottom = edges
    h, w = gray.shape
    return gray[top : h - bottom, left : w - right]


def _paper_grid(gray: Gray, dpi: int) -> tuple[npt.NDArray[np.float32], int]:
    """The paper's tone, one value per block of about a tenth of an inch, and the block's side
    in pixels: the brightest 4x4 average in the block (averaging first, so noise and dust do not
    count), smoothed over its neighbours by a median (so a block of solid ink does not count)."""
    cell = 4
    block = max(2, dpi // 10 // cell)
    size = cell * block
    h, w = gray.shape
    rows, cols = max(1, h // size), max(1, w // size)
    cells = _half(_half(gray[: rows * size, : cols * size])).reshape(rows, block, cols, block)
    padded = np.pad(cells.max(axis=(1, 3)), 1, mode="edge")
    stack = np.stack([padded[i : i + rows, j : j + cols] for i in range(3) for j in range(3)])
    grid: npt.NDArray[np.float32] = np.median(stack, axis=0).astype(np.float32)
    return grid, size


def _upsample(grid: npt.NDArray[np.float32], shape: tuple[int, ...], size: float) -> Gray:
    """The block grid spread bilinearly over an image of `shape` (blocks of `size` pixels),
    one axis at a time."""
    rows, cols = grid.shape
    h, w = shape
    ys = np.clip((np.arange(h) + 0.5) / size - 0.5, 0, rows - 1)
    xs = np.clip((np.arange(w) + 0.5) / size - 0.5, 0, cols - 1)
    y0, x0 = ys.astype(np.intp), xs.astype(np.intp)
    y1, x1 = np.minimum(y0 + 1, rows - 1), np.minimum(x0 + 1, cols - 1)
    fx = (xs - x0).astype(np.float32)
    across = grid[:, x0] * (1 - fx) + grid[:, x1] * fx
    fy = (ys - y0).astype(np.float32)[:, None]
    out: Gray = across[y0] * (1 - fy) + across[y1] * fy
    return out


def _half(gray: Gray) -> Gray:
    """The image at half the resolution, each pixel the mean of a 2x2 block."""
    h, w = gray.shape[0] // 2 * 2, gray.shape[1] // 2 * 2
    total = gray[0:h:2, 0:w:2] + gray[1:h:2, 0:w:2] + gray[0:h:2, 1:w:2] + gray[1:h:2, 1:w:2]
    half: Gray = (total * np.float32(0.25)).astype(np.float32)
    return half


def _darkest_half(gray: Gray) -> Gray:
    """The image at half the resolution, each pixel the darkest of a 2x2 block: a thin or
    faded stroke stays as dark as it was."""
    h, w = gray.shape[0] // 2 * 2, gray.shape[1] // 2 * 2
    pairs = np.minimum(gray[0:h:2, 0:w:2], gray[1:h:2, 0:w:2])
    half: Gray = np.minimum(pairs, np.minimum(gray[0:h:2, 1:w:2], gray[1:h:2, 1:w:2]))
    return half


def _noise(gray: Gray) -> float:
    """The paper's noise, from every eighth row: how each pixel differs from the mean of its two
    neighbours, over the lighter two thirds of the pixels (paper on any page of text), as a
    median (so the edges of letters do not count), scaled to a standard deviation."""
    rows = gray[::8]
    residual = rows[:, 1:-1] - (rows[:, :-2] + rows[:, 2:]) / 2
    paper = rows[:, 1:-1] >= np.percentile(rows, 33)
    if not paper.any():
        return 0.0
    return float(np.median(np.abs(residual[paper])) * 1.4826 / 1.22)


def _bitonal(gray: Gray) -> bool:
    """Black and white only: next to no gray between paper and ink (a fax, a binarised scan)."""
    black = np.count_nonzero(gray == 0)
    between = np.count_nonzero((gray > 0) & (gray < 255))
    return bool(black > 0 and between < 0.05 * black)


def _ink(dark: npt.NDArray[np.bool_], dpi: int) -> float:
    """The share of the page in ink that could be print: dust clusters up to a letter's size
    left out, and a thin strip along each side (what is left of a ragged copier edge)."""
    h, w = dark.shape
    strip = max(1, round(dpi * 0.15))
    inner = dark[strip : h - strip, strip : w - strip]
    marks = inner & ~_isolated(inner, dpi, core=max(1, round(dpi / 40)))
    return float(np.count_nonzero(marks)) / max(dark.size, 1)


def _speck_density(gray: Gray, dpi: int) -> float:
    """Isolated specks per square inch, counted in four bands across the page."""
    h = gray.shape[0]
    band = min(h, max(32, dpi // 2))
    count, area = 0, 0.0
    for top in np.linspace(0, h - band, 4).astype(int):
        rows = gray[top : top + band]
        dark = rows < _DARK / 255.0 * np.percentile(rows, 90)
        count += int(np.count_nonzero(_isolated(dark, dpi, centres=True)))
        area += rows.size / dpi**2
    return count / area if area else 0.0


def _isolated(
    dark: npt.NDArray[np.bool_], dpi: int, centres: bool = False, core: int = 0
) -> npt.NDArray[np.bool_]:
    """Dark pixels of specks: blobs that fit in a square of ~1/40 inch (or 2 `core` + 1 pixels)
    with no other ink within ~1/70 inch (a period, a comma, an accent or an i's dot has its
    letter closer than that); with `centres`, one pixel or a few per speck, to count them."""
    core = core or max(1, round(dpi / 100))
    ring = max(2, round(dpi / 70))
    inner = _box_count(dark, core)
    outer = _box_count(dark, core + ring)
    middle: npt.NDArray[np.bool_] = dark & (outer == inner)
    if centres:
        return middle
    specks: npt.NDArray[np.bool_] = (_box_count(middle, core) > 0) & dark
    return specks


def _skew(dark: npt.NDArray[np.bool_]) -> float:
    """The angle whose row projection of the ink is sharpest: text lines give peaks and gaps
    only when counted along their own slope. Coarse to fine, on a sample of ink pixels."""
    ys, xs = np.nonzero(dark)
    if len(ys) < 500:
        return 0.0
    if len(ys) > 60_000:
        keep = np.random.default_rng(0).choice(len(ys), 60_000, replace=False)
        ys, xs = ys[keep], xs[keep]
    ys, xs = ys.astype(np.float64), (xs - xs.mean()).astype(np.float64)

    def sharpness(degrees: float) -> float:
        rows = np.round(ys - xs * np.tan(np.radians(degrees))).astype(np.int64)
        counts = np.bincount(rows - rows.min()).astype(np.float64)
        return float(np.sum(np.diff(counts) ** 2))

    best = max(np.arange(-2.0, 2.01, 0.2), key=sharpness)
    fine = np.arange(best - 0.2, best + 0.21, 0.02)
    scores = np.array([sharpness(a) for a in fine])
    top = fine[scores >= 0.999 * scores.max()]  # angles too close to tell apart at this scale
    return round(float(top.mean()), 2)


# -- cleaning --------------------------------------------------------------------------------


def _whiten_edges(gray: Gray, edges: tuple[int, int, int, int]) -> Gray:
    left, top, right, bottom = edges
    h, w = gray.shape
    gray[:, :left] = 255
    gray[:top, :] = 255
    gray[:, w - right :] = 255
    gray[h - bottom :, :] = 255
    return gray


def _flatten(gray: Gray, background: Gray) -> Gray:
    """Divide out the paper's tone: uneven paper and toner become white paper and ink."""
    out: Gray = np.clip(gray * (255.0 / np.maximum(background, 64.0)), 0, 255).astype(np.float32)
    return out


def _sauvola(gray: Gray, dpi: int) -> Gray:
    """Black and white by a threshold local to each pixel (Sauvola): noise on the paper stays
    white, faded strokes stay black."""
    r = max(4, round(dpi * _SAUVOLA_INCHES))
    mean = _box_mean(gray, r)
    sq = _box_mean(gray * gray, r)
    std = np.sqrt(np.maximum(sq - mean * mean, 0))
    threshold = mean * (1 + _SAUVOLA_K * (std / 128.0 - 1))
    return np.where(gray < threshold, 0.0, 255.0).astype(np.float32)


def _despeckle(gray: Gray, dpi: int) -> Gray:
    specks = _isolated(gray < _DARK / 255.0 * np.percentile(gray[::4, ::4], 90), dpi)
    gray[specks] = 255
    return gray


def _shear(gray: Gray, slope: float) -> Gray:
    """Text lines that run at `slope` (rows per column) made level by shifting each column up
    or down: a shear, not a rotation, which at a degree or less no letter shape shows, and
    which costs one copy of the image (columns with the same shift move together)."""
    h, w = gray.shape
    shifts = np.rint(slope * (np.arange(w) - (w - 1) / 2)).astype(np.intp)
    out = np.full_like(gray, 255.0)
    starts = np.flatnonzero(np.diff(shifts, prepend=shifts[0] - 1))
    for a, b in zip(starts, [*starts[1:], w], strict=True):
        d = int(shifts[a])  # out[y] = gray[y + d]
        if abs(d) >= h:
            continue
        if d >= 0:
            out[: h - d, a:b] = gray[d:, a:b]
        else:
            out[-d:, a:b] = gray[: h + d, a:b]
    return out


def _erase_rules(gray: Gray, dpi: int) -> Gray:
    """Whiten long thin dark runs, across and down; a filled bar (white text on dark) stays.

    Tesseract's layout analysis drops whole rows of a ruled table. Byte translation and regular
    expressions keep the work in C: well under 0.1 s a page.
    """
    height, width = gray.shape
    data = bytearray(np.clip(gray, 0, 255).astype(np.uint8).tobytes())
    mask = bytes(data).translate(_INK)
    shortest = max(8, round(dpi * _RULE_MIN_INCHES))
    run = re.compile(rb"\x00{%d,}" % shortest)
    reach = max(2, round(dpi * _RULE_MAX_POINTS / 72))
    white = b"\xff" * max(width, height)
    rows = [mask[y * width : (y + 1) * width] for y in range(height)]
    for y, row in enumerate(rows):
        for a, b in _runs(run, row, shortest):
            if _light(rows, y - reach, a, b) and _light(rows, y + reach, a, b):
                data[y * width + a : y * width + b] = white[: b - a]
    cols = [mask[x::width] for x in range(width)]
    for x, col in enumerate(cols):
        for a, b in _runs(run, col, shortest):
            if _light(cols, x - reach, a, b) and _light(cols, x + reach, a, b):
                data[a * width + x : (b - 1) * width + x + 1 : width] = white[: b - a]
    return np.frombuffer(bytes(data), dtype=np.uint8).reshape(height, width).astype(np.float32)


def _runs(run: re.Pattern[bytes], line: bytes, shortest: int) -> list[tuple[int, int]]:
    if line.count(0) < shortest:  # most lines: no scan needed
        return []
    return [m.span() for m in run.finditer(line)]


def _light(lines: list[bytes], index: int, a: int, b: int) -> bool:
    """Mostly paper at this offset from a run: the run is a line, not the edge of a dark area."""
    if not 0 <= index < len(lines):
        return True
    return lines[index][a:b].count(0) < (b - a) / 2
