"""The degrader behind the OCR evaluation and benchmark: the same seed writes the same scan, down
to the byte; another seed damages the page differently; page sizes are kept."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pymupdf
import pytest
from ocr_support import degrade

LINES = [
    "FICTIONAL TEST PAGE - the subject is listed in CalGang as a Sureno associate.",
    "Per the Boston Regional Intelligence Center, an INTERPOL Red Notice exists.",
]


@pytest.fixture
def source(make_pdf) -> Path:
    return make_pdf([LINES, LINES[::-1]], fontsize=11)


def pixels(path: Path) -> list[np.ndarray]:
    with pymupdf.open(path) as pdf:
        out = []
        for page in pdf:
            pix = page.get_pixmap(dpi=72, colorspace=pymupdf.csGRAY)
            out.append(np.frombuffer(pix.samples, dtype=np.uint8).copy())
        return out


def test_the_same_seed_writes_the_same_bytes(source, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first = degrade.degrade_pdf(source, a, seed=7)
    second = degrade.degrade_pdf(source, b, seed=7)
    assert first == second
    assert a.read_bytes() == b.read_bytes()


def test_another_seed_damages_the_pages_differently(source, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first, second = degrade.degrade_pdf(source, a, seed=7), degrade.degrade_pdf(source, b, seed=8)
    assert first != second
    assert all(not np.array_equal(x, y) for x, y in zip(pixels(a), pixels(b), strict=True)), (
        "every page differs"
    )


def test_a_degraded_copy_is_image_only_and_keeps_its_page_sizes(source, tmp_path):
    out = tmp_path / "scan.pdf"
    damages = degrade.degrade_pdf(source, out, seed=3, severity="harsh")
    with pymupdf.open(source) as original, pymupdf.open(out) as copy:
        assert [p.rect for p in copy] == [p.rect for p in original]
        for page, damage in zip(copy, damages, strict=True):
            assert page.get_text().strip() == "", "no text layer"
            (image,) = page.get_image_info()
            assert round(image["width"] / (page.rect.width / 72)) == damage.dpi
            assert 150 <= damage.dpi <= 200 and abs(damage.skew) <= 1.0
