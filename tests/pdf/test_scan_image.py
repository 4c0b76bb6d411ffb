"""What a scanned page shows is measured, and only that is cleaned: a clean render is left as it
is; a degraded copy's skew, copier edges and specks are found and put right; a blank page is
not sent to Tesseract; pages render at their scan's own resolution."""

from __future__ import annotations

import dataclasses

import numpy as np
import pymupdf
import pytest
from ocr_support import degrade, tesseract

from annotator.pdf import ocr, scan_image
from annotator.pdf.extract import open_pdf

LINES = [
    "FICTIONAL TEST PAGE - RECORD OF DEPORTABLE/INADMISSIBLE ALIEN",
    "Per the Boston Regional Intelligence Center (BRIC), the subject is entered",
    "in the Gang Assessment Database as a verified gang member of MS-13 with",
    "10 points. An INTERPOL query returned no Red Notice for the subject.",
] * 6


CLEAN = degrade.Damage(
    dpi=200,
    skew=0.0,
    blur=0.3,
    toner=1.0,
    toner_patches=0.0,
    paper=250.0,
    noise=1.0,
    speckle=0.0,
    borders=(0, 0, 0, 0),
    fax=False,
    fax_standard=False,
    jpeg=90,
)


def damaged(page: pymupdf.Page, **changes: object) -> np.ndarray:
    """The page degraded as asked (the rest as a clean scan), as the image OCR would read."""
    how = dataclasses.replace(CLEAN, **changes)
    stream = degrade.degrade_page(page, how, np.random.default_rng(5), stamp="")
    with pymupdf.open() as pdf:
        sheet = pdf.new_page(width=page.rect.width, height=page.rect.height)
        sheet.insert_image(sheet.rect, stream=stream)
        return scan_image.render(sheet, how.dpi)


@pytest.fixture
def typed(make_pdf) -> pymupdf.Page:
    pdf = open_pdf(make_pdf([LINES], fontsize=10, leading=13))
    return pdf[0]


def test_a_clean_render_is_measured_clean_and_left_as_it_is(typed):
    gray = scan_image.render(typed, 200)
    traits = scan_image.measure(gray, 200)
    assert traits.edges == (0, 0, 0, 0) and traits.paper_range < 10 and traits.noise < 3
    assert traits.specks < 5 and abs(traits.skew) < 0.1 and not traits.blank
    cleaned, slope = scan_image.clean(gray.copy(), traits)
    assert slope == 0.0
    assert np.mean(np.abs(cleaned - gray)) < 1.0, "only the rules would go, and there are none"


@pytest.mark.parametrize("skew", [-0.7, 0.4, 0.9])
def test_skew_is_measured_and_levelled(typed, skew):
    gray = damaged(typed, skew=skew)
    traits = scan_image.measure(gray, 200)
    assert abs(abs(traits.skew) - abs(skew)) < 0.1
    cleaned, slope = scan_image.clean(gray, traits)
    assert slope != 0.0
    assert abs(scan_image.measure(cleaned, 200).skew) < 0.1


def test_copier_edges_are_found_and_whitened(typed):
    gray = damaged(typed, borders=(40, 0, 25, 30))
    traits = scan_image.measure(gray, 200)
    left, top, right, bottom = traits.edges
    assert left >= 30 and right >= 18 and bottom >= 20 and top == 0
    cleaned, _ = scan_image.clean(gray, traits)
    assert cleaned[:, :30].min() > 200 and cleaned[-20:, :].min() > 200


def test_specks_are_counted_and_removed_but_not_the_dots_of_the_text(typed):
    clean_ink = np.count_nonzero(scan_image.render(typed, 200) < 128)
    gray = damaged(typed, speckle=80.0)
    traits = scan_image.measure(gray, 200)
    assert traits.specks > 20
    cleaned, _ = scan_image.clean(gray, traits)
    assert scan_image.measure(cleaned, 200).specks < 0.2 * traits.specks
    assert np.count_nonzero(cleaned < 128) > 0.97 * clean_ink, "the letters keep their ink"


