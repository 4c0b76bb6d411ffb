"""Gang names the lexicon does not list, known from what surrounds them.

No list can hold every clique of every gang, so a name is also recognised from its context:
- the members of a list a sentence introduces as gangs ("three gangs: the Parkview clique,
  Varrio Loma 13 and the Canal Street Crew"; "cinco clicas de la MS: los Fulton Locos, ...");
- wherever it recurs in the document once a rule has found it, and by its initials ("Varrio
  Frutas 13" ... "VF13", "Monte Cristo Block" ... "MCB");
- by an acronym written after it, loosely for gang names ("the Coronado Street clique (CSLS)").
The recurring names and initials are kept with the document's anchors as aliases
("alias:NAME:category:subtype"), so every page of the document knows them. Here too is how a
finding takes in the name before its match (`extend_left`), and how two findings of a name
become one (`merged_subtype`): a name the lexicon knows wins over one "_inferred" from context,
which the window shows as possible.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from annotator.nlp.context_rules import has_context
from annotator.nlp.lexicon import ALIAS, Rule

ARTICLES = frozenset("the los las la el".split())
_SEPARATORS = frozenset([",", ";", "and", "y", "e", "or", "o", "&"])
_INNER = frozenset("de del of".split())
"""Lower-case words inside a name, between capitalised ones ("Los Vatos Locos de la Kennedy")."""
_LOCOS = frozenset(["Locos"])
_FIRST_WORD_TAILS = frozenset([("Locos",), ("Salvatrucha",), ("Locos", "Salvatrucha")])
"""The ends of a clique's name after the word the text calls it by: "Canaleros" + "Locos"."""
_SPANISH_NAME_MAX = 4
"""Words of a name whose first word, before its "de", the text calls it by: "Malditos del
Bordo", "Vagos de la Loma"; not "Brisas del Lago Locos Salvatrucha"."""
WEAK_ALIAS = "alias2:"
"""Anchors "alias2:AB:category:subtype": the two letters of a two-word name found from its
context ("Olneyville Criminales" ... "OC"), marked only where a word of membership stands
just before them ("affiliated with OC"): two capitals alone stand for too many things."""
_MARKS = frozenset(['"', "'", "-"])
INFERRED_SUFFIX = "_inferred"
"""Subtypes of findings known from their context only ("gang_name_inferred"): a possible name."""
_QUOTES = frozenset(['"', "'"])
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&-]{1,9}$")


def is_name_word(tok: Token) -> bool:
    """A word that can stand in a name: capitalised, in capitals, or a number ("13")."""
    text = tok.text
    return bool(text[:1].isupper() or text.isdigit() or (text[:1].isdigit() and text.isalnum()))


def list_items(
    doc: Doc, rule: Rule, cues: list[int], sentence: Callable[[int], tuple[int, int]]
) -> list[Span]:
    """Spans for the names a sentence lists after a plural gang noun and an opener: "gangs:",
    "sets, including", "clicas de la MS:". The rule's `cues` are the nouns (standing at the
    tokens `cues`), its `list_openers` the words or marks that open the list, its `window` how
    far the opener may stand."""
    out: list[Span] = []
    openers = [tuple(o.split()) for o in rule.list_openers]
    nouns = frozenset(rule.cues) | {_singular(c) for c in rule.cues}
    for i in cues:
        s_start, s_end = sentence(i)
        if rule.context and not has_context(
            [t.lower_ for t in doc[max(s_start, i - _QUALIFIER) : i]]
            + [t.lower_ for t in doc[i + 1 : min(s_end, i + 1 + _QUALIFIER)]],
            rule.context,
        ):
            continue  # "organizaciones que atienden a migrantes, como ..." lists no gangs
        start = _opened(doc, i + 1, min(s_end, i + 1 + rule.window), openers)
        if start is None:
            continue
        out += [
            Span(doc, a, b, label=rule.category.value, kb_id=rule.subtype)
            for a, b in _items(doc, start, s_end, nouns)
        ]
    return out


_QUALIFIER = 2
"""How near its `context` word stands to a list rule's noun: "criminal organizations such as",
"grupos armados como", "allied groups, including"."""


