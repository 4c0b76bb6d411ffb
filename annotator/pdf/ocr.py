"""Read image-only pages with Tesseract, through PyMuPDF, into the same PageText as a text layer.

PyMuPDF carries the Tesseract engine, and the app ships Tesseract's English and Spanish language
data (resources/tessdata), so OCR needs no system install; a user's own data in TESSDATA_PREFIX
comes first, and a system install is the fallback of a build without the data. A page is
rendered at its scan's own resolution, measured and cleaned as it needs (scan_image), read with
one language model (a second pass only when the page turns out to be in the other language), and
its words grouped like a text layer's (ocr_words) before extract.build_text, so offsets and lines
follow the text-layer rules. Pages are OCR'd in worker processes, each opening its own read-only
copy of the PDF, because PyMuPDF objects must not cross threads or processes.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import shutil
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pymupdf

from annotator.core.errors import AnnotatorError
from annotator.core.lifeline import exit_with_parent
from annotator.core.model import PageText, Words
from annotator.core.paths import tessdata_dir
from annotator.pdf import tesseract
from annotator.pdf.extract import TEXT_FLAGS, RawWord, build_text, extract_page, open_pdf
from annotator.pdf.ocr_words import (
    column_order,
    drop_specks,
    reading_quality,
    regroup_lines,
)
from annotator.pdf.scan_image import clean, image_dpi, ink_read, measure, render, to_pixmap
from annotator.pdf.scan_measures import Gray
from annotator.pdf.withheld import dark_boxes

LANGUAGES = ("eng", "spa")
"""Tesseract language data the app reads with: case files mix English and Spanish."""
DEFAULT_DPI = 200
"""The render resolution for a page with no scanned image to take it from (--ocr always on a
text page): fine enough for 8-point type, and far cheaper than 300."""
_LANGUAGE_CUES = {
    "eng": frozenset(
        "the of and to in is was that for on with by at from this are were has".split()
    ),
    "spa": frozenset(
        "el la los las de del y en que por para con se su un una es al lo como".split()
    ),
}
"""Function words that tell a page's language, even as a wrong model reads them."""
_CONFIDENT = 70.0
"""Tesseract's mean word confidence from which a page counts as read well (a clean page scores
90 and more, a degraded one 75-85, noise read as letters 30-50)."""
_READ_INK = 0.5
"""A page whose words cover less than this share of its ink was mostly not read as print
(handwriting, a drawing): its quality falls in proportion."""
_CLEAR = 3.0
"""A page is in the other language when its cue words outnumber this model's this many times."""

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
    library: str = ""
    """The system's libtesseract to read with (pdf.tesseract), or "" for PyMuPDF's own."""

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
            tessdata = str(Path(directory).resolve())
            return OcrEngine(tessdata, languages, dpi, tesseract.find_library(tessdata))
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


def ocr_page(page: pymupdf.Page, engine: OcrEngine, language: str = "") -> PageText:
    """The page read by Tesseract, as PageText with ocr_done set; boxes in PyMuPDF page space.

    `language` is the model to try first (the document's language so far; default the
    engine's first). Like page.get_textpage_ocr(full=True), but the page image is cleaned first
    as it needs (scan_image.clean), which reads bad scans far better and faster. A blank page
    is not sent to Tesseract at all.
    """
    result = extract_page(page)  # keeps the page's own needs_ocr verdict and geometry
    dpi = image_dpi(page, engine.dpi)
    gray = render(page, dpi)
    result.dark_boxes = dark_boxes(gray, dpi)  # redaction boxes, while the image is at hand
    traits = measure(gray, dpi)
    result.ocr_done, result.ocr_quality = True, 1.0
    if traits.blank:
        result.text, result.words = "", Words()
        return result
    cleaned, slope = clean(gray, traits)
    model = language if language in engine.languages else engine.languages[0]
    reading = _tesseract(cleaned, dpi, model, engine)
    other = _other_language(reading.words, model, engine)
    if other:
        model, reading = other, _tesseract(cleaned, dpi, other, engine)
    raw, sheet = reading.words, reading.sheet
    zoom = page.rect.width / sheet.width
    to_page = pymupdf.Matrix(zoom, zoom) * page.derotation_matrix
    lines = regroup_lines(drop_specks(column_order(raw)))  # upright, as the page is shown
    words = [_to_page(w, sheet, slope, to_page) for w in lines]
    result.text, result.words = build_text(words, reorder=False)
    result.ocr_quality = _quality(reading, cleaned, dpi)
    result.language = "es" if model == "spa" else "en"
    return result


