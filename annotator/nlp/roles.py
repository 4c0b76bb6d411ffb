"""Who a gang reference is about: the respondent, the gang as persecutor, someone else, or
background.

An asylum file names gangs mostly as the persecutor ("MS-13 extorted her market stall"); a
removal file uses the same names to label the respondent ("a documented MS-13 associate"). The
role is read from the reference's sentence, with its neighbours for context, on a blank
pipeline (no parser): who is linked to the reference as the one it labels (the respondent, a
cousin, "students"), whether the gang is the agent of harm against the respondent or the family
("threatened by", "fled from", "refused to join"), a criminal charge the respondent faces, and
the marks of general prose (countries, statistics, "gangs" in the plural). The cue words are
data, `models/roles/roles.<lang>.json`, loaded by role_cues.py (see `RoleCues` for what each list
means); role_names.py finds the respondent's name on the page.

Only gang references get a role; a page's sentences are read once however many references they
hold, so the cost is a few dozen dictionary look-ups per sentence that has one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from annotator.core.model import Role
from annotator.nlp.normalize import fold_phrase
from annotator.nlp.role_cues import TOKEN, RoleCues
from annotator.nlp.role_names import (
    Relation,
    clitic_holders,
    in_capitals,
    introduced_names,
    kin_entries,
    learn_names,
    learn_relation,
    listed_sections,
    other_names,
    others_named,
    shared_name,
    titled_others,
)
from annotator.nlp.role_rules import decide, labels_someone
from annotator.nlp.role_sentence import Sentence

DECIDED_KEPT = 512
"""Roles kept for references read in the same words on an earlier page."""
_DECIDED: dict[tuple[object, ...], Role] = {}

NAME_REACH = 3000
"""Characters at the head of a page read for the respondent's name (forms give it at the top)."""


