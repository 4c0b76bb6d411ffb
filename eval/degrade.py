#!/usr/bin/env python3
"""Turn PDF pages into photocopy- and fax-like image-only scans, deterministically per seed.

usage: python eval/degrade.py SRC.pdf DST.pdf [--seed N] [--severity mild|typical|harsh]
       [--stamp TEXT] [--redact]

An A-file released under FOIA has been photocopied, faxed and scanned again: each page is a
picture, slightly skewed, blurred, speckled, on uneven paper with faded toner, dark copier edges
and JPEG blocks, at 150-200 dpi, some pages bitonal like a fax. This makes such copies of pages
whose text and word geometry are known (eval-kit layouts, the sample case), so OCR and matching
can be measured on them. Each page keeps its size: a word's box on the original is (up to the
skew) its box on the copy.

Only numpy and PyMuPDF: every step is a whole-array operation, about a second a page. The random
generator is seeded from (seed, page number), so a page degrades the same way whatever pages come
before it, and the same seed writes the same bytes.

Not part of the app: tooling for evaluation and benchmarks.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pymupdf

PDF_DATE = "D:20261201000000Z"
"""Fixed metadata dates, so the same seed writes the same bytes."""
STAMP = "FICTIONAL TEST DOCUMENT - DEGRADED COPY"


@dataclass(frozen=True, slots=True)
class Damage:
    """How one page is damaged; drawn at random per page (see draw)."""

    dpi: int
    skew: float
    """Degrees, counter-clockwise."""
    blur: float
    """Gaussian sigma in pixels at the page's dpi."""
    toner: float
    """Share of full ink density the toner reaches (1 = black)."""
    toner_patches: float
    """How much the density varies over the page (0 = even)."""
    paper: float
    """Paper brightness at its darkest corner, 0-255."""
    noise: float
    """Standard deviation of the gray noise."""
    speckle: float
    """Dark specks per square inch."""
    borders: tuple[int, int, int, int]
    """Dark copier edge width (pixels) at the left, top, right, bottom."""
    fax: bool
    """Bitonal, at 200 dpi across (what every fax machine sends)."""
    fax_standard: bool
    """A "standard" fax: half the resolution down the page (98 lines an inch)."""
    jpeg: int
    """JPEG quality (ignored for fax pages, which are stored losslessly like a TIFF G4)."""
    redact: bool = False


SEVERITIES = ("mild", "typical", "harsh")


def draw(rng: np.random.Generator, severity: str = "typical", redact: bool = False) -> Damage:
    """One page's damage. `typical` is the issue's photocopy/fax mix (skew up to 0.75 degrees);
    `harsh` a third worse on every axis (skew up to 1 degree); `mild` a clean office scan."""
    scale = {"mild": 0.4, "typical": 1.0, "harsh": 1.35}[severity]

    def amount(lo: float, hi: float) -> float:
        return float(lo + (hi - lo) * rng.random()) * scale

    fax = severity != "mild" and rng.random() < 0.25
    edges = rng.random(4) < 0.45 * scale
    widths = rng.integers(8, 45, size=4)
    return Damage(
        dpi=200 if fax else int(rng.choice([150, 175, 200, 200])),
        skew=float(rng.choice([-1.0, 1.0])) * min(amount(0.05, 0.75), 1.0),
        blur=amount(0.3, 1.1),
        toner=1.0 - amount(0.05, 0.3),
        toner_patches=amount(0.05, 0.3),
        paper=255.0 - amount(10, 60),
        noise=amount(2, 12),
        speckle=amount(5, 60),
        borders=tuple(int(w) if e else 0 for w, e in zip(widths, edges, strict=True)),  # type: ignore[arg-type]
        fax=fax,
        fax_standard=fax and rng.random() < 0.5,
        jpeg=int(rng.integers(35, 80)) if severity != "mild" else 85,
        redact=redact,
    )


