"""Image-only "scanned" twins of sample PDFs, for OCR: 200 dpi grayscale, a slight skew, dust
specks, a scanner-lid shadow, JPEG; no text layer. A seeded generator keeps them reproducible."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pymupdf

from .style import CREATOR, PDF_DATE


def skew(pix: pymupdf.Pixmap, angle_deg: float) -> pymupdf.Pixmap:
    """Rotate a grayscale pixmap by a small angle using two integer shears
    (rows shifted horizontally, then column bands shifted vertically), filling
    with white.  Pure Python byte slicing, so it stays fast and deterministic."""
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


def scanned_page(page: pymupdf.Page, rng: random.Random, dpi: int) -> bytes:
    """One page as a JPEG that looks scanned: skewed, greyed, specked and shadowed."""
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
    return bytes(pix.tobytes("jpeg", jpg_quality=75))


def make_scanned(src_path: Path, dst_path: Path, seed: int, dpi: int = 200) -> int:
    """Write an image-only twin of src_path to dst_path; returns its page count."""
    rng = random.Random(seed)
    src = pymupdf.open(src_path)
    out = pymupdf.open()
    for page in src.pages():
        img = scanned_page(page, rng, dpi)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=img)
    out.set_metadata(
        {
            "title": ((src.metadata or {}).get("title") or "") + " (scanned copy, image only)",
            "author": "Case-File Annotator sample generator (fictional data)",
            "subject": "Image-only scan of a fictional sample document, for OCR testing",
            "keywords": "fictional sample, not a real case, scanned, OCR",
            "creator": CREATOR,
            "producer": "PyMuPDF",
            "creationDate": PDF_DATE,
            "modDate": PDF_DATE,
        }
    )
    n = int(out.page_count)
    out.save(dst_path, garbage=4, deflate=True, no_new_id=True)
    out.close()
    src.close()
    return n
