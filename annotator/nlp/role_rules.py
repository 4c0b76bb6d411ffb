"""The rules that read a gang reference's role from its sentence (see role_cues.py for the cues).

A sentence is a list of tokens with, for each cue list, the token ranges where its cues stand.
The rules ask, in order: is the reference tied to a person by "is a", "identified as a" (the
holder of the label)? is the gang the agent of harm to the respondent's side ("threatened by
MS-13", "MS-13 killed his father", "fled from", "refused to join")? is it put on companions
("seen with known members")? is the sentence general prose? Failing all, a membership label is
taken to be about the respondent, as it mostly is in a case file, and a gang name is background.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.model import Role
from annotator.nlp.role_general import general_subclause, paired
from annotator.nlp.role_harm import (
    active_harm,
    acts_on_victim,
    harm_link,
    own_person,
    victim_near,
)
from annotator.nlp.role_marks import mark_owner
from annotator.nlp.role_sentence import Sentence, boundary, clause, crosses

HOLDER_REACH = 14
"""Tokens before a reference within which the person it labels is looked for."""
GLUE_MAX = 7
CHARGE_BEFORE = 8
"""Tokens before a gang that acts within which a charge is still about its reference."""
_GLUE = ("copula", "identify", "modifiers")
_PREPOSITIONS = frozenset("with to for from by of con a para de por".split())
_RELATIVE = frozenset("who whom whose which where que quien quienes cuyo cuya donde".split())


Previous = Callable[[Sentence], "Sentence | None"]


def decide(sent: Sentence, a: int, b: int, subtype: str, previous: Previous) -> Role:
    """The role of the reference at tokens a..b of `sent`; `previous` gives the sentence
    before one, for the context of a sentence that says too little by itself."""
    owner = mark_owner(sent, a, _glue)
    if owner:
        return Role.SUBJECT if owner == "R" else Role.THIRD_PARTY
    if subtype != "gang_database" and acts_on_victim(sent, a, b):
        return Role.PERSECUTOR  # "the 18th Street gang tried to recruit him"
    tie, holder = _holder(sent, a, b, subtype)
    link = harm_link(sent, a, b) if subtype != "gang_database" else ""  # a list harms no one
    victim = victim_near(sent, a, b)
    general = _general(sent, a, b)
    charged = _charged(sent, b, link) and (holder == "R" or (not holder and not general))
    if tie == "strong":
        if holder == "R":
            return Role.SUBJECT
        if holder == "P" or (
            holder == "T" and link == "after" and victim and _same_clause(sent, b)
        ):
            return Role.PERSECUTOR  # "the suspects were MS-13 members who had threatened him"
        if holder == "G" and link in ("after", "acts") and victim:
            return Role.PERSECUTOR  # "boys from the Barrio 18 started waiting for me"
        if holder == "T" and victim and _stranger(sent, a) and active_harm(sent, a, b):
            return Role.PERSECUTOR  # "sujetos pertenecientes a la MS ... a exigirle la renta"
        return Role.THIRD_PARTY if holder == "T" else Role.BACKGROUND
    if link not in ("flight", "agent") and holder not in ("P", "T") and not charged:
        if general_subclause(sent, a, b, subtype):
            return Role.BACKGROUND  # "explains that in 2020 Barrio 18 and MS-13 controlled"
        if not link and _named_first(sent, a, subtype) and paired(sent, a, b):
            return Role.BACKGROUND  # "18th Street and MS-13 have been present since I came"
        if not link and subtype.startswith("gang_name") and _territory_of(sent, a):
            return Role.BACKGROUND  # "la colonia El Milagro, zona de influencia de la MS-13"
    if link == "acts" and not victim:
        before = previous(sent)  # a narrative: "I had a tortilla shop. Then the Mara 18 came"
        link = "acts" if before is not None and victim_near(before, 0, 0) else ""
    if _associated(sent, a, b) and not link:
        if sent.any("respondent") or sent.any("pronouns") or sent.any("others"):
            return Role.THIRD_PARTY
        if _associated(sent, a, b, verb=True):
            return Role.THIRD_PARTY  # a criterion: "[X] Associates with documented gang members"
        return Role.BACKGROUND
    if link and not charged:
        if victim:
            return Role.PERSECUTOR
        if general or _general_context(sent, previous):
            return Role.BACKGROUND
        before = previous(sent)
        told = before is not None and victim_near(before, 0, 0)
        return Role.PERSECUTOR if told or link != "after" else Role.BACKGROUND
    if charged:
        return Role.SUBJECT
    if holder == "P":
        return Role.PERSECUTOR
    if holder == "T":
        if general:
            return Role.BACKGROUND
        if victim and active_harm(sent, a, b):
            return Role.PERSECUTOR  # "interceptado por tres sujetos que dijeron ser de la MS"
        if _stranger(sent, a) and _harm_told_before(sent, previous):
            return Role.PERSECUTOR  # "dos sujetos abordaron la unidad ... Que los sujetos se
            # identificaron como miembros de la clica"
        return Role.THIRD_PARTY
    if holder == "G":
        return Role.BACKGROUND
    if subtype == "membership_label" and _acting_people(sent, a):
        return Role.THIRD_PARTY  # "a park frequented by MS-13 members"
    if holder == "R" and (subtype != "gang_name" or not _first_person_story(sent, a, b)):
        return Role.SUBJECT
    return _unattached(sent, a, b, subtype, previous)


_NEW_CLAUSE = (("y", "que"), ("and", "that"), ("e", "que"))


def _same_clause(sent: Sentence, b: int) -> bool:
    """The harm after a label is done in the label's clause ("MS-13 members who had
    threatened him"), not a coordinated one ("pertenecen a la pandilla y que ... obligaron a
    la victima": the court finds two facts)."""
    first = min((s for s, _ in sent.hits.get("harm", ()) if s >= b), default=b)
    pairs = zip(sent.tokens[b:first], sent.tokens[b + 1 : first], strict=False)
    return not any(pair in _NEW_CLAUSE for pair in pairs)