class Reading(NamedTuple):
    """Tesseract's words on a page image, boxes in points of the image as drawn at its dpi."""

    words: list[RawWord]
    sheet: pymupdf.Rect
    confidence: float | None
    """The mean of the words' confidences (0-100), weighted by length; None when the engine
    does not give them (PyMuPDF's)."""


def _tesseract(gray: Gray, dpi: int, language: str, engine: OcrEngine) -> Reading:
    height, width = gray.shape
    sheet = pymupdf.Rect(0, 0, width * 72 / dpi, height * 72 / dpi)
    if engine.library:
        pixels = gray.clip(0, 255).astype("uint8")
        found = tesseract.read(engine.library, engine.tessdata, language, pixels, dpi)
        scale = 72 / dpi
        words: list[RawWord] = [
            (
                w.left * scale,
                w.top * scale,
                (w.left + w.width) * scale,
                (w.top + w.height) * scale,
                w.text,
                w.block,
                w.line,
                w.number,
            )
            for w in found
        ]
        sizes = [len(w.text) for w in found]
        weighted = sum(w.confidence * n for w, n in zip(found, sizes, strict=True))
        return Reading(words, sheet, weighted / sum(sizes) if sizes else None)
    pdf = to_pixmap(gray, dpi).pdfocr_tobytes(
        compress=False, language=language, tessdata=engine.tessdata
    )
    with pymupdf.open("pdf", pdf) as ocr_pdf:
        ocr_sheet = ocr_pdf.load_page(0)
        zoom = sheet.width / ocr_sheet.rect.width
        raw = ocr_sheet.get_textpage(flags=TEXT_FLAGS, matrix=pymupdf.Matrix(zoom, zoom))
        return Reading(list(raw.extractWORDS()), sheet, None)


def _quality(reading: Reading, cleaned: Gray, dpi: int) -> float:
    """How well the page was read (0-1): the share of the reading that looks like print, held
    down by Tesseract's own confidence when it is low, and by the share of the ink that no word
    covers (handwriting, a drawing)."""
    quality = reading_quality(reading.words)
    if reading.confidence is not None:
        quality = min(quality, reading.confidence / _CONFIDENT)
    covered = ink_read(cleaned, dpi, (w[:4] for w in reading.words))
    return round(quality * min(1.0, covered / _READ_INK), 3)


def _other_language(raw: list[RawWord], model: str, engine: OcrEngine) -> str:
    """The other model, when the words read show clearly that the page is in its language."""
    counts = dict.fromkeys(engine.languages, 0)
    for word in raw:
        token = word[4].lower().strip(".,;:()\"'")
        for lang, cues in _LANGUAGE_CUES.items():
            if lang in counts and token in cues:
                counts[lang] += 1
    best = max(counts, key=lambda lang: counts[lang])
    if best == model or counts[best] < 5 or counts[best] < _CLEAR * max(counts[model], 1):
        return ""
    return best


def _to_page(word: RawWord, sheet: pymupdf.Rect, slope: float, to_page: pymupdf.Matrix) -> RawWord:
    """A word's box from the (levelled) image into unrotated page space: sheared back by the
    slope its lines were levelled from (see scan_image.clean), then scaled and derotated."""
    x0, y0, x1, y1 = word[:4]
    if slope:
        centre = sheet.width / 2
        ends = (slope * (x0 - centre), slope * (x1 - centre))
        y0, y1 = y0 + min(ends), y1 + max(ends)
    rect = pymupdf.Rect(x0, y0, x1, y1) * to_page
    return (rect.x0, rect.y0, rect.x1, rect.y1, *word[4:])


