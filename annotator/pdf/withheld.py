"""What a FOIA release withholds: exemption codes, pages withheld in full, referrals to other
agencies, redactions (marked in the text, or drawn as opaque boxes) and gaps in the Bates
numbering.

A FOIA appeal, or a motion for the complete A-file, rests on what the release held back. The
text pass reads a page's text for the markers in models/withheld/markers.json; the geometry pass
finds opaque dark rectangles: vector fills and image blocks in text PDFs, large solid dark areas
in the image of a scanned page. The geometry pass costs a page's drawing list or a rendering, so
it runs only on the pages of a document that reads as a release (a page holds one of the release
words of markers.json) and on scanned pages.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import pymupdf

from annotator.core.model import PageText, Rect, Withholding, WithholdingKind
from annotator.core.paths import models_dir as default_models_dir
from annotator.pdf.labels import page_label

KINDS = (
    WithholdingKind.EXEMPTION,
    WithholdingKind.WITHHELD_PAGE,
    WithholdingKind.REFERRAL,
    WithholdingKind.REDACTION,
)
"""The text markers, in the order they claim the text: an exemption code inside "withheld in
full pursuant to (b)(7)(E)" is an exemption, the rest a withheld page."""
DARK = 0.35
"""A fill this dark or darker (0 black, 1 white) hides what is under it."""
MIN_BOX = (18.0, 6.0)
"""The smallest redaction box (width, height in points); smaller dark fills are rules, bullets."""
RASTER_DPI = 50
_NEAR = 24.0
"""Points around a box within which an exemption code is taken to be its label."""


@dataclass(frozen=True, slots=True)
class Marker:
    pattern: re.Pattern[str]
    needs: tuple[str, ...]
    """Lower-case strings one of which a page must hold for the pattern to be tried."""


@dataclass(frozen=True, slots=True)
class Markers:
    markers: dict[WithholdingKind, tuple[Marker, ...]]
    release: tuple[str, ...]
    """Lower-case strings one of which some page of a release holds."""

    def in_release(self, pages: Iterable[PageText]) -> bool:
        """Whether the document may withhold anything: a page holds one of `release`. Most
        documents of a case are no release, and this is all they cost."""
        for page in pages:
            lower = page.text.lower()
            if any(s in lower for s in self.release):
                return True
        return False


@lru_cache(maxsize=4)
def load_markers(models_dir: Path | None = None) -> Markers:
    path = (models_dir or default_models_dir()) / "withheld" / "markers.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    markers = {
        kind: tuple(
            Marker(re.compile(m["pattern"], re.IGNORECASE), tuple(m.get("needs", ())))
            for m in data[kind.value]
        )
        for kind in KINDS
    }
    return Markers(markers, tuple(data.get("release", ())))


def text_withholdings(page: PageText, markers: Markers | None = None) -> list[Withholding]:
    """The withholding markers written on the page, each with the boxes of its words."""
    markers = markers or load_markers()
    text, source = _joined(page.text)
    lower = text.lower()
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Withholding]] = []
    for kind in KINDS:
        for marker in markers.markers[kind]:
            if marker.needs and not any(n in lower for n in marker.needs):
                continue
            for m in marker.pattern.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                shown = " ".join(m.group().split())
                item = Withholding(kind, page.number, _code(kind, m, shown), shown)
                item.rects = _rects(page, source[m.start()], source[m.end() - 1] + 1)
                found.append((m.start(), item))
    return [item for _, item in sorted(found, key=lambda f: f[0])]


_LINE_END_HYPHEN = re.compile(r"(?<=[A-Za-z])-[ \t]*\n[ \t]*(?=[a-z])")


def _joined(text: str) -> tuple[str, list[int]]:
    """The page text with words hyphenated at a line end joined ("with-" + "held"), and the
    page-text offset of each of its characters."""
    if "-\n" not in text and "- \n" not in text:
        return text, list(range(len(text) + 1))
    parts: list[str] = []
    source: list[int] = []
    at = 0
    for m in _LINE_END_HYPHEN.finditer(text):
        parts.append(text[at : m.start()])
        source.extend(range(at, m.start()))
        at = m.end()
    parts.append(text[at:])
    source.extend(range(at, len(text) + 1))
    return "".join(parts), source


