"""References broken by the layout — line ends, hyphens, columns, page breaks — and rectangles that
land on the right words, on plain, rotated and cropped pages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pymupdf
import pytest

from annotator.core.model import Category, Detection
from annotator.ingest import Ingestor
from annotator.store import CaseStore

FONT = "helv"


def iou(a: Sequence[float], b: Sequence[float]) -> float:
    ra, rb = pymupdf.Rect(a), pymupdf.Rect(b)
    inter = abs(ra & rb) if ra.intersects(rb) else 0.0
    union = abs(ra) + abs(rb) - inter
    return inter / union if union else 0.0


def assert_rects_cover(result, finding: Detection, pieces: list[str], page: int = 1) -> None:
    """One rectangle per piece, in order, each on that piece's words (as PyMuPDF finds them)."""
    assert len(finding.rects) == len(pieces), (finding.text, finding.rects)
    with pymupdf.open(result.path) as pdf:
        pdf_page = pdf[page - 1]
        for rect, piece in zip(finding.rects, pieces, strict=True):
            under = pdf_page.get_textbox(pymupdf.Rect(rect))
            assert piece in under, (piece, under)
            best = max((iou(rect, hit) for hit in pdf_page.search_for(piece)), default=0.0)
            assert best >= 0.6, (piece, rect, pdf_page.search_for(piece))


def only(result, category: str) -> Detection:
    found = result.of(category)
    assert len(found) == 1, [(d.subtype, d.text) for d in result.detections]
    return found[0]


# -- line breaks and hyphenation ---------------------------------------------------------------

SPLITS = [
    (
        "gang_label",
        ["He was described as a member of Mara", "Salvatrucha by the officer who wrote it."],
        "member of Mara Salvatrucha",
        ["member of Mara", "Salvatrucha"],
    ),
    (
        "gang_label",
        ["He was described as a member of Mara Salva-", "trucha by the officer who wrote it."],
        "member of Mara Salvatrucha",
        ["member of Mara Salva-", "trucha"],
    ),
    (
        "gang_label",
        ["He was described as a member of the MS-", "13 by the officer who wrote it."],
        "member of the MS-13",
        ["member of the MS-", "13"],
    ),
    (
        "red_notice",
        ["The respondent is subject to an INTERPOL Red", "Notice issued by El Salvador in 2021."],
        "INTERPOL Red Notice",
        ["INTERPOL Red", "Notice"],
    ),
    (
        "safe",
        [
            "The record reached ICE through the Security Alliance",
            "for Fugitive Enforcement in 2020.",
        ],
        "Security Alliance for Fugitive Enforcement",
        ["Security Alliance", "for Fugitive Enforcement"],
    ),
    (
        "fusion_center",
        ["The analyst at the Boston Regional Intelligence", "Center entered his name."],
        "Boston Regional Intelligence Center",
        ["Boston Regional Intelligence", "Center"],
    ),
    (
        "gang_label",
        [
            "La policía informa que el sujeto es miembro activo de la MS-",
            "13 según el informe de inteligencia de la zona.",
        ],
        "miembro activo de la MS-13",
        ["miembro activo de la MS-", "13"],
    ),
    (
        "gang_label",
        [
            "La policía informa que el joven colabora con la Mara Salva-",
            "trucha según el informe de inteligencia de la zona.",
        ],
        "la Mara Salvatrucha",
        ["la Mara Salva-", "trucha"],
    ),
    (
        "red_notice",
        [
            "La policía de El Salvador recibió una notificación",
            "roja contra el señor por el delito de extorsión.",
        ],
        "notificación roja",
        ["notificación", "roja"],
    ),
]


@pytest.mark.parametrize(
    ("category", "lines", "text", "pieces"),
    SPLITS,
    ids=[f"{s[0]}:{s[2]}:{'|'.join(s[3])}" for s in SPLITS],
)
def test_reference_split_over_two_lines_is_one_finding_with_a_rect_per_line(
    scan, category, lines, text, pieces
):
    result = scan([lines])
    finding = only(result, category)
    assert finding.text == text
    assert_rects_cover(result, finding, pieces)
    # one rectangle per visual line: the second sits below the first
    assert finding.rects[1][1] > finding.rects[0][3] - 1