def labels_someone(sent: Sentence, a: int, b: int, subtype: str) -> bool:
    """The reference is put on a person as a label: tied by "is a" / "identified as", a mark's,
    a charge's, a negated label's or a form field's."""
    if mark_owner(sent, a, _glue) or _holder(sent, a, b, subtype)[0] == "strong":
        return True
    return _identifies(sent, a, b) or _denied(sent, a) or _field(sent, a) or sent.any("charge")


def _identifies(sent: Sentence, a: int, b: int) -> bool:
    """An identifying word in the sentence that puts a label on someone: not the verb whose
    object is a clause the reference opens ("I believed the gang would kill me")."""
    opener = _opener(sent, a) if _opens_clause(sent, a, b) else -1
    return any(
        not (s <= opener < e) and not _labels_another(sent, b, s, e)
        for s, e in sent.hits.get("identify", ())
    )


_OBJECT_BEFORE = frozenset("lo la le los las me nos".split())
_OBJECT_AFTER = frozenset("him her me us them".split())


def _labels_another(sent: Sentence, b: int, s: int, e: int) -> bool:
    """An identifying verb after the reference with its own object ("Los Tejados 18, que ya
    lo considera un desertor", "MS-13 considers him a traitor"): the gang is the one that
    labels, not the label."""
    if s < b:
        return False
    if sent.tokens[s - 1] in _OBJECT_BEFORE:
        return True
    return e < len(sent.tokens) and sent.tokens[e] in _OBJECT_AFTER


_THAT = frozenset(("that", "que"))


def _opener(sent: Sentence, a: int) -> int:
    """Where the identifying verb stands whose object the reference at a may begin, past an
    article and "that" ("believed that the", "considered the"), or -1."""
    k = a - 1
    while k >= 0 and a - k <= 3 and (sent.tokens[k] in _THAT or sent.tokens[k] in _DETERMINERS):
        k -= 1
    return k if k >= 0 and sent.at("identify", k) else -1


def _opens_clause(sent: Sentence, a: int, b: int) -> bool:
    """The reference is the subject of a clause of its own, the object of an identifying verb
    before it: "I believed the gang would kill me", "considered the clique had threatened".
    Not the complement the verb labels someone with ("believed to be a gang member", "known
    as", "is a known gang member", "was considered a member of the gang")."""
    k = _opener(sent, a)
    if k < 0 or sent.tokens[k] in _AS:
        return False
    if k > 0 and (sent.tokens[k - 1] in _DETERMINERS or sent.at("copula", k - 1)):
        return False  # "a known MS-13 member", "is considered the leader"
    j = b
    while j < len(sent.tokens) and j - b < 3 and sent.at("adverbs", j):
        j += 1  # "the gang would later kill me"
    if j >= len(sent.tokens) or any(sent.at(n, j) for n in (*_GLUE, "speech", "entry")):
        return False
    return sent.at("clause_verbs", j) or sent.at("harm", j) or sent.at("acts", j)


def _charged(sent: Sentence, b: int, link: str) -> bool:
    """A charge in the sentence the respondent may face. Not one after a gang the respondent
    acts against: "a complaint filed by FUNEZ against MS-13 members for extortion" charges
    the gang."""
    flights = sent.hits.get("flight", ())
    charges = [  # "el hecho se atribuye a la 18": the deed is put on the gang, not a charge
        (s, e) for s, e in sent.hits.get("charge", ()) if not any(f <= s < g for f, g in flights)
    ]
    if link == "flight":
        return any(s < b for s, _ in charges)
    if link in ("acts", "after"):  # not "X was arrested, accused of ..., and then MS-13 told her"
        return any(s >= b or b - s <= CHARGE_BEFORE for s, _ in charges)
    return bool(charges)