def test_a_blank_page_is_not_sent_to_tesseract_and_one_line_is(make_pdf, tmp_path, monkeypatch):
    engine = tesseract()
    blank, line = tmp_path / "blank.pdf", tmp_path / "line.pdf"
    degrade.degrade_pdf(make_pdf([[""]]), blank, seed=4, severity="mild", stamp="")
    degrade.degrade_pdf(make_pdf([["Subject is a gang member."]]), line, seed=4, stamp="")
    real, calls = ocr._tesseract, []

    def counted(*args):  # type: ignore[no-untyped-def]
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(ocr, "_tesseract", counted)
    with open_pdf(blank) as pdf:
        page = ocr.ocr_page(pdf[0], engine)
    assert calls == [] and page.ocr_done and page.text == "" and not page.poorly_read
    with open_pdf(line) as pdf:
        assert "gang member" in ocr.ocr_page(pdf[0], engine).text
    assert calls, "a page of one line is read"


def test_a_page_renders_at_its_scans_own_resolution(make_pdf, tmp_path):
    source = make_pdf([LINES[:2]] * 4)
    scan = tmp_path / "scan.pdf"
    damages = degrade.degrade_pdf(source, scan, seed=2)
    with open_pdf(scan) as pdf, open_pdf(source) as typed:
        assert [scan_image.image_dpi(p, 200) for p in pdf] == [d.dpi for d in damages]
        assert scan_image.image_dpi(typed[0], 200) == 200, "no image: the default"


def banded_form() -> pymupdf.Document:
    """A form page whose header is a two-line white-on-dark band, skewed by the scanner, above
    a solid redaction box: the band is 31 pt high, not a whole number of 1/8-inch blocks."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    page.draw_rect(pymupdf.Rect(40, 43, 572, 74), color=None, fill=(0.25, 0.25, 0.25))
    page.insert_text(
        (46, 56), "BOSTON REGIONAL INTELLIGENCE CENTER (BRIC)", fontsize=11, color=(1, 1, 1)
    )
    page.insert_text(
        (46, 69), "GANG ASSESSMENT DATABASE - SUBJECT DETAIL REPORT", fontsize=8, color=(1, 1, 1)
    )
    page.draw_rect(pymupdf.Rect(72, 300, 300, 316), color=None, fill=(0, 0, 0))
    for i, line in enumerate(LINES[:8]):
        page.insert_text((72, 120 + 16 * i), line, fontsize=10)
    return pdf


def test_a_white_on_dark_band_is_turned_whole_and_read_and_a_redaction_stays(tmp_path):
    source = tmp_path / "band.pdf"
    banded_form().save(source)
    with open_pdf(source) as pdf:
        gray = damaged(pdf[0], dpi=150, skew=0.4)
    traits = scan_image.measure(gray, 150)
    cleaned, _ = scan_image.clean(gray, traits)
    band = cleaned[
        int(45 * 150 / 72) : int(72 * 150 / 72), int(60 * 150 / 72) : int(560 * 150 / 72)
    ]
    assert np.median(band) > 200, "the band's fill is paper now, all of it"
    assert 0.02 < np.mean(band < 128) < 0.3, "and its letters are ink"
    box = cleaned[
        int(303 * 150 / 72) : int(313 * 150 / 72), int(80 * 150 / 72) : int(290 * 150 / 72)
    ]
    assert np.mean(box < 128) > 0.9, "a redaction box has no letters: it stays solid"
    scan = tmp_path / "scan.pdf"
    with pymupdf.open() as out:
        sheet = out.new_page(width=612, height=792)
        image = pymupdf.Pixmap(
            pymupdf.csGRAY,
            gray.shape[1],
            gray.shape[0],
            gray.clip(0, 255).astype("uint8").tobytes(),
            False,
        )
        sheet.insert_image(sheet.rect, pixmap=image)
        out.save(scan)
    with open_pdf(scan) as pdf:
        text = ocr.ocr_page(pdf[0], tesseract()).text
    assert "BOSTON REGIONAL INTELLIGENCE CENTER" in text
    assert "GANG ASSESSMENT DATABASE" in text