Preference = Callable[[], Iterable[int]]
"""The pages wanted first, polled before each page is handed out (the page a reviewer looks at
and the few after it); pages it names that are still waiting move to the front of the queue."""


def ocr_pages(
    path: str | os.PathLike[str],
    numbers: Sequence[int],
    engine: OcrEngine,
    workers: int = 1,
    prefer: Preference | None = None,
) -> Generator[OcrOutcome, None, None]:
    """OCR the given 1-based pages of a PDF, yielding each as it is done (in any order).

    With more than one worker, pages are spread over that many processes, in the order given,
    one page handed out to each worker at a time: closing the iterator early (a cancel) drops
    the pages not yet started, and each page starts with the language of the pages read before
    it. `prefer` reorders what is still waiting before every hand-out.
    """
    queue = deque(numbers)
    if workers <= 1 or len(numbers) <= 1:
        pdf = open_pdf(path)
        try:
            language = ""
            while queue:
                number = _next(queue, prefer)
                outcome = _outcome(pdf, number, engine, language)
                language = _read_in(outcome, language)
                yield outcome
        finally:
            pdf.close()
        return
    # spawn, not fork: the caller may be a GUI with threads running, which fork does not survive.
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(numbers)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
    )
    pending: dict[Future[OcrOutcome], int] = {}
    language = ""
    try:
        while queue or pending:
            while queue and len(pending) < workers:
                number = _next(queue, prefer)
                try:
                    future = pool.submit(ocr_file_page, str(path), number, engine, language)
                except BrokenProcessPool:  # a worker died (killed, out of memory) meanwhile
                    for lost in (number, *queue):
                        yield OcrOutcome(lost, None, "the OCR process stopped unexpectedly")
                    queue.clear()
                    break
                pending[future] = number
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                number = pending.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    outcome = OcrOutcome(number, None, "the OCR process stopped unexpectedly")
                language = _read_in(outcome, language)
                yield outcome
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _next(queue: deque[int], prefer: Preference | None) -> int:
    """The next page to read: the first page `prefer` names that is still waiting, else the
    queue's first. A preferred page is taken out of the queue where it stands (a few pages are
    preferred at a time; the queue may hold a thousand)."""
    if prefer is not None:
        waiting = None
        for number in prefer():
            if waiting is None:
                waiting = set(queue)
            if number in waiting:
                queue.remove(number)
                return number
    return queue.popleft()


def _read_in(outcome: OcrOutcome, language: str) -> str:
    """The Tesseract model the page was read with: the one to start the next page with."""
    if outcome.page is None or not outcome.page.text:
        return language
    return "spa" if outcome.page.language == "es" else "eng"


WORKER_NICENESS = 10
"""How much lower than its parent an OCR process runs: OCR takes every core, and the window
(or whatever else the user runs) still gets a core the moment it needs one."""


def _start_worker() -> None:
    """A worker process: one Tesseract thread (the pool is the parallelism), a lower priority
    than the process that started it, and it ends with that process."""
    os.environ.setdefault("OMP_THREAD_LIMIT", tesseract.THREADS)
    if hasattr(os, "nice"):  # POSIX; on Windows the pool runs at normal priority
        os.nice(WORKER_NICENESS)
    exit_with_parent()


def _outcome(pdf: pymupdf.Document, number: int, engine: OcrEngine, language: str) -> OcrOutcome:
    try:
        return OcrOutcome(number, ocr_page(pdf.load_page(number - 1), engine, language))
    except Exception as err:  # MuPDF and Tesseract raise their own error types
        return OcrOutcome(number, None, f"OCR failed ({err})")


_WORKER_PDF: dict[str, pymupdf.Document] = {}


def ocr_file_page(path: str, number: int, engine: OcrEngine, language: str = "") -> OcrOutcome:
    """For a worker process: OCR one page, keeping this process's own copy of the PDF open.

    Only for processes that own no other PyMuPDF work: the copy stays open between calls.
    """
    if path not in _WORKER_PDF:
        for old in _WORKER_PDF.values():
            old.close()
        _WORKER_PDF.clear()
        _WORKER_PDF[path] = open_pdf(path)
    return _outcome(_WORKER_PDF[path], number, engine, language)
