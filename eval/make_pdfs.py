"""Lay out texts as PDFs whose word geometry is known, for scoring a detector's rectangles.

Vendored from the eval kit (shared/eval-kit/make_pdfs.py): the same layouts, words and
positions, with two changes. The running header says that the text is fictional, as every page
of this project's sample documents does; and each page's words are written at once with a
TextWriter, not one insert_text call each (which rewrites the page's content every time: a
minute for the corpus), in the same font at the same places.

usage: python make_pdfs.py TEXTS_DIR OUT_DIR [--scanned]
Writes OUT_DIR/<name>.pdf and OUT_DIR/<name>.layout.json (word char spans -> page + rects).
The first line of each text (SOURCE: ...) and the blank line after it are not laid out.
"""

import hashlib
import json
import re
import sys
from pathlib import Path

import pymupdf

FONTS = {
    "sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "mono": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
}
PAGE_W, PAGE_H = 612, 792

LAYOUTS = [  # font, size, columns, column width, hyphenate
    ("sans", 10, 1, 468, False),
    ("serif", 9, 2, 228, False),
    ("mono", 9, 1, 300, True),
    ("sans", 11, 1, 380, True),
]


def body_start(text):
    if text.startswith("SOURCE:"):
        nl = text.find("\n")
        i = nl + 1
        while i < len(text) and text[i] == "\n":
            i += 1
        return i
    return 0


def lay_out(name, text, out_dir, scanned):
    h = int(hashlib.sha256(name.encode()).hexdigest(), 16)
    fontkey, size, ncols, colw, hyph = LAYOUTS[h % len(LAYOUTS)]
    font = pymupdf.Font(fontfile=FONTS[fontkey])
    lead = size * 1.35
    top, bottom, left = 72, PAGE_H - 72, 72
    gap = 12
    pdf = pymupdf.open()
    words = []  # {start,end,pieces:[[page,x0,y0,x1,y1],...]}
    state = {"page": None, "col": 0, "y": None, "x": None, "pno": -1}

    writers = []  # one TextWriter per page: written once, where a call per word is quadratic

    def new_page():
        state["page"] = pdf.new_page(width=PAGE_W, height=PAGE_H)
        writers.append(pymupdf.TextWriter(state["page"].rect))
        state["pno"] += 1
        state["page"].insert_text(
            (left, 40),
            f"FICTIONAL TEXT {h % 9973:04d} - page {state['pno'] + 1}",
            fontsize=7,
            fontname="helv",
        )
        state["col"], state["y"] = 0, top + size

    def col_x():
        return left + state["col"] * (colw + gap)

    def newline():
        state["y"] += lead
        state["x"] = col_x()
        if state["y"] > bottom:
            if state["col"] + 1 < ncols:
                state["col"] += 1
                state["y"] = top + size
            else:
                new_page()
            state["x"] = col_x()

    def put(s):
        x, y = state["x"], state["y"]
        writers[-1].append((x, y), s, font=font, fontsize=size)
        w = font.text_length(s, fontsize=size)
        state["x"] = x + w + font.text_length(" ", fontsize=size)
        return [
            state["pno"],
            round(x, 2),
            round(y - size * 0.8, 2),
            round(x + w, 2),
            round(y + size * 0.25, 2),
        ]

    new_page()
    state["x"] = col_x()
    start = body_start(text)
    prev_end = start
    for m in re.finditer(r"\S+", text[start:]):
        ws, we = m.start() + start, m.end() + start
        between = text[prev_end:ws]
        prev_end = we
        if between.count("\n") >= 1 and words:
            newline()
            if between.count("\n") >= 2:
                newline()
        token = m.group()
        width = font.text_length(token, fontsize=size)
        limit = col_x() + colw
        pieces = []
        if state["x"] + width > limit:
            room = limit - state["x"]
            cut = 0
            if hyph and len(token) >= 7 and token.isalpha():
                for k in range(len(token) - 3, 2, -1):
                    if font.text_length(token[:k] + "-", fontsize=size) <= room:
                        cut = k
                        break
            if cut:
                pieces.append(put(token[:cut] + "-"))
                newline()
                pieces.append(put(token[cut:]))
            else:
                newline()
                pieces.append(put(token))
        else:
            pieces.append(put(token))
        words.append({"start": ws, "end": we, "pieces": pieces})
    for page, writer in zip(pdf, writers, strict=True):
        writer.write_text(page)
    out = Path(out_dir)
    if scanned:
        img = pymupdf.open()
        for page in pdf:
            pix = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
            np_ = img.new_page(width=page.rect.width, height=page.rect.height)
            np_.insert_image(np_.rect, pixmap=pix)
        img.save(out / f"{name}.pdf", garbage=3, deflate=True)
    else:
        pdf.subset_fonts()
        pdf.save(out / f"{name}.pdf", garbage=3, deflate=True)
    (out / f"{name}.layout.json").write_text(
        json.dumps({"words": words, "layout": [fontkey, size, ncols, colw, hyph]})
    )


def main():
    texts, out = Path(sys.argv[1]), Path(sys.argv[2])
    scanned = "--scanned" in sys.argv
    out.mkdir(parents=True, exist_ok=True)
    for t in sorted(texts.glob("*.txt")):
        lay_out(t.stem, t.read_text(encoding="utf-8"), out, scanned)
        print("made", t.stem)


if __name__ == "__main__":
    main()