def test_two_findings_on_one_line_get_separate_rects(scan):
    result = scan([["Named in CalGang and in a fusion center bulletin."]])
    gang, fusion = only(result, "gang_label"), only(result, "fusion_center")
    assert_rects_cover(result, gang, ["CalGang"])
    assert_rects_cover(result, fusion, ["fusion center"])


# -- columns -----------------------------------------------------------------------------------

LEFT = [
    "The school resource officer wrote",
    "that the student was seen with",
    "members of the Mara",
    "Salvatrucha near the gym and",
    "that nobody saw him fight.",
]
RIGHT = [
    "The Northern California Regional",
    "Intelligence Center later shared",
    "the entry with ICE agents in",
    "the field office in San Jose, a",
    "routine step, the analyst said.",
]


def two_column_pdf(path: Path, *, drawn: str) -> Path:
    """A two-column page; `drawn` is the order the generator wrote the lines in."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    if drawn == "column by column":
        for column, x in ((LEFT, 72), (RIGHT, 330)):
            for i, line in enumerate(column):
                page.insert_text((x, 100 + 14 * i), line, fontsize=10, fontname=FONT)
    else:
        for i, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
            page.insert_text((72, 100 + 14 * i), left, fontsize=10, fontname=FONT)
            page.insert_text((330, 100 + 14 * i), right, fontsize=10, fontname=FONT)
    pdf.save(path)
    pdf.close()
    return path


@pytest.mark.parametrize("drawn", ["column by column", "row by row"])
def test_reference_wrapped_in_a_column(tmp_path, scan_file, drawn):
    result = scan_file(two_column_pdf(tmp_path / "columns.pdf", drawn=drawn))
    page = result.pages[0][0]
    # reading order: the left column's lines, then the right column's
    assert page.text.index("members of the Mara") < page.text.index("Salvatrucha near the gym")
    assert page.text.index("that nobody saw him fight.") < page.text.index(
        "The Northern California"
    )
    gang = only(result, "gang_label")
    assert gang.text == "members of the Mara Salvatrucha"
    assert_rects_cover(result, gang, ["members of the Mara", "Salvatrucha"])
    fusion = only(result, "fusion_center")
    assert fusion.text == "Northern California Regional Intelligence Center"
    assert_rects_cover(result, fusion, ["Northern California Regional", "Intelligence Center"])
    assert all(r[0] >= 320 for r in fusion.rects), (
        "the right column's rects stay in the right column"
    )


# -- page breaks -------------------------------------------------------------------------------


def paged_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Pages with a running header and a page-number footer in the margins, like a real A-file."""
    pdf = pymupdf.open()
    for number, lines in enumerate(pages, 1):
        page = pdf.new_page(width=612, height=792)
        page.insert_text((72, 36), "FICTIONAL - Rivas Mejia A-file", fontsize=8, fontname=FONT)
        page.insert_text((500, 770), f"Page {number} of {len(pages)}", fontsize=8, fontname=FONT)
        for i, line in enumerate(lines):
            page.insert_text((72, 72 + 14 * i), line, fontsize=10, fontname=FONT)
    pdf.save(path)
    pdf.close()
    return path


FILLER = [f"Narrative line {i} of the officer's account, nothing to note here." for i in range(40)]


@pytest.mark.parametrize(
    ("last_line", "first_line", "category", "text", "piece"),
    [
        (
            "The respondent is the subject of an INTERPOL Red",
            "Notice issued by El Salvador, he wrote.",
            "red_notice",
            "INTERPOL Red Notice",
            "INTERPOL Red",
        ),
        (
            "Records came from the Security Alliance for Fugitive",
            "Enforcement, an ICE program.",
            "safe",
            "Security Alliance for Fugitive Enforcement",
            "Security Alliance for Fugitive",
        ),
        (
            "La policía dice que recibió una notificación",
            "roja de Interpol contra el señor.",
            "red_notice",
            "notificación roja de Interpol",
            "notificación",
        ),
    ],
    ids=["en-red-notice", "en-safe", "es-notificacion-roja"],
)
def test_reference_across_a_page_break_is_found_on_the_first_page(
    tmp_path, detector, last_line, first_line, category, text, piece
):
    path = paged_pdf(tmp_path / "break.pdf", [[*FILLER, last_line], [first_line, "Nothing more."]])
    with CaseStore(tmp_path / "break.case") as case:
        (result,) = Ingestor(case, detector, workers=1).add_files([path])
        assert result.ok, result.error
        found = case.findings(category=category)
    assert [(f.page, f.text) for f in found] == [(1, text)]
    (finding,) = found
    assert len(finding.rects) == 1
    with pymupdf.open(path) as pdf:
        under = pdf[0].get_textbox(pymupdf.Rect(finding.rects[0]))
        assert piece in under
        assert max(iou(finding.rects[0], r) for r in pdf[0].search_for(piece)) >= 0.6


