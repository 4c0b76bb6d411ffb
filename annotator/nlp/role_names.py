"""Where a page names the respondent, and the other people a sentence names.

Forms give the respondent's name after a label ("Name: GARCIA-PEREZ, Jonathan") and
declarations in their title ("DECLARATION OF ANA LOPEZ"); a name in the I-213 manner that is not
the respondent's ("Marvin CRUZ") is someone else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.nlp.normalize import fold_phrase
from annotator.nlp.role_sentence import Sentence

_NAME_WORD = r"[A-Z][A-Za-z'-]+"
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sr|Sra|Srta|Don|Dona)\.?[ \t]+)?"
"""A title before a name ("Client: Ms. Dinora LOPEZ") is not one of its words."""
_NAME = rf"{_HONORIFIC}((?:{_NAME_WORD})(?:,?[ \t]+(?:{_NAME_WORD})){{0,5}})"
_NAME_AFTER = re.compile(_NAME)
_WRAPPED = rf"{_HONORIFIC}((?:{_NAME_WORD})(?:,?\s+(?:{_NAME_WORD})){{0,3}})"
"""A name in prose, which a line may break ("el señor Rigoberto\nAmílcar SICAN-LÓPEZ")."""
_NAME_STOP = frozenset(
    "de del la las los y el en por para con se que the of and on at in by for to is was "
    "dob date fecha no event file number sex male female born".split()
)
NOT_CARRIED = frozenset(
    "gang gangs status request report detail information inquiry query check update".split()
)
"""Words a page may take for the respondent's name ("Subject: GANG STATUS REQUEST - NAME",
an e-mail's subject line) that are not carried to the document's other pages."""


@dataclass(frozen=True, slots=True)
class NamePatterns:
    """Where a page names the respondent: a form's name label before a colon ("Name:",
    "Nombre:"), or a title ("DECLARATION OF ANA LOPEZ": a label ending in "of" or "de")."""

    field: re.Pattern[str] | None
    """A name label at the end of the text before a colon."""
    titles: tuple[str, ...]
    title: re.Pattern[str] | None
    claimant: re.Pattern[str] | None = None
    """A label that names the one the file is about outright ("Respondent:", "Solicitante de
    asilo:"): on a page that has one, the other labels ("Imputado:", "Víctima:") name others."""
    stated: re.Pattern[str] | None = None
    """A label said of a name in prose: "La víctima y denunciante es el señor NAME", "a favor
    del solicitante NAME"."""
    marked: re.Pattern[str] | None = None
    """A parenthesis that marks the name before it as the one the file is about: "NAME, 24 años
    (persona objeto de la solicitud de ICE)", "NAME (Respondent)"."""


_TITLE_ENDS = (" of", " de", " re")
"""A label that is a title: "DECLARATION OF ANA LOPEZ", "In re JOSE PEREZ"."""


def name_patterns(labels: list[str], claimant: list[str] | None = None) -> NamePatterns:
    fields = [x for x in labels if not x.endswith(_TITLE_ENDS)]
    titles = tuple(x for x in labels if x.endswith(_TITLE_ENDS))

    def alternatives(group: list[str] | tuple[str, ...]) -> str:
        return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in group)

    def before_colon(group: list[str]) -> re.Pattern[str]:
        # a short aside may stand between the label and its colon: 'Solicitante (el joven):'
        return re.compile(rf"(?i:\b(?:{alternatives(group)}))[ \t]*(?:\([^()]{{0,40}}\))?[ \t]*$")

    field = before_colon(fields) if fields else None
    title = (
        re.compile(rf"(?i:\b(?:{alternatives(titles)}))[ \t]*:?[ \t]+{_NAME}") if titles else None
    )
    first = [x for x in claimant or () if not x.endswith(_TITLE_ENDS)]
    roles = [x for x in fields if x.split()[-1] not in _NAME_FIELDS]
    said = alternatives(roles)
    stated = (
        re.compile(
            rf"(?i:\b(?:{said})[ \t]+(?:es|is)\s+(?:el\s+senor\s+|la\s+senora\s+)?)"
            rf"{_WRAPPED}"
            rf"|(?i:\b(?:a\s+favor\s+del|en\s+favor\s+del|por\s+el|por\s+la|on\s+behalf\s+of"
            rf"\s+the|filed\s+by\s+the|submitted\s+by\s+the)\s+{_TITLED}\s*,?\s+){_WRAPPED}"
        )
        if roles
        else None
    )
    marked = (
        re.compile(rf"\((?i:(?:el|la|the)\s+)?(?i:{said}|{_OBJECT})\b") if roles else None
    )
    first_field = before_colon(first) if first else None
    return NamePatterns(field, titles, title, first_field, stated, marked)


