"""The cleaning operations scan_image.clean applies as a page's Traits ask: whiten copier
edges, flatten the paper's tone, level the lines, binarise locally, remove specks, erase rules.
"""

from __future__ import annotations

import re

import numpy as np

from annotator.pdf.scan_measures import DARK, Gray, box_mean, isolated

_SAUVOLA_K = 0.25
_SAUVOLA_INCHES = 0.12
"""Half the side of the window a pixel is compared with: a few letters' worth."""
_RULE_MIN_INCHES = 0.3
"""A straight dark run at least this long is a rule, not a letter (an em dash is ~0.14 in)."""
_RULE_MAX_POINTS = 2.0
"""A rule is thinner than this; anything thicker is a filled area and stays."""
_INK = bytes(0 if value < 150 else 255 for value in range(256))


_BAND_DARK = 0.45
"""A block of a dark band is mostly dark (the fill) ..."""
_BAND_LIGHT = (0.03, 0.5)
"""... and the fill, edge to edge, has some light in it (the letters): a redaction has none."""
_BAND_INCHES = 1.0
"""A band is this long or longer."""
_BAND_EDGE = 0.12
"""The band's rows and columns are those at least this dark: a column through two lines of
letters is still a quarter dark, the paper around a band almost none."""


def invert_bands(gray: Gray, dpi: int) -> tuple[Gray, int]:
    """White print on dark bands (a form's header bars, a shaded title) turned to dark print on
    light, as Tesseract reads it; and how many bands were turned. Found on a grid of 1/8-inch
    blocks: areas of dark blocks an inch long or more, each taken to the edges of its fill and
    turned whole, so that no line of its letters is cut in two (a band is seldom a whole number
    of blocks high), if the fill holds light letters (a redaction box holds none)."""
    block = max(8, dpi // 8)
    rows, cols = gray.shape[0] // block, gray.shape[1] // block
    if not rows or not cols:
        return gray, 0
    cells = gray[: rows * block, : cols * block].reshape(rows, block, cols, block)
    dark = (cells < DARK).mean(axis=(1, 3))
    filled = dark > _BAND_DARK
    longest = max(1, int(_BAND_INCHES * dpi / block))
    turned = 0
    for area in _areas(filled):
        (r0, c0), (r1, c1) = area.min(axis=0), area.max(axis=0)
        if c1 - c0 + 1 < longest:
            continue
        y0, y1, x0, x1 = _fill_edges(gray, block, r0, r1, c0, c1)
        if not _BAND_LIGHT[0] < np.mean(gray[y0:y1, x0:x1] > 170) < _BAND_LIGHT[1]:
            continue  # solid, a redaction box, which stays; or not a dark fill after all
        rim = max(2, block // 6)  # the fill's soft edge, which would stay as a dark rule
        inverted = 255.0 - gray[y0:y1, x0:x1]
        paper = max(float(np.percentile(inverted, 75)), 1.0)  # the fill, turned light
        inverted = np.minimum(inverted * (255.0 / paper), 255.0)  # as white as the page: its
        # edge would otherwise be a step Tesseract takes for a rule, losing the letters on it
        outer = gray[max(0, y0 - rim) : y1 + rim, max(0, x0 - rim) : x1 + rim]
        np.maximum(outer, 255.0 - outer, out=outer)
        gray[y0:y1, x0:x1] = inverted
        turned += 1
    return gray, turned


def _areas(mask: np.ndarray) -> list[np.ndarray]:
    """The 4-connected areas of a (small) boolean grid, each as its cells' (row, col) pairs."""
    seen = np.zeros_like(mask)
    found = []
    for start in zip(*np.nonzero(mask), strict=True):
        if seen[start]:
            continue
        seen[start] = True
        stack, cells = [start], []
        while stack:
            r, c = stack.pop()
            cells.append((r, c))
            for n in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                inside = 0 <= n[0] < mask.shape[0] and 0 <= n[1] < mask.shape[1]
                if inside and mask[n] and not seen[n]:
                    seen[n] = True
                    stack.append(n)
        found.append(np.array(cells))
    return found


def _fill_edges(gray: Gray, block: int, r0: int, r1: int, c0: int, c1: int) -> tuple[int, ...]:
    """The pixel edges of the dark fill around blocks r0..r1 x c0..c1: the rows, then the
    columns, at least _BAND_EDGE dark, reaching out up to a block past the blocks."""
    top, bottom = max(0, (r0 - 1) * block), min(gray.shape[0], (r1 + 2) * block)
    left, right = max(0, (c0 - 1) * block), min(gray.shape[1], (c1 + 2) * block)
    core = gray[top:bottom, c0 * block : (c1 + 1) * block] < DARK
    y0, y1 = _run(core.mean(axis=1), (r0 * block - top, (r1 + 1) * block - top))
    columns = gray[top + y0 : top + y1, left:right] < DARK
    x0, x1 = _run(columns.mean(axis=0), (c0 * block - left, (c1 + 1) * block - left))
    return top + y0, top + y1, left + x0, left + x1


def _run(profile: np.ndarray, core: tuple[int, int]) -> tuple[int, int]:
    """The stretch of `profile` at or over _BAND_EDGE that holds the middle of `core`, grown
    out from it; at least the core's own dark part."""
    dark = profile >= _BAND_EDGE
    middle = (core[0] + core[1]) // 2
    inside = np.nonzero(dark[core[0] : core[1]])[0]
    if not dark[middle] and len(inside):
        middle = core[0] + int(inside[len(inside) // 2])
    start = end = middle
    while start > 0 and dark[start - 1]:
        start -= 1
    while end < len(profile) and dark[end]:
        end += 1
    return start, max(end, start + 1)


def whiten_edges(gray: Gray, edges: tuple[int, int, int, int]) -> Gray:
    left, top, right, bottom = edges
    h, w = gray.shape
    gray[:, :left] = 255
    gray[:top, :] = 255
    gray[:, w - right :] = 255
    gray[h - bottom :, :] = 255
    return gray


def flatten(gray: Gray, background: Gray) -> Gray:
    """Divide out the paper's tone: uneven paper and toner become white paper and ink."""
    out: Gray = np.clip(gray * (255.0 / np.maximum(background, 64.0)), 0, 255).astype(np.float32)
    return out


def sauvola(gray: Gray, dpi: int) -> Gray:
    """Black and white by a threshold local to each pixel (Sauvola): noise on the paper stays
    white, faded strokes stay black."""
    r = max(4, round(dpi * _SAUVOLA_INCHES))
    mean = box_mean(gray, r)
    sq = box_mean(gray * gray, r)
    std = np.sqrt(np.maximum(sq - mean * mean, 0))
    threshold = mean * (1 + _SAUVOLA_K * (std / 128.0 - 1))
    return np.where(gray < threshold, 0.0, 255.0).astype(np.float32)


def despeckle(gray: Gray, dpi: int) -> Gray:
    specks = isolated(gray < DARK / 255.0 * np.percentile(gray[::4, ::4], 90), dpi)
    gray[specks] = 255
    return gray


def shear(gray: Gray, slope: float) -> Gray:
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


def erase_rules(gray: Gray, dpi: int) -> Gray:
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
