"""Whether the gang harms someone of the respondent's side in a sentence: the gang as agent of
harm ("threatened by MS-13", "MS-13 killed his father", "fled from", "la MS-13 lo considera
enemigo"), and who of the respondent's side is there to be harmed."""

from __future__ import annotations

from annotator.nlp.role_sentence import Sentence, boundary, clause, crosses

LINK_AFTER = 8
"""Tokens after a reference within which a harm word makes the gang its agent."""
ACTS_AFTER = 5
_GLUE = ("copula", "identify", "modifiers")
_CLITICS = frozenset("lo la le les los me nos te".split())
_ES_VERB_ENDINGS = ("aron", "ieron", "aban")
_EN_VERB_ENDINGS = ("ed",)


def harm_link(sent: Sentence, a: int, b: int) -> str:
    """How the gang is tied to harm in its sentence: "flight" (fled from it, refused to join
    it), "agent" (threatened by it, paid rent to it), "after" (it threatened), "acts" (it told,
    it wanted, it pushed: harm only if someone of the respondent's side is there), or ""."""
    for _, e in sent.hits.get("flight", ()):
        if e <= a and a - e <= 4 and not crosses(sent, e, a):
            return "flight"
    harms = sent.hits.get("harm", ())
    for s, e in sent.hits.get("agent", ()):
        near = e <= a and a - e <= 4 and any(he <= s and s - he <= 4 for _, he in harms)
        # the phrase reaches the gang: not "hunted by the 18 became an MS-13 prospect"
        if near and all(_passing(sent, j) or sent.at("modifiers", j) for j in range(e, a)):
            return "agent"
    for s, _ in harms:
        if b <= s <= b + LINK_AFTER and not crosses(sent, b, s) and not _passive(sent, s):
            if sent.language == "en" and s > 0 and sent.tokens[s - 1] in _EN_ARTICLES:
                continue  # a noun, not a deed: "a known MS-13 member and the target of"
            return "after"
    predicate = _predicate(sent, a)
    for k in range(b, min(b + ACTS_AFTER, len(sent.tokens))):
        if boundary(sent, k) or sent.tokens[k] == "," or (predicate and sent.tokens[k] in _AND):
            break
        if sent.at("acts", k) or (_right_after(sent, b, k) and _action_verb(sent, k)):
            return "acts"
        if _done_to(sent, b, k):
            return "acts"
    return ""


_AND = frozenset("and y e".split())
_EN_ARTICLES = frozenset("the a an".split())


def _predicate(sent: Sentence, a: int) -> bool:
    """The reference completes a copula ("ha sido integrante de la pandilla 18"): a verb after
    "y" / "and" is its clause subject's, not the gang's ("... y le dijo al oficial")."""
    k = a - 1
    while k >= 0 and a - k <= 4 and not sent.at("copula", k):
        if not any(sent.at(name, k) for name in _GLUE):
            return False
        k -= 1
    return k >= 0 and sent.at("copula", k)


_OBJECTS = frozenset("him her me us".split())
_PREPOSITIONS = frozenset("de a en con por para sin sobre desde hasta entre del al".split())


def _done_to(sent: Sentence, b: int, k: int) -> bool:
    """The gang does something to a person: "la MS-13 lo considera enemigo" (an object
    pronoun before its verb), "MS-13 considers him an enemy" (after it)."""
    word = sent.tokens[k]
    if sent.language == "es":
        following = sent.tokens[k + 1] if k + 1 < len(sent.tokens) else ""
        verb_next = following.isalpha() and sent.raw[k + 1][:1].islower()
        article = k > 0 and sent.tokens[k - 1] in _PREPOSITIONS  # "de la clica"
        return word in _CLITICS and verb_next and not article and _right_after(sent, b, k)
    return word in _OBJECTS and k == b + 1 and sent.tokens[b] not in _EN_PREPOSITIONS


_EN_PREPOSITIONS = frozenset("in on at of for with from to by into about".split())
"""Not a verb between a reference and an object pronoun: "a gang member in her interview"."""


def _right_after(sent: Sentence, b: int, k: int) -> bool:
    """Token k follows the reference directly, or after an adverb ("MS-13 later burned"), the
    gang's name ("los mareros de la MS-13 me esperaban") or an object pronoun."""
    if k == b or (k == b + 1 and sent.at("adverbs", b)):
        return True
    return all(_passing(sent, j) for j in range(b, k))


def _passing(sent: Sentence, j: int) -> bool:
    word, raw = sent.tokens[j], sent.raw[j]
    if word in _PLACES and j > 0 and sent.tokens[j - 1] in _JOINERS:
        return True  # "los mareros de la colonia la consideraban sospechosa"
    return (
        word in _JOINERS or word in _CLITICS or raw[:1].isupper() or any(c.isdigit() for c in raw)
    )


_PLACES = frozenset("colonia sector barrio zona canton aldea comunidad caserio".split())
"""Where a gang is from, between it and what it does ("los mareros de la colonia")."""


_JOINERS = frozenset("of the de la el del los las".split())


def _action_verb(sent: Sentence, k: int) -> bool:
    """A verb in the past by its ending ("pushed", "golpearon"), not one of identifying
    ("documented", "listed"): what the gang did, when it is followed by someone it did it to."""
    word = sent.tokens[k]
    if len(word) < 5 or any(sent.at(name, k) for name in (*_GLUE, "entry", "speech")):
        return False
    if sent.language == "es":
        return word.endswith(_ES_VERB_ENDINGS)
    participle = k + 1 < len(sent.tokens) and sent.tokens[k + 1] == "by"  # "a list kept by"
    return (
        word.endswith(_EN_VERB_ENDINGS)
        and not participle
        and k > 0
        and not sent.at("copula", k - 1)
    )