_MARKED_NAME = re.compile(rf"{_WRAPPED}(?:,[^()]{{0,25}})?\s*$")
"""The name a parenthesis follows ("ROMERO-ARGUETA, Wilfredo Antonio, 24 años (persona objeto
de la solicitud")."""
_MARKED_REACH = 90


_NAME_FIELDS = frozenset("name nombre nombres apellidos".split())
"""Labels of a name itself, not of a role: "Mi nombre es ..." is the declarant's own."""
_TITLED = r"(?:solicitante|respondent|applicant)"
"""A claimant's title a name may follow in prose: "a favor del solicitante Wilmer ...", "on
behalf of the respondent, Jose ...", "presentado por el solicitante, Marvin ..."; not "el primo
del solicitante, Jairo Duarte" (the cousin's name)."""
_OBJECT = r"persona\s+objeto\s+de|subject\s+of\s+the\s+request"
"""A parenthesis after a name in a list that says it is the one the file is about."""


def learn_names(text: str, patterns: NamePatterns) -> frozenset[str]:
    """The respondent's name words, as the page's forms and titles give them. Only the text
    before each colon is tried for a label, so a page costs little more than finding its
    colons. A page that names the claimant outright ("Solicitante de asilo: NAME") is taken at
    its word: its other labels ("Imputado: NAME", a co-defendant) are someone else's."""
    words: set[str] = set()
    first: set[str] = set()
    if patterns.field is not None:
        for colon in _COLON.finditer(text):
            lo = max(0, colon.start() - 60)
            if patterns.field.search(text, lo, colon.start()):
                name = _NAME_AFTER.match(text, colon.end())
                if name:
                    _name_words(name.group(1), words)
                    if patterns.claimant and patterns.claimant.search(text, lo, colon.start()):
                        _name_words(name.group(1), first)
    if not words and patterns.stated is not None:
        for m in patterns.stated.finditer(text):
            _name_words(m.group(1) or m.group(2), words)
    if not words and patterns.marked is not None and "(" in text:
        for m in patterns.marked.finditer(text):
            name = _MARKED_NAME.search(text, max(0, m.start() - _MARKED_REACH), m.start())
            if name:
                _name_words(name.group(1), words)
    if patterns.title is not None:
        lower = text.lower()
        if any(t in lower for t in patterns.titles):
            for m in patterns.title.finditer(text):
                _name_words(m.group(1), words)
                _name_words(m.group(1), first)
    return frozenset(first or words)


_COLON = re.compile(r":(?:[ \t]+|[ \t]*\n[ \t]*)")
"""A colon and the space after it, or its line's end: a label may end a line
("Solicitante:\nNAME")."""
RELATION_REACH = 800
"""Characters at the head of a page where a declaration says whose claim it supports."""
_CLAIM = re.compile(
    r"(?i)\b(?:support|apoyo|asylum|asilo|respondent|applicant|solicitante|demandado|refugio)"
)
"""Near the relation: it is the claim's ("in support of the asylum claim of my sister, ANA"),
not a relative met in the story ("my brother-in-law, Oscar, was killed")."""
_DECLARES = re.compile(r"\b(?:Yo|YO|I)[ \t]*,|(?i:\bdeclar(?:o|e)\b)")


@dataclass(frozen=True, slots=True)
class Relation:
    """A declaration by the respondent's relative: its "I" is the declarant, and the
    respondent is "my sister" (`kin`), whose name words are `names`."""

    kin: str
    names: frozenset[str]
    called: frozenset[str] = frozenset()
    """What the declarant calls the respondent ("I am the mother of NAME": "my son", "my
    daughter"), when that is not `kin` itself."""

    @property
    def kin_words(self) -> frozenset[str]:
        return self.called or frozenset((self.kin,))


