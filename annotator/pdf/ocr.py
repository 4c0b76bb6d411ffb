"""Read image-only pages with Tesseract, through PyMuPDF, into the same PageText as a text layer.

PyMuPDF carries the Tesseract engine, and the app ships Tesseract's English and Spanish language
data (resources/tessdata), so OCR needs no system install; a user's own data in TESSDATA_PREFIX
comes first, and a system install is the fallback of a build without the data. Each
OCR'd page goes through extract.build_text, so its offsets and lines follow the text-layer rules.
Pages are OCR'd in worker processes, each opening its own read-only copy of the PDF, because
PyMuPDF objects must not cross threads or processes.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import re
import shutil
import sys
from collections.abc import Generator, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from annotator.core.errors import AnnotatorError
from annotator.core.lifeline import exit_with_parent
from annotator.core.model import PageText
from annotator.core.paths import tessdata_dir
from annotator.pdf.extract import TEXT_FLAGS, RawWord, build_text, extract_page, open_pdf

Box = tuple[float, float, float, float]

LANGUAGES = ("eng", "spa")
"""Tesseract language data read together: case files mix English and Spanish."""
DEFAULT_DPI = 200
"""Scans are rarely finer than 200-300 dpi; a finer render costs time and reads no better."""
_PARAGRAPH_GAP = 0.8
"""Lines closer than this many line heights, one under the other, belong to one paragraph."""
_ROW_GAP, _CELL_GAP = 1.5, 0.5
"""A piece this many line heights right of a line continues it (in the same block, in another)."""
_INK = bytes(0 if value < 150 else 255 for value in range(256))
"""Gray levels that count as ink when looking for rules."""
_RULE_MIN_INCHES = 0.3
"""A straight dark run at least this long is a rule, not a letter (an em dash is ~0.14 in)."""
_RULE_MAX_POINTS = 2.0
"""A rule is thinner than this; anything thicker is a filled area and stays."""
_LIGHTEN = 0.35
"""Gamma for the render: ink stays black, a 75% gray paper tone goes to 90%."""

_TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/*/tessdata",  # Debian, Ubuntu
    "/usr/share/tesseract/tessdata",  # Fedora
    "/usr/share/tessdata",  # Arch, Alpine
    "/usr/local/share/tessdata",  # Homebrew (Intel), source builds
    "/opt/homebrew/share/tessdata",  # Homebrew (Apple silicon)
    "/opt/local/share/tessdata",  # MacPorts
    "C:/Program Files/Tesseract-OCR/tessdata",  # UB Mannheim installer
    "C:/Program Files (x86)/Tesseract-OCR/tessdata",
)


class OcrUnavailable(AnnotatorError):
    """Tesseract's language data cannot be found; the message says how to install it."""


@dataclass(frozen=True, slots=True)
class OcrEngine:
    """Where Tesseract's language data is, and which of our languages it has."""

    tessdata: str
    languages: tuple[str, ...]
    dpi: int = DEFAULT_DPI

    @property
    def language(self) -> str:
        return "+".join(self.languages)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGUAGES if lang not in self.languages)


@dataclass(frozen=True, slots=True)
class OcrOutcome:
    """One page's OCR: its text, or why it could not be read (the page stays not searched)."""

    number: int
    page: PageText | None
    problem: str = ""


def install_hint(platform: str | None = None) -> str:
    """How to install Tesseract with English and Spanish data on this kind of system."""
    platform = platform or sys.platform
    if platform == "darwin":
        return "install Tesseract with Homebrew: brew install tesseract tesseract-lang"
    if platform.startswith("win"):
        return (
            "install Tesseract with the UB Mannheim installer "
            "(https://github.com/UB-Mannheim/tesseract/wiki), ticking Spanish under "
            "'Additional language data'"
        )
    if shutil.which("dnf"):
        return "install Tesseract: sudo dnf install tesseract tesseract-langpack-spa"
    if shutil.which("pacman"):
        return "install Tesseract: sudo pacman -S tesseract tesseract-data-eng tesseract-data-spa"
    return (
        "install Tesseract: sudo apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa"
    )


def find_engine(dpi: int = DEFAULT_DPI, shipped: Path | None = None) -> OcrEngine:
    """Tesseract's language data, or OcrUnavailable saying how to install it.

    TESSDATA_PREFIX, when set, is the only place looked at: the user chose it. Otherwise the
    data shipped with the app (`shipped`, by default resources/tessdata), then a system install.
    """
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix:
        candidates = [prefix, os.path.join(prefix, "tessdata")]
        where = f"TESSDATA_PREFIX ({prefix}) has no English or Spanish language data"
    else:
        candidates = [str(tessdata_dir() if shipped is None else shipped), *_candidate_dirs()]
        where = "this build carries no OCR language data and Tesseract is not installed"
    for directory in candidates:
        languages = _languages_in(directory)
        if languages:
            return OcrEngine(str(Path(directory).resolve()), languages, dpi)
    raise OcrUnavailable(f"{where}; {install_hint()}")