def _unattached(sent: Sentence, a: int, b: int, subtype: str, previous: Previous) -> Role:
    """A reference no person is tied to in its sentence."""
    general = _general(sent, a, b)
    victim = victim_near(sent, a, b)
    if not general and victim and (_deed_in(sent, a, b) or sent.any("flight")):
        return Role.PERSECUTOR
    if subtype == "gang_database" and _searched_for(sent, a, b):
        return Role.SUBJECT  # "a gang database check ... for this applicant"
    if general:
        return Role.BACKGROUND
    if subtype == "gang_database" and not _holder(sent, a, b, subtype)[1]:
        # an entry in it ("forwarded for entry into the gang database"), or the database itself
        # ("TxGANG is an intelligence system; an entry is not evidence": another clause)
        c0, c1 = clause(sent, a, b)
        entry = any(c0 <= s < c1 for s, _ in sent.hits.get("entry", ()))
        return Role.SUBJECT if entry else Role.BACKGROUND
    if _identified_other(sent, a):
        return Role.THIRD_PARTY
    if _field(sent, a) or _denied(sent, a) or _identifies(sent, a, b):
        return Role.SUBJECT
    if subtype == "gang_name" and _first_person_story(sent, a, b):
        return Role.PERSECUTOR
    if sent.any("respondent") or _own_first_person(sent) or sent.any("pronouns"):
        return Role.SUBJECT
    if _general_context(sent, previous):
        return Role.BACKGROUND
    if subtype == "membership_label" and not _plural_label(sent, a, b, previous):
        return Role.SUBJECT
    return Role.BACKGROUND  # "La informacion de pandilleros en el Sistema ...": nobody's


def _plural_label(sent: Sentence, a: int, b: int, previous: Previous) -> bool:
    """A label in the plural ("pandilleros", "gang members") in a sentence that names nobody,
    after one that does not name the respondent: people in general, not the one respondent
    ("Tampoco aparece en el censo de pandilleros" after "la senora MARTINEZ no posee
    antecedentes" is still hers)."""
    word = sent.raw[b - 1]
    if not (word.islower() and word.endswith("s") and len(word) > 4):
        return False
    if any(sent.any(name, (a, b)) for name in _HOLDER_LISTS):
        return False
    before = previous(sent)
    return before is None or not (before.any("respondent") or before.any("pronouns"))


_TERRITORY = frozenset(
    "zona zonas area areas territorio territorios territory territories sector sectores region "
    "plaza turf".split()
)
_SWAY = frozenset("influencia influence control dominio presencia presence".split())


def _territory_of(sent: Sentence, a: int) -> bool:
    """The gang is named as the owner of a place: "zona de influencia de la MS-13", "an area
    of influence of Barrio 18", "territorio de la 18": the place is described, nobody labelled."""
    k = a - 1
    while k >= 0 and sent.tokens[k] in _DETERMINERS:
        k -= 1
    if k < 1 or sent.tokens[k] not in _OF:
        return False
    k -= 1
    if sent.tokens[k] in _SWAY:
        k -= 1
        if k >= 1 and sent.tokens[k] in _OF:
            k -= 1
    return k >= 0 and sent.tokens[k] in _TERRITORY


def _named_first(sent: Sentence, a: int, subtype: str) -> bool:
    """The reference opens with a gang's name: a name, or a label like "Barrio 18 both
    recruit" that begins with one."""
    if subtype.startswith("gang_name"):
        return True
    raw = sent.raw[a]
    named = any(c.isdigit() for c in raw) or (raw[:1].isupper() and not sent.at("field", a))
    return subtype == "membership_label" and named and a > 0


PREVIOUS_TOLD = 2
"""Sentences back within which the harm a definite "the men" / "los sujetos" did is told."""


def _harm_told_before(sent: Sentence, previous: Previous) -> bool:
    """Harm done to the respondent's side in one of the sentences just before: "los sujetos"
    are the ones who did it."""
    before: Sentence | None = sent
    for _ in range(PREVIOUS_TOLD):
        before = previous(before)
        if before is None:
            return False
        if before.any("harm") and victim_near(before, 0, 0):
            return True
    return False


DATABASE_REACH = 8
"""Tokens after a gang database within which the respondent it was searched for is named."""