def _code(kind: WithholdingKind, m: re.Match[str], text: str) -> str:
    """ "(b)(7)(C)" for an exemption, whichever way it was written; the agency for a referral."""
    if kind is WithholdingKind.EXEMPTION:
        groups = [g for g in m.groups() if g]
        if not groups:
            return ""
        head = "b" if groups[0].isdigit() else groups.pop(0).lower()
        tail = "".join(f"({g.upper() if g.isalpha() else g})" for g in groups)
        return f"({head}){tail}"
    if kind is WithholdingKind.REFERRAL:
        # "Document referred to ICE", "Las paginas ... fueron remitidas a CBP": the agency
        # follows the verb wherever it stands
        target = re.sub(
            r"^.*?(?:refer(?:red|ral)\s+(?:to|for)|sent\s+to|consult(?:ation)?\s+with|"
            r"(?:remitid|referid|trasladad)[oa]s?\s+a)\s*",
            "",
            text,
            count=1,
            flags=re.IGNORECASE,
        )
        target = re.split(r"\s+(?:for|para)\b|,", target, maxsplit=1)[0]
        return " ".join(target.split()).strip(" :.")
    return ""


def _rects(page: PageText, start: int, end: int) -> list[Rect]:
    """The boxes of the words the span touches, one per visual line."""
    by_line: dict[int, list[float]] = {}
    for word in page.words:
        if word.start >= end or word.end <= start:
            continue
        box = by_line.setdefault(word.line, list(word.rect))
        box[0], box[1] = min(box[0], word.rect[0]), min(box[1], word.rect[1])
        box[2], box[3] = max(box[2], word.rect[2]), max(box[3], word.rect[3])
    return [(b[0], b[1], b[2], b[3]) for b in by_line.values()]


def box_withholdings(
    pdf_page: pymupdf.Page | None, page: PageText, scanned: bool
) -> list[Withholding]:
    """Opaque dark rectangles on the page: drawn or stamped as images in a text PDF, or, on a
    scanned page, large solid dark areas of its image (those OCR found, if it just read the
    page; `pdf_page` may then be None)."""
    if scanned:
        boxes = page.dark_boxes if page.dark_boxes is not None else _raster_boxes(pdf_page)
    else:
        boxes = _vector_boxes(pdf_page) + _image_boxes(pdf_page)
    area = abs(pdf_page.rect) if pdf_page is not None else page.width * page.height
    out = []
    for box in _merge(boxes):
        rect = pymupdf.Rect(box)
        if not scanned and _banner(pdf_page, rect):
            continue
        full = area and abs(rect) / area > 0.6
        kind = WithholdingKind.WITHHELD_PAGE if full else WithholdingKind.REDACTION
        text = "page covered by an opaque box" if full else "opaque box over the page"
        if not scanned and _text_under(page, rect):
            text += "; the text under it is still in the file's text layer"
        out.append(Withholding(kind, page.number, "", text, [tuple(box)]))  # type: ignore[list-item]
    return out


def _vector_boxes(pdf_page: pymupdf.Page) -> list[Rect]:
    boxes = []
    for path in pdf_page.get_drawings():
        fill = path.get("fill")
        if fill is None or path.get("fill_opacity", 1) < 0.9 or _luminance(fill) > DARK:
            continue
        rect = pymupdf.Rect(path["rect"])
        if _box_sized(rect):
            boxes.append((rect.x0, rect.y0, rect.x1, rect.y1))
    for annot in pdf_page.annots() or ():
        fill = annot.colors.get("fill") if annot.type[0] in (4, 12) else None  # square, redact
        if fill and _luminance(fill) <= DARK and _box_sized(annot.rect):
            r = annot.rect
            boxes.append((r.x0, r.y0, r.x1, r.y1))
    return boxes


def _image_boxes(pdf_page: pymupdf.Page) -> list[Rect]:
    """Images that are a dark block, not a picture: a redaction stamped as an image."""
    boxes = []
    page_area = abs(pdf_page.rect)
    for info in pdf_page.get_image_info():
        rect = pymupdf.Rect(info["bbox"]) & pdf_page.rect
        if rect.is_empty or not _box_sized(rect) or abs(rect) > 0.6 * page_area:
            continue
        pix = pdf_page.get_pixmap(clip=rect, dpi=24, colorspace=pymupdf.csGRAY)
        pixels = np.frombuffer(pix.samples, dtype=np.uint8)
        if pixels.size and np.mean(pixels < 90) > 0.9:
            boxes.append((rect.x0, rect.y0, rect.x1, rect.y1))
    return boxes


def _raster_boxes(pdf_page: pymupdf.Page | None) -> list[Rect]:
    """Large solid dark rectangles in a scanned page's image, rendered at low resolution."""
    if pdf_page is None:
        return []
    pix = pdf_page.get_pixmap(dpi=RASTER_DPI, colorspace=pymupdf.csGRAY)
    image = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)
    return _solid_blocks(image[:, : pix.width], 72.0 / RASTER_DPI)


