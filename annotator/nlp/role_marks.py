"""Whose mark a gang reference names: "el tatuaje de mi mano era de la MS", "his tattoo is
consistent with MS-13", "the jacket of his cousin is 18th Street". A tattoo, a garment or a
drawing said to be a gang's labels its owner, as a criterion of the gang databases does; the
marks are the `marks` cue list."""

from __future__ import annotations

from collections.abc import Callable

from annotator.nlp.role_harm import own_person
from annotator.nlp.role_sentence import Sentence, crosses

MARK_TIE = 6
"""Tokens at most between the mark (with its owner) and the reference it is tied to."""
OWNER_REACH = 3
_OF = frozenset("of de del on en".split())
_OWNERS = (
    ("respondent", "R"),
    ("first_person", "R"),
    ("pronouns", "R"),
    ("family", "T"),
    ("others", "T"),
)


def mark_owner(sent: Sentence, a: int, glue: Callable[[Sentence, int], bool]) -> str:
    """ "R" when the reference at token a is tied, by `glue` words, to a mark of the
    respondent's, "T" to someone else's, "" when it names no mark."""
    for s, e in reversed(sent.hits.get("marks", ())):
        if e > a or a - e > MARK_TIE + OWNER_REACH + 1 or crosses(sent, e, a):
            continue
        kind, end = _owner_after(sent, e)
        kind = kind or _owner_before(sent, s)
        if kind and a - end <= MARK_TIE and all(glue(sent, k) for k in range(end, a)):
            return kind
    return ""


def _owner_after(sent: Sentence, e: int) -> tuple[str, int]:
    """ "el tatuaje de mi mano", "the tattoo on his neck": the owner after the mark, and
    where its phrase ends."""
    if e >= len(sent.tokens) or sent.tokens[e] not in _OF:
        return "", e
    for k in range(e + 1, min(e + 1 + OWNER_REACH, len(sent.tokens))):
        kind = _person(sent, k)
        if kind:
            following = k + 1 < len(sent.tokens) and sent.raw[k + 1].isalpha()
            return kind, k + 2 if following and not _person(sent, k + 1) else k + 1
    return "", e


def _owner_before(sent: Sentence, s: int) -> str:
    """ "mi tatuaje", "the subject's tattoo", "su hermano tiene un tatuaje"."""
    found = [_person(sent, k) for k in range(max(0, s - OWNER_REACH), s)]
    kinds = [k for k in found if k]
    return "T" if "T" in kinds else (kinds[-1] if kinds else "")


def _person(sent: Sentence, k: int) -> str:
    for name, kind in _OWNERS:
        if any(s <= k < e for s, e in sent.hits.get(name, ())):
            if name == "first_person" and not own_person(sent, k):
                continue
            return kind
    return ""
