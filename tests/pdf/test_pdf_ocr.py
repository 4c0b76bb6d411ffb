"""OCR of image-only pages: Tesseract's data found or an install hint, text and boxes like a text
layer, ruled forms and noisy scans read, pages failing one by one rather than the whole file."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from ocr_support import any_overlap, scanned_copy, tesseract

from annotator.core.paths import tessdata_dir
from annotator.pdf import ocr, ocr_words
from annotator.pdf.extract import extract_page, open_pdf
from annotator.pdf.ocr import (
    OcrEngine,
    OcrUnavailable,
    find_engine,
    install_hint,
    ocr_page,
    ocr_pages,
)

LINES = [
    "The school officer wrote that the student is a gang member,",
    "and forwarded the card to the Boston Regional Intelligence",
    "Center for entry into the Gang Assessment Database.",
]

# -- finding Tesseract ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "words"),
    [
        ("linux", "sudo apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa"),
        ("darwin", "brew install tesseract tesseract-lang"),
        ("win32", "UB Mannheim"),
    ],
)
def test_install_hint_fits_the_system(monkeypatch, platform, words):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)  # a Debian-like Linux
    assert words in install_hint(platform)


def test_an_empty_tessdata_prefix_means_no_ocr_and_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    with pytest.raises(OcrUnavailable) as caught:
        find_engine()
    message = str(caught.value)
    assert str(tmp_path) in message and install_hint() in message


def test_tessdata_prefix_may_name_the_folder_or_its_parent(monkeypatch, tmp_path):
    (tmp_path / "tessdata").mkdir()
    (tmp_path / "tessdata" / "eng.traineddata").write_bytes(b"stand-in")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    engine = find_engine()
    assert engine.tessdata == str((tmp_path / "tessdata").resolve())
    assert (engine.languages, engine.missing, engine.language) == (("eng",), ("spa",), "eng")


def test_the_data_shipped_with_the_app_comes_before_a_system_install(monkeypatch):
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    engine = find_engine()
    assert Path(engine.tessdata) == tessdata_dir().resolve()
    assert engine.language == "eng+spa"
    assert (tessdata_dir() / "LICENSE").is_file() and (tessdata_dir() / "NOTICE.md").is_file()


def test_a_build_without_the_data_falls_back_to_a_system_install(monkeypatch, tmp_path):
    system = tmp_path / "usr" / "share" / "tessdata"
    system.mkdir(parents=True)
    for lang in ("eng", "spa"):
        (system / f"{lang}.traineddata").symlink_to(tessdata_dir() / f"{lang}.traineddata")
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    monkeypatch.setattr(ocr, "_TESSDATA_DIRS", (str(system),))
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    engine = find_engine(shipped=tmp_path / "not-in-this-build")
    assert engine.tessdata == str(system.resolve()) and engine.language == "eng+spa"


def test_a_build_without_the_data_and_no_tesseract_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    monkeypatch.setattr(ocr, "_TESSDATA_DIRS", ())
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(OcrUnavailable) as caught:
        find_engine(shipped=tmp_path / "not-in-this-build")
    assert "carries no OCR language data" in str(caught.value)
    assert install_hint() in str(caught.value)


# -- reading a page -------------------------------------------------------------------------------


def test_an_image_only_page_reads_like_its_text_layer(make_pdf, tmp_path):
    original = make_pdf([LINES], fontsize=11)
    scan = scanned_copy(original, tmp_path / "scan.pdf")
    with open_pdf(original) as text_pdf, open_pdf(scan) as scan_pdf:
        expected = extract_page(text_pdf[0])
        page = ocr_page(scan_pdf[0], tesseract())
    assert page.ocr_done and page.needs_ocr, "needs_ocr stays: the page has no text layer"
    assert page.text == expected.text
    assert [page.text[w.start : w.end] for w in page.words] == page.text.split()
    assert [w.line for w in page.words] == [w.line for w in expected.words]
    for got, want in zip(page.words, expected.words, strict=True):
        assert any_overlap([got.rect], [want.rect])
        assert abs(_centre(got.rect)[0] - _centre(want.rect)[0]) < 6
        assert abs(_centre(got.rect)[1] - _centre(want.rect)[1]) < 4


def _centre(rect):
    return (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2


@pytest.mark.parametrize("rotation", [180, 270])
def test_a_rotated_scan_keeps_boxes_in_unrotated_page_space(rotation):
    text_pdf, scan_pdf = pymupdf.open(), pymupdf.open()
    typed = text_pdf.new_page(width=612, height=792)
    typed.set_rotation(rotation)
    for i, line in enumerate(LINES):
        where = pymupdf.Point(72, 100 + 16 * i) * typed.derotation_matrix
        typed.insert_text(where, line, fontsize=11, rotate=rotation)
    view = typed.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
    scanned = scan_pdf.new_page(width=612, height=792)
    scanned.set_rotation(rotation)
    scanned.insert_image(scanned.mediabox, stream=view, rotate=rotation)
    expected, page = extract_page(typed), ocr_page(scanned, tesseract())
    assert page.text.split() == expected.text.split()
    assert page.rotation == rotation
    for got, want in zip(page.words, expected.words, strict=True):
        assert any_overlap([got.rect], [want.rect])


def test_rows_of_a_ruled_table_and_white_on_dark_headings_are_read(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    page.draw_rect(pymupdf.Rect(60, 60, 550, 80), color=None, fill=(0.1, 0.16, 0.35))
    page.insert_text(
        (72, 75), "SECTION 4 - GANG AFFILIATION", fontsize=11, fontname="hebo", color=(1, 1, 1)
    )
    rows = [
        ("24/05/2023", "PNC Division Antipandillas", "Enlace SAFE"),
        ("26/05/2023", "Enlace SAFE", "Archivo SAFE San Salvador"),
        ("30/05/2023", "Enlace SAFE", "ERO Boston FUGOPS"),
    ]
    columns = (60, 160, 360, 550)
    for r, cells in enumerate(rows):
        top = 100 + 18 * r
        for c, cell in enumerate(cells):
            page.draw_rect(pymupdf.Rect(columns[c], top, columns[c + 1], top + 18), width=0.6)
            page.insert_text((columns[c] + 4, top + 13), cell, fontsize=9)
    source = tmp_path / "table.pdf"
    pdf.save(source)
    pdf.close()
    with open_pdf(scanned_copy(source, tmp_path / "scan.pdf")) as scan:
        text = ocr_page(scan[0], tesseract()).text
    assert "GANG AFFILIATION" in text
    for cells in rows:
        for cell in cells:
            assert cell in text


def test_dust_lines_are_dropped_and_short_codes_kept():
    raw = [
        (10, 10, 12, 12, "~", 0, 0, 0),
        (50, 50, 80, 60, "Gang", 1, 0, 0),
        (82, 50, 90, 60, "|", 1, 0, 1),
        (5, 70, 7, 72, ":", 2, 0, 0),
        (5, 80, 9, 82, "ee", 3, 0, 0),  # dust beside the text, read as letters
        (50, 90, 58, 100, "M", 4, 0, 0),  # a form's answer: a capital, a code or a number
        (50, 110, 62, 120, "18", 5, 0, 0),
    ]
    assert [w[4] for w in ocr_words.drop_specks(raw)] == ["Gang", "|", "M", "18"]


def test_a_stray_letter_between_two_lines_of_a_paragraph_is_dropped():
    raw = [
        (40, 100, 80, 110, "Boston", 0, 0, 0),
        (84, 100, 130, 110, "Regional", 0, 0, 1),
        (134, 100, 200, 110, "Intelligence", 0, 0, 2),
        (120, 110, 123, 113, "1", 0, 1, 0),  # a speck read between the lines
        (40, 113, 90, 123, "Center", 0, 2, 0),
        (40, 150, 44, 160, "4.", 1, 0, 0),  # a list number on a line of its own stays
        (40, 170, 90, 180, "Subject", 2, 0, 0),
    ]
    kept = [w[4] for w in ocr_words.drop_specks(raw)]
    assert kept == ["Boston", "Regional", "Intelligence", "Center", "4.", "Subject"]


def test_split_lines_and_paragraphs_are_put_back_together():
    raw = [
        # one visual line that Tesseract cut in two
        (40, 100, 110, 110, "points;", 0, 0, 0),
        (112, 99, 150, 111, "associating", 0, 1, 0),
        # the next line of the paragraph, opened as a new block
        (40, 113, 80, 123, "Gang", 1, 0, 0),
        (82, 113, 130, 123, "Associate", 1, 0, 1),
        # a separate block further down
        (40, 200, 90, 210, "Remarks", 2, 0, 0),
        # a cell in another column on the same row: stays apart
        (300, 200, 340, 210, "Fecha", 3, 0, 0),
    ]
    regrouped = ocr_words.regroup_lines(raw)
    keys = [(w[5], w[6]) for w in regrouped]
    assert keys == [(0, 0), (0, 0), (0, 1), (0, 1), (1, 2), (2, 3)]


def test_a_page_that_fails_is_reported_and_the_rest_go_on(tmp_path, make_pdf):
    broken = tmp_path / "tessdata"
    broken.mkdir()
    (broken / "eng.traineddata").write_bytes(b"not a language model")
    scan = scanned_copy(make_pdf([LINES[:1]]), tmp_path / "scan.pdf")
    (outcome,) = ocr_pages(scan, [1], OcrEngine(str(broken), ("eng",)))
    assert outcome.number == 1 and outcome.page is None
    assert outcome.problem.startswith("OCR failed")


# -- the two engines --------------------------------------------------------------------------


def test_the_system_library_and_pymupdfs_own_tesseract_read_alike(make_pdf, tmp_path):
    engine = tesseract()
    if not engine.library:
        pytest.skip("no system libtesseract: OCR runs on PyMuPDF's own Tesseract")
    scan = scanned_copy(make_pdf([LINES], fontsize=11), tmp_path / "scan.pdf")
    bundled = OcrEngine(engine.tessdata, engine.languages, engine.dpi, library="")
    with open_pdf(scan) as pdf:
        fast, slow = ocr_page(pdf[0], engine), ocr_page(pdf[0], bundled)
    assert fast.text == slow.text
    for a, b in zip(fast.words, slow.words, strict=True):
        assert any_overlap([a.rect], [b.rect])
    assert fast.ocr_quality is not None and fast.ocr_quality > 0.9


def _worker_that_dies() -> None:
    """A pool initializer that fails, as a worker killed at start would."""
    raise SystemExit(9)


def test_a_dead_ocr_pool_fails_its_pages_and_stops_cleanly(monkeypatch):
    """Workers that die (killed, out of memory) leave every page unread with a reason; nothing
    escapes to the ingest, which marks them not searched and tries again next time."""
    from ocr_support import tesseract

    from annotator.core.paths import sample_dir

    engine = tesseract()
    monkeypatch.setattr(ocr, "_start_worker", _worker_that_dies)
    scanned = sample_dir() / "scanned" / "02_school_police_incident_report_scanned.pdf"
    outcomes = list(ocr.ocr_pages(scanned, [1, 2, 3, 4], engine, workers=2))
    assert sorted(o.number for o in outcomes) == [1, 2, 3, 4]
    assert all(o.page is None and "stopped unexpectedly" in o.problem for o in outcomes)
