"""find_like: every writing of a phrase in a page's text, as a scan or OCR wrote it."""

from __future__ import annotations

import pymupdf
import pytest
from ocr_support import tesseract

from annotator.nlp.find_like import find_like, like_key
from annotator.nlp.geometry import span_rects
from annotator.pdf.ocr import ocr_page


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        (
            "MS-13",
            "MS-13, ms 13, MS13, M.S. 13 and MS-\n13",
            ["MS-13", "ms 13", "MS13", "M.S. 13", "MS-\n13"],
        ),
        (
            "Salvatrucha",
            "Salva-\ntrucha; SaIvatrucha; SALVATRUCHA",
            ["Salva-\ntrucha", "SaIvatrucha", "SALVATRUCHA"],
        ),
        (
            "Hernández Locos",
            "the hernandez locos, the Hemandez  Locos",
            ["hernandez locos", "Hemandez  Locos"],
        ),
        ("Sailors Locos", "Sai1ors L0cos and 5ailors Locos", ["Sai1ors L0cos", "5ailors Locos"]),
        (
            "gang member",
            "a gang member, two gang members, a gangmember",
            ["gang member", "gangmember"],
        ),
        ("MS-13", "MS-130 and XMS-13 and MS-13x", []),
        (
            "Red Notice",
            "a red\nnotice; a Red-Notice; a rednotice",
            ["red\nnotice", "Red-Notice", "rednotice"],
        ),
        (
            "notificación roja",
            "NOTIFICACION ROJA y notificación-roja",
            ["NOTIFICACION ROJA", "notificación-roja"],
        ),
        ("--", "MS-13", []),
    ],
)
def test_find_like_in_text(phrase, text, found):
    assert [text[a:b] for a, b in find_like(phrase, text)] == found


def test_like_key_is_what_alike_writings_share():
    assert like_key("MS-13") == like_key("ms l3") == like_key("M.S.-I3")
    assert like_key("Hernández") == like_key("HEMANDEZ")
    assert like_key("gang member") != like_key("gang members")


LINES = [
    "FICTIONAL. He was seen with the Hollywood Locos in 2019 and again",
    "in 2021 with HOLLYWOOD LOCOS members. The file says Holly-",
    "wood Locos, and a typed note says Ho11ywood L0cos. Not the",
    "Hollywood Lakers, nor Hollywood Locoss. MS-13 and M5-l3 too.",
]


def test_find_like_on_a_degraded_ocr_page(tmp_path):
    """A page printed in a typewriter face, scanned coarse and saved as a poor JPEG, read by
    Tesseract: every writing of the phrase is found in what OCR made of it, a line-end hyphen
    and OCR's confusions (L0cos, M5-l3) included, and each has its rectangles on the page."""
    engine = tesseract()
    with pymupdf.open() as pdf, pymupdf.open() as scan:
        page = pdf.new_page(width=612, height=792)
        for k, line in enumerate(LINES):
            page.insert_text((72, 100 + 15 * k), line, fontsize=11, fontname="cour")
        pix = page.get_pixmap(dpi=110, colorspace=pymupdf.csGRAY)
        sheet = scan.new_page(width=612, height=792)
        sheet.insert_image(sheet.rect, stream=pix.tobytes("jpeg", jpg_quality=25))
        read = ocr_page(scan[0], engine)
    assert read.text.replace("\n", " ") != " ".join(LINES), "the page went through OCR"
    spans = find_like("Hollywood Locos", read.text)
    assert len(spans) == 4, [read.text[a:b] for a, b in spans]
    assert {like_key(read.text[a:b]) for a, b in spans} == {like_key("Hollywood Locos")}
    rects = [span_rects(read, a, b) for a, b in spans]
    assert [len(r) for r in rects] == [1, 1, 2, 1], "the hyphenated one on two lines"
    assert all(85 < r[0][1] < 150 for r in rects), "on the lines printed (y 100 to 145)"
    assert len(find_like("MS-13", read.text)) == 2