def _searched_for(sent: Sentence, a: int, b: int) -> bool:
    """A gang database with the respondent named after it in its clause, as the one it was
    searched for or shows: "No gang database record found for applicant", "printout
    regarding Subject", "una impresión de la base de datos de pandillas donde aparece su
    cliente". Not the respondent as an owner of someone else ("the respondent's expert")."""
    return any(
        b <= s <= b + DATABASE_REACH
        and not crosses(sent, b, s)
        and not sent.raw[e - 1].lower().endswith("'s")
        and not _possessed(sent, s, e)
        for s, e in sent.hits.get("respondent", ())
    )


def _stranger(sent: Sentence, a: int) -> bool:
    """The label's holder is someone the account does not know ("unos sujetos pertenecientes
    a", "two men from the"), just before it."""
    return any(
        e <= a and a - e <= 4 and not crosses(sent, e, a) for _, e in sent.hits.get("strangers", ())
    )


def _deed_in(sent: Sentence, a: int, b: int) -> bool:
    """Harm in the sentence outside the reference, not an English noun after an article ("a
    known MS-13 member and the target of the operation")."""
    return any(
        not (a <= s < b)
        and not (sent.language == "en" and s > 0 and sent.tokens[s - 1] in ("the", "a", "an"))
        for s, _ in sent.hits.get("harm", ())
    )


def _identified_other(sent: Sentence, a: int) -> bool:
    """The identifying words before the reference follow someone else: "and Elder MATUTE,
    alias "el Pelón", known in the sector as a hitman of the 18"."""
    before = [s for s, e in sent.hits.get("identify", ()) if e <= a and not crosses(sent, e, a)]
    return bool(before) and _holder(sent, before[-1], before[-1] + 1, "membership_label")[1] == "T"


def _first_person_story(sent: Sentence, a: int, b: int) -> bool:
    """A gang named in the respondent's own account, not as a label: "the police could not
    protect us because the Mara Salvatrucha controls the neighbourhood"."""
    if paired(sent, a, b):
        return False  # "18th Street and MS-13 have been present since before I arrived"
    if not sent.any("first_person", (a, b)) or _denied(sent, a):
        return False
    return not _identifies(sent, a, b)


def _own_first_person(sent: Sentence) -> bool:
    """A first-person word of the declarant's own side, not an author's ("in my training")."""
    return any(own_person(sent, k) for k, _ in sent.hits.get("first_person", ()))


def _denied(sent: Sentence, a: int) -> bool:
    """A negation just before the reference: "no gang affiliation", "denied being a"."""
    return any(a - 4 <= s < a for s, _ in sent.hits.get("denial", ()))


_HOLDERS = (
    ("respondent", "R"),
    ("first_person", "R"),
    ("pronouns", "R"),
    ("family", "T"),
    ("others", "T"),
    ("withheld_people", "T"),
    ("assailants", "P"),
    ("generic_people", "G"),
)


def _holder(sent: Sentence, a: int, b: int, subtype: str) -> tuple[str, str]:
    """The person the reference labels: ("strong" | "weak" | "", "R" respondent | "T" someone
    else | "P" an assailant | "G" people in general | ""). A gang's name labels someone only
    when tied to them ("his cousin is MS-13"); a label ("member") labels whoever is nearest."""
    hidden = _relative_clauses(sent, a)
    refs = [
        (e, s, kind, name)
        for name, kind in _HOLDERS
        for s, e in sent.hits.get(name, ())
        if e <= a
        and a - e - _hidden_in(hidden, e, a) <= HOLDER_REACH
        and not _inside(hidden, s)
        and (name != "first_person" or own_person(sent, s))  # not "in my opinion, he is a"
        and not _names_the_label(sent, s, e, a)
        and not (name == "pronouns" and _harmed(sent, s, e))
    ]
    refs = [(e, s, "P" if _passive_agent(sent, s) else kind, n) for e, s, kind, n in refs]
    labelled = _object_relative(sent, a)
    if labelled >= 0:  # "Luis Carcamo, whom DHS describes as a Florencia 13 member"
        before = [r for r in refs if r[0] <= labelled]
        kind = max(before)[2] if before else "T"
        return "strong", "R" if kind == "R" else "T"
    opened = _open_relative(sent, a)
    if opened >= 0:
        antecedent = _antecedent(sent, opened)
        if antecedent is not None:  # "un vecino, NAME, quien ... es miembro activo de"
            tied = a - opened <= GLUE_MAX and all(_glue(sent, k) for k in range(opened + 2, a))
            return "strong" if tied else "weak", antecedent[2]
    if _passive_by(sent, a):
        return "weak", "P"
    if not refs:
        return "", ""
    nearest = _reduced_relative(sent, max(refs), refs)
    end, start, kind, name = _head(sent, nearest, refs)
    if name == "pronouns" and any(r[0] == end and r[2] == "T" for r in refs):
        kind = "T"  # "his cousin": the possessive names the cousin's owner, not the holder
    if _possessed(sent, start, end) or (kind == "R" and _named_kin(sent, start)):
        kind = "T"
    if kind == "G" and _some_of(sent, start):
        kind = "T"  # "four of the boys in the group were former members": those boys
    if kind == "T" and _joined_to_respondent(sent, start, refs):
        kind = "R"  # "she or her son had ever been involved with any gang": both, her first
    between = [k for k in range(nearest[0], a) if not _inside(hidden, k)]
    if crosses(sent, nearest[0], a):
        return "", ""
    strong = len(between) <= GLUE_MAX and all(_glue(sent, k) for k in between)
    if strong and _opens_clause(sent, a, b):
        strong = False  # "I believed the gang would kill me": the gang is the clause's subject
    if strong:
        return "strong", kind
    if subtype == "gang_name" and kind in ("T", "R"):
        return "", ""
    return "weak", kind