def degrade_pdf(
    src: str | Path,
    dst: str | Path,
    seed: int = 0,
    severity: str = "typical",
    stamp: str = STAMP,
    redact: bool = False,
) -> list[Damage]:
    """Write an image-only copy of `src` to `dst`; returns each page's damage."""
    damages = []
    with pymupdf.open(src) as pdf, pymupdf.open() as out:
        for page in pdf:
            rng = np.random.default_rng([seed, page.number])
            damage = draw(rng, severity, redact)
            stream = degrade_page(page, damage, rng, stamp)
            sheet = out.new_page(width=page.rect.width, height=page.rect.height)
            sheet.insert_image(sheet.rect, stream=stream)
            damages.append(damage)
        out.set_metadata(
            {
                "title": ((pdf.metadata or {}).get("title") or Path(src).stem) + " (degraded)",
                "creator": "eval/degrade.py",
                "producer": "PyMuPDF",
                "subject": f"image-only degraded copy, seed {seed}, {severity}",
                "creationDate": PDF_DATE,
                "modDate": PDF_DATE,
            }
        )
        out.save(dst, garbage=4, deflate=True, no_new_id=True)
    return damages


def degrade_page(
    page: pymupdf.Page, damage: Damage, rng: np.random.Generator, stamp: str = STAMP
) -> bytes:
    """The page as a degraded image file (JPEG, or PNG for a fax page)."""
    gray = render(page, damage.dpi, stamp)
    ink = 1.0 - gray / 255.0  # 0 paper .. 1 ink, so damage composes on ink density
    if damage.redact:
        ink = _redaction_boxes(ink, rng)
    ink = ink * damage.toner * _field(rng, ink.shape, 5, 7, 1.0 - damage.toner_patches, 1.0)
    ink = _gaussian(ink, damage.blur)
    ink = _rotate(ink, damage.skew)
    paper = _field(rng, ink.shape, 3, 4, damage.paper, 255.0)
    img = paper * (1.0 - ink)
    img += rng.normal(0.0, damage.noise, img.shape)
    img = _speckle(img, rng, damage.speckle, damage.dpi)
    img = _borders(img, rng, damage.borders)
    if damage.fax:
        img = _fax(img, rng, damage.fax_standard)
    pixels = np.clip(img, 0, 255).astype(np.uint8)
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pixels.shape[1], pixels.shape[0], pixels.tobytes(), 0)
    pix.set_dpi(damage.dpi, damage.dpi)
    return pix.tobytes("png") if damage.fax else pix.tobytes("jpeg", jpg_quality=damage.jpeg)


def render(page: pymupdf.Page, dpi: int, stamp: str = "") -> np.ndarray:
    """The page in gray at `dpi`, as floats; `stamp` printed in the bottom margin first."""
    if stamp:
        with pymupdf.open() as tmp:
            tmp.insert_pdf(page.parent, from_page=page.number, to_page=page.number)
            copy = tmp[0]
            copy.insert_text((54, copy.rect.height - 30), stamp, fontsize=8, fontname="cour")
            pix = copy.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    else:
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    arr = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)
    return arr[:, : pix.width].astype(np.float64)


def _field(
    rng: np.random.Generator, shape: tuple[int, ...], rows: int, cols: int, lo: float, hi: float
) -> np.ndarray:
    """A smooth random field between lo and hi: a coarse grid of random values, upsampled
    bilinearly (uneven paper tone, patchy toner)."""
    grid = lo + (hi - lo) * rng.random((rows, cols))
    ys = np.linspace(0, rows - 1, shape[0])
    xs = np.linspace(0, cols - 1, shape[1])
    y0 = np.minimum(ys.astype(int), rows - 2)
    x0 = np.minimum(xs.astype(int), cols - 2)
    fy, fx = (ys - y0)[:, None], (xs - x0)[None, :]
    a = grid[y0][:, x0]
    b = grid[y0][:, x0 + 1]
    c = grid[y0 + 1][:, x0]
    d = grid[y0 + 1][:, x0 + 1]
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy


