"""Colours by category and the look of each status, shared by the page view and the lists."""

from __future__ import annotations

from PySide6.QtGui import QColor

from annotator.core.model import Category, Status

CATEGORY_COLOURS = {
    Category.GANG_LABEL: QColor("#e4572e"),
    Category.RED_NOTICE: QColor("#f2a900"),
    Category.SAFE: QColor("#2e86de"),
    Category.FUSION_CENTER: QColor("#8e44ad"),
}

STATUS_COLOURS = {
    Status.UNTAGGED: QColor("#6b7280"),
    Status.UNVERIFIED: QColor("#b45309"),
    Status.REBUTTED: QColor("#15803d"),
    Status.DISMISSED: QColor("#9ca3af"),
}

STATUS_TITLES = {
    Status.UNTAGGED: "Untagged",
    Status.UNVERIFIED: "Unverified",
    Status.REBUTTED: "Rebutted",
    Status.DISMISSED: "Dismissed",
}

STATUS_KEYS = {
    Status.UNVERIFIED: "U",
    Status.REBUTTED: "R",
    Status.DISMISSED: "D",
    Status.UNTAGGED: "Backspace",
}

SHORT_CATEGORY = {
    Category.GANG_LABEL: "Gang label",
    Category.RED_NOTICE: "Red Notice",
    Category.SAFE: "SAFE",
    Category.FUSION_CENTER: "Fusion center",
}


def highlight_fill(category: Category, status: Status) -> QColor:
    colour = QColor(CATEGORY_COLOURS[category])
    colour.setAlphaF(0.12 if status is Status.DISMISSED else 0.33)
    return colour