_SUBJECT_PRONOUNS = frozenset("he she i we they".split())
_ANYONE = frozenset("anyone anybody".split())


def _reduced_relative(sent: Sentence, ref: Ref, refs: list[Ref]) -> Ref:
    """ "someone he said was a documented gang member", "the man she lived with ... was the
    one who was a gang member": an English person word followed at once by a subject pronoun
    opens a relative clause without "who"; the label is the person word's, not the pronoun's."""
    end, start = ref[0], ref[1]
    if sent.language != "en" or sent.tokens[start] not in _SUBJECT_PRONOUNS or start == 0:
        return ref
    if sent.tokens[start - 1] in _ANYONE:
        return ref  # "never seen him spend time with anyone I know to be involved with a gang"
    before = [r for r in refs if r[0] == start and r[3] in ("others", "family", "generic_people")]
    if not before or end >= len(sent.tokens) or not sent.raw[end].isalpha():
        return ref
    return (before[0][0], before[0][1], "T", before[0][3])


_AGENT_BY = frozenset(("by", "por"))
_AS = frozenset(("as", "como"))
_SKIPPED = frozenset("the a an el la los las un una unos unas his her their my su sus mi".split())


def _by_before(sent: Sentence, s: int) -> int:
    """Where the "by" / "por" stands that the person word at s follows ("by the applicant",
    "por unos sujetos", "by two youths"), or -1."""
    k = s - 1
    while k >= 0 and s - k <= 3 and _before_person(sent, k):
        k -= 1
    return k if k >= 0 and sent.tokens[k] in _AGENT_BY else -1


def _before_person(sent: Sentence, k: int) -> bool:
    """An article, a number or an adjective before a person word ("by two young men")."""
    word = sent.tokens[k]
    return word in _SKIPPED or word.isdigit() or (word.isalpha() and word not in _AGENT_BY)


def _names_the_label(sent: Sentence, s: int, e: int, a: int) -> bool:
    """The person is who put the label on someone, not its holder: "was described by the
    applicant as a gang member", "identified by neighbours as pandilleros"."""
    by = _by_before(sent, s)
    if by < 1 or not any(sent.at(name, by - 1) for name in ("identify", "speech")):
        return False
    return any(sent.tokens[k] in _AS for k in range(e, a)) and not crosses(sent, e, a)


def _harmed(sent: Sentence, s: int, e: int) -> bool:
    """An object pronoun right after a harm ("the men who assaulted her"): the victim, not
    the one the label that follows is put on."""
    return (
        s > 0
        and sent.tokens[s] in _OBJECT_PRONOUNS
        and sent.at("harm", s - 1)
        and not (e < len(sent.tokens) and sent.at("family", e))
    )


_OBJECT_PRONOUNS = frozenset("him her".split())


def _passive_agent(sent: Sentence, s: int) -> bool:
    """People who did something to the respondent's side, named as the agent of a passive:
    "he was approached ... by youths who identified themselves as members of", "fue abordado
    por unos sujetos": they are the assailants."""
    by = _by_before(sent, s)
    return by >= 0 and not crosses(sent, by, s) and _passive_before(sent, by)


def _passive_by(sent: Sentence, a: int) -> bool:
    """The label is the agent of a passive itself: "she was approached by members of the
    clica known as the Little Psycho Criminals"."""
    for k in range(a - 1, max(-1, a - 9), -1):
        if sent.tokens[k] in _AGENT_BY:
            between = range(k + 1, a)
            others = [j for j in between if not any(sent.at(n, j) for n in (*_GLUE, "agent"))]
            return len(others) <= 1 and not crosses(sent, k, a) and _passive_before(sent, k)
    return False


