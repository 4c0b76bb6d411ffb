"""The sentence a finding stands in, as every part of the app quotes it.

The detector takes a sentence's bounds from the spaCy sentencizer it runs anyway; a finding
made without the detector (added by hand, accepted from "find all like this") takes them from
`sentence_bounds`, the same rule on plain text: a sentence ends after ".", "!" or "?" (and any
closing quotes or brackets) before white space, but not after a known abbreviation ("Mr.",
"U.S.", "Sra.") or an initial. Both are turned into the quoted text by `sentence_text`, with the
same joins and the same length limit, so the window, the memo and the command line agree.
"""

from __future__ import annotations

import re

from annotator.nlp.normalize import join_lines

SENTENCE_LIMIT = 600
"""Characters of a sentence kept with a finding; a longer one is cut with an ellipsis."""

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+\S)")
_ABBREVIATIONS = {
    "en": frozenset(
        "mr mrs ms dr jr st inc co corp ltd gen gov rep sen vs v p jan feb mar apr jun jul aug "
        "sep sept oct nov dec a.m p.m u.s u.s.a d.c e.g i.e nº".split()
    ),
    "es": frozenset(
        "dr sr sra srta v etc p vol fig a.m p.m u.s u.s.a d.c e.g i.e lic ing nº".split()
    ),
}
"""Words the pipeline's tokenizer keeps whole with their period (so no sentence ends there),
besides single-letter initials."""


def sentence_bounds(text: str, start: int, end: int, language: str = "en") -> tuple[int, int]:
    """Offsets of the sentence of `text` (in `language`) holding [start, end)."""
    left, right = 0, len(text)
    known = _ABBREVIATIONS.get(language, _ABBREVIATIONS["en"])
    for match in _END.finditer(text):
        if _abbreviation(text, match.start(), known):
            continue
        cut = match.end()
        if cut <= start:
            left = cut
        elif match.start() >= end - 1:
            right = cut
            break
    return left, right


def sentence_text(text: str, start: int, end: int) -> str:
    """text[start:end] as quoted: line breaks and hyphenated line ends joined, cut to the limit."""
    sentence = join_lines(text[start:end])
    if len(sentence) <= SENTENCE_LIMIT:
        return sentence
    return sentence[: SENTENCE_LIMIT - 1].rstrip() + "…"


def sentence_around(text: str, start: int, end: int, language: str = "en") -> str:
    """The quoted sentence holding text[start:end]."""
    return sentence_text(text, *sentence_bounds(text, start, end, language))


def _abbreviation(text: str, at: int, known: frozenset[str]) -> bool:
    """Whether the period at `at` ends an abbreviation or an initial, not a sentence."""
    if text[at] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[max(0, at - 12) : at])
    if word is None:
        return False
    token = word.group(1).lower()
    return token in known or (len(token) == 1 and token.isalpha())
