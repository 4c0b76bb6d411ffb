"""PDF ingest: text with word boxes, OCR marking, safe opening of bad files, page stamps."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pymupdf
import pytest

from annotator.core.errors import AnnotatorError, BadInputFile
from annotator.pdf.extract import document_title, extract_page, iter_pages, open_pdf, sha256_file
from annotator.pdf.labels import page_label
from tests.conftest import run_as_user


def pages_of(path: Path):
    pdf = open_pdf(path)
    try:
        return list(iter_pages(pdf))
    finally:
        pdf.close()


# -- text and word boxes -----------------------------------------------------------------------


def test_text_and_word_offsets_match_pymupdf_words(make_pdf):
    path = make_pdf(
        [["The respondent, Daniel Rivas,", "was stopped at 10:40 p.m."], ["Second page."]]
    )
    pages = pages_of(path)
    assert [p.number for p in pages] == [1, 2]
    first = pages[0]
    assert first.text == "The respondent, Daniel Rivas,\nwas stopped at 10:40 p.m."
    with pymupdf.open(path) as pdf:
        raw = pdf[0].get_text("words")
    assert [first.text[w.start : w.end] for w in first.words] == [r[4] for r in raw]
    assert [w.rect for w in first.words] == [tuple(r[:4]) for r in raw]
    assert [w.line for w in first.words] == [0] * 4 + [1] * 5
    assert (first.width, first.height, first.rotation) == (612, 792, 0)
    assert not first.needs_ocr


def test_separate_blocks_are_separated_by_a_blank_line(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page()
    page.insert_text((72, 72), "Header block", fontsize=10)
    page.insert_text((72, 400), "Body block", fontsize=10)
    (text,) = [extract_page(page).text]
    pdf.close()
    assert text == "Header block\n\nBody block"


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
"""A font with ligature glyphs (fonts-dejavu-core, installed by tools/install.sh)."""


def test_ligatures_are_expanded(tmp_path):
    assert DEJAVU.is_file(), "fonts-dejavu-core is missing: run tools/install.sh"
    pdf = pymupdf.open()
    page = pdf.new_page()
    page.insert_text(
        (72, 72), "o\ufb03cer \ufb01led", fontsize=10, fontname="dejavu", fontfile=str(DEJAVU)
    )
    held = page.get_text(flags=pymupdf.TEXT_PRESERVE_LIGATURES)
    text = extract_page(page).text
    pdf.close()
    assert "\ufb03" in held and "\ufb01" in held, "the page really holds the ligature glyphs"
    assert text == "officer filed"


def test_rotated_page_keeps_words_in_page_space(make_pdf):
    path = make_pdf([["The fusion center bulletin lists him."]], rotation=90)
    (page,) = pages_of(path)
    assert page.rotation == 90
    assert (page.width, page.height) == (792, 612)
    with pymupdf.open(path) as pdf:
        for word in page.words:
            assert page.text[word.start : word.end] in pdf[0].get_textbox(pymupdf.Rect(word.rect))


def test_cropbox_words_are_relative_to_the_visible_page(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    page.insert_text((20, 40), "hidden", fontsize=10)
    page.insert_text((100, 200), "visible words", fontsize=10)
    page.set_cropbox(pymupdf.Rect(72, 100, 540, 700))
    path = tmp_path / "crop.pdf"
    pdf.save(path)
    pdf.close()
    (text_page,) = pages_of(path)
    assert text_page.text == "visible words"
    assert (text_page.width, text_page.height) == (468, 600)
    with pymupdf.open(path) as pdf:
        for word in text_page.words:
            assert text_page.text[word.start : word.end] in pdf[0].get_textbox(
                pymupdf.Rect(word.rect)
            )
            assert 0 <= word.rect[0] < word.rect[2] <= 468


# -- pages that need OCR -----------------------------------------------------------------------


def _scan_image() -> pymupdf.Pixmap:
    """A 'scanned' page image: text rendered to pixels, no text layer."""
    src = pymupdf.open()
    page = src.new_page(width=612, height=792)
    page.insert_text((72, 100), "He is a gang member, the officer wrote.", fontsize=14)
    pix = page.get_pixmap(dpi=50)
    src.close()
    return pix


def test_image_only_page_needs_ocr(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    page.insert_text(
        (72, 72), "This page has a text layer, long enough to count as text.", fontsize=10
    )
    scanned = pdf.new_page(width=612, height=792)
    scanned.insert_image(scanned.rect, pixmap=_scan_image())
    pdf.new_page(width=612, height=792)  # blank: nothing to read, nothing to OCR
    path = tmp_path / "mixed.pdf"
    pdf.save(path)
    pdf.close()
    pages = pages_of(path)
    assert [p.needs_ocr for p in pages] == [False, True, False]
    assert pages[1].text == "" and pages[1].words == []


def test_scan_with_a_short_stamp_still_needs_ocr(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    page.insert_image(page.rect, pixmap=_scan_image())
    page.insert_text((480, 780), "RIVAS-000123 FICTIONAL", fontsize=8)
    path = tmp_path / "stamped.pdf"
    pdf.save(path)
    pdf.close()
    (stamped,) = pages_of(path)
    assert stamped.needs_ocr


# -- opening files -----------------------------------------------------------------------------


def test_sha256_file(make_pdf):
    path = make_pdf([["x"]])
    assert sha256_file(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_source_pdf_is_not_modified(make_pdf):
    path = make_pdf([["The fusion center bulletin lists him as a gang member."]])
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    pages_of(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def _valid_pdf_bytes(tmp_path: Path) -> bytes:
    pdf = pymupdf.open()
    for i in range(5):
        page = pdf.new_page(width=612, height=792)
        page.insert_text(
            (72, 72), f"Page {i} about the MS-13 gang member.", fontsize=10, fontname="helv"
        )
    path = tmp_path / "valid.pdf"
    pdf.save(path)
    pdf.close()
    return path.read_bytes()


def _encrypted(tmp_path: Path) -> Path:
    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), "secret", fontsize=10)
    path = tmp_path / "locked.pdf"
    pdf.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="owner")
    pdf.close()
    return path


@pytest.mark.parametrize(
    ("kind", "problem"),
    [
        ("missing", "no such file"),
        ("directory", "folder"),
        ("empty", "empty"),
        ("not a pdf", "not a PDF"),
        ("encrypted", "password"),
        ("name too long", "cannot be read"),
    ],
)
def test_bad_files_raise_bad_input_file(tmp_path, kind, problem):
    if kind == "missing":
        path = tmp_path / "nowhere.pdf"
    elif kind == "directory":
        path = tmp_path / "folder.pdf"
        path.mkdir()
    elif kind == "empty":
        path = tmp_path / "empty.pdf"
        path.write_bytes(b"")
    elif kind == "not a pdf":
        path = tmp_path / "notes.pdf"
        path.write_text("These are an attorney's notes, not a PDF.\n" * 20)
    elif kind == "encrypted":
        path = _encrypted(tmp_path)
    else:
        path = tmp_path / ("x" * 300 + ".pdf")
    with pytest.raises(BadInputFile) as info:
        pdf = open_pdf(path)
        list(iter_pages(pdf))  # a file that opens must at least read
        pdf.close()
    assert str(path) in str(info.value)
    assert problem.lower() in info.value.problem.lower()
    assert isinstance(info.value, AnnotatorError)


@pytest.mark.parametrize("percent", [5, 10, 30, 50, 95])
def test_truncated_pdf_raises_bad_input_file(tmp_path, percent):
    """An interrupted download or copy: the file is cut short, whatever MuPDF can repair."""
    data = _valid_pdf_bytes(tmp_path)
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) * percent // 100])
    with pytest.raises(BadInputFile, match=r"truncated|damaged") as info:
        pdf = open_pdf(path)
        list(iter_pages(pdf))
        pdf.close()
    assert str(path) in str(info.value)


UNREADABLE = """
import sys
from annotator.core.errors import BadInputFile
from annotator.pdf.extract import open_pdf
try:
    open_pdf(sys.argv[1])