def _passive_before(sent: Sentence, by: int) -> bool:
    """A passive deed before the "by" at `by`, with someone of the respondent's side as its
    subject ("he was approached ... by")."""
    for k in range(by - 1, 0, -1):
        if boundary(sent, k):
            return False
        if sent.at("copula", k - 1) and _deed(sent, k):
            if sent.language == "es" and sent.at("harm", k) and _unnamed_subject(sent, k - 1):
                return True  # "fue agredida por el y por otros miembros de la pandilla"
            return victim_near(sent, -1, -1) and any(
                e <= k - 1
                for name in ("respondent", "pronouns", "first_person", "family")
                for _, e in sent.hits.get(name, ())
            )
    return False


def _unnamed_subject(sent: Sentence, k: int) -> bool:
    """A Spanish passive with its subject left out ("fue golpeada"): nobody is named before
    the copula at k, so it is the one the account is about."""
    return not any(s < k for name in _HOLDER_LISTS for s, _ in sent.hits.get(name, ()))


def _deed(sent: Sentence, k: int) -> bool:
    """A participle of something done to a person ("approached", "abordado"), not of naming
    ("described", "identificado")."""
    if any(sent.at(name, k) for name in ("identify", "speech", "entry", "copula")):
        return False
    return sent.at("harm", k) or sent.at("acts", k) or sent.tokens[k].endswith(_PARTICIPLES)


_PARTICIPLES = ("ed", "ado", "ada", "ido", "ida", "ados", "idos")


_WHO = frozenset("who quien quienes que".split())
_OBJECT_WHO = frozenset("whom".split())
_A_WHO = frozenset("quien quienes".split())
RELATIVE_REACH = 9
"""Tokens between an object relative ("whom", "a quien") and the label it is given."""


def _object_relative(sent: Sentence, a: int) -> int:
    """Where an object relative stands whose clause labels its antecedent with the reference
    ("Luis Carcamo, whom DHS describes as a Florencia 13 member", "un joven conocido como el
    Pelon, a quien el denunciante identifica como marero"), or -1. The clause's own subject
    (DHS, el denunciante) is the one who labels, not the one labelled."""
    for k in range(a - 1, max(-1, a - RELATIVE_REACH - 1), -1):
        if boundary(sent, k):
            return -1
        word = sent.tokens[k]
        if word in _OBJECT_WHO or (word in _A_WHO and k > 0 and sent.tokens[k - 1] == "a"):
            verb = any(k < s < a for s, _ in sent.hits.get("identify", ()))
            return k if verb and not crosses(sent, k, a) else -1
    return -1


def _open_relative(sent: Sentence, a: int) -> int:
    """Where the ", who" / ", quien" clause that holds the reference opens (its comma), or -1."""
    commas = [k for k in sent.commas if k < a]
    if not commas:
        return -1
    k = commas[-1]
    if k + 1 < a and sent.tokens[k + 1] in _WHO and not crosses(sent, k, a):
        return k
    return -1


def _antecedent(sent: Sentence, start: int) -> Ref | None:
    """The person a ", who ... " / ", quien ... " clause holding the label is about: the
    person word before the clause, past a name in apposition ("un vecino de la misma cuadra,
    Jonathan Ariel RAPALO, quien fue detenido y ... es miembro activo de la Pandilla 18")."""
    before = [
        (e, s, "P" if _passive_agent(sent, s) else kind, name)
        for name, kind in _HOLDERS
        for s, e in sent.hits.get(name, ())
        if e <= start and start - e <= 10
    ]
    if not before:
        return None
    ref = max(before)
    if crosses(sent, ref[0], start):
        return None
    return ref if ref[2] in ("T", "P", "G") else None


_DETERMINERS = frozenset("the a an el la los las un una".split())
_HOLDER_LISTS = tuple(name for name, _ in _HOLDERS)


def _after_person(sent: Sentence, k: int) -> bool:
    """A person word ends at token k (the comma after it opens an apposition)."""
    return k in sent.ends(_HOLDER_LISTS)


Ref = tuple[int, int, str, str]
"""A person word before a reference: (end, start, holder kind, cue list)."""


def _head(sent: Sentence, ref: Ref, refs: list[Ref]) -> Ref:
    """ "the father of my children": the person the phrase is about is the first one."""
    start = ref[1]
    k = start - 1
    if k > 0 and sent.tokens[k] in _POSSESSIVES:
        k -= 1
    if k > 0 and sent.tokens[k] in ("of", "de", "del"):
        owner = [r for r in refs if r[0] == k and r[3] in ("family", "others")]
        if owner:
            return owner[0]
    return ref


_POSSESSIVES = frozenset("my his her their our the a mi su sus la el los las".split())


Stretches = list[tuple[int, int]]
"""Token ranges [start, end), in order and apart."""