def relation_patterns(kin: list[str]) -> tuple[re.Pattern[str], ...]:
    """ "Soy la hermana mayor de NAME", "I am the brother of NAME", "my sister, NAME",
    "the claim of my sister, NAME", "de su hermana, NAME", "Soy la madre del solicitante, NAME":
    a kin word tying the declarant to a
    named person whose claim it is (not "my uncle, Julio, drove a taxi")."""
    words = "|".join(re.escape(k) for k in sorted(kin, key=len, reverse=True))
    return (
        re.compile(
            rf"(?i:\b(?:soy|i am)\s+(?:el|la|the|a|an|un|una)?\s*(?:[a-z]+\s+)?"
            rf"({words})\s+(?:[a-z]+\s+)?(?:de|del|of)\s+{_CLAIMANT}){_NAME}"
        ),
        re.compile(
            rf"(?i:\b(?:of|de)\s+(?:mi|my|su|his|her)\s+({words})\s*,\s*{_CLAIMANT}){_NAME}"
        ),
    )


_CLAIMANT = (
    r"(?:(?:(?:el|la|the)\s+)?(?:solicitante|respondent|applicant|demandad[oa])\s*,?\s*)?"
)
"""The claimant's title between the kin word and the name: "Soy la madre del solicitante,
Elmer ...", "de su hijo, EL SOLICITANTE ELMER ..."."""


def learn_relation(text: str, patterns: tuple[re.Pattern[str], ...]) -> Relation | None:
    """The relative whose asylum claim a first-person declaration supports, if it is one."""
    if not _DECLARES.search(text):
        return None
    head = text[:RELATION_REACH]
    for n, pattern in enumerate(patterns):
        for m in pattern.finditer(head):
            # "I am the mother of NAME" introduces the declarant: the claim may be told of in
            # the title above it; "my uncle, NAME" must be told of near it
            reach = CLAIM_BEFORE_SELF if n == 0 else CLAIM_BEFORE
            around = head[max(0, m.start() - reach) : m.end() + 60]
            words: set[str] = set()
            if _CLAIM.search(around):
                _name_words(m.group(2), words)
            if words:
                kin = m.group(1).lower()
                called = _CONVERSE.get(kin, frozenset()) if n == 0 else frozenset()
                return Relation(kin, frozenset(words), called)
    return None


CLAIM_BEFORE = 150
CLAIM_BEFORE_SELF = 400
"""Characters before a relation within which the claim it supports is named."""

_PARENT = frozenset("son daughter child hijo hija".split())
_CHILD = frozenset("mother father mom dad madre padre mama papa".split())
_SIBLING = frozenset("brother sister hermano hermana".split())
_SPOUSE_M = frozenset("husband esposo marido".split())
_SPOUSE_F = frozenset("wife esposa".split())
_CONVERSE: dict[str, frozenset[str]] = {
    **dict.fromkeys(("mother", "father", "madre", "padre"), _PARENT),
    **dict.fromkeys(("son", "daughter", "hijo", "hija"), _CHILD),
    **dict.fromkeys(("brother", "sister", "hermano", "hermana"), _SIBLING),
    **dict.fromkeys(("wife", "esposa"), _SPOUSE_M),
    **dict.fromkeys(("husband", "esposo"), _SPOUSE_F),
    **dict.fromkeys(("aunt", "uncle"), frozenset("nephew niece".split())),
    **dict.fromkeys(("tia", "tio"), frozenset("sobrino sobrina".split())),
    **dict.fromkeys(("grandmother", "grandfather"), frozenset("grandson granddaughter".split())),
    **dict.fromkeys(("abuela", "abuelo"), frozenset("nieto nieta".split())),
}
"""What a declarant who is the respondent's `kin` calls the respondent: the mother of NAME
calls NAME "my son" or "my daughter"; a sister, "my brother" or "my sister"."""


def _name_words(name: str, words: set[str]) -> None:
    for w in re.split(r"[\s,]+", name):
        w = w.lower()
        if w in _NAME_STOP:
            return  # "Jose Rigoberto" + "Por medio del presente": the name has ended
        if len(w) >= 3:
            words.update(part for part in w.split("-") if len(part) >= 3)
            words.add(w)