def _singular(noun: str) -> str:
    """ "clique" for "cliques", "faccion" for "facciones"."""
    if noun.endswith("ones"):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") else noun


def _opened(doc: Doc, i: int, limit: int, openers: list[tuple[str, ...]]) -> int | None:
    """Where a list starts: after the first opener between token i and `limit`. A plural word
    on the way ("gangs in three cities:") means the list is of something else."""
    for k in range(i, limit):
        if doc[k].is_space:
            return None  # a block break: a heading's words, not the list's
        for opener in openers:
            if tuple(t.lower_ for t in doc[k : k + len(opener)]) == opener:
                return k + len(opener)
        word = doc[k]
        if (
            word.is_lower
            and word.is_alpha
            and len(word) > 3
            and word.lower_.endswith("s")
            and any(t.lower_ in _PLACE_WORDS for t in doc[max(i, k - 3) : k])
        ):
            return None
    return None


_PLACE_WORDS = frozenset(
    "in of across from at on around throughout within en de por desde entre three two four five"
    " several many various other tres dos cuatro cinco varios varias otras otros".split()
)
"""Words before a plural that make it the list's own head ("gangs in three cities:"), where a
plural after a verb does not ("groups are reported to supply drivers: A, B and C")."""


def _items(doc: Doc, i: int, end: int, nouns: frozenset[str]) -> Iterable[tuple[int, int]]:
    """(start, end) of each name in a list running from token i: names apart by commas and
    "and"/"y"/"o", each perhaps with its noun ("the Somerset crew"), until a word that is
    none of these. A part with no capitalised word ("the 22nd") is passed over."""
    while i < end:
        start = i
        if doc[i].lower_ in ARTICLES:
            i += 1
        first = i
        while i < end and (
            is_name_word(doc[i])
            or doc[i].text in _MARKS
            or (doc[i].lower_ in _INNER | ARTICLES and i + 1 < end and is_name_word(doc[i + 1]))
        ):
            i += 1
        while i > first and doc[i - 1].text in _MARKS:
            i -= 1
        if i == first:
            return
        if i < end and doc[i].lower_ in nouns:
            i += 1
        if any(t.text[:1].isupper() for t in doc[first:i]):
            yield start, i
        while i < end and doc[i].text in ('"', "'"):
            i += 1
        if i >= end or doc[i].lower_ not in _SEPARATORS:
            return
        while i < end and doc[i].lower_ in _SEPARATORS:
            i += 1


_OTHER = frozenset(["other", "otras", "otros"])
_OTHER_AFTER = frozenset(["and", "or", "y", "o", "e", "u"])
_OTHER_QUALIFIERS = frozenset(
    "local rival street neighborhood neighbourhood allied smaller affiliated sureno surenos"
    " norteno nortenos locales rivales callejeras aliadas menores".split()
)
_OTHER_NOUNS = frozenset(
    "gangs cliques clicas clikas pandillas maras sets crews factions facciones".split()
)
_OTHER_NOUNS_AFTER = frozenset(
    "of in from that which who across throughout with aligned allied operating de del en que"
    " con aliadas aliados".split()
)
_OTHER_ITEMS_MAX = 8


