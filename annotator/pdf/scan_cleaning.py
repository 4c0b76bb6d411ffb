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
"""... with some light in it (the letters): a solid block (a redaction) has none."""
_BAND_INCHES = 1.0
"""A run of such blocks this long or longer, along a row, is a band of white-on-dark print."""


def invert_bands(gray: Gray, dpi: int) -> tuple[Gray, int]:
    """White print on dark bands (a form's header bars, a shaded title) turned to dark print on
    light, as Tesseract reads it; and how many blocks were turned. Found on a grid of 1/8-inch
    blocks: rows of dark blocks with light letters in them, an inch long or more."""
    block = max(8, dpi // 8)
    rows, cols = gray.shape[0] // block, gray.shape[1] // block
    if not rows or not cols:
        return gray, 0
    cells = gray[: rows * block, : cols * block].reshape(rows, block, cols, block)
    dark = (cells < DARK).mean(axis=(1, 3))
    light = (cells > 170).mean(axis=(1, 3))
    band = (dark > _BAND_DARK) & (light > _BAND_LIGHT[0]) & (light < _BAND_LIGHT[1])
    longest = max(1, int(_BAND_INCHES * dpi / block))
    turned = 0
    for r in range(rows):
        c = 0
        while c < cols:
            if not band[r, c]:
                c += 1
                continue
            end = c
            while end < cols and (band[r, end] or (end + 1 < cols and band[r, end + 1])):
                end += 1
            if end - c >= longest:
                area = gray[r * block : (r + 1) * block, c * block : end * block]
                area[...] = 255.0 - area
                turned += end - c
            c = end
    return gray, turned


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