def other_names(sent: Sentence, respondent: frozenset[str]) -> None:
    """Mark people named in the I-213 manner ("Marvin CRUZ", "MARTINEZ, Josue") who are not
    the respondent: a name at most half of whose words are the respondent's (a brother shares
    the surnames, not the given names). Only when the page has given the respondent's name,
    and not in a sentence typed all in capitals, where no name can be told apart."""
    if not respondent:
        return
    raw = sent.raw
    if not any(t[0].isalpha() for t in raw) or in_capitals(raw):
        return
    k, found = 0, []
    while k < len(raw):
        end = k
        while end < len(raw):
            if _name_word(raw[end]):
                end += 1
            elif end > k and _nickname(raw, end):
                end += 3  # Mario "Flaco" RIVAS
            else:
                break
        words = [w for w in raw[k:end] if w != '"']
        # a surname in capitals after a given name ("Marvin CRUZ"); not "ERO Charlotte" (an office)
        # nor "Co-Respondent DHS" (an agency), nor a heading ("ANALYST NOTE:", "HELD-OUT TEST
        # DOCUMENT": a given name is not in capitals)
        capitals = any(w.isupper() and (len(w) >= 4 or "-" in w) for w in words[1:])
        shared = sum(shared_name(w.lower(), respondent) for w in words)
        heading = (end < len(raw) and raw[end] == ":") or (bool(words) and words[0].isupper())
        if len(words) >= 2 and capitals and not heading and shared <= len(words) / 2:
            found.append((k, end))
        k = max(end, k + 1)
    if found:
        taken = {i for s, e in found for i in range(s, e)}
        kept = [h for h in sent.hits.get("respondent", ()) if h[0] not in taken]
        sent.hits["respondent"] = kept
        sent.hits.setdefault("others", []).extend(found)


def in_capitals(raw: list[str]) -> bool:
    """A sentence typed in capitals, as many I-213 narratives are: no name stands out in it."""
    letters = [t for t in raw if t[:1].isalpha()]
    return bool(letters) and sum(t.isupper() for t in letters) > CAPITALS_SHARE * len(letters)


CAPITALS_SHARE = 0.6


def shared_name(word: str, respondent: frozenset[str]) -> bool:
    """A name word that is the respondent's, whole, or broken at a line end ("ALVAR-ADO")."""
    return (
        word in respondent
        or word.replace("-", "") in respondent
        or any(part in respondent for part in word.split("-"))
    )


_TITLES = frozenset("mr mrs ms dr sr sra srta senor senora don dona".split())


def titled_others(sent: Sentence, respondent: frozenset[str]) -> None:
    """ "Mr. Ixcoy was arrested", "el senor Guevara": a person named by a title and a
    surname that is not the respondent's is someone else (only when the page has given the
    respondent's name)."""
    if not respondent:
        return
    raw, tokens = sent.raw, sent.tokens
    found = []
    for k in range(1, len(raw)):
        title = k - 2 if tokens[k - 1] == "." and k >= 2 else k - 1
        if tokens[title] not in _TITLES or not _name_word(raw[k].removesuffix("'s")):
            continue
        if tokens[k] not in respondent:
            found.append((title, k + 1))
    if found:
        taken = {i for s, e in found for i in range(s, e)}
        kept = [h for h in sent.hits.get("respondent", ()) if h[0] not in taken]
        sent.hits["respondent"] = kept
        sent.hits.setdefault("others", []).extend(found)


_FULL_NAME = re.compile(r"\b((?:[A-Z][a-z]+[ \t]+){1,3})([A-Z]{3,}(?:-[A-Z]{3,})?)\b")
_SURNAME_FIRST = re.compile(r"(?m)\b([A-Z]{3,}(?:[ -][A-Z]{3,})?),[ \t]+[A-Z][a-z]+")