def _candidate_dirs() -> list[str]:
    dirs: list[str] = []
    for pattern in _TESSDATA_DIRS:
        dirs.extend(sorted(glob.glob(pattern), reverse=True))  # newest Tesseract version first
    exe = shutil.which("tesseract")
    if exe:
        root = Path(exe).resolve().parent
        dirs.append(str(root / "tessdata"))
        dirs.append(str(root.parent / "share" / "tessdata"))
        debian_style = glob.glob(str(root.parent / "share/tesseract-ocr/*/tessdata"))
        dirs.extend(sorted(debian_style, reverse=True))
    return dirs


def _languages_in(directory: str) -> tuple[str, ...]:
    return tuple(
        lang for lang in LANGUAGES if os.path.isfile(os.path.join(directory, f"{lang}.traineddata"))
    )


def ocr_page(page: pymupdf.Page, engine: OcrEngine) -> PageText:
    """The page read by Tesseract, as PageText with ocr_done set; boxes in PyMuPDF page space.

    Like page.get_textpage_ocr(full=True), but the page image is cleaned first (see
    _clean_scan), which reads ruled forms far better and takes less time.
    """
    pix = _clean_scan(page.get_pixmap(dpi=engine.dpi, colorspace=pymupdf.csGRAY, alpha=False))
    sheet = pix.pdfocr_tobytes(compress=False, language=engine.language, tessdata=engine.tessdata)
    ocr_pdf = pymupdf.open("pdf", sheet)
    try:
        ocr_sheet = ocr_pdf.load_page(0)
        unzoom = page.rect.width / ocr_sheet.rect.width
        to_page = pymupdf.Matrix(unzoom, unzoom) * page.derotation_matrix
        raw = ocr_sheet.get_textpage(flags=TEXT_FLAGS, matrix=to_page).extractWORDS()
    finally:
        ocr_pdf.close()
    text, words = build_text(_regroup_lines(_drop_specks(raw)))
    result = extract_page(page)  # keeps the page's own needs_ocr verdict and geometry
    result.text, result.words, result.ocr_done = text, words, True
    return result


def _clean_scan(pix: pymupdf.Pixmap) -> pymupdf.Pixmap:
    """A grayscale render made easier for Tesseract; returned as RGB, which pdfocr needs.

    Table rules and underlines are erased: Tesseract's layout analysis drops whole rows of a
    ruled table. Then light grays (paper tone, shading, dust, JPEG noise) are pushed to white,
    so its threshold keeps only ink.
    """
    data = bytearray(pix.samples)
    _erase_rules(data, pix.width, pix.height, pix.xres or DEFAULT_DPI)
    clean = pymupdf.Pixmap(pymupdf.csGRAY, pix.width, pix.height, bytes(data), 0)
    clean.set_dpi(pix.xres, pix.yres)
    clean.gamma_with(_LIGHTEN)
    return pymupdf.Pixmap(pymupdf.csRGB, clean)


def _erase_rules(data: bytearray, width: int, height: int, dpi: int) -> None:
    """Whiten long thin dark runs, across and down; a filled bar (white text on dark) stays.

    Byte translation and regular expressions keep the work in C: well under 0.1 s a page.
    """
    mask = bytes(data).translate(_INK)
    shortest = max(8, round(dpi * _RULE_MIN_INCHES))
    run = re.compile(rb"\x00{%d,}" % shortest)
    reach = max(2, round(dpi * _RULE_MAX_POINTS / 72))
    white = b"\xff" * max(width, height)
    rows = [mask[y * width : (y + 1) * width] for y in range(height)]
    for y, row in enumerate(rows):
        for a, b in _runs(run, row, shortest):
            if _light(rows, y - reach, a, b) and _light(rows, y + reach, a, b):
                data[y * width + a : y * width + b] = white[: b - a]
    cols = [mask[x::width] for x in range(width)]
    for x, col in enumerate(cols):
        for a, b in _runs(run, col, shortest):
            if _light(cols, x - reach, a, b) and _light(cols, x + reach, a, b):
                data[a * width + x : (b - 1) * width + x + 1 : width] = white[: b - a]


def _runs(run: re.Pattern[bytes], line: bytes, shortest: int) -> list[tuple[int, int]]:
    if line.count(0) < shortest:  # most lines: no scan needed
        return []
    return [m.span() for m in run.finditer(line)]


