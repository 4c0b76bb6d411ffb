"""Pages render in a process of their own, so a scanned page never stalls the window's thread:
the same pixels as rendering in place, the first page of a document at once, and rendering in
place again when the child cannot help (a file gone, the child killed)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from annotator.pdf.raster import rgb32
from annotator.ui.pageview.render import PageRenderer
from annotator.ui.pageview.render_service import RenderService


def scanned_pdf(path: Path, pages: int = 3) -> Path:
    """An image-only PDF: each page a gray JPEG of typed lines, as a FOIA'd scan is."""
    typed = pymupdf.open()
    scan = pymupdf.open()
    for n in range(pages):
        page = typed.new_page(width=612, height=792)
        for i in range(30):
            line = f"FICTIONAL SCAN page {n + 1} line {i + 1}: the subject was interviewed."
            page.insert_text((72, 72 + 20 * i), line, fontsize=10)
        jpeg = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY).tobytes("jpeg")
        scan.new_page(width=612, height=792).insert_image(pymupdf.Rect(0, 0, 612, 792), stream=jpeg)
    scan.save(path)
    return path


@pytest.fixture
def service(qapp: object) -> Iterator[RenderService]:
    own = RenderService()
    yield own
    own.close()


def ready(qtbot: QtBot, service: RenderService) -> RenderService:
    qtbot.waitUntil(lambda: service.ready, timeout=30_000)
    return service


def rendered(qtbot: QtBot, renderer: PageRenderer, index: int, scale: float) -> QImage:
    renderer.want([(index, scale)])
    qtbot.waitUntil(lambda: renderer.image(index, scale) is not None, timeout=30_000)
    image = renderer.image(index, scale)
    assert image is not None
    return image


def test_a_scanned_page_renders_in_the_child_with_the_pixels_of_a_render_in_place(
    qtbot: QtBot, tmp_path: Path, service: RenderService
) -> None:
    pdf = scanned_pdf(tmp_path / "scan.pdf")
    away = PageRenderer(service=ready(qtbot, service))
    here = PageRenderer(offload=False)
    away.set_pdf(pymupdf.open(pdf))
    here.set_pdf(pymupdf.open(pdf))
    for index in (0, 2):
        from_child = rendered(qtbot, away, index, 1.25)
        in_place = rendered(qtbot, here, index, 1.25)
        assert from_child.format() == in_place.format() == QImage.Format.Format_RGB32
        assert (from_child.width(), from_child.height()) == (765, 990)
        assert from_child == in_place
    assert away.offloaded == 2 and here.offloaded == 0


def test_while_the_child_starts_the_first_page_shows_at_once_and_the_next_scans_wait(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pdf = pymupdf.open(scanned_pdf(tmp_path / "scan.pdf"))
    service = RenderService()
    try:
        renderer = PageRenderer(service=service)
        renderer.set_pdf(pdf)
        came: list[tuple[int, int, bool]] = []  # page, pages from the child so far, ready
        renderer.rendered.connect(lambda i: came.append((i, renderer.offloaded, service.ready)))
        renderer.want([(0, 1.0), (1, 1.0)])  # before Python and PyMuPDF are loaded there
        qtbot.waitUntil(lambda: len(came) == 2, timeout=30_000)
        assert came[0] == (0, 0, False)  # the document's first page, rendered here at once
        assert came[1] == (1, 1, True)  # the next scanned page waited for the child
    finally:
        service.close()


def test_a_page_the_child_cannot_read_renders_in_place(
    qtbot: QtBot, tmp_path: Path, service: RenderService
) -> None:
    pdf = scanned_pdf(tmp_path / "scan.pdf")
    renderer = PageRenderer(service=ready(qtbot, service))
    renderer.set_pdf(pymupdf.open(pdf))  # the view holds the file open
    os.unlink(pdf)  # the child, opening it afresh, finds nothing
    image = rendered(qtbot, renderer, 1, 1.0)
    assert renderer.offloaded == 0 and not image.isNull()
    assert not service.dead  # one file it could not open does not end it


def test_a_child_that_dies_leaves_rendering_to_the_window_thread(
    qtbot: QtBot, tmp_path: Path, service: RenderService
) -> None:
    pdf = scanned_pdf(tmp_path / "scan.pdf")
    renderer = PageRenderer(service=ready(qtbot, service))
    renderer.set_pdf(pymupdf.open(pdf))
    rendered(qtbot, renderer, 0, 1.0)
    assert renderer.offloaded == 1
    service._process.kill()  # killed from outside, as the out-of-memory killer would
    service._process.join(10)
    image = rendered(qtbot, renderer, 1, 1.0)
    assert service.dead and not image.isNull()
    assert renderer.offloaded == 1  # the second page was rendered in place


def test_the_childs_pixels_are_the_rgb32_words_qt_converts_rgb888_to() -> None:
    width, height, stride = 5, 3, 16  # rows padded past 3 * width, as PyMuPDF may pad them
    samples = bytes((7 * i + 3) % 256 for i in range(stride * height))
    rgb888 = QImage(samples, width, height, stride, QImage.Format.Format_RGB888)
    expected = rgb888.convertToFormat(QImage.Format.Format_RGB32)
    words = rgb32(samples, width, height, stride)
    assert QImage(words, width, height, width * 4, QImage.Format.Format_RGB32) == expected