def others_named(text: str, respondent: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The given names and the surnames of the people a page names in full in the I-213 manner
    ("Anibal FUNES TORRES", "VELASQUEZ, Kevin A.") who are not the respondent. A narrative names
    them again by the given name alone ("Anibal sells fruit"), or by a role word and the surname
    ("el imputado FUNES"); a surname alone ("ALAS") is left to `other_names`. A surname the
    respondent shares (a brother's) is not taken."""
    if not respondent:
        return frozenset(), frozenset()
    given_found: set[str] = set()
    surnames: set[str] = set()
    for m in _FULL_NAME.finditer(text):
        given = [w.lower() for w in m.group(1).split()]
        if given[0] in _NAME_STOP or any(w in respondent or w in _GANG_WORDS for w in given):
            continue  # not "Sailors Locos" of "Sailors Locos SLS": a clique
        given_found.update(w for w in given if len(w) >= 3 and w not in _NAME_STOP)
        _add_surname(m.group(2), respondent, surnames)
    for m in _SURNAME_FIRST.finditer(text):  # "VELASQUEZ, Kevin A.": then "Velasquez is"
        _add_surname(m.group(1), respondent, given_found)
        _add_surname(m.group(1), respondent, surnames)
    return frozenset(given_found), frozenset(surnames)


_GANG_WORDS = frozenset(
    "locos salvatrucha street barrio gang mara clique clica kings crew boys trece".split()
)
_INTRODUCED = re.compile(
    r"\b([a-z][a-z-]+),?\s+(?:(?:named|called|llamad[oa]|de\s+nombre)\s+)?([A-Z][a-z]{2,})\b"
)
NOT_NAMES = frozenset(
    "the his her their mrs don dona sra srta and but who whose officer subject respondent "
    "applicant agent detective los las del que quien este esta".split()
)
"""Capitalised words after a kin or companion word that are not a name ("his brother, The")."""


def introduced_names(text: str, people: frozenset[str]) -> frozenset[str]:
    """Given names a kin or companion word introduces ("a boyfriend named Oscar", "Mi exnovio,
    Brandon", "su primo Kevin"), in lower case."""
    found = set()
    for m in _INTRODUCED.finditer(text):
        if m.group(1) in people:
            word = m.group(2).lower()
            if word not in NOT_NAMES:
                found.add(word)
    return frozenset(found)


def _add_surname(written: str, respondent: frozenset[str], found: set[str]) -> None:
    surname = written.lower()
    parts = re.split(r"[ -]", surname)
    if any(w in respondent or w in _NAME_STOP for w in (surname, *parts)):
        return
    found.update(parts)
    if "-" in surname:
        found.add(surname)


def _nickname(raw: list[str], k: int) -> bool:
    return k + 2 < len(raw) and raw[k] == raw[k + 2] == '"' and _name_word(raw[k + 1])


def _name_word(word: str) -> bool:
    """A capitalised word of a name, a hyphenated surname included ("ALVARENGA-TOBAR")."""
    return (
        word[:1].isupper()
        and word[-1:].isalpha()
        and word.replace("-", "").isalpha()
        and word.lower() not in _NAME_STOP
    )


_CLITICS = frozenset("lo la le".split())
_BEFORE_ARTICLE = frozenset("de a en con por para sobre del al".split())


def clitic_holders(sent: Sentence) -> None:
    """A Spanish object pronoun before a verb that labels ("el informe lo describe como
    posible asociado", "se le registra como colaborador", "ninguna ficha lo registra como
    marero"): the one labelled is "him" / "her", read as the third-person pronouns are. Not an
    article before a noun ("la identificacion", "de la ficha")."""
    if sent.language != "es":
        return
    tokens = sent.tokens
    found = []
    for k in range(len(tokens) - 1):
        if tokens[k] not in _CLITICS or not sent.at("identify", k + 1):
            continue
        if k > 0 and tokens[k - 1] in _BEFORE_ARTICLE:
            continue
        verb = tokens[k + 1]
        if verb == "como" or verb.endswith(("cion", "ciones", "do", "da", "dos", "das")):
            continue  # "lo identificado", "la clasificacion": a noun or participle
        found.append((k, k + 1))
    if found:
        sent.hits.setdefault("pronouns", []).extend(found)


SECTION_LINES = 16
"""Lines at most of a form's list of associated persons."""
_ITEM_HEAD = re.compile(r"^\s*(?:[IVX]+\.|\d+\.|[-=*]{2,})?\s*")
_NEXT_HEADER = re.compile(
    r"^(?:[IVX]+\.\s+)?[A-Z][A-Z ]{2,}(?:\([^)]*\))?\s*(?::|-{2,}|$)|^[-=*]{3}"
    r"|^[A-Z][A-Za-z ]{1,30}(?:\([^)]*\))?\s*:"
)
"""A line that opens another part of a form: "CAVEATS:", "NARRATIVE (field contact):", "IV.
OBSERVACIONES", "--- DISSEMINATION LOG ---", "Disclaimer:"."""


_KIN_ENTRY = re.compile(
    r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-*])?\s*([A-Za-z][A-Za-z-]+(?: [a-z]+)?)\s*:\s*\S"
)
"""A list entry opened by a relative's or a companion's label ("3. Hermano: BONILLA ZUNIGA,
KEVIN ALEXANDER. Perfilado como ...", "- Cousin: ...")."""
KIN_ENTRY_LINES = 3