def _inside(stretches: Stretches, k: int) -> bool:
    return any(s <= k < e for s, e in stretches)


def _hidden_in(stretches: Stretches, start: int, end: int) -> int:
    """How many tokens of [start, end) the stretches cover."""
    return sum(max(0, min(e, end) - max(s, start)) for s, e in stretches)


def _relative_clauses(sent: Sentence, a: int) -> Stretches:
    """The ", who ... ," clauses and ", the ... ," appositions before the reference: "The
    father of my children, who I have not seen in years, was a member" labels the father, not
    "I"; "Mi exesposo, el papá de Marvin, estuvo en la MS-13" labels the former husband."""
    hidden: Stretches = []
    commas = [k for k in sent.commas if k < a]
    for n, k in enumerate(commas[:-1]):
        if (hidden and k < hidden[-1][1]) or k + 1 >= a:
            continue
        following = sent.tokens[k + 1]
        if following in _PREPOSITIONS and k + 2 < a and sent.tokens[k + 2] in _RELATIVE:
            following = sent.tokens[k + 2]  # ", with whom you shared an apartment,"
        if following in _COMPLEMENTIZERS and not _after_person(sent, k):
            continue  # "Se hace constar, asimismo, que su cunado ...": not a relative clause
        if following in _RELATIVE or (following in _DETERMINERS and _after_person(sent, k)):
            hidden.append((k, commas[n + 1] + 1))
    return hidden


_COMPLEMENTIZERS = frozenset(("que", "that"))
_PARTITIVE = frozenset("the those these los las esos esas estos estas".split())


def _some_of(sent: Sentence, start: int) -> bool:
    """People in general made particular: "two of those boys", "tres de los jovenes"."""
    return start >= 2 and sent.tokens[start - 1] in _PARTITIVE and sent.tokens[start - 2] in _OF


_OF = frozenset("of de".split())
_CONJUNCTIONS = frozenset("or and nor ni o y e".split())


def _joined_to_respondent(sent: Sentence, start: int, refs: list[Ref]) -> bool:
    """The person word is the second of a pair whose first is the respondent: "she or her
    son", "ni ella ni su esposo"."""
    k = start - 1
    if k >= 0 and sent.tokens[k] in _POSSESSIVES:
        k -= 1
    if k < 1 or sent.tokens[k] not in _CONJUNCTIONS:
        return False
    return any(r[0] == k and r[2] == "R" for r in refs)


_SELF = frozenset("i me my we us our".split())


def _named_kin(sent: Sentence, start: int) -> bool:
    """ "his brother, JOSE ESCOBAR LUNA,": a name given to a kin or other-person word (a
    brother shares the respondent's surname)."""
    k = start
    while k > 0 and start - k < 4 and sent.raw[k - 1][:1].isupper() and sent.raw[k - 1].isalpha():
        k -= 1
    if sent.tokens[start] in _SELF or (k == start and not sent.raw[start][:1].isupper()):
        return False  # no name given: "somebody says I am", "my brother"
    if k > 0 and sent.tokens[k - 1] == ",":
        k -= 1
    ends = {k}
    if k > 0 and sent.raw[k - 1].isalpha() and sent.raw[k - 1].islower():
        ends.add(k - 1)  # "su hermano menor, Rigoberto SERRANO,": an adjective after the kin
    return any(e in ends for name in ("family", "others") for _, e in sent.hits.get(name, ()))


def _possessed(sent: Sentence, start: int, end: int) -> bool:
    """ "the subject's cousin": a respondent word owning a kin or other-person word."""
    return (
        end < len(sent.tokens)
        and sent.raw[end - 1].lower().endswith("'s")
        and any(
            s == end or (s == end + 1 and _adjective(sent, end))  # "Mynor's older cousin"
            for name in ("family", "others")
            for s, _ in sent.hits.get(name, ())
        )
    )


def _adjective(sent: Sentence, k: int) -> bool:
    """A lower-case word that is no person, cue of harm or link: "older", "younger"."""
    raw = sent.raw[k]
    return raw.isalpha() and raw.islower() and not any(sent.at(n, k) for n in _HOLDER_LISTS)


def _glue(sent: Sentence, k: int) -> bool:
    """Token k may stand between a person and the label it takes: "is a known", ", an", and
    the adverbs and negations of a verb that ties ("has never been a", "no es")."""
    if sent.tokens[k] == "," or any(sent.at(name, k) for name in _GLUE):
        return True
    if sent.tokens[k] == '"' and k > 0 and any(sent.at(name, k - 1) for name in _GLUE):
        return True  # 'listed as a "colaboradora"', not 'told him "the MS runs this school"'
    while k < len(sent.tokens) and (sent.at("adverbs", k) or sent.at("denial", k)):
        k += 1
    return k < len(sent.tokens) and (sent.at("copula", k) or sent.at("identify", k))


