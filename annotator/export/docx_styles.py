"""Word styles for the memo: the built-in Title, Heading 1/2, Quote and table styles, restyled.

The memo uses Word's own named styles (not direct formatting) so an attorney can restyle the
whole document, or paste it into the firm's template, from the Styles pane.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from docx.styles.style import BaseStyle

SERIF = "Times New Roman"
MONO = "Courier New"
INK = RGBColor(0x1A, 0x1A, 0x1A)
NAVY = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
RULE = "8A8A8A"
TABLE_STYLE = "Light List Accent 1"
DETAIL_STYLE = "Finding Detail"
SMALL_STYLE = "Memo Small"
QUOTE_INDENT = Inches(0.35)
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
"""What follows w:pBdr inside w:pPr in the schema; Word rejects a file with them out of order."""


def setup_styles(document: DocxDocument) -> None:
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, SERIF, 11.5, INK)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    _heading(styles["Title"], 24, NAVY, before=0, after=6)
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _border(styles["Title"], "bottom", "1F3864", 12)
    _heading(styles["Heading 1"], 14, NAVY, before=20, after=6)
    _border(styles["Heading 1"], "bottom", "B7C3D9", 4)
    _heading(styles["Heading 2"], 12, INK, before=14, after=4)
    _quote(styles["Quote"])
    _paragraph_style(document, DETAIL_STYLE, 10.5, before=0, after=1)
    styles[DETAIL_STYLE].paragraph_format.left_indent = QUOTE_INDENT
    _paragraph_style(document, SMALL_STYLE, 9.5, before=0, after=2)
    for name in ("Header", "Footer"):
        _font(styles[name], SERIF, 9, GREY)


def _font(style: BaseStyle, name: str, size: float, color: RGBColor) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name, font.size, font.color.rgb = name, Pt(size), color
    fonts = style.element.rPr.find(qn("w:rFonts"))
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), name)


def _heading(
    style: BaseStyle, size: float, color: RGBColor, *, before: float, after: float
) -> None:
    _font(style, SERIF, size, color)
    style.font.bold = True  # type: ignore[attr-defined]
    fmt = style.paragraph_format  # type: ignore[attr-defined]
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.keep_with_next = True


def _quote(style: BaseStyle) -> None:
    _font(style, SERIF, 11.5, INK)
    style.font.italic = False  # type: ignore[attr-defined]
    fmt = style.paragraph_format  # type: ignore[attr-defined]
    fmt.left_indent, fmt.right_indent = QUOTE_INDENT, Inches(0.3)
    fmt.space_before, fmt.space_after = Pt(4), Pt(6)
    fmt.keep_with_next = True
    _border(style, "left", RULE, 18, space=8)


def _paragraph_style(
    document: DocxDocument, name: str, size: float, *, before: float, after: float
) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(size)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = 1.05


def _border(style: BaseStyle, side: str, color: str, size: int, space: int = 4) -> None:
    """A rule on one side of every paragraph in `style` (sizes in eighths of a point)."""
    ppr = style.element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.insert_element_before(borders, *_AFTER_PBDR)
    for old in borders.findall(qn(f"w:{side}")):
        borders.remove(old)
    edge = OxmlElement(f"w:{side}")
    for key, value in (
        ("val", "single"),
        ("sz", str(size)),
        ("space", str(space)),
        ("color", color),
    ):
        edge.set(qn(f"w:{key}"), value)
    borders.append(edge)