def dark_boxes(gray: np.ndarray, dpi: int) -> list[Rect]:
    """The same blocks in a page image already rendered (OCR's, at `dpi`), averaged down to
    about RASTER_DPI first, so a page is not rendered twice."""
    step = max(1, round(dpi / RASTER_DPI))
    rows, cols = gray.shape[0] // step * step, gray.shape[1] // step * step
    small = gray[:rows, :cols].reshape(rows // step, step, cols // step, step).mean(axis=(1, 3))
    return _solid_blocks(small, 72.0 * step / dpi)


def _solid_blocks(image: np.ndarray, scale: float) -> list[Rect]:
    """Runs of dark pixels in rows, stacked into blocks that are almost wholly dark and do not
    touch the image's edge; `scale`: points per pixel."""
    dark = image < 80
    min_w, min_h = (int(v / scale) for v in MIN_BOX)
    solid = _solid_rows(dark, max(min_w, 2))
    boxes = []
    for top, bottom, left, right in _blocks(solid, max(min_h, 2)):
        if dark[top:bottom, left:right].mean() < 0.9:
            continue
        edge = left == 0 or top == 0 or right >= dark.shape[1] - 1 or bottom >= dark.shape[0] - 1
        if edge:
            continue  # the scanner's border, not a box on the page
        boxes.append((left * scale, top * scale, right * scale, bottom * scale))
    return boxes


def _solid_rows(dark: np.ndarray, min_run: int) -> list[list[tuple[int, int]]]:
    """Per row, the runs of at least `min_run` dark pixels, as (start, end) columns."""
    rows = []
    padded = np.zeros((dark.shape[0], dark.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = dark
    changes = np.diff(padded, axis=1)
    for r in range(dark.shape[0]):
        starts = np.flatnonzero(changes[r] == 1)
        ends = np.flatnonzero(changes[r] == -1)
        rows.append(
            [(int(s), int(e)) for s, e in zip(starts, ends, strict=True) if e - s >= min_run]
        )
    return rows


def _blocks(rows: list[list[tuple[int, int]]], min_h: int) -> list[tuple[int, int, int, int]]:
    """Runs in consecutive rows that overlap, grown into blocks (top, bottom, left, right)."""
    open_blocks: list[list[int]] = []
    done: list[list[int]] = []
    for r, runs in enumerate(rows):
        still = []
        for s, e in runs:
            block = next((b for b in open_blocks if b[2] < e and s < b[3]), None)
            if block is None:
                block = [r, r + 1, s, e]
            else:
                open_blocks.remove(block)
                block[1], block[2], block[3] = r + 1, min(block[2], s), max(block[3], e)
            still.append(block)
        done += [b for b in open_blocks if b not in still]
        open_blocks = still
    done += open_blocks
    return [(t, b, left, right) for t, b, left, right in done if b - t >= min_h]


def _merge(boxes: list[Rect]) -> list[Rect]:
    """Boxes that overlap, as one (a box drawn as several fills, or found twice)."""
    out: list[list[float]] = []
    for box in sorted(boxes):
        for o in out:
            if box[0] <= o[2] and o[0] <= box[2] and box[1] <= o[3] and o[1] <= box[3]:
                o[0], o[1] = min(o[0], box[0]), min(o[1], box[1])
                o[2], o[3] = max(o[2], box[2]), max(o[3], box[3])
                break
        else:
            out.append(list(box))
    return [(o[0], o[1], o[2], o[3]) for o in out]


def _box_sized(rect: pymupdf.Rect) -> bool:
    return bool(rect.width >= MIN_BOX[0] and rect.height >= MIN_BOX[1])


def _luminance(colour: Sequence[float]) -> float:
    if len(colour) == 1:
        return float(colour[0])
    if len(colour) == 4:  # CMYK
        c, m, y, k = colour
        return float(
            (1 - min(1, c + k)) * 0.3 + (1 - min(1, m + k)) * 0.59 + (1 - min(1, y + k)) * 0.11
        )
    r, g, b = colour[:3]
    return float(0.3 * r + 0.59 * g + 0.11 * b)


def _banner(pdf_page: pymupdf.Page, rect: pymupdf.Rect) -> bool:
    """A dark band with light text drawn on it (a form's heading bar), not a redaction."""
    for block in pdf_page.get_text("dict", clip=rect)["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                if span["text"].strip() and _luminance(pymupdf.sRGB_to_pdf(span["color"])) > 0.6:
                    return True
    return False


def _text_under(page: PageText, rect: pymupdf.Rect) -> bool:
    """Words of the text layer lie under the box: the redaction hid them on paper only."""
    return any(
        rect.contains(pymupdf.Rect(w.rect).tl) and rect.contains(pymupdf.Rect(w.rect).br)
        for w in page.words
    )


def label_boxes(boxes: list[Withholding], codes: list[Withholding]) -> None:
    """Give each box the exemption codes written in or beside it ("(b)(6)" in a black bar)."""
    for box in boxes:
        x0, y0, x1, y1 = box.rects[0]
        near = pymupdf.Rect(x0 - _NEAR, y0 - _NEAR, x1 + _NEAR, y1 + _NEAR)
        labels = [c.code for c in codes if c.page == box.page and near.intersects(c.rects[0])]
        box.code = ", ".join(dict.fromkeys(labels))


def find_withholdings(pdf_page: pymupdf.Page | None, page: PageText) -> list[Withholding]:
    """Everything one page withholds: its text markers, and, given the PDF page, its boxes."""
    items = text_withholdings(page)
    if pdf_page is None and page.dark_boxes is None:
        return items
    boxes = box_withholdings(pdf_page, page, scanned=page.needs_ocr or page.ocr_done)
    label_boxes(boxes, [w for w in items if w.kind is WithholdingKind.EXEMPTION and w.rects])
    return sorted(items + boxes, key=lambda w: w.rects[0][1] if w.rects else 0)


def document_withholdings(
    path: str | os.PathLike[str] | None, pages: Sequence[PageText], boxes: bool = True
) -> list[Withholding]:
    """Everything a document withholds, page by page. The PDF (when `path` is still there) is
    opened only for the geometry of a release's pages and of scanned pages; `boxes=False`:
    the text markers alone (the boxes of pages about to be read again are looked for then)."""
    release = load_markers().in_release(pages)
    gaps = stamp_gaps(pages) if release else []
    if not boxes:
        if not release:
            return []
        return [w for page in pages for w in find_withholdings(None, page)] + gaps
    scanned = [p for p in pages if p.needs_ocr or p.ocr_done]
    if not release and not scanned:
        return []
    boxed = {p.number for p in (pages if release else scanned) if p.dark_boxes is None}
    pdf = _open(path) if boxed else None
    items: list[Withholding] = []
    try:
        for page in pages:
            pdf_page = pdf.load_page(page.number - 1) if pdf and page.number in boxed else None
            if release or pdf_page is not None or page.dark_boxes is not None:
                items += find_withholdings(pdf_page, page)
    finally:
        if pdf is not None:
            pdf.close()
    return items + gaps


_STAMP_LINE = re.compile(r"(?m)^[ \t]*((?:[A-Z][A-Z0-9]{1,15}[-_ ])+)(\d{3,8})[ \t]*$")
"""A line that is only a Bates stamp ("TZUL-000036", "ICE-LEIVA-000021")."""
MIN_STAMPS = 3


def stamp_gaps(pages: Sequence[PageText]) -> list[Withholding]:
    """Gaps in the Bates stamps printed inside a release's pages: the stamps of the original
    pages stand on lines of their own, several to a page when the release was printed or laid
    out continuously, so the page-stamp pass (pdf.labels, one stamp per page, at its head or
    foot) cannot see them. A series is at least MIN_STAMPS stamps of one prefix and width,
    rising; a gap between two stamps that are both their pages' own stamp is left to the
    page-stamp pass."""
    series: dict[tuple[str, int], list[tuple[int, PageText, re.Match[str]]]] = {}
    for page in pages:
        if not any(c.isdigit() for c in page.text):
            continue
        for m in _STAMP_LINE.finditer(page.text):
            series.setdefault((m.group(1), len(m.group(2))), []).append((int(m.group(2)), page, m))
    gaps = []
    for (prefix, width), stamps in series.items():
        numbers = [n for n, _, _ in stamps]
        if len(stamps) < MIN_STAMPS or numbers != sorted(set(numbers)):
            continue
        for (n, page_a, a), (m, page, b) in pairwise(stamps):
            if m - n < 2 or (page_a is not page and _own_stamp(page_a, a) and _own_stamp(page, b)):
                continue
            first, last = (f"{prefix}{k:0{width}d}" for k in (n + 1, m - 1))
            missing = m - n - 1
            text = (
                f"{missing} page{'s' if missing != 1 else ''} missing between "
                f"{a.group().strip()} and {b.group().strip()}"
            )
            code = first if missing == 1 else f"{first}–{last}"
            item = Withholding(WithholdingKind.BATES_GAP, page.number, code, text)
            item.rects = _rects(page, b.start(1), b.end(2))
            gaps.append(item)
    return gaps


def _own_stamp(page: PageText, m: re.Match[str]) -> bool:
    """The stamp is the page's own, as the page-stamp pass reads it."""
    return page_label(page.text) == m.group().strip()


def _open(path: str | os.PathLike[str] | None) -> pymupdf.Document | None:
    """The PDF for reading, or None when it has moved or cannot be read (the text markers are
    still found in the stored text)."""
    if path is None or not Path(path).is_file():
        return None
    try:
        return pymupdf.open(path, filetype="pdf")
    except Exception:  # MuPDF's own error types; the text pass goes on without the boxes
        return None