def _associated(sent: Sentence, a: int, b: int = -1, verb: bool = False) -> bool:
    """ "seen with known MS-13 members": the label is on the companions. With `verb`, only
    when a verb of keeping company says so ("associating with", "seen with", "observed
    with"), not a bare "with" ("the problem with gangs")."""
    for s, e in sent.hits.get("association", ()):
        near = e <= a and a - e <= 3 and all(_glue(sent, k) for k in range(e, a))
        # the reference holds it, and names people: "Associates with documented gang members"
        held = a <= s and e < b and _people_at_end(sent, b)
        if (near or held or _companion_named(sent, e, a)) and (
            not verb or _company_verb(sent, s, e)
        ):
            return True
    return False


COMPANION_REACH = 8


def _companion_named(sent: Sentence, e: int, a: int) -> bool:
    """The companion is named, then labelled in apposition: "visto junto a alias "el Grenas",
    miembro activo de la clica", "seen with Kevin ORTIZ, a known member"."""
    if not (e < a <= e + COMPANION_REACH) or sent.tokens[a - 1] != ",":
        return False
    if any(e <= s < a for s, _ in sent.hits.get("respondent", ())):
        return False
    named = False
    for k in range(e, a - 1):
        raw = sent.raw[k]
        if raw[:1].isupper() and raw.isalpha():
            named = True
        elif not (_glue(sent, k) or raw == '"' or sent.tokens[k] in _SKIPPED):
            return False
    return named


def _people_at_end(sent: Sentence, b: int) -> bool:
    """The reference ends with people in the plural ("gang members", "pandilleros"), not a
    gang ("MS-13", "gangs")."""
    word = sent.raw[b - 1]
    return word.islower() and word.endswith("s") and not sent.at("gang_plural", b - 1)


def _company_verb(sent: Sentence, s: int, e: int) -> bool:
    """The association cue at s..e is a verb of keeping company, or follows one: "associating
    with", "Associates with", "seen with", "photographed with"."""
    if e - s > 1:
        return sent.tokens[s] not in _MEMBERSHIP_WITH
    return s > 0 and sent.tokens[s - 1] in _COMPANY


_MEMBERSHIP_WITH = frozenset("associated affiliated involved linked".split())
"""Before "with", a tie to a gang itself, not company kept ("associated with MS-13")."""
_COMPANY = frozenset(
    "seen observed photographed stopped contacted encountered arrested detained found standing "
    "associates associating visto vista detenido detenida".split()
)


def _acting_people(sent: Sentence, a: int) -> bool:
    """A label naming people who do something, not harm: "a park frequented by MS-13 members"
    (the label is on them)."""
    by = any(sent.tokens[k] in _BY for k in range(max(0, a - 2), a))
    return by and not any(he <= a and a - he <= 6 for _, he in sent.hits.get("harm", ()))


_BY = frozenset(("by", "por"))


def _general(sent: Sentence, a: int, b: int) -> bool:
    """General prose: country conditions, statistics, gangs in the plural, with nobody of the
    respondent's side in the reference's clause."""
    c0, c1 = clause(sent, a, b)

    def within(name: str) -> bool:
        return any(c0 <= s < c1 and not (a <= s < b) for s, _ in sent.hits.get(name, ()))

    if any(within(name) for name in ("pronouns", "family")):
        return False
    if any(c0 <= s < c1 and not _owner(sent, s) for s, _ in sent.hits.get("respondent", ())):
        return False
    if any(c0 <= k < c1 and own_person(sent, k) for k, _ in sent.hits.get("first_person", ())):
        return False
    plural = any(s < b and e > a for s, e in sent.hits.get("gang_plural", ()))
    return plural or within("background") or within("generic_people")


def _owner(sent: Sentence, k: int) -> bool:
    """The respondent named only as an owner ("the residence of the subject", "la zona de
    residencia del investigado"): general prose may mention where the respondent lives."""
    return sent.tokens[k] == "del" or (k > 0 and sent.tokens[k - 1] in ("of", "de"))


def _general_context(sent: Sentence, previous: Previous) -> bool:
    """The sentence before is general prose: a reference with nobody in its own sentence
    carries on the same topic."""
    before = previous(sent)
    if before is None or not before.tokens:
        return False
    return _general(before, 0, 0) and (before.any("background") or before.any("gang_plural"))


def _field(sent: Sentence, a: int) -> bool:
    """A form field naming the respondent's own classification: "Status: Gang Associate"."""
    return a >= 2 and sent.tokens[a - 1] == ":" and sent.any("field")