def _gaussian(img: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur by weighted shifted copies (the kernel is a few pixels wide)."""
    if sigma < 0.2:
        return img
    radius = max(1, int(np.ceil(2.5 * sigma)))
    taps = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    taps /= taps.sum()
    for axis in (0, 1):
        padded = np.pad(img, [(radius, radius) if a == axis else (0, 0) for a in (0, 1)], "edge")
        out = np.zeros_like(img)
        n = img.shape[axis]
        for k, w in enumerate(taps):
            out += w * (padded[k : k + n] if axis == 0 else padded[:, k : k + n])
        img = out
    return img


def _rotate(ink: np.ndarray, degrees: float) -> np.ndarray:
    """Ink rotated about the page centre (bilinear; paper comes in at the corners)."""
    if abs(degrees) < 0.01:
        return ink
    h, w = ink.shape
    t = np.radians(degrees)
    cos, sin = np.cos(t), np.sin(t)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    cy, cx = (h - 1) / 2, (w - 1) / 2
    # inverse map: where in the source each output pixel comes from
    sx = cos * (xx - cx) - sin * (yy - cy) + cx
    sy = sin * (xx - cx) + cos * (yy - cy) + cy
    x0 = np.floor(sx).astype(int)
    y0 = np.floor(sy).astype(int)
    fx, fy = sx - x0, sy - y0
    padded = np.pad(ink, 1)
    x0 = np.clip(x0 + 1, 0, w)
    y0 = np.clip(y0 + 1, 0, h)
    a = padded[y0, x0]
    b = padded[y0, x0 + 1]
    c = padded[y0 + 1, x0]
    d = padded[y0 + 1, x0 + 1]
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy


def _speckle(img: np.ndarray, rng: np.random.Generator, per_sq_inch: float, dpi: int) -> np.ndarray:
    """Dark dust specks of one to three pixels, and a few white drop-outs in the ink."""
    h, w = img.shape
    count = int(per_sq_inch * (h / dpi) * (w / dpi))
    ys = rng.integers(0, h - 3, count)
    xs = rng.integers(0, w - 3, count)
    sizes = rng.integers(1, 4, count)
    tones = rng.uniform(20, 140, count)
    for size in (1, 2, 3):
        pick = sizes == size
        for dy in range(size):
            for dx in range(size):
                img[ys[pick] + dy, xs[pick] + dx] = tones[pick]
    holes = rng.integers(0, h * w, count // 2)
    img.flat[holes] = np.maximum(img.flat[holes], 200.0)
    return img


def _borders(
    img: np.ndarray, rng: np.random.Generator, widths: tuple[int, int, int, int]
) -> np.ndarray:
    """Dark copier edges with a ragged inner edge, on the sides that have them."""
    h, w = img.shape
    rows, cols = np.arange(h)[:, None], np.arange(w)[None, :]
    left, top, right, bottom = widths
    for width, depth, along in (
        (left, cols, rows),
        (right, w - 1 - cols, rows),
        (top, rows, cols),
        (bottom, h - 1 - rows, cols),
    ):
        if not width:
            continue
        steps = rng.normal(0, 0.7, along.size)
        ragged = (width + np.cumsum(steps).clip(-width / 2, width / 2)).reshape(along.shape)
        tone = rng.uniform(15, 70)
        img = np.where(depth < ragged, tone + rng.normal(0, 8, img.shape), img)
    return img


def _fax(img: np.ndarray, rng: np.random.Generator, standard: bool) -> np.ndarray:
    """Bitonal at a slightly noisy threshold; a standard fax drops every other row and doubles
    the one above (half the resolution down the page)."""
    threshold = 150 + rng.normal(0, 12, img.shape)
    bits = np.where(img < threshold, 0.0, 255.0)
    if standard:
        bits[1::2] = bits[0:-1:2][: bits[1::2].shape[0]]
    return bits


def _redaction_boxes(ink: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One or two solid black boxes in the top margin, where a FOIA office blacks out a name
    (kept off the body, so the evaluation's gold words stay readable)."""
    h, w = ink.shape
    for _ in range(int(rng.integers(1, 3))):
        x0 = int(rng.integers(w // 2, w - w // 5))
        y0 = int(rng.integers(h // 40, h // 18))
        ink[y0 : y0 + h // 70, x0 : x0 + int(rng.integers(w // 12, w // 6))] = 1.0
    return ink


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path)
    ap.add_argument("dst", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--severity", choices=SEVERITIES, default="typical")
    ap.add_argument("--stamp", default=STAMP, help="printed in each page's bottom margin")
    ap.add_argument("--redact", action="store_true", help="black boxes in the top margin")
    args = ap.parse_args(argv)
    damages = degrade_pdf(args.src, args.dst, args.seed, args.severity, args.stamp, args.redact)
    for n, damage in enumerate(damages, start=1):
        print(f"page {n}: {damage}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
