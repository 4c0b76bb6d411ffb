"""Page images for the window, rendered in a process of its own (the other end is
annotator/ui/pageview/render_service.py).

PyMuPDF holds the GIL while it renders, and a scanned page (a 200-dpi JPEG decoded and scaled)
takes 30–80 ms on a laptop core: on the window's thread that is an event-loop stall over the
50 ms a reviewer notices, and a thread would stall it just the same. So a child process
renders, and answers each request with the pixels ready to draw.

The protocol, over two one-way multiprocessing pipes (no socket):
- the child says READY once PyMuPDF is imported;
- the parent sends (generation, path, page index, scale);
- the child answers (generation, page index, scale, width, height, pixels) with the pixels as
  32-bit 0xffRRGGBB words in native byte order (Qt's Format_RGB32, which paints without a
  conversion), or (generation, page index, scale, 0, 0, reason) when it cannot render;
- None asks the child to leave; so does the parent's death.
"""

from __future__ import annotations

import sys
from typing import Any

READY = "ready"
_OPEN_DOCUMENTS = 2


def rgb32(samples: bytes, width: int, height: int, stride: int) -> bytes:
    """RGB888 rows (each `stride` bytes long) as native-endian 0xffRRGGBB words."""
    import numpy as np

    rows = np.frombuffer(samples, dtype=np.uint8).reshape(height, stride)[:, : width * 3]
    rgb = rows.reshape(height, width, 3)
    words = np.empty((height, width, 4), dtype=np.uint8)
    order = (2, 1, 0) if sys.byteorder == "little" else (0, 1, 2)  # B G R A or A R G B
    at = (0, 1, 2) if sys.byteorder == "little" else (1, 2, 3)
    for target, source in zip(at, order, strict=True):
        words[:, :, target] = rgb[:, :, source]
    words[:, :, 3 if sys.byteorder == "little" else 0] = 0xFF
    return words.tobytes()


def serve(requests: Any, answers: Any) -> None:
    """The child: render what is asked, one request at a time, until told to stop."""
    from annotator.core.lifeline import exit_with_parent

    exit_with_parent()
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    documents: dict[str, tuple[int, Any]] = {}
    answers.send(READY)
    while True:
        try:
            request = requests.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        generation, path, index, scale = request
        try:
            answers.send(_render(documents, generation, path, index, scale, pymupdf))
        except (BrokenPipeError, OSError):
            return


def _render(
    documents: dict[str, tuple[int, Any]],
    generation: int,
    path: str,
    index: int,
    scale: float,
    pymupdf: Any,
) -> tuple[Any, ...]:
    try:
        held = documents.get(path)
        if held is None or held[0] != generation:  # the window opened the file afresh
            if held is not None:
                held[1].close()
            while len(documents) >= _OPEN_DOCUMENTS:
                documents.pop(next(iter(documents)))[1].close()
            documents[path] = held = (generation, pymupdf.open(path))
        pix = held[1].load_page(index).get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
        pixels = rgb32(pix.samples, pix.width, pix.height, pix.stride)
        return (generation, index, scale, pix.width, pix.height, pixels)
    except Exception as err:  # a damaged page: the window renders it itself, or shows it blank
        return (generation, index, scale, 0, 0, str(err))