except BadInputFile as err:
    print(err)
"""


def test_unreadable_file_raises_bad_input_file(make_pdf):
    path = make_pdf([["text"]])
    path.chmod(0)
    try:
        done = run_as_user("-c", UNREADABLE, str(path))
    finally:
        path.chmod(0o644)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{path}: cannot be read (Permission denied)"


def test_title_from_metadata_or_file_name(tmp_path):
    pdf = pymupdf.open()
    pdf.new_page()
    pdf.set_metadata({"title": "  I-213 Record  "})
    with_title = tmp_path / "a.pdf"
    pdf.save(with_title)
    pdf.close()
    with pymupdf.open(with_title) as opened:
        assert document_title(opened, with_title) == "I-213 Record"
        assert (
            document_title(opened, tmp_path / "school_police_report.pdf") != "school police report"
        )
    blank = pymupdf.open()
    blank.new_page()
    assert document_title(blank, tmp_path / "school_police_report.pdf") == "school police report"
    blank.close()


# -- page stamps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Narrative...\nmore narrative\nRIVAS-000123", "RIVAS-000123"),
        ("DHS 0042\nNarrative of the officer", "DHS 0042"),
        ("Narrative\nA-file page 17", "A-file page 17"),
        ("Respondent A-012-345-678\nForm I-213 narrative", ""),
        ("No stamp on this page at all.", ""),
    ],
)
def test_page_label(text, label):
    assert page_label(text) == label
