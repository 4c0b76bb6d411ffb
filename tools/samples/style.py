"""Page size, colours and the marking every sample page carries: shared by the engine and the
documents so that one sample looks like a set."""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

PAGE_W, PAGE_H = 612.0, 792.0  # US Letter
STAMP = "FICTIONAL SAMPLE \u2014 NOT A REAL CASE"
BATES_PREFIX = "RIVAS-"
PDF_DATE = "D:20230901120000Z"  # fixed, so runs are reproducible
CREATOR = "tools/samples (Case-File Annotator)"

RGB = tuple[float, float, float]
BLACK: RGB = (0.0, 0.0, 0.0)
GRAY: RGB = (0.42, 0.42, 0.42)
MID: RGB = (0.75, 0.75, 0.75)
LIGHT: RGB = (0.89, 0.89, 0.89)
PALE: RGB = (0.955, 0.955, 0.955)
RED: RGB = (0.72, 0.06, 0.06)
WHITE: RGB = (1.0, 1.0, 1.0)
NAVY: RGB = (0.10, 0.16, 0.35)

RectLike = pymupdf.Rect | tuple[float, float, float, float]
Cell = tuple[str, str, float]  # label, value, fraction of the row's width
FormRows = Sequence[tuple[float, Sequence[Cell]]]  # (row height, cells)