# -- rotated and cropped pages -----------------------------------------------------------------

ROTATED_LINES = [
    "The officer called him a gang member, citing the gangs (MS-13/Barrio-18)",
    "and the Boston Regional Intelligence Center (fusion center) entry.",
]
ROTATED_PIECES = {
    "gang member": "gang_label",
    "MS-13": "gang_label",
    "Barrio-18": "gang_label",
    "Boston Regional Intelligence Center": "fusion_center",
    "fusion center": "fusion_center",
}


def check_pieces(result) -> None:
    found = {d.text: d for d in result.detections}
    assert set(ROTATED_PIECES) <= set(found), sorted(found)
    for text, category in ROTATED_PIECES.items():
        assert found[text].category is Category(category)
        assert_rects_cover(result, found[text], [text])


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_page_with_sideways_text(scan, rotation):
    """/Rotate set on a page whose text was laid out unrotated: boxes stay in page space."""
    result = scan([ROTATED_LINES], rotation=rotation)
    page = result.pages[0][0]
    assert page.rotation == rotation
    if rotation in (90, 270):
        assert (page.width, page.height) == (792, 612)
    check_pieces(result)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_rotated_page_with_upright_text(tmp_path, scan_file, rotation):
    """A landscape scan stored as a rotated page: the text reads upright to the user."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    page.set_rotation(rotation)
    for i, line in enumerate(ROTATED_LINES):
        point = pymupdf.Point(72, 100 + 14 * i) * page.derotation_matrix
        page.insert_text(point, line, fontsize=10, fontname=FONT, rotate=rotation)
    path = tmp_path / f"upright{rotation}.pdf"
    pdf.save(path)
    pdf.close()
    result = scan_file(path)
    check_pieces(result)
    with pymupdf.open(path) as pdf:
        box = pdf[0].cropbox  # the unrotated page, the space rects are in
        for d in result.detections:
            for x0, y0, x1, y1 in d.rects:
                assert -1 <= x0 < x1 <= box.width + 1 and -1 <= y0 < y1 <= box.height + 1


def test_cropped_page_rects_land_on_the_words(tmp_path, scan_file):
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    page.insert_text((20, 40), "Outside the crop box: CalGang entry.", fontsize=10, fontname=FONT)
    page.insert_text(
        (100, 200), "The fusion center listed him in CalGang as a", fontsize=10, fontname=FONT
    )
    page.insert_text((100, 214), "gang member, the report says.", fontsize=10, fontname=FONT)
    page.set_cropbox(pymupdf.Rect(72, 100, 540, 700))
    path = tmp_path / "cropped.pdf"
    pdf.save(path)
    pdf.close()
    result = scan_file(path)
    texts = sorted(d.text for d in result.detections)
    assert texts == ["CalGang", "fusion center", "gang member"], (
        "text outside the crop box is not read"
    )
    for d in result.detections:
        assert_rects_cover(result, d, [d.text])
        for x0, y0, x1, y1 in d.rects:
            assert 0 <= x0 < x1 <= 468 and 0 <= y0 < y1 <= 600


# -- language per page -------------------------------------------------------------------------


def test_language_is_guessed_per_page(scan):
    result = scan(
        [
            ["The officer wrote that he is a gang member of the local clique."],
            ["El agente escribió que el joven es pandillero de la colonia y de la zona."],
            ["The record was shared with the fusion center in the spring."],
        ]
    )
    assert [page.language for page, _ in result.pages] == ["en", "es", "en"]
    assert [[d.language for d in dets] for _, dets in result.pages] == [["en"], ["es"], ["en"]]
