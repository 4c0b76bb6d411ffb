"""Measures of a scanned page's image, each a whole-array numpy pass (box sums over integral
images or shifted copies, no per-pixel Python): copier edges, the paper's tone and noise, specks,
skew, ink. scan_image.measure gathers them into Traits.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Gray = npt.NDArray[np.float32]
"""A page image in gray levels 0 (ink) to 255 (paper), rows by columns."""

DARK = 128.0
"""Gray levels below this are ink once the background is flattened."""
_EDGE_SHARE = 0.1
"""Copier edges are looked for in this share of the page at each side."""
_EDGE_DARK = 0.1
"""A row or column with more than this share of ink, from the side in, is a copier edge."""


def _box_sum(values: npt.NDArray[np.float32] | npt.NDArray[np.bool_], r: int) -> Gray:
    """Sum over the (2r+1)-square around each pixel, by an integral image (zeros outside)."""
    padded = np.pad(values.astype(np.float32), ((r + 1, r), (r + 1, r)))
    table = padded.cumsum(0, dtype=np.float64).cumsum(1)
    k = 2 * r + 1
    sums: Gray = (table[k:, k:] - table[:-k, k:] - table[k:, :-k] + table[:-k, :-k]).astype(
        np.float32
    )
    return sums


def box_count(mask: npt.NDArray[np.bool_], r: int) -> npt.NDArray[np.int32]:
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


def box_mean(values: Gray, r: int) -> Gray:
    padded = np.pad(values, r, mode="edge")
    return _box_sum(padded, r)[r:-r, r:-r] / float((2 * r + 1) ** 2)


def copier_edges(gray: Gray) -> tuple[int, int, int, int]:
    """Dark bands running along the page's sides: a copier's edges or a scanner lid's shadow."""
    h, w = gray.shape
    dark = gray[::2, ::2] < DARK
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


def inside(gray: Gray, edges: tuple[int, int, int, int]) -> Gray:
    left, top, right, bottom = edges
    h, w = gray.shape
    return gray[top : h - bottom, left : w - right]


def paper_grid(gray: Gray, dpi: int) -> tuple[npt.NDArray[np.float32], int]:
    """The paper's tone, one value per block of about a tenth of an inch, and the block's side
    in pixels: the brightest 4x4 average in the block (averaging first, so noise and dust do not
    count), smoothed over its neighbours by a median (so a block of solid ink does not count)."""
    cell = 4
    block = max(2, dpi // 10 // cell)
    size = cell * block
    h, w = gray.shape
    rows, cols = max(1, h // size), max(1, w // size)
    cells = halved(halved(gray[: rows * size, : cols * size])).reshape(rows, block, cols, block)
    padded = np.pad(cells.max(axis=(1, 3)), 1, mode="edge")
    stack = np.stack([padded[i : i + rows, j : j + cols] for i in range(3) for j in range(3)])
    grid: npt.NDArray[np.float32] = np.median(stack, axis=0).astype(np.float32)
    return grid, size


def upsample(grid: npt.NDArray[np.float32], shape: tuple[int, ...], size: float) -> Gray:
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


def halved(gray: Gray) -> Gray:
    """The image at half the resolution, each pixel the mean of a 2x2 block."""
    h, w = gray.shape[0] // 2 * 2, gray.shape[1] // 2 * 2
    total = gray[0:h:2, 0:w:2] + gray[1:h:2, 0:w:2] + gray[0:h:2, 1:w:2] + gray[1:h:2, 1:w:2]
    half: Gray = (total * np.float32(0.25)).astype(np.float32)
    return half


def darkest_half(gray: Gray) -> Gray:
    """The image at half the resolution, each pixel the darkest of a 2x2 block: a thin or
    faded stroke stays as dark as it was."""
    h, w = gray.shape[0] // 2 * 2, gray.shape[1] // 2 * 2
    pairs = np.minimum(gray[0:h:2, 0:w:2], gray[1:h:2, 0:w:2])
    half: Gray = np.minimum(pairs, np.minimum(gray[0:h:2, 1:w:2], gray[1:h:2, 1:w:2]))
    return half


def noise(gray: Gray) -> float:
    """The paper's noise, from every eighth row: how each pixel differs from the mean of its two
    neighbours, over the lighter two thirds of the pixels (paper on any page of text), as a
    median (so the edges of letters do not count), scaled to a standard deviation."""
    rows = gray[::8]
    residual = rows[:, 1:-1] - (rows[:, :-2] + rows[:, 2:]) / 2
    paper = rows[:, 1:-1] >= np.percentile(rows, 33)
    if not paper.any():
        return 0.0
    return float(np.median(np.abs(residual[paper])) * 1.4826 / 1.22)


def bitonal(gray: Gray) -> bool:
    """Black and white only: next to no gray between paper and ink (a fax, a binarised scan)."""
    black = np.count_nonzero(gray == 0)
    between = np.count_nonzero((gray > 0) & (gray < 255))
    return bool(black > 0 and between < 0.05 * black)


def ink_share(dark: npt.NDArray[np.bool_], dpi: int) -> float:
    """The share of the page in ink that could be print: dust clusters up to a letter's size
    left out, and a thin strip along each side (what is left of a ragged copier edge)."""
    h, w = dark.shape
    strip = max(1, round(dpi * 0.15))
    inner = dark[strip : h - strip, strip : w - strip]
    marks = inner & ~isolated(inner, dpi, core=max(1, round(dpi / 40)))
    return float(np.count_nonzero(marks)) / max(dark.size, 1)


def speck_density(gray: Gray, dpi: int) -> float:
    """Isolated specks per square inch, counted in four bands across the page."""
    h = gray.shape[0]
    band = min(h, max(32, dpi // 2))
    count, area = 0, 0.0
    for top in np.linspace(0, h - band, 4).astype(int):
        rows = gray[top : top + band]
        dark = rows < DARK / 255.0 * np.percentile(rows, 90)
        count += int(np.count_nonzero(isolated(dark, dpi, centres=True)))
        area += rows.size / dpi**2
    return count / area if area else 0.0


def isolated(
    dark: npt.NDArray[np.bool_], dpi: int, centres: bool = False, core: int = 0
) -> npt.NDArray[np.bool_]:
    """Dark pixels of specks: blobs that fit in a square of ~1/40 inch (or 2 `core` + 1 pixels)
    with no other ink within ~1/70 inch (a period, a comma, an accent or an i's dot has its
    letter closer than that); with `centres`, one pixel or a few per speck, to count them."""
    core = core or max(1, round(dpi / 100))
    ring = max(2, round(dpi / 70))
    inner = box_count(dark, core)
    outer = box_count(dark, core + ring)
    middle: npt.NDArray[np.bool_] = dark & (outer == inner)
    if centres:
        return middle
    specks: npt.NDArray[np.bool_] = (box_count(middle, core) > 0) & dark
    return specks


def skew(dark: npt.NDArray[np.bool_]) -> float:
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
