"""Make the PDF memo's text copy and search as plain letters.

MuPDF's layout sets "fi", "fl", "ff" as ligature glyphs and maps them to the Unicode ligature
characters (U+FB01 …), so text copied from the memo into a filing would carry "ﬁ" instead of
"fi". This rewrites each font's ToUnicode map to give the letters instead; the look is unchanged.
"""

from __future__ import annotations

import re

import pymupdf

LIGATURES = {
    0xFB00: "ff",
    0xFB01: "fi",
    0xFB02: "fl",
    0xFB03: "ffi",
    0xFB04: "ffl",
    0xFB05: "st",
    0xFB06: "st",
}
_RANGES = re.compile(r"\d+ beginbfrange\n(.*?)endbfrange\n?", re.DOTALL)
_HEX = re.compile(r"<([0-9a-fA-F]+)>")
_CHAR = re.compile(r"(<[0-9a-fA-F]+>\s*)<([fF][bB]0[0-6])>")
_BLOCK = 100
"""A CMap block holds at most 100 entries."""


def plain_ligatures(pdf: pymupdf.Document) -> None:
    for xref in range(1, pdf.xref_length()):
        kind, value = pdf.xref_get_key(xref, "ToUnicode")
        if kind != "xref":
            continue
        stream = int(value.split()[0])
        cmap = pdf.xref_stream(stream).decode("latin-1")
        fixed = expand_cmap(cmap)
        if fixed != cmap:
            pdf.update_stream(stream, fixed.encode("latin-1"))


def expand_cmap(cmap: str) -> str:
    """The CMap with every ligature destination replaced by its letters."""
    split: list[tuple[str, int]] = []

    def ranges(match: re.Match[str]) -> str:
        kept = []
        for line in match.group(1).splitlines():
            parts = _HEX.findall(line)
            if len(parts) == 3 and "[" not in line:
                low, high, first = (int(p, 16) for p in parts)
                if first <= max(LIGATURES) and first + high - low >= min(LIGATURES):
                    width = len(parts[0])
                    split.extend((f"{c:0{width}x}", first + c - low) for c in range(low, high + 1))
                    continue
            kept.append(line + "\n")
        return f"{len(kept)} beginbfrange\n{''.join(kept)}endbfrange\n" if kept else ""

    cmap = _RANGES.sub(ranges, cmap)
    cmap = _CHAR.sub(lambda m: f"{m.group(1)}<{_utf16(int(m.group(2), 16))}>", cmap)
    blocks = [split[i : i + _BLOCK] for i in range(0, len(split), _BLOCK)]
    extra = "".join(
        f"{len(b)} beginbfchar\n"
        + "".join(f"<{code}> <{_utf16(u)}>\n" for code, u in b)
        + "endbfchar\n"
        for b in blocks
    )
    return cmap.replace("endcmap", extra + "endcmap", 1) if extra else cmap


def _utf16(codepoint: int) -> str:
    text = LIGATURES.get(codepoint, chr(codepoint))
    return text.encode("utf-16-be").hex()
