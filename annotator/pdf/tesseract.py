"""The system's Tesseract library, through its C API, when the machine has one.

PyMuPDF carries a Tesseract of its own, but its build leaves out the vector instructions
(AVX2, FMA) that Tesseract's neural network leans on: on the same page image it takes about 2.5
times as long as the libtesseract a Tesseract install brings (5.7 s against 2.3 s on a degraded
A-file page, here). Every Tesseract install that brings language data brings that library too
(apt's tesseract-ocr, Homebrew's tesseract, the UB Mannheim installer), so it is used when it
can be loaded, through ctypes (no new dependency); without it, OCR falls back on PyMuPDF's.

The C API also reads the page image straight from memory, gives each word's confidence, and
keeps a language model loaded between pages: each process makes one API object per language
and keeps it. Tesseract's own threads (OpenMP) are held to OMP_THREAD_LIMIT, set before the
library loads: one per process, as pages go to one process per core.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

THREADS = "1"
"""OMP_THREAD_LIMIT for Tesseract in every OCR process (unless the user set one): pages are
spread over one process per core, and threads inside a process would fight over the same
cores. (PyMuPDF's own Tesseract has no threads of its own.)"""

_NAMES = ("tesseract", "tesseract.5", "libtesseract-5", "libtesseract")
_PLACES = (
    "/usr/lib/x86_64-linux-gnu/libtesseract.so.5",
    "/usr/lib/aarch64-linux-gnu/libtesseract.so.5",
    "/usr/lib64/libtesseract.so.5",
    "/usr/lib/libtesseract.so.5",
    "/usr/local/lib/libtesseract.so.5",
    "/opt/homebrew/lib/libtesseract.5.dylib",
    "/usr/local/lib/libtesseract.5.dylib",
    "/opt/local/lib/libtesseract.5.dylib",
)


@dataclass(frozen=True, slots=True)
class TsvWord:
    """One word Tesseract read: its box in pixels, where it stands in the page's layout, and
    Tesseract's confidence in it (0-100)."""

    left: int
    top: int
    width: int
    height: int
    block: int
    """Tesseract's paragraph, numbered through the page."""
    line: int
    """Tesseract's line, numbered through the page."""
    number: int
    text: str
    confidence: float


def find_library(tessdata: str) -> str:
    """The path of a loadable libtesseract of version 4 or later, or "" when there is none."""
    candidates = [ctypes.util.find_library(name) for name in _NAMES]
    candidates += list(_PLACES)
    if sys.platform.startswith("win"):
        candidates += glob.glob(str(Path(tessdata).parent / "libtesseract*.dll"))
    for candidate in candidates:
        if candidate and _usable(candidate):
            return candidate
    return ""


def _usable(path: str) -> bool:
    try:
        lib = _load(path)
        version = lib.TessVersion().decode("ascii", "replace")
    except (OSError, AttributeError):
        return False
    return version[:1].isdigit() and int(version.split(".")[0]) >= 4


_LIBRARIES: dict[str, ctypes.CDLL] = {}
_APIS: dict[tuple[str, str, str], int] = {}


def _load(path: str) -> ctypes.CDLL:
    if path not in _LIBRARIES:
        os.environ.setdefault("OMP_THREAD_LIMIT", THREADS)  # read when OpenMP starts
        lib = ctypes.CDLL(path)
        lib.TessVersion.restype = ctypes.c_char_p
        lib.TessBaseAPICreate.restype = ctypes.c_void_p
        lib.TessBaseAPIInit3.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
        lib.TessBaseAPISetVariable.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
        lib.TessBaseAPISetImage.argtypes = [ctypes.c_void_p, ctypes.c_char_p, *[ctypes.c_int] * 4]
        lib.TessBaseAPISetSourceResolution.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.TessBaseAPIRecognize.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.TessBaseAPIGetTsvText.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.TessBaseAPIGetTsvText.restype = ctypes.c_void_p
        lib.TessDeleteText.argtypes = [ctypes.c_void_p]
        lib.TessBaseAPIClear.argtypes = [ctypes.c_void_p]
        _LIBRARIES[path] = lib
    return _LIBRARIES[path]


class TesseractError(RuntimeError):
    """The library could not read a page (it could not load a language's data, say)."""


def read(
    library: str, tessdata: str, language: str, gray: npt.NDArray[np.uint8], dpi: int
) -> list[TsvWord]:
    """Tesseract's words on a gray page image (one byte a pixel, rows by columns)."""
    lib = _load(library)
    api = _api(lib, library, tessdata, language)
    pixels = np.ascontiguousarray(gray, dtype=np.uint8)
    height, width = pixels.shape
    lib.TessBaseAPISetImage(api, pixels.tobytes(), width, height, 1, width)
    lib.TessBaseAPISetSourceResolution(api, dpi)
    try:
        if lib.TessBaseAPIRecognize(api, None) != 0:
            raise TesseractError("Tesseract could not read the page")
        text = lib.TessBaseAPIGetTsvText(api, 0)
        if not text:
            return []
        try:
            tsv = ctypes.string_at(text).decode("utf-8", "replace")
        finally:
            lib.TessDeleteText(text)
    finally:
        lib.TessBaseAPIClear(api)
    return _words(tsv)


def _api(lib: ctypes.CDLL, library: str, tessdata: str, language: str) -> int:
    key = (library, tessdata, language)
    if key not in _APIS:
        api = lib.TessBaseAPICreate()
        if lib.TessBaseAPIInit3(api, tessdata.encode(), language.encode()) != 0:
            raise TesseractError(f"Tesseract cannot load its {language} data from {tessdata}")
        # Tesseract's diagnostics ("Image too small to scale!!") go nowhere, not to the terminal.
        lib.TessBaseAPISetVariable(api, b"debug_file", os.devnull.encode())
        _APIS[key] = api
    return _APIS[key]


def _words(tsv: str) -> list[TsvWord]:
    """The word rows of Tesseract's TSV (level 5), paragraphs and lines numbered in order."""
    words: list[TsvWord] = []
    blocks: dict[tuple[str, str], int] = {}
    lines: dict[tuple[str, str, str], int] = {}
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        _, _, block, par, line, number, left, top, width, height, confidence = cells[:11]
        paragraph = blocks.setdefault((block, par), len(blocks))
        words.append(
            TsvWord(
                int(left),
                int(top),
                int(width),
                int(height),
                paragraph,
                lines.setdefault((block, par, line), len(lines)),
                int(number),
                cells[11],
                float(confidence),
            )
        )
    return words
