"""Every occurrence of a phrase in a page's text, written as a scan or an OCR may have written it.

For "Find all like this": the attorney adds a finding by hand, and the same phrase is looked for
everywhere in the case. Two writings are alike when they differ only in case, accents, spaces,
hyphens and line breaks between or inside words ("Salva-" / "trucha", "MS 13", "MS-13",
"MS13"), punctuation ("M.S."), and the characters OCR confuses: 0 and O, 1, l and I, rn and m,
5 and S. A match starts and ends at word edges: "gang member" is not found in "gang members".
Plain Python: no spaCy, no Qt.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

_CONFUSED = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "5": "s"})
"""After lower-casing, each character OCR mistakes for another, as one of them."""


class Keyed(NamedTuple):
    """A text reduced to the letters and digits that matter, with the way back to it."""

    key: str
    starts: list[int]
    """starts[k]: where in the text the characters of key[k] start."""
    ends: list[int]
    """ends[k]: where they end (exclusive)."""
    edge_before: list[bool]
    """edge_before[k]: a word edge (space, punctuation, the start) comes before key[k]."""


def like_key(text: str) -> str:
    """What two writings of a phrase share when they are alike ("MS-13" and "ms l3")."""
    return keyed(text).key


def keyed(text: str) -> Keyed:
    key: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    edges: list[bool] = []
    edge = True
    i, n = 0, len(text)
    while i < n:
        ch = _plain(text[i])
        if not ch.isalnum():
            edge = True
            i += 1
            continue
        width = 1
        if ch == "r" and i + 1 < n and _plain(text[i + 1]) == "n":
            ch, width = "m", 2
        key.append(ch.translate(_CONFUSED))
        starts.append(i)
        ends.append(i + width)
        edges.append(edge)
        edge = False
        i += width
    return Keyed("".join(key), starts, ends, edges)


def _plain(ch: str) -> str:
    """The character lower-cased, without its accent ("Á" -> "a"); one character."""
    if ch.isascii():
        return ch.lower()
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base[:1].lower() if base else ch.lower()


def find_like(phrase: str, text: str) -> list[tuple[int, int]]:
    """(start, end) offsets in `text` of each occurrence of `phrase` written alike, in order
    and apart."""
    wanted = like_key(phrase)
    if not wanted:
        return []
    page = keyed(text)
    found: list[tuple[int, int]] = []
    k = page.key.find(wanted)
    while k >= 0:
        last = k + len(wanted) - 1
        after = last + 1
        if page.edge_before[k] and (after == len(page.key) or page.edge_before[after]):
            found.append((page.starts[k], page.ends[last]))
            k = page.key.find(wanted, after)
        else:
            k = page.key.find(wanted, k + 1)
    return found
