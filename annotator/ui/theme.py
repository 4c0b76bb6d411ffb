"""Qt colours for the categories and statuses that annotator.core.model defines and names."""

from __future__ import annotations

from PySide6.QtGui import QColor

from annotator.core.model import HIGHLIGHT_STRENGTH, Category, Status

CATEGORY_COLOURS = {c: QColor(c.colour) for c in Category}
STATUS_COLOURS = {s: QColor(s.colour) for s in Status}


def highlight_fill(category: Category, status: Status) -> QColor:
    colour = QColor(CATEGORY_COLOURS[category])
    colour.setAlphaF(0.12 if status is Status.DISMISSED else HIGHLIGHT_STRENGTH)
    return colour
