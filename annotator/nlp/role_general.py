"""General prose inside a sentence that also speaks of the respondent: "the report explains
that in 2020 Barrio 18 and MS-13 controlled most markets, and that the PNC profiled vendors"
(two gangs named together, and the country-conditions clause of a sentence addressed to the
court), "we acknowledge that MS-13 is known to coerce young women in El Salvador and that your
account ... is consistent" (the gang's clause has nobody of the respondent's side in it)."""

from __future__ import annotations

from annotator.nlp.role_harm import own_person
from annotator.nlp.role_sentence import Sentence, clause

_PAIR = frozenset("and y e or o".split())
_ARTICLES = frozenset("the both la el los las al del a de tanto".split())
_THAT = frozenset(("that", "que"))
_NEW_CLAUSE = (("and", "that"), ("y", "que"), ("e", "que"))
_PEOPLE = ("respondent", "first_person", "pronouns", "family", "others", "generic_people")
_OWNERS = frozenset(
    "my his her their our your the mi su sus tu nuestra nuestro la el los las".split()
)


def paired(sent: Sentence, a: int, b: int) -> bool:
    """The gang is named with another as a pair ("Barrio 18 and MS-13", "la MS-13 y el Barrio
    18"): gangs in general, not the one that did something to someone."""
    n = len(sent.tokens)
    if b < n and sent.tokens[b] in _PAIR:
        j = b + 1
        while j < n and sent.tokens[j] in _ARTICLES:
            j += 1
        if j < n and _name_word(sent, j):
            return True
    k = a - 1
    while k >= 0 and sent.tokens[k] in _ARTICLES:
        k -= 1
    return k >= 1 and sent.tokens[k] in _PAIR and _name_word(sent, k - 1)


def _name_word(sent: Sentence, k: int) -> bool:
    """Token k may be (the end or start of) a gang's name: capitalised or with a digit, and no
    person ("and I", "and Elmer" when Elmer is someone the page names)."""
    raw = sent.raw[k]
    if raw == "I" or not (raw[:1].isupper() or any(c.isdigit() for c in raw)):
        return False
    return not any(sent.at(name, k) for name in _PEOPLE)


def subclause(sent: Sentence, a: int, b: int) -> tuple[int, int, bool]:
    """The reference's own complement clause: from the "that" / "que" before it to the "and
    that" / "y que" after it, within its clause; and whether either cut was found."""
    c0, c1 = clause(sent, a, b)
    start, end = c0, c1
    for k in range(a - 1, c0 - 1, -1):
        if sent.tokens[k] in _THAT:
            start = k + 1
            break
    for k in range(b, c1 - 1):
        if (sent.tokens[k], sent.tokens[k + 1]) in _NEW_CLAUSE:
            end = k
            break
    return start, end, (start, end) != (c0, c1)


def own_side_in(sent: Sentence, start: int, end: int, a: int, b: int) -> bool:
    """Someone of the respondent's side stands in tokens start..end, outside the reference:
    the respondent ("your", not "Your Honor"), the declarant's own "I", "he" / "she", or kin
    that is somebody's ("his father", not "family members of those who refuse")."""

    def inside(s: int) -> bool:
        return start <= s < end and not a <= s < b

    for s, e in sent.hits.get("respondent", ()):
        if inside(s) and not (e < len(sent.tokens) and sent.tokens[e] == "honor"):
            return True
    if any(inside(s) and own_person(sent, s) for s, _ in sent.hits.get("first_person", ())):
        return True
    if any(inside(s) for s, _ in sent.hits.get("pronouns", ())):
        return True
    if sent.language == "es" and any(_clitic_harm(sent, k) for k in range(start, end)):
        return True  # "que los pandilleros de la zona lo habian amenazado"
    return any(
        inside(s) and s > 0 and sent.tokens[s - 1] in _OWNERS
        for s, _ in sent.hits.get("family", ())
    )


_CLITICS = frozenset("lo la le les los me nos".split())
_AUXILIARIES = frozenset("ha han habia habian hubo iban iba van va estaban estaba".split())


def _clitic_harm(sent: Sentence, k: int) -> bool:
    """A Spanish object pronoun before a harm or a deed, past an auxiliary: "lo habian
    amenazado", "le exigian"."""
    if sent.tokens[k] not in _CLITICS:
        return False
    j = k + 1
    while j < len(sent.tokens) and sent.tokens[j] in _AUXILIARIES:
        j += 1
    return j < len(sent.tokens) and (sent.at("harm", j) or sent.at("acts", j))


def general_subclause(sent: Sentence, a: int, b: int, subtype: str) -> bool:
    """The reference's complement clause is general prose, though the sentence around it is
    not: gangs named as a pair, or a gang with country, statistics or people-in-general words
    and nobody of the respondent's side ("explains that in 2020 Barrio 18 and MS-13 controlled
    most markets", "that MS-13 is known to coerce young women in El Salvador and that your
    account ...")."""
    if subtype == "gang_database":
        return False
    start, end, cut = subclause(sent, a, b)
    if own_side_in(sent, start, end, a, b):
        return False
    pair = subtype == "gang_name" and paired(sent, a, b)
    if pair:
        return True
    if not cut:
        return False

    def within(name: str) -> bool:
        return any(start <= s < end and not a <= s < b for s, _ in sent.hits.get(name, ()))

    return within("background") or within("generic_people") or within("gang_plural")