def listed_before_others(
    doc: Doc, sentence: Callable[[int], tuple[int, int]], category: str, subtype: str
) -> list[Span]:
    """Spans for the names a sentence lists before "and other cliques", "y otras pandillas":
    "Avenues 43, Avenue 57 and other cliques of the Avenues gang". The noun heads its phrase
    (a mark, the text's end or a word such as "of", "that", "de" follows it: not "and other
    gang units"), one qualifier may stand before it ("and other local sets"), and each name
    has a capitalised word."""
    out: list[Span] = []
    for tok in doc:
        k = tok.i
        if tok.lower_ not in _OTHER or k < 2 or doc[k - 1].lower_ not in _OTHER_AFTER:
            continue
        n = k + 1
        if n < len(doc) and doc[n].lower_ in _OTHER_QUALIFIERS:
            n += 1
        if n >= len(doc) or doc[n].lower_ not in _OTHER_NOUNS:
            continue
        after = doc[n + 1] if n + 1 < len(doc) else None
        if after is not None and after.is_alpha and after.lower_ not in _OTHER_NOUNS_AFTER:
            continue
        s_start, _ = sentence(k)
        items: list[tuple[int, int]] = []
        end = k - 1
        while end > s_start and len(items) < _OTHER_ITEMS_MAX:
            i = end
            while i > s_start and (
                is_name_word(doc[i - 1])
                or (doc[i - 1].lower_ in _INNER and i - 1 > s_start and is_name_word(doc[i - 2]))
            ):
                i -= 1
            if i == end or not any(t.text[:1].isupper() for t in doc[i:end]):
                break
            start = i - 1 if i > s_start and doc[i - 1].lower_ in ARTICLES else i
            items.append((start, end))
            if start > s_start and doc[start - 1].text == ",":
                end = start - 1
            else:
                break
        out += [Span(doc, a, b, label=category, kb_id=subtype) for a, b in items]
    return out


_OPENING_QUOTES = frozenset(('"', "'", "\u201c"))
_CLOSING = frozenset(('"', "'", "\u201d"))