class RoleReader:
    """Decides the role of the gang references on one page of folded text."""

    second_opinion: Callable[..., Role] | None = None
    """Called with (reader, start, end, s_start, s_end, subtype, role) after the rules have
    decided `role`, returns the role to show (the trained classifier, role_model.py, which the
    detector sets). The rules' own bookkeeping keeps their role."""

    def __init__(
        self,
        cues: RoleCues,
        text: str,
        page_text: str = "",
        carried: frozenset[str] = frozenset(),
        own: frozenset[str] | None = None,
    ) -> None:
        """`text` is the folded page text the spans point into; `page_text`, the page as
        extracted, with its line breaks, is where the respondent's name is read; `carried`, the
        respondent's name words as another page of the document gave them, for a page that
        gives none (page 2 of a declaration or a decision); `own`, the page's own name words
        if the caller has read them already (`page_names`)."""
        self.cues = cues
        self.carried = carried
        self.text = text
        self.page_text = page_text or text
        self._sentences: dict[tuple[int, int], Sentence] = {}
        self._decided: dict[int, list[tuple[int, Role]]] = {}
        """Per sentence, where each reference decided so far ends and its role."""
        self._names: frozenset[str] | None = (own or carried) if own is not None else None
        self._accused: bool | None = None
        self._relation: Relation | bool | None = False
        self._others: frozenset[str] | None = None
        self._other_surnames: frozenset[str] | None = None
        """The given names of the people other than the respondent the page names in full."""
        self._persecutors: list[frozenset[str]] = []
        """The words of each gang name read as the persecutor so far on the page."""
        self._listed: list[tuple[int, int]] | None = None

    @property
    def relation(self) -> Relation | None:
        """The page is a relative's declaration ("Soy la hermana de NAME, la solicitante")."""
        if self._relation is False:
            text = self.page_text[:NAME_REACH]
            folded = text if text.isascii() else fold_phrase(text)
            self._relation = learn_relation(folded, self.cues.relations)
        return self._relation if isinstance(self._relation, Relation) else None

    @property
    def names(self) -> frozenset[str]:
        """Words of the respondent's name as the page gives it ("Name: GARCIA-PEREZ, Jonathan")."""
        if self._names is None:
            self._names = page_names(self.cues, self.page_text, self.relation) or self.carried
        return self._names

    @property
    def others(self) -> frozenset[str]:
        """The given names of the people other than the respondent the page names in full."""
        if self._others is None:
            given, surnames = others_named(self.text, self.names)
            introduced = introduced_names(self.text, self.cues.people) if self.names else ()
            self._others = given | {w for w in introduced if w not in self.names}
            self._other_surnames = surnames
        return self._others

    @property
    def other_surnames(self) -> frozenset[str]:
        """The surnames of the people other than the respondent the page names in full."""
        if self._other_surnames is None:
            self.others  # noqa: B018 - computes both
        return self._other_surnames or frozenset()

    @property
    def accused(self) -> bool:
        """The page's form names the respondent as the accused ("Arrestee:", "Imputado:"):
        "the victim" there is someone else."""
        if self._accused is None:
            head = self.page_text[:NAME_REACH]
            self._accused = bool(self.cues.accused and self.cues.accused.search(head))
        return self._accused

    def role(self, start: int, end: int, s_start: int, s_end: int, subtype: str) -> Role:
        """The role of the reference at folded offsets start..end, in the sentence s_start..
        s_end (as the detector's sentencizer found it). A file's boilerplate repeats page after
        page: a reference read before in the same words, with the same sentence before it and
        the same respondent's name, takes the role it was given then."""
        decided = self._decided.setdefault(s_start, [])
        key = (
            self.cues,
            self.text[s_start:s_end],
            start - s_start,
            end - s_start,
            subtype,
            self._before(s_start),
            self.names,
            self.accused,
            self.relation,
            self.others,
            tuple(decided),
        )
        role = _DECIDED.get(key)
        if role is None:
            sent = self._sentence(s_start, s_end)
            a, b = sent.token_range(start, end)
            role = _attached(sent, a, decided) if subtype == "gang_name" else None
            role = role or decide(sent, a, b, subtype, self.previous)
            if len(_DECIDED) >= DECIDED_KEPT:
                _DECIDED.pop(next(iter(_DECIDED)))
            _DECIDED[key] = role
        role = self._same_persecutor(start, end, s_start, s_end, subtype, role)
        if role in (Role.SUBJECT, Role.BACKGROUND) and self._in_list_of_others(start):
            role = Role.THIRD_PARTY
        decided.append((end - s_start, role))
        if self.second_opinion is not None:
            role = self.second_opinion(self, start, end, s_start, s_end, subtype, role)
        return role

    def _in_list_of_others(self, start: int) -> bool:
        """The reference stands in a form's list of associated persons ("--- ASSOCIATED
        PERSONS --- 1. (b)(6) - Gang Member - ..."), or in an entry a kin or companion label
        opens ("3. Hermano: NAME. Perfilado como colaborador de la MS-13")."""
        if self._listed is None:
            headers = self.cues.associate_headers
            self._listed = listed_sections(self.page_text, self.text, headers, self.cues.fields)
            self._listed += kin_entries(self.page_text, self.text, self._kin_words)
        return any(s <= start < e for s, e in self._listed)

    @property
    def _kin_words(self) -> frozenset[str]:
        """Kin and companion words that may open a list entry, but the respondent's own kin in
        a relative's declaration ("Mi hijo: ...")."""
        if self.relation is not None:
            return self.cues.people - {"son", "hijo", "daughter", "hija"}
        return self.cues.people

    def _same_persecutor(
        self, start: int, end: int, s_start: int, s_end: int, subtype: str, role: Role
    ) -> Role:
        """A gang named again by a short form of a name read as the persecutor earlier on the
        page ("the Mara Salvatrucha" ... "the mara") stays the persecutor, unless its own
        sentence puts it on someone as a label."""
        words = frozenset(_name_words(self.text[start:end]))
        if role is Role.PERSECUTOR:
            self._persecutors.append(words)
        elif role is not Role.PERSECUTOR and self._persecutors:
            sent = self._sentence(s_start, s_end)
            a, b = sent.token_range(start, end)
            if _answer_naming(sent, a, b) or _the_members(sent, a, b, subtype, role):
                self._persecutors.append(words)
                return Role.PERSECUTOR
        if role is not Role.PERSECUTOR and subtype != "gang_database":
            sent = self._sentence(s_start, s_end)
            a, b = sent.token_range(start, end)
            before = self.previous(sent)
            if (subtype == "gang_name" and asked_who_they_are(sent, before, a, b)) or (
                answers_who_harmed(sent, before, a, b)
            ):
                self._persecutors.append(words)
                return Role.PERSECUTOR
        if (
            role is Role.SUBJECT
            and subtype == "gang_name"
            and words
            and any(words <= w for w in self._persecutors)
        ):
            sent = self._sentence(s_start, s_end)
            a, b = sent.token_range(start, end)
            if not labels_someone(sent, a, b, "gang_name"):
                return Role.PERSECUTOR
        return role

    def _before(self, start: int) -> str:
        """The text of the sentence before the one at `start` (what `previous` reads)."""
        lo = max(0, start - 400)
        return self.text[lo:start]

    def previous(self, sent: Sentence) -> Sentence | None:
        """The sentence before `sent` on the page (up to 400 characters back), if any."""
        lo = max(0, sent.start - 400)
        head = self.text[lo : sent.start].rstrip()
        if not head:
            return None
        cut = max(head.rfind(". ", 0, len(head) - 1), head.rfind("? "), head.rfind("! "))
        begin = lo + (cut + 2 if cut >= 0 else 0)
        return self._sentence(begin, lo + len(head))

    def _sentence(self, start: int, end: int) -> Sentence:
        key = (start, end)
        sent = self._sentences.get(key)
        if sent is None:
            sent = self._sentences[key] = self._read(start, end)
        return sent

    def _read(self, start: int, end: int) -> Sentence:
        raw, relative, tokens, hits = _tokens(self.cues, self.text[start:end])
        offsets = [start + o for o in relative]
        sent = Sentence(start, list(tokens), list(raw), offsets, self.cues.language)
        sent.hits = {name: list(found) for name, found in hits.items()}
        if self.accused and "victim_words" in sent.hits:
            victims = {h[0] for h in sent.hits["victim_words"]}
            respondent = sent.hits.get("respondent", [])
            sent.hits["respondent"] = [h for h in respondent if h[0] not in victims]
            sent.hits.setdefault("others", []).extend(sent.hits["victim_words"])
        if self.relation is not None:
            _relative_voice(sent, self.relation.kin_words)
        _not_the_subject(sent)
        names = self.names
        if names:
            named = [(k, k + 1) for k, t in enumerate(tokens) if t in names and raw[k][0].isupper()]
            if named:
                sent.hits.setdefault("respondent", []).extend(named)
        _withheld_names(sent)
        clitic_holders(sent)
        self._named_again(sent)
        self._role_word_of_other(sent)
        other_names(sent, names)
        titled_others(sent, names)
        if self.relation is None and self.cues.language == "en":
            self._narrator_kin(sent, start)
            self._question_and_answer(sent, start)
        return sent

    def _question_and_answer(self, sent: Sentence, start: int) -> None:
        """In questions and answers ("Q. And you knew he was a gang member?" "A. People said
        he was in the gang."), the respondent is "you" and "I": "he" and "she" are someone
        else, unless the page's name for the respondent stands in the sentence."""
        if not self._in_answers(sent, start):
            return
        if sent.tokens and sent.tokens[-1] == "?":  # "Do you know anyone who is a gang member?"
            anyone = [h for h in sent.hits.get("generic_people", ()) if sent.tokens[h[0]] in _ANY]
            if anyone:
                sent.hits["generic_people"] = [
                    h for h in sent.hits["generic_people"] if h not in anyone
                ]
                sent.hits.setdefault("others", []).extend(anyone)
        if not sent.hits.get("pronouns"):
            return
        names = self.names
        if any(t in names for t in sent.tokens):
            return
        sent.hits.setdefault("others", []).extend(sent.hits.pop("pronouns"))

    def _in_answers(self, sent: Sentence, start: int) -> bool:
        """The sentence, or the one before it, opens with a question or answer mark."""
        if _qa_mark(sent.tokens):
            return True
        lo = max(0, start - 400)
        head = self.text[lo:start]
        cut = max(head.rfind(". ", 0, max(0, len(head) - 2)), head.rfind("? "), head.rfind("! "))
        before = head[cut + 2 :] if cut >= 0 else head
        if cut >= 1 and head[cut - 1] in "QAPR" and (cut < 2 or not head[cut - 2].isalnum()):
            return True  # "A. Only the boyfriend of ... ." : the cut fell on the mark's period
        return _qa_mark(_tokens(self.cues, before.strip())[2])

    def _narrator_kin(self, sent: Sentence, start: int) -> None:
        """In the respondent's own account ("my cousin Rigoberto ... Later he moved to
        Ilopango"), "he" and "she" are someone else: the respondent is "I". Read so when the
        sentence, or the one before, has the narrator's own kin ("my cousin", "our father")
        and names no respondent."""
        if not sent.hits.get("pronouns") or sent.hits.get("respondent"):
            return
        lo = max(0, start - 400)
        head = self.text[lo:start]
        cut = max(head.rfind(". ", 0, max(0, len(head) - 2)), head.rfind("? "), head.rfind("! "))
        before = head[cut + 2 :] if cut >= 0 else head
        if not (_own_kin(sent.hits) or _own_kin(_tokens(self.cues, before)[3])):
            return
        if _tokens(self.cues, before)[3].get("respondent"):
            return
        sent.hits.setdefault("others", []).extend(sent.hits.pop("pronouns"))

    def _named_again(self, sent: Sentence) -> None:
        """Someone the page names in full ("Franklin ORELLANA BUESO") and here by the given
        name alone ("Franklin trabaja como albanil") is still someone else."""
        others = self.others
        if not others:
            return
        taken = {k for s, e in sent.hits.get("respondent", ()) for k in range(s, e)}
        again = [
            (k, k + 1)
            for k, t in enumerate(sent.tokens)
            if t in others and sent.raw[k][0].isupper() and k not in taken
        ]
        if again:
            sent.hits.setdefault("others", []).extend(again)

    def _role_word_of_other(self, sent: Sentence) -> None:
        """ "el imputado BANEGAS-FLORES", "the subject PAREDES": a role word the respondent is
        usually called by, before the surname of someone else the page names in full, is that
        person's; and that surname in capitals opening a sentence is its subject ("DUBON is
        known to this officer as ...")."""
        surnames = self.other_surnames
        if not self.names:
            return
        if sent.raw and sent.raw[0].isupper() and sent.tokens[0] in surnames:
            # "DUBON is known to this officer as an MS-13 associate": the clause's subject
            sent.hits.setdefault("others", []).append((0, 1))
        respondent = sent.hits.get("respondent")
        if not respondent:
            return
        capitals = in_capitals(sent.raw)
        named = [
            (h, h[1])
            for h in respondent
            if h[1] < len(sent.tokens)
            and sent.tokens[h[0]] not in self.names  # a role word, not the respondent's name
            and sent.raw[h[1]].isupper()
            and (
                sent.tokens[h[1]] in surnames
                or (not capitals and _surname_in_capitals(sent.raw[h[1]], self.names))
            )  # "el imputado ARGUETA MEZA"
        ]
        if named:
            taken = {h for h, _ in named}
            sent.hits["respondent"] = [h for h in respondent if h not in taken]
            others = sent.hits.setdefault("others", [])
            others.extend(h for h, _ in named)
            others.extend((k, k + 1) for _, k in named)


