"""The embedded DejaVu fonts (they carry the Spanish accents): files to embed, metrics to measure.

Text is measured here and drawn line by line, so that the deliberate line and page splits land
exactly where the documents put them.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

FONT_FILES = {
    "sans": "DejaVuSans.ttf",
    "sans-b": "DejaVuSans-Bold.ttf",
    "sans-i": "DejaVuSans-Oblique.ttf",
    "cond": "DejaVuSansCondensed.ttf",
    "cond-b": "DejaVuSansCondensed-Bold.ttf",
    "serif": "DejaVuSerif.ttf",
    "serif-b": "DejaVuSerif-Bold.ttf",
    "serif-i": "DejaVuSerif-Italic.ttf",
    "mono": "DejaVuSansMono.ttf",
    "mono-b": "DejaVuSansMono-Bold.ttf",
}
FONT_DIRS = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
]


class Fonts:
    """Embedded TrueType fonts: file paths for insert_text and Font objects for measuring."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self.objs: dict[str, pymupdf.Font] = {}
        self._adv: dict[str, dict[str, float]] = {}  # per-character advance cache
        for key, fname in FONT_FILES.items():
            path = next((Path(d) / fname for d in FONT_DIRS if (Path(d) / fname).is_file()), None)
            if path is None:
                raise SystemExit(
                    f"tools.samples: font {fname} not found (looked in {', '.join(FONT_DIRS)}); "
                    "install the DejaVu fonts (e.g. apt-get install fonts-dejavu-core)"
                )
            self.files[key] = str(path)
            self.objs[key] = pymupdf.Font(fontfile=str(path))

    def width(self, text: str, font: str, size: float) -> float:
        cache = self._adv.setdefault(font, {})
        total = 0.0
        for ch in text:
            adv = cache.get(ch)
            if adv is None:
                adv = cache[ch] = self.objs[font].text_length(ch, fontsize=1.0)
            total += adv
        return total * size


def tag(font: str) -> str:
    """PDF resource name for one of our fonts."""
    return "DV" + font.replace("-", "")
