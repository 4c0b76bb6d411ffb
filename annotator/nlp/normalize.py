"""The text the matcher sees, and the map from it back to the page's own text.

Matching runs on a folded copy of the page text: accents stripped and case kept (so "Sureños"
and "Surenos" match alike), dashes unified, every line break turned into a space so that a
phrase broken over two lines or columns stays one phrase (a break between blocks too, when a
sentence runs on over it), and a word hyphenated at a line end joined again ("Salva-" +
"trucha" -> "Salvatrucha", "MS-" + "13" -> "MS-13"). `source[i]` is the
offset in the page text of folded character i.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"), "-")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\t\r\n\f\v"), " ")
_QUOTES = {ord("\u2019"): "'", ord("\u2018"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}

# A line-end hyphen is kept when the next line starts with a digit or capital ("MS-" + "13").
# Before a lower-case letter it is dropped for matching ("Salva-" + "trucha"): a hyphenated
# lexicon phrase also matches its closed-up form, so "gang-" + "affiliated" still matches. For
# display, the hyphen of these common compound heads is kept ("gang-affiliated").
_KEEP_HYPHEN_BEFORE = frozenset(
    "gang anti ex self non pro co post pre semi multi cross inter intra counter sub "
    "quasi neo well long full high low".split()
)
_LINE_END_HYPHEN = re.compile(r"(\w+)-[ \t]*\n+[ \t]*(?=\w)")
_SPACED_HYPHEN = re.compile(r"\b([A-Z]{1,4})-[ \t]+(?=\d)")
"""OCR's "MS- 13": a short capital word, a hyphen, a space, digits."""
_SUPERSCRIPTS = dict.fromkeys(
    map(ord, "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079\u2020\u2021"), " "
)
"""Footnote marks glued to a word ("pandilla 18.²") read as a space."""


@dataclass(frozen=True, slots=True)
class Folded:
    text: str
    source: list[int] | None
    """source[i] is the page-text offset of folded character i (one extra entry for the end);
    None when folding kept every offset."""

    def to_page(self, start: int, end: int) -> tuple[int, int]:
        """Page-text offsets of the folded span [start, end)."""
        if self.source is None:
            return start, end
        return self.source[start], self.source[end - 1] + 1


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    if ch.isascii():
        return ch
    ch = ch.translate(_DASHES).translate(_SPACES).translate(_QUOTES).translate(_SUPERSCRIPTS)
    if len(ch) == 1 and ch.isascii():
        return ch
    decomposed = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept or ch


def fold_phrase(text: str) -> str:
    """Fold a lexicon phrase the same way page text is folded (ASCII folds to itself)."""
    if text.isascii():
        return text
    return "".join(fold_char(c) for c in text)


_WHITESPACE = {ord(c): " " for c in "\n\t\r\f\v"}


def fold(text: str) -> Folded:
    blocks = _continued_blocks(text)
    if "-\n" not in text and "- \n" not in text and not _SPACED_HYPHEN.search(text) and not blocks:
        table = dict(_WHITESPACE)
        for ch in set(text):
            if not ch.isascii():
                table[ord(ch)] = fold_char(ch)
        if all(len(v) == 1 for v in table.values()):
            return Folded(text.translate(table), None)  # same length: offsets unchanged
    out: list[str] = []
    source: list[int] = []
    joins = _hyphen_joins(text, display=False)
    joins.update(blocks)
    i = 0
    n = len(text)
    while i < n:
        join = joins.get(i)
        if join is not None:
            kept, resume = join
            if kept:
                out.append(kept)
                source.append(i)
            i = resume
            continue
        ch = text[i]
        if ch in "\n\t\r\f\v":
            folded = " "
        elif ch.isascii():
            folded = ch
        else:
            folded = fold_char(ch)
        for c in folded:
            out.append(c)
            source.append(i)
        i += 1
    source.append(n)
    return Folded("".join(out), source)


def _continued_blocks(text: str) -> dict[int, tuple[str, int]]:
    """Block breaks inside a sentence, read as one space: the text before ends in a lower-case
    letter or a comma and the text after starts with a lower-case letter, as where a paragraph
    runs on into the next column ("no porque sea de la" / "mara"). Other block breaks (after a
    heading, between form fields) stay apart. Break offset -> (" ", offset to resume at)."""
    if "\n\n" not in text:
        return {}
    return {
        m.start(): (" ", m.end())
        for m in _BLOCK_BREAK.finditer(text)
        if (text[m.start() - 1].islower() or text[m.start() - 1] == ",") and text[m.end()].islower()
    }


_BLOCK_BREAK = re.compile(r"(?<=[\w,])[ \t]*\n\n+[ \t]*(?=\w)")


def _hyphen_joins(text: str, display: bool) -> dict[int, tuple[str, int]]:
    """Line-end hyphens to join: hyphen offset -> (what stays of it, offset to resume at)."""
    joins: dict[int, tuple[str, int]] = {}
    for m in _SPACED_HYPHEN.finditer(text):
        joins[m.end(1)] = ("-", m.end())
    if "-\n" not in text and "- \n" not in text:
        return joins
    for m in _LINE_END_HYPHEN.finditer(text):
        before = m.group(1)
        nxt = text[m.end()]
        keep = (
            nxt.isdigit()
            or nxt.isupper()
            or before.isdigit()
            or (display and before.lower() in _KEEP_HYPHEN_BEFORE)
        )
        joins[m.start(1) + len(before)] = ("-" if keep else "", m.end())
    return joins


def join_lines(text: str) -> str:
    """Page text for display: hyphenated line ends joined, runs of white space made one space."""
    joins = _hyphen_joins(text, display=True)
    if joins:
        parts: list[str] = []
        i = 0
        for at in sorted(joins):
            kept, resume = joins[at]
            parts.append(text[i:at] + kept)
            i = resume
        parts.append(text[i:])
        text = "".join(parts)
    return " ".join(text.split())