_NOT_SURNAMES = frozenset("dob name alias date file status number sex race".split())


def _surname_in_capitals(raw: str, names: frozenset[str]) -> bool:
    """A surname in capitals after a role word that is not one of the respondent's names (nor
    one of them broken at a line end: "ALVAR-ADO")."""
    word = raw.lower()
    return (
        len(word) >= _SURNAME_MIN
        and word.replace("-", "").isalpha()
        and not shared_name(word, names)
        and word not in _NOT_SURNAMES
    )


_SURNAME_MIN = 4


def page_names(cues: RoleCues, page_text: str, relation: Relation | None = None) -> frozenset[str]:
    """The respondent's name words as this page's forms, titles or relative's declaration
    give them (`relation`: the page's, if it is known already)."""
    text = page_text[:NAME_REACH]
    folded = text if text.isascii() else fold_phrase(text)
    if relation is None:
        relation = learn_relation(folded, cues.relations)
    if relation is not None:
        return relation.names  # not the declarant's, in the title
    return learn_names(folded, cues.name_patterns)


@lru_cache(maxsize=256)
def _tokens(
    cues: RoleCues, text: str
) -> tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...], dict[str, list[tuple[int, int]]]]:
    """A sentence's tokens as written, where they start, in lower case, and its cue hits.
    Kept for the sentences a file repeats (form boilerplate): the caller copies the lists."""
    found = list(TOKEN.finditer(text))
    raw = tuple(m.group() for m in found)
    # "the cousin's" is the cousin for the cues; _possessed reads the "'s" from `raw`.
    tokens = tuple(t.lower().removesuffix("'s") for t in raw)
    return raw, tuple(m.start() for m in found), tokens, cues.index.hits(list(tokens))