def active_harm(sent: Sentence, a: int, b: int) -> bool:
    """Harm in the reference's clause that is not suffered by the one before it ("was
    killed")."""
    c0, c1 = clause(sent, a, b)
    return any(
        c0 <= s < c1 and not (a <= s < b) and not _passive(sent, s)
        for s, _ in sent.hits.get("harm", ())
    )


def _passive(sent: Sentence, k: int) -> bool:
    """ "was killed": the harm falls on the one before it, who did not do it."""
    return k > 0 and sent.at("copula", k - 1)


def victim_near(sent: Sentence, a: int, b: int) -> bool:
    """Someone of the respondent's side is in the sentence, outside the reference."""
    for name in ("respondent", "family"):
        if sent.any(name, (a, b)):
            return True
    if any(own_person(sent, s) for s, _ in sent.hits.get("first_person", ()) if not a <= s < b):
        return True
    if sent.language == "es":  # "la amenazaron", "le dijeron", "me paraban"
        return any(_clitic_verb(sent, k) for k in range(len(sent.tokens) - 1))
    return sent.any("pronouns", (a, b))


def own_person(sent: Sentence, k: int) -> bool:
    """A first-person word that is the declarant's own side ("me", "my mother", "I sold
    fruit"), not an author speaking ("in my opinion", "I have studied"): the word after it is
    not one of the `authorial` cues."""
    return k + 1 >= len(sent.tokens) or not sent.at("authorial", k + 1)


def _clitic_verb(sent: Sentence, k: int) -> bool:
    """A Spanish object pronoun before a verb done to that person: "le dijeron", "la
    amenazaron". "lo", "la", "los", "las" are articles too ("la extorsion"), so for them the
    next word must also end like a verb."""
    word, following = sent.tokens[k], sent.tokens[k + 1]
    if word not in _CLITICS:
        return False
    deed = sent.at("harm", k + 1) or sent.at("acts", k + 1) or _action_verb(sent, k + 1)
    if word in _ARTICLES:
        return deed and following.endswith(_CLITIC_VERB_ENDINGS)
    return deed


_ARTICLES = frozenset("lo la los las".split())
_CLITIC_VERB_ENDINGS = ("aron", "ieron", "aban", "aba", "ian", "ia", "o", "an", "en", "ado", "ada")


_EN_OBJECTS = frozenset("him her me us".split())
_OWNED = frozenset("my his her our their mi su sus mis nuestra nuestro".split())
_TO_VERB = frozenset("to a".split())


def acts_on_victim(sent: Sentence, a: int, b: int) -> bool:
    """The reference is the subject of a deed done to the respondent's side, in the words
    right after it: "the 18th Street gang tried to recruit him", "the Fulton Locos Salvatrucha
    clique charged his mother a weekly renta", "los pandilleros golpearon a su hermano"; or a
    reference that holds the deed itself ("gang tried to recruit") followed by its object.
    The gang is the one who did it, whoever the sentence speaks of before it."""
    n = len(sent.tokens)
    k = b
    while k < n and k - b < 2 and sent.at("adverbs", k):
        k += 1
    if k < n and _deed_verb(sent, k):
        j = k + 1
        while j < n and j - k <= 3 and (sent.tokens[j] in _TO_VERB or sent.at("harm", j)):
            if sent.tokens[j] == "a" and sent.language == "es":
                break  # "golpearon a su hermano": the object follows
            j += 1
    elif any(sent.at("harm", i) and not _passive(sent, i) for i in range(a + 1, b)):
        j = b  # the deed inside the reference: "gang tried to recruit" + "him"
    else:
        return False
    return _victim_object(sent, j)


def _deed_verb(sent: Sentence, k: int) -> bool:
    """A verb of something done, in its finite form, right after a reference: a harm, an act,
    or a past tense ("charged", "golpearon"); not a passive ("was beaten") or a noun after an
    article."""
    if k == 0 or sent.at("copula", k - 1) or sent.at("copula", k):
        return False
    if any(sent.at(name, k) for name in ("identify", "entry")):
        return False
    word = sent.tokens[k]
    if sent.at("harm", k) or sent.at("acts", k):
        return True
    if sent.language == "es":
        return len(word) >= 5 and word.endswith(_ES_VERB_ENDINGS)
    return len(word) >= 5 and word.endswith(_EN_VERB_ENDINGS)


def _victim_object(sent: Sentence, j: int) -> bool:
    """Token j begins the object of a deed, someone of the respondent's side: "him", "me",
    "his mother", "the respondent", Spanish "a su hermano", "al denunciante"."""
    n = len(sent.tokens)
    if j >= n:
        return False
    word = sent.tokens[j]
    if sent.language == "es":
        if word not in ("a", "al"):
            return False
        j += 1
        if j < n and sent.tokens[j] in _OWNED:
            return j + 1 < n and sent.at("family", j + 1)
        return j < n and (sent.at("respondent", j) or sent.at("respondent", j - 1))
    if (word in _EN_OBJECTS and sent.at("pronouns", j)) or word in ("me", "us"):
        return True
    if word in _OWNED:
        return j + 1 < n and sent.at("family", j + 1)
    return sent.at("respondent", j)
