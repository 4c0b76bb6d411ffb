"""The tests a match passes on the words around it: context words, exclusions, capitals,
names, the link words that join a cue to its finding, and the hedge and negation cues.

Each is a function of the tokens alone; the component applies them (CaseFileDetector._allowed,
_cue_spans, _hedge).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc


def cue_regex(cues: list[str]) -> re.Pattern[str] | None:
    """One regex for the hedge and negation cues, longest first, as whole words."""
    if not cues:
        return None
    alts = sorted({re.escape(c) for c in cues}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")


def has_context(words: list[str], context: list[str]) -> bool:
    joined = " " + " ".join(words) + " "
    for cue in context:
        if cue.endswith("*"):
            if any(w.startswith(cue[:-1]) for w in words):
                return True
        elif " " in cue:
            if f" {cue} " in joined:
                return True
        elif cue in words:
            return True
    return False


def vetoed(start: int, end: int, ranges: Any) -> bool:
    """An exclusion vetoes a match it overlaps, unless the match holds all of it and more."""
    for s, e in ranges:
        if s < end and start < e and not (start <= s and e <= end and end - start > e - s):
            return True
    return False


def nearest(
    doc: Doc,
    lower: list[int],
    i: int,
    targets: list[tuple[int, int]],
    window: int,
    links: set[int],
    free: int = 0,
) -> tuple[int, int] | None:
    """The closest target joined to token i by at most `window` words, all link words but for
    at most `free` other words right by the target, as an adjective stands ("a member of the
    notorious gang")."""
    best: tuple[int, int] | None = None
    best_gap = window + 1
    for s, e in targets:
        if s <= i < e:
            continue
        lo, hi = (i + 1, s) if s > i else (e, i)
        gap = hi - lo
        if gap < 0 or gap >= best_gap:
            continue
        others = [k for k in range(lo, hi) if lower[k] not in links]
        near = range(s - free, s) if s > i else range(e, e + free)
        if all(k in near and doc[k].is_alpha for k in others):
            best, best_gap = (s, e), gap
    return best


def in_caps_run(doc: Doc, start: int, end: int, context: list[str]) -> bool:
    """True beside another all-capital word that is not a context word, as in a headline
    ("NOWHERE SAFE"), but not in "ICE SAFE program"."""

    def caps(k: int) -> bool:
        if not 0 <= k < len(doc):
            return False
        tok = doc[k]
        return tok.is_alpha and len(tok) > 1 and tok.is_upper and tok.lower_ not in context

    around = [t for t in doc[max(0, start - 12) : end + 12] if t.is_alpha and len(t) > 1]
    if len(around) >= 12 and sum(t.is_upper for t in around) >= 0.8 * len(around):
        return False  # a narrative typed in capitals, as on many I-213s, is not a headline

    return caps(start - 1) or caps(end)


def before_a_name(doc: Doc, end: int, context: list[str]) -> bool:
    """True when a capitalised word that is not a context word follows: "Mara Peguero"."""
    if end >= len(doc):
        return False
    tok = doc[end]
    return tok.is_title and tok.is_alpha and not has_context([tok.lower_], context)