_JOINERS = frozenset("of the de la el del los las".split())
_QA = frozenset("q a p r".split())
_ANY = frozenset(("anyone", "anybody", "alguien"))


def _qa_mark(tokens: tuple[str, ...] | list[str]) -> bool:
    """ "Q." / "A:" / "P." / "R:" at the head of a sentence."""
    return len(tokens) > 2 and tokens[0] in _QA and tokens[1] in (".", ":")


_ANSWER = frozenset("a r q p : , . ; and y or o".split())


def _answer_naming(sent: Sentence, a: int, b: int) -> bool:
    """An answer that only names the gang ("Q: Which group do you mean? A: The MS, the Mara
    Salvatrucha."), or a short line that only names it right in such an answer ("A. The 18.
    The Barrio 18."), after the page has told of a persecutor: the same gang."""
    return _names_only(sent, a, b) and (
        any(
            t in ("a", "r") and k + 1 < len(sent.tokens) and sent.tokens[k + 1] in (":", ".")
            for k, t in enumerate(sent.tokens[:2])
        )
        or len(sent.tokens) <= SHORT_ANSWER
    )


SHORT_ANSWER = 6
"""Tokens at most of a line that only names a gang and carries on an answer."""


def _names_only(sent: Sentence, a: int, b: int) -> bool:
    """The sentence says nothing but names: "A. The 18.", "The Barrio 18."; in capitals
    ("SUBJECT DENIED ANY GANG AFFILIATION.") only short words and numbers pass for names."""
    return all(
        t in _ANSWER or t in _JOINERS or a <= k < b or _name_like(sent.raw[k])
        for k, t in enumerate(sent.tokens)
    )


