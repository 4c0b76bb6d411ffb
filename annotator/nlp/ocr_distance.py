"""The edit distance OCR's misreadings call for: a letter read as one that looks like it, two
letters read as one ("rn" for "m"), a speck read as a mark cost less than other changes, so a
misread lexicon word is near its word and far from the words it is not (nlp.ocr_text)."""

from __future__ import annotations

_CLOSE = 0.4
"""The cost of a letter read as one that looks like it, or a pair read as one ("rn" for "m")."""
_THIN = 0.5
"""The cost of a speck read as a mark (a period, a comma, a stroke) added or lost."""
_SLIM = 0.8
"""The cost of a slim letter (i, l, 1) added or lost: specks read as one, or one lost."""
_PLAIN = 1.0
"""The cost of a letter read as one that does not look like it."""
_LETTER = 1.2
"""The cost of a whole letter added or lost: rare in OCR, common between two real words."""
_LOOKALIKE_PAIRS = (
    "o0 oc oe ce cg oq mn l1 li l| i1 i| 1| il it lt ft fl s5 b6 bh g9 gq q9 z2 un uv vy nh ij"
)
_LOOKALIKE = {frozenset(p) for p in _LOOKALIKE_PAIRS.split()}
SPLIT_READINGS = (
    ("rn", "m"),
    ("ri", "n"),
    ("in", "m"),
    ("ni", "m"),
    ("nn", "m"),
    ("fi", "n"),
    ("fl", "n"),
    ("ii", "u"),
    ("ii", "n"),
    ("li", "h"),
    ("ji", "n"),
    ("cl", "d"),
    ("vv", "w"),
    ("rr", "n"),
    ("tt", "n"),
    ("nr", "m"),
    ("ti", "n"),
    ("ef", "n"),
)
"""Two letters read as one or one as two: "rn"/"m", "ri"/"n" ("Barno" for "Barrio"), "fi"/"n"
(Tesseract's English model reading a Spanish "ñ": "Surefios" for "Sureños"), "nr"/"m"
("nrara"), "ti"/"n" ("gatig"), "ef"/"n" (an "ñ" read with its tilde: "Sureéfos")."""
_MERGED = {frozenset(p) for p in SPLIT_READINGS}
_VOWELS = frozenset("aeiou")
_THIN_MARKS = frozenset("|.,'`-:;!")
_SLIM_LETTERS = frozenset("il1")


def distance(a: str, b: str, limit: float = 9.0) -> float:
    """Edit distance weighted for OCR: a look-alike letter or pair costs less than another, a
    thin mark less than a letter. Gives up (returns more than `limit`) once past it."""
    n, m = len(a), len(b)
    inf = limit + 1.0
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _indel(b[j - 1])
    for i in range(1, n + 1):
        row = [prev[0] + _indel(a[i - 1])] + [0.0] * m
        for j in range(1, m + 1):
            best = min(
                prev[j] + _indel(a[i - 1]),
                row[j - 1] + _indel(b[j - 1]),
                prev[j - 1] + _substitute(a, i - 1, b[j - 1]),
            )
            if i > 1 and frozenset((a[i - 2 : i], b[j - 1])) in _MERGED:
                best = min(best, prev2[j - 1] + _CLOSE)
            if j > 1 and frozenset((a[i - 1], b[j - 2 : j])) in _MERGED:
                best = min(best, prev[j - 2] + _CLOSE)
            row[j] = best
        if min(row) > limit and min(prev) > limit:  # a pair read as one may skip a row
            return inf
        prev2, prev = prev, row
    return prev[m]


def _indel(ch: str) -> float:
    if ch in _THIN_MARKS:
        return _THIN
    return _SLIM if ch in _SLIM_LETTERS else _LETTER


def _substitute(read: str, i: int, b: str) -> float:
    """The cost of read[i] standing for b; an "f" between vowels may be an English model's "ñ"
    ("Surefos" for "Sureños")."""
    a = read[i]
    if a == b:
        return 0.0
    if frozenset((a, b)) in _LOOKALIKE:
        return _CLOSE
    between_vowels = 0 < i < len(read) - 1 and read[i - 1] in _VOWELS and read[i + 1] in _VOWELS
    return _CLOSE if a == "f" and b == "n" and between_vowels else _PLAIN