def _light(lines: list[bytes], index: int, a: int, b: int) -> bool:
    """Mostly paper at this offset from a run: the run is a line, not the edge of a dark area."""
    if not 0 <= index < len(lines):
        return True
    return lines[index][a:b].count(0) < (b - a) / 2


def _drop_specks(raw: Iterable[RawWord]) -> list[RawWord]:
    """Drop lines that hold no letter or digit: dust and edge shadows read as '|', '~', ':'."""
    lines: dict[tuple[int, int], list[RawWord]] = {}
    for word in raw:
        lines.setdefault((word[5], word[6]), []).append(word)
    return [w for line in lines.values() if any(_has_alnum(w[4]) for w in line) for w in line]


def _has_alnum(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def _regroup_lines(raw: list[RawWord]) -> list[RawWord]:
    """Undo the splits Tesseract makes inside a line and inside a paragraph.

    Tesseract may cut one visual line in two, or start a new block mid-paragraph; a phrase broken
    there would read as two lines or two blocks. A piece on the same row just right of the
    previous one rejoins its line; a line right under the previous one, starting at its left
    edge, rejoins its paragraph. Blocks and lines are renumbered in order for build_text.
    """
    out: list[RawWord] = []
    block = line = 0
    prev: tuple[int, Box] | None = None
    for (old_block, _), words in _lines(raw):
        box = (
            min(w[0] for w in words),
            min(w[1] for w in words),
            max(w[2] for w in words),
            max(w[3] for w in words),
        )
        if prev is not None:
            same_block = old_block == prev[0]
            if _same_row(prev[1], box, same_block):
                box = _union(prev[1], box)
            elif same_block or _continues(prev[1], box):
                line += 1
            else:
                block, line = block + 1, line + 1
        out.extend((*w[:5], block, line, w[7]) for w in words)
        prev = (old_block, box)
    return out


def _lines(raw: list[RawWord]) -> list[tuple[tuple[int, int], list[RawWord]]]:
    lines: list[tuple[tuple[int, int], list[RawWord]]] = []
    for word in raw:
        key = (word[5], word[6])
        if not lines or lines[-1][0] != key:
            lines.append((key, []))
        lines[-1][1].append(word)
    return lines


def _same_row(left: Box, box: Box, same_block: bool) -> bool:
    height = min(left[3] - left[1], box[3] - box[1])
    overlap = min(left[3], box[3]) - max(left[1], box[1])
    reach = (_ROW_GAP if same_block else _CELL_GAP) * height
    return overlap >= 0.5 * height and left[0] < box[0] <= left[2] + reach


def _continues(above: Box, box: Box) -> bool:
    height = min(above[3] - above[1], box[3] - box[1])
    gap = box[1] - above[3]
    return -0.3 * height <= gap <= _PARAGRAPH_GAP * height and abs(box[0] - above[0]) <= height


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def ocr_pages(
    path: str | os.PathLike[str], numbers: Sequence[int], engine: OcrEngine, workers: int = 1
) -> Generator[OcrOutcome, None, None]:
    """OCR the given 1-based pages of a PDF, yielding each as it is done (in any order).

    With more than one worker, pages are spread over that many processes. Closing the iterator
    early (a cancel) drops the pages not yet started.
    """
    if workers <= 1 or len(numbers) <= 1:
        pdf = open_pdf(path)
        try:
            for number in numbers:
                yield _outcome(pdf, number, engine)
        finally:
            pdf.close()
        return
    # spawn, not fork: the caller may be a GUI with threads running, which fork does not survive.
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(numbers)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=exit_with_parent,
    )
    pending: dict[Future[OcrOutcome], int] = {
        pool.submit(ocr_file_page, str(path), number, engine): number for number in numbers
    }
    try:
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                number = pending.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    yield OcrOutcome(number, None, "the OCR process stopped unexpectedly")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _outcome(pdf: pymupdf.Document, number: int, engine: OcrEngine) -> OcrOutcome:
    try:
        return OcrOutcome(number, ocr_page(pdf.load_page(number - 1), engine))
    except Exception as err:  # MuPDF and Tesseract raise their own error types
        return OcrOutcome(number, None, f"OCR failed ({err})")


_WORKER_PDF: dict[str, pymupdf.Document] = {}


def ocr_file_page(path: str, number: int, engine: OcrEngine) -> OcrOutcome:
    """For a worker process: OCR one page, keeping this process's own copy of the PDF open.

    Only for processes that own no other PyMuPDF work: the copy stays open between calls.
    """
    if path not in _WORKER_PDF:
        for old in _WORKER_PDF.values():
            old.close()
        _WORKER_PDF.clear()
        _WORKER_PDF[path] = open_pdf(path)
    return _outcome(_WORKER_PDF[path], number, engine)