def _name_like(raw: str) -> bool:
    if not raw[:1].isupper():
        return False
    return not raw.isupper() or len(raw) <= 4 or any(c.isdigit() for c in raw)


_WHO_ASKED = frozenset("who which quien quienes cual".split())
_THEY = frozenset("they them those ellos esos".split())


def asked_who_they_are(sent: Sentence, before: Sentence | None, a: int, b: int) -> bool:
    """An answer that only names a gang, to a question asking who "they" are ("Q. Who is
    'they'?" after "They collected money from me."): the ones the respondent told of."""
    if before is None or not before.tokens or before.tokens[-1] != "?":
        return False
    if not _qa_mark(sent.tokens) or not _names_only(sent, a, b):
        return False
    words = set(before.tokens)
    return bool(words & _WHO_ASKED) and bool(words & _THEY)


def answers_who_harmed(sent: Sentence, before: Sentence | None, a: int, b: int) -> bool:
    """An answer to a question asking who did something to the respondent's side or who
    "they" are ("Q. Who killed your husband? A. The boys from the Vatos Locos Dieciocho",
    "Q: Who exactly came to collect? A: Young men from the Los Chamos del Bordo clique"): the
    gang it names is the one that did it. Not a label the answer puts on the respondent or
    kin ("A. My cousin is in MS-13")."""
    if before is None or not before.tokens or before.tokens[-1] != "?":
        return False
    if not _qa_mark(sent.tokens) or not _qa_mark(before.tokens):
        return False
    words = set(before.tokens)
    if not words & _WHO_ASKED:
        return False
    if not (words & _THEY or before.any("harm") or before.any("acts")):
        return False
    if not labels_someone(sent, a, b, "membership_label"):
        return True
    return not any(
        s < a and not (sent.at("strangers", s) or sent.at("generic_people", s))
        for name in ("respondent", "first_person", "pronouns", "family", "others")
        for s, _ in sent.hits.get(name, ())
    )  # "The boys from the 18" may be labelled: they are the ones who did it


