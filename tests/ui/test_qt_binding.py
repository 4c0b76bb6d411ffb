"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 returned None from every
method that returns nothing without taking a reference to it, so on Python 3.11 (where None is
not immortal) the window aborted with "deallocating None" once a few thousand such calls had
been made — a minute of OCR ingest. pyproject.toml keeps that release out; this holds it out."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject


def test_calling_methods_that_return_nothing_leaves_none_alone(qapp) -> None:
    item = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        item.setObjectName("x")
        QCoreApplication.processEvents()
    assert sys.getrefcount(None) - before > -100, "the Qt binding drops references to None"