def name_in(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The name a match ends with, with its article ("set known as Monte Cristo Block" ->
    "Monte Cristo Block"), or else the one it begins with ("Los Benjamins, una estructura");
    an acronym in brackets after the name is left to be learned from it ("identified as Goshen
    Parque Norte (GPN)" -> "Goshen Parque Norte")."""
    if end - start > 3 and doc[end - 1].text == ")" and doc[end - 3].text == "(":
        end -= 3
    i = end
    while i > start and (is_name_word(doc[i - 1]) or doc[i - 1].text in ('"', "'")):
        i -= 1
        while i - 1 > start and doc[i - 1].lower_ in _INNER and is_name_word(doc[i - 2]):
            i -= 1
    while i < end - 1 and doc[i].text in _OPENING_QUOTES and doc[end - 1].text not in _CLOSING:
        i += 1  # '"Norte," "Sur," "EBS"': the name, not the quotation marks before it
    if i < end:
        if i > start and doc[i - 1].lower_ in ARTICLES:
            i -= 1
        return i, end
    k = start + 1 if doc[start].lower_ in ARTICLES else start
    while k < end and (
        is_name_word(doc[k])
        or (k > start and doc[k].lower_ in _INNER and k + 1 < end and is_name_word(doc[k + 1]))
    ):
        k += 1  # "Carnales del Desierto" + ", a prison gang"
    if k == start:
        return start, end
    if start > 0 and doc[start - 1].lower_ in ARTICLES:
        start -= 1  # "Los" + "Benjamins, una estructura"
    return start, k


_SHORTEST_NAME = 3
"""Letters and digits a name needs before the document's other mentions of it are found."""


def remember(spans: list[Span], anchors: set[str]) -> None:
    """Keep the names in `spans` (found by rules whose names recur), and their initials, as the
    document's aliases: the longest only, not the shorter matches inside them ("clica Coronado"
    in "clica Coronado Street Locos Salvatrucha")."""
    for span in spans:
        if any(o.start <= span.start and span.end <= o.end and len(o) > len(span) for o in spans):
            continue
        words = [t for t in span if t.text not in ('"', "'")]
        while words and (words[0].lower_ in ARTICLES or not is_name_word(words[0])):
            words = words[1:]
        if not words:
            continue
        name = " ".join(t.text for t in words)
        if sum(c.isalnum() for c in name) < _SHORTEST_NAME:
            continue  # "A" (a bad scan's 'clica "A"'): an alias that would match everywhere
        key = f"{span.label_}:{span.kb_id_}"
        anchors.add(f"{ALIAS}{name}:{key}")
        for initials in _initials(words):
            anchors.add(f"{ALIAS}{initials}:{key}")
        if span.kb_id_.endswith(INFERRED_SUFFIX) and (two := _two_initials(words)):
            anchors.add(f"{WEAK_ALIAS}{two}:{key}")
        for word in _short_forms(words):
            anchors.add(f"{ALIAS}{word}:{key}")


_GENERIC_LAST = frozenset(
    "Boys Boyz Locos Posse Crew Crews Gang Gangs Mob Street Streets Salvatrucha Trece Varrio"
    " Barrio Block Blocks Heights Hills Park Parks Side Gardens Homes Courts Projects Towers"
    " Kings Bloods Crips Sets Cliques Avenues Angeles Estados Unidos Dieciocho Eighteen Trece"
    " Thirteen Catorce Fourteen Revolucionarios Surenos Nortenos".split()
)


def _short_forms(words: Sequence[Token]) -> list[str]:
    """The word of a clique's name that the text will call it by again: its last ("the 4-Block
    Hittaz" ... "the Hittaz", "la clica Little Demons" ... "los Demons"), or the first of a
    "<Name> Locos", "<Name> Salvatrucha" or "<Name> Locos Salvatrucha" ("the Canaleros Locos"
    ... "the Canaleros", "Centrales Salvatrucha" ... "the Centrales"), or the word before a
    short name's "de" ("the Vagos de Islip" ... "the Vagos"); a plural-looking proper
    word (or a long last word of a longer name), not a word every gang's name ends with
    ("Boys", "Locos"). Only the names of rules
    whose names recur (a clique's, a name known from context) have them: not "Mara" of "Mara
    Salvatrucha", nor "Disciples" of a listed "Gangster Disciples"."""
    if len(words) < 2:
        return []
    texts = [w.text for w in words]
    first = tuple(texts[1:]) in _FIRST_WORD_TAILS or (
        len(texts) <= _SPANISH_NAME_MAX and texts[1] in _INNER  # "Vagos" + "de Islip"
    )
    word = texts[0] if first else texts[-1]
    proper = len(word) >= 5 and word[:1].isupper() and not word.isupper()
    plural = word[-1] in "sz" or (
        len(texts) >= 3 and not first and len(word) >= _LONG_LAST and not _INNER & set(texts)
    )  # not "Esperanza" of "Solo Locos de Villa Esperanza": a place
    return [word] if proper and plural and word not in _GENERIC_LAST else []


_LONG_LAST = 6
"""Letters of the last word of a name of three words or more that the text may call it by,
plural or not: "the Ferry Lane Wolfpack" ... "the Wolfpack"."""


def _initials(words: Sequence[Token]) -> list[str]:
    """ "VF13" for "Varrio Frutas 13", "NLS" too for "Normandie Locos" (Locos Salvatrucha)."""
    texts = [w.text for w in words]
    named = [t for t in texts if t[:1].isupper() or t.isdigit()]
    if len(named) < 2 or len(named) != len([t for t in texts if t.lower() not in _INNER]):
        return []
    letters = "".join(t if t.isdigit() else t[0] for t in named)
    found = [letters] if len(letters) >= 3 else []
    if texts[-1] in _LOCOS:
        found.append(letters + "S")
    return found


def _two_initials(words: Sequence[Token]) -> str | None:
    """ "OC" for "Olneyville Criminales": the initials of a name of two capitalised words."""
    texts = [w.text for w in words]
    if len(texts) == 2 and all(t[:1].isupper() and t[1:].islower() for t in texts):
        return texts[0][0] + texts[1][0]
    return None


_MEMBERSHIP = frozenset(
    "member members membership affiliated affiliation associate associated associates ties tied"
    " linked belongs belonged miembro miembros integrante integrantes vinculado vinculados"
    " vinculada perteneciente afiliado afiliados".split()
)
_LINKS = frozenset("with of to in from de con a al".split())


def after_membership(doc: Doc, i: int) -> bool:
    """Whether a word of membership and a preposition stand just before token i, a quotation
    mark perhaps between: 'described him as "affiliated with OC,"', 'miembro de OC'."""
    k = i - 1
    while k >= 0 and doc[k].text in _QUOTES:
        k -= 1
    if k < 1 or doc[k].lower_ not in _LINKS:
        return False
    return any(t.lower_ in _MEMBERSHIP for t in doc[max(0, k - 2) : k])


def recurring(
    doc: Doc, spans: list[Span], anchors: set[str], vetoed: Callable[[int], bool]
) -> list[Span]:
    """Spans for each known name of several words wherever it stands in the doc, outside the
    spans found already, unless `vetoed` at its first word."""
    names: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for anchor in sorted(anchors):
        if not anchor.startswith(ALIAS):
            continue
        name, category, subtype = anchor[len(ALIAS) :].rsplit(":", 2)
        words = tuple(name.split(" "))
        if len(words) > 1:
            names.setdefault(words[0], []).append((words, category, subtype))
    if not names:
        return []
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for tok in doc:
        for words, category, subtype in names.get(tok.text, ()):
            end = tok.i + len(words)
            if tuple(t.text for t in doc[tok.i : end]) != words:
                continue
            if any(i in covered for i in range(tok.i, end)) or vetoed(tok.i):
                continue
            start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ in ARTICLES else tok.i
            out.append(Span(doc, start, end, label=category, kb_id=subtype))
            covered.update(range(start, end))
    return out


_AKA = frozenset(
    "also written known called as or aka o conocida conocido como tambien llamada".split()
)


def acronym_after(doc: Doc, end: int) -> str | None:
    """The acronym written in brackets after a name that ends at token `end`, if any: "(HLS)",
    'clica "Hollywood Locos Salvatrucha" (HLS)', '(also written "WFL")', '(BRIC, por sus siglas en
    inglés)'; or after a comma and "or": "Red Notices, or RNs as you call them"."""
    i = end + 1 if end < len(doc) and doc[end].text in _QUOTES else end
    if i + 3 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in _OR:
        acronym, after = doc[i + 2], doc[i + 3]
        if _ACRONYM.match(acronym.text) and (after.is_punct or after.lower_ in _OR_AFTER):
            return acronym.text  # "Red Notices, or RNs as you call them,"
    if i >= len(doc) or doc[i].text != "(":
        return None
    i += 1
    while i < len(doc) and i - end < 6 and doc[i].lower_ in _AKA:
        i += 1
    if i < len(doc) and doc[i].text in _QUOTES:
        i += 1
    k = i + 1 if i + 1 < len(doc) and doc[i + 1].text in _QUOTES else i
    if i < len(doc) and k + 1 < len(doc) and doc[k + 1].text == ")":
        return doc[i].text
    if i < len(doc) and k + 1 < len(doc) and doc[k + 1].text == ",":
        note = doc[k + 2 : k + 2 + _SIGLAS_MAX]
        closed = next((t.i for t in note if t.text == ")"), None)
        if closed is not None and any(t.lower_ in _SIGLAS for t in doc[k + 2 : closed]):
            return doc[i].text  # "(ACTIC, por sus siglas en inglés)"
    return None


_OR = frozenset(["or", "o"])
_OR_AFTER = frozenset("as como for por in en".split())
_SIGLAS = frozenset("siglas sigla acronym acronimo initials".split())
_SIGLAS_MAX = 8
"""How many words a note on the acronym's language may take: "(BRIC, por sus siglas en
inglés)", "(SAFE, for its English acronym)"."""


_STANDS_FOR = (
    ("stands", "for"),
    ("stood", "for"),
    ("means", ""),
    ("meant", ""),
    ("significa", ""),
    ("significan", ""),
    ("quiere", "decir"),
)


def acronym_standing_for(doc: Doc, start: int) -> str | None:
    """The acronym a text says stands for the name starting at token `start`: '"BSV" stands
    for "Brookside Varrio"', 'las letras VHLS significan Vista Hermosa Locos Salvatrucha'."""
    i = start
    if i > 0 and doc[i - 1].text in _QUOTES:
        i -= 1
    for verb, particle in _STANDS_FOR:
        k = i - (2 if particle else 1)
        if k < 1:
            continue
        if doc[k].lower_ != verb or (particle and doc[k + 1].lower_ != particle):
            continue
        j = k - 1
        if doc[j].text in _QUOTES and j > 0:
            j -= 1
        if _CAPITALS.match(doc[j].text):
            return doc[j].text
    return None


def is_acronym_of(acronym: str, span: Span) -> bool:
    """Whether an acronym written after a name stands for it: its letters are, in order, the
    starts of the name's words ("BRIC" for "Boston Regional Intelligence Center", "TdA" for
    "Tren de Aragua", "CERFI" for "Centros Regionales de Fusión de Inteligencia"). A gang's
    acronym only needs the first letter of the name's first capitalised word: clique acronyms
    take in words the text leaves out ("the Coronado Street clique (CSLS)", for Coronado Street
    Locos Salvatrucha). Or spell the words of a record's own name after the place it belongs to:
    "the Nevada Gang Intelligence Records System (GIRS)"."""
    if not _ACRONYM.match(acronym):
        return False
    if sum(c.isupper() for c in acronym) < 2 and not (
        span.label_ != "gang_label" and len(acronym) >= _TITLED_MIN and acronym[1:].islower()
    ):
        return False  # one capital: only a centre's or a programme's titled acronym ("Cefir")
    letters = "".join(c.lower() for c in acronym if c.isalnum())
    if span.label_ == "gang_label":
        capitals = [t.text for t in span if t.text[:1].isupper()]
        if capitals and capitals[0][0].lower() == letters[0]:
            return True
        return len(letters) >= 3 and _spells(letters, [c.lower() for c in capitals[1:]])
    words = [t.text.lower() for t in span if t.text[:1].isalnum()]
    plural = acronym.endswith("s") and letters[:-1]  # "SARs" for "suspicious activity reports"
    if _spells(letters, words) or bool(plural and _spells(plural, words)):
        return True
    if not acronym[2:].isupper():
        return False  # only a state's two letters may be in small letters ("TxJCIC", not "PaCiC")
    postal = [_SHORT_FORMS.get(w, w) for w in words]  # "CTIC": "Connecticut Intelligence Center"
    return postal != words and _spells(letters, postal)


_SHORT_FORMS = dict(
    pair.split(":")
    for pair in (
        "alabama:al alaska:ak arizona:az arkansas:ar california:ca colorado:co connecticut:ct "
        "delaware:de florida:fl georgia:ga hawaii:hi idaho:id illinois:il indiana:in iowa:ia "
        "kansas:ks kentucky:ky louisiana:la maine:me maryland:md massachusetts:ma michigan:mi "
        "minnesota:mn mississippi:ms missouri:mo montana:mt nebraska:ne nevada:nv ohio:oh "
        "oklahoma:ok oregon:or pennsylvania:pa tennessee:tn texas:tx utah:ut vermont:vt "
        "virginia:va washington:wa wisconsin:wi wyoming:wy "
        "southwest:sw northwest:nw southeast:se northeast:ne"
    ).split()
)
"""A state's postal code or a compass word's two letters, which a centre's acronym may take for
the word ("CTIC" for the Connecticut Intelligence Center, "SWTFC" for the Southwest Texas Fusion
Center)."""


_TITLED_MIN = 4
"""The shortest acronym written with one capital that may stand for a name ("(Cefir)" for
"Centro de Fusión de Información Regional"): shorter ones are words."""

_CALLED = (
    ("conocido", "como"),
    ("conocida", "como"),
    ("llamado",),
    ("llamada",),
    ("denominado",),
    ("denominada",),
    ("known", "as"),
    ("also", "known", "as"),
    ("called",),
)
_CALLED_TAIL = frozenset("de del la el los las of the y and".split())
_CALLED_TAIL_MAX = 8
_CAPITALS = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")


def acronym_called(doc: Doc, end: int) -> str | None:
    """The acronym a text gives a name without brackets, after the rest of its name: "el Centro
    de Fusión de Inteligencia de la Secretaría de Seguridad, conocido como CFI", "the Regional
    Intelligence Center, known as RIC", "the Tri-River Regional Intelligence Center, which I
    understand you call "TRIC."". Capitals only; the caller checks it spells the name."""
    i = end
    while (
        i < len(doc)
        and i - end < _CALLED_TAIL_MAX
        and (doc[i].lower_ in _CALLED_TAIL or doc[i].text[:1].isupper())
        and not _CAPITALS.match(doc[i].text)
    ):
        i += 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    for words in _CALLED:
        k = i + len(words)
        if k < len(doc) and tuple(t.lower_ for t in doc[i:k]) == words:
            if doc[k].text in _QUOTES and k + 1 < len(doc):
                k += 1
            return doc[k].text if _CAPITALS.match(doc[k].text) else None
    if i < len(doc) and doc[i].lower_ in _WHICH:  # "which I understand you call "TRIC.""
        for k in range(i + 1, min(i + 1 + _WHICH_MAX, len(doc) - 1)):
            if not doc[k].is_alpha:
                return None
            if doc[k].lower_ in _CALL:
                k += 1
                if doc[k].text in _QUOTES and k + 1 < len(doc):
                    k += 1
                return doc[k].text if _CAPITALS.match(doc[k].text) else None
    return None


_WHICH = frozenset("which that que".split())
_WHICH_MAX = 6
_CALL = frozenset("call calls called llaman llama llamamos conocen".split())


_INITIALS_SKIP = frozenset("de del la el los las of the and y for para en in".split())


def initials_of(span: Span) -> str | None:
    """The initials of a centre's name written in capitals, for the acronym a text may use
    later without introducing it: "CFC" for "the Commonwealth Fusion Center", "CFI" for "Centro
    de Fusión de Inteligencia". Only names of three words or more, each capitalised."""
    words = [t.text for t in span if t.text[:1].isalpha() and t.lower_ not in _INITIALS_SKIP]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def _spells(letters: str, words: list[str]) -> bool:
    """Whether `letters` are starts (of one letter or more) of some of the words, in order. An
    "ex" word may give its "x": "PRIX" for "Piedmont Regional Intelligence Exchange", "INTEX"
    for "Intelligence Exchange"."""
    seen: set[tuple[int, int]] = set()

    def go(i: int, w: int) -> bool:
        if i == len(letters):
            return True
        if w == len(words) or (i, w) in seen:
            return False
        seen.add((i, w))
        word = words[w]
        for form in (word, word[1:]) if word.startswith("ex") else (word,):
            k = 0
            while k < len(form) and i + k < len(letters) and form[k] == letters[i + k]:
                k += 1
                if go(i + k, w + 1):
                    return True
        return go(i, w + 1)

    return go(0, 0)


_JOINS = frozenset(["de", "del"])
_JOINED_ARTICLES = frozenset(["la", "las", "los", "el"])
_SPANISH_ARTICLES = frozenset(["los", "las", "la", "el"])
_THE = frozenset(["the"])
"""An English text's article before a Spanish-style name: "the Vagos de Islip"."""
_MONTHS = frozenset(
    "Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Setiembre Octubre Noviembre"
    " Diciembre".split()
)
_JOINED_MAX = 4
"""Capitalised words one 'del'/'de la' takes in: "Los del Callejón Verde"."""


def extend_right(doc: Doc, start: int, end: int) -> int:
    """The end of a Spanish-style name the match stops short of, at a small word inside it:
    "Los Tecleños" + "del Bulevar", "La Banda" + "del Tizate", "Los" + "del Callejón Verde",
    "Los Tercos" + "de la Libertad", "the Vagos" + "de Islip". Only a name that opens with a
    Spanish article or stands after one (or after an English "the"), and only
    capitalised words after the small ones; not a month ("La Libertad de Septiembre") nor a
    place with its own article ("de El Salvador")."""
    if end <= start or not doc[end - 1].is_title:
        return end
    i = end
    while i > start and (is_name_word(doc[i - 1]) or doc[i - 1].lower_ in _INNER):
        i -= 1
    if doc[i].lower_ not in _SPANISH_ARTICLES and not (
        i > 0 and doc[i - 1].lower_ in _SPANISH_ARTICLES | _THE
    ):
        return _to_acronym(doc, i, end)
    while end < len(doc) and doc[end].lower_ in _JOINS and doc[end].is_lower:
        k = end + 1
        if doc[end].lower_ == "de" and k < len(doc) and doc[k].lower_ in _JOINED_ARTICLES:
            if not doc[k].is_lower:
                break  # a place: "de El Salvador", "de La Libertad"
            k += 1
        j = k
        while (
            j < len(doc)
            and j - k < _JOINED_MAX
            and doc[j].is_title
            and doc[j].is_alpha
            and doc[j].text not in _MONTHS
        ):
            j += 1
        if j == k:
            break
        end = j
    return end


def _to_acronym(doc: Doc, start: int, end: int) -> int:
    """The end of a name the match stops short of at a "de", when the acronym in brackets
    after the longer name spells it: "Solo Locos" + "de Villa Esperanza (SLVE)"."""
    if end >= len(doc) or doc[end].lower_ not in _JOINS or not doc[end].is_lower:
        return end
    j = end + 1
    if j < len(doc) and doc[j].lower_ in _JOINED_ARTICLES and doc[j].is_lower:
        j += 1
    k = j
    while k < len(doc) and k - j < _JOINED_MAX and doc[k].is_title and doc[k].is_alpha:
        k += 1
    if k == j or k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
        return end
    acronym = doc[k + 1].text
    words = [
        t.text for t in doc[start:k] if t.lower_ not in _INITIALS_SKIP and t.text[:1].isalpha()
    ]
    if acronym.isupper() and acronym == "".join(w[0] for w in words).upper():
        return k
    return end


_NAME_STOP = frozenset(
    "the a an at of by from in to and for per with its their our this that his her".split()
)
_NAME_MAX = 6


def extend_left(doc: Doc, start: int, not_names: frozenset[str] = frozenset()) -> int:
    """Take in the capitalised words before a match: "Boston" + "Regional Intelligence Center",
    a number after one ("Avenue 33" + "gang"), quotation marks ('the "Parkview" clique'), a small
    word between two of them ("Brisas del Lago" + "Locos Salvatrucha"); not `not_names` ("a
    Salvadoran clique").

    In text typed in capitals, as many I-213 narratives are, a name's words are all capitals:
    "SAN COCOS LOCOS" + "SALVATRUCHA"."""
    in_caps = doc[start].is_upper and doc[start].is_alpha

    def name_word(k: int) -> bool:
        tok = doc[k]
        if tok.text in not_names:
            return False
        return tok.is_title or (in_caps and tok.is_upper and tok.is_alpha and len(tok) > 1)

    def inside(k: int) -> bool:
        """A number or a quotation mark inside a name, after one of its words."""
        tok = doc[k]
        return (tok.is_digit or tok.text in ('"', "'")) and k > 0 and name_word(k - 1)

    def joining(k: int) -> bool:
        """A small word inside a name, between two of its words ("Brisas del Lago")."""
        return doc[k].lower_ in _INNER and k > 0 and name_word(k - 1) and name_word(k + 1)

    i = start
    while i > 0 and start - i < _NAME_MAX:
        tok = doc[i - 1]
        if tok.lower_ in _NAME_STOP or not (
            name_word(i - 1) or inside(i - 1) or tok.text in ("&", "St.", "-") or joining(i - 1)
        ):
            break
        i -= 1
    while i < start and not name_word(i):
        i += 1
    return i


def unquoted(doc: Doc, span: Span) -> Span:
    """The finding without a quotation mark at its start or end whose pair is not inside it
    ('"soldado' -> 'soldado'); '"soldado" de la clica' and 'clica "Chalate Locos"' stay as
    they are."""
    start, end = span.start, span.end
    if end - start > 1 and doc[start].text in _QUOTES and _odd_quotes(doc, start, end):
        start += 1
    if end - start > 1 and doc[end - 1].text in _QUOTES and _odd_quotes(doc, start, end):
        end -= 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label, kb_id=span.kb_id)


def _odd_quotes(doc: Doc, start: int, end: int) -> bool:
    return sum(t.text in _QUOTES for t in doc[start:end]) % 2 == 1


def merged_subtype(a: str, b: str) -> str:
    """The subtype of two findings joined into one: a membership label if either is one; a
    name the lexicon knows over one known only from its context ("..._inferred")."""
    if "membership_label" in (a, b):
        return "membership_label"
    if a.endswith(INFERRED_SUFFIX) and not b.endswith(INFERRED_SUFFIX):
        return b
    return a