def _the_members(sent: Sentence, a: int, b: int, subtype: str, role: Role) -> bool:
    """ "the gang members", "los pandilleros" again, put on nobody, after the page has told of
    a persecutor: the same people ("Whether the gang members were also motivated by money")."""
    if subtype != "membership_label" or role is not Role.SUBJECT or a < 1:
        return False
    if sent.tokens[a - 1] not in ("the", "los", "las") or not sent.tokens[b - 1].endswith("s"):
        return False
    people = ("respondent", "pronouns", "first_person", "family")
    return not labels_someone(sent, a, b, subtype) and not any(
        s < a for name in people for s, _ in sent.hits.get(name, ())
    )


_PRIVACY = (("(", "b", ")", "(", "6", ")"), ("(", "b", ")", "(", "7", ")", "(", "c", ")"))


def _withheld_names(sent: Sentence) -> None:
    """A FOIA release's privacy codes stand where someone else's name was ("leaving the
    residence with (b)(6); (b)(7)(C), a known MS-13 member"): (b)(6) and (b)(7)(C) withhold
    third parties' names, not the requester's own."""
    tokens = sent.tokens
    found = []
    k = 0
    while k < len(tokens):
        for code in _PRIVACY:
            if tuple(tokens[k : k + len(code)]) == code:
                end = k + len(code)
                while end < len(tokens) and tokens[end] == ";":  # "(b)(6); (b)(7)(C)"
                    nxt = next(
                        (c for c in _PRIVACY if tuple(tokens[end + 1 : end + 1 + len(c)]) == c),
                        None,
                    )
                    if nxt is None:
                        break
                    end += 1 + len(nxt)
                found.append((k, end))
                k = end - 1
                break
        k += 1
    if found:
        sent.hits["withheld_people"] = found


def _not_the_subject(sent: Sentence) -> None:
    """ "was subject to a state audit", "is subject to removal": the adjective, not the
    respondent."""
    found = sent.hits.get("respondent")
    if found and sent.language == "en":
        tokens = sent.tokens
        sent.hits["respondent"] = [
            (s, e)
            for s, e in found
            if not (tokens[e - 1] == "subject" and e < len(tokens) and tokens[e] == "to")
        ]


def _own_kin(hits: dict[str, list[tuple[int, int]]]) -> bool:
    """A first-person word right before a kin word: "my cousin", "our father"."""
    mine = {e for _, e in hits.get("first_person", ())}
    return any(s in mine for s, _ in hits.get("family", ()))


def _name_words(text: str) -> list[str]:
    """A gang name's own words, without its articles ("the mara" -> ["mara"])."""
    return [t for t in (m.group().lower() for m in TOKEN.finditer(text)) if t not in _JOINERS]


def _relative_voice(sent: Sentence, kin: frozenset[str]) -> None:
    """In a relative's declaration "I" is the declarant, one of the respondent's family (still
    harmed with her), and "my sister" is the respondent."""
    hits = sent.hits
    mine = hits.pop("first_person", [])
    family = hits.setdefault("family", [])
    owned = {e for _, e in mine}
    taken = set()
    for s, e in list(family):
        if s in owned and sent.tokens[s] in kin:
            family.remove((s, e))
            hits.setdefault("respondent", []).append((s - 1, e))
            taken.add(s)
    family.extend(h for h in mine if h[1] not in taken)


def _attached(sent: Sentence, a: int, decided: list[tuple[int, Role]]) -> Role | None:
    """The role of the label a gang's name completes ("pandillero" + "de la 18"): the name is
    about whoever the label is about. `decided` holds where each earlier reference of the
    sentence ends (characters from the sentence's start) and its role."""
    for ends_at, role in decided:
        end = sent.token_range(sent.start + ends_at - 1, sent.start + ends_at)[1]
        if end <= a and a - end <= 3 and all(t in _JOINERS for t in sent.tokens[end:a]):
            return role
        if end <= a and a - end <= 5 and _but_of(sent.tokens[end:a]):
            return role
    return None


_BUT = frozenset("pero but aunque although".split())
_OF_WORDS = frozenset("of de del".split())


def _but_of(between: list[str]) -> bool:
    """ "era pandillero, pero de la MS-13", "was a gang member, but of MS-13": the name still
    completes the label, past a comma and a "but"."""
    words = [t for t in between if t != ","]
    if not words or words[0] not in _BUT or len(words) < 2 or words[1] not in _OF_WORDS:
        return False
    return all(t in _JOINERS for t in words[1:])