def kin_entries(page_text: str, text: str, people: frozenset[str]) -> list[tuple[int, int]]:
    """Where a form lists someone by kin or company ("2. Madre: NAME ...", "Brother: NAME -
    gang member"): from that line to the next entry, a blank line or a header (three lines at
    most), as offsets into `text`, the folded page. A label there is that person's."""
    lines = page_text.splitlines()
    found: list[tuple[int, int]] = []
    cursor = 0
    for k, line in enumerate(lines):
        m = _KIN_ENTRY.match(fold_phrase(line))
        if not m or m.group(1).lower() not in people:
            continue
        last = k
        for j in range(k + 1, min(len(lines), k + KIN_ENTRY_LINES)):
            nxt = fold_phrase(lines[j].strip())
            if not nxt or _KIN_ENTRY.match(nxt) or _NEXT_HEADER.match(nxt) or _ITEM.match(nxt):
                break
            last = j
        cursor = _locate(lines, k, last, text, cursor, found)
    return found


_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)])\s")


def _entry(line: str, fields: frozenset[str]) -> bool:
    """A field of a listed person's entry ("Status: GANG MEMBER - VALIDATED Gang: BARRIO 18"),
    not a header: a form field with something after its colon."""
    label, colon, rest = line.partition(":")
    return bool(colon and rest.strip() and fold_phrase(label).strip().lower() in fields)


_ASIDE = re.compile(r"\s*\([^()]*\)\s*:?$")


def listed_sections(
    page_text: str, text: str, headers: tuple[str, ...], fields: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Where a form lists people other than the respondent ("--- ASSOCIATED PERSONS ---",
    "LINKED SUBJECTS:", "III. PERSONAS RELACIONADAS"): from its header line to a blank line or
    the next header, as offsets into `text`, the folded page the references point into. A
    label there is put on one of them."""
    if not headers:
        return []
    lines = page_text.splitlines()
    found: list[tuple[int, int]] = []
    cursor = 0
    k = 0
    while k < len(lines):
        head = _ITEM_HEAD.sub("", fold_phrase(lines[k])).strip(" -=*:").lower()
        head = _ASIDE.sub("", head)  # "ASSOCIATES (linked records)"
        if not any(head == h or head.startswith(h + ":") for h in headers):
            k += 1
            continue
        last = k
        j = k + 1
        while j < len(lines) and j - k <= SECTION_LINES:
            line = lines[j].strip()
            if not line or (_NEXT_HEADER.match(fold_phrase(line)) and not _entry(line, fields)):
                break
            last = j
            j += 1
        cursor = _locate(lines, k, last, text, cursor, found)
        k = j
    return found


def _locate(
    lines: list[str], first: int, last: int, text: str, cursor: int, found: list[tuple[int, int]]
) -> int:
    """Add to `found` where lines first..last of the extracted page stand in `text`, the folded
    page, looking from `cursor`; the cursor to look from next."""
    start = text.find(fold_phrase(lines[first].strip()), cursor)
    tail = fold_phrase(lines[last].strip())
    end = text.find(tail, max(start, 0)) if start >= 0 else -1
    if start < 0 or end < 0:
        return cursor
    found.append((start, end + len(tail)))
    return end + len(tail)
