"""Who a gang reference is about: the respondent, the gang as persecutor, someone else, or
background.

An asylum file names gangs mostly as the persecutor ("MS-13 extorted her market stall"); a
removal file uses the same names to label the respondent ("a documented MS-13 associate"). The
role is read from the reference's sentence, with its neighbours for context, on a blank
pipeline (no parser): who is linked to the reference as the one it labels (the respondent, a
cousin, "students"), whether the gang is the agent of harm against the respondent or the family
("threatened by", "fled from", "refused to join"), a criminal charge the respondent faces, and
the marks of general prose (countries, statistics, "gangs" in the plural). The cue words are
data, `models/roles/roles.<lang>.json`; see `RoleCues` for what each list means.

Only gang references get a role; a page's sentences are read once however many references they
hold, so the cost is a few dozen dictionary look-ups per sentence that has one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from annotator.core.errors import LexiconError
from annotator.core.model import Role
from annotator.nlp.normalize import fold_phrase
from annotator.nlp.role_rules import decide
from annotator.nlp.role_sentence import Sentence

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*|[.;:,()!?\"]")
_CLASSES = (
    "respondent",
    "first_person",
    "pronouns",
    "family",
    "others",
    "assailants",
    "generic_people",
    "harm",
    "acts",
    "speech",
    "adverbs",
    "agent",
    "flight",
    "charge",
    "copula",
    "association",
    "identify",
    "modifiers",
    "background",
    "gang_plural",
    "field",
    "entry",
    "name_labels",
    "denial",
    "authorial",
    "victim_words",
    "accused_labels",
)


Word = tuple[str, bool]
"""A cue word: its text, and whether it matches any word it begins (written with a *)."""


Cue = tuple[str, tuple[Word, ...]]
"""A cue phrase and the list it belongs to."""


class _Index:
    """Every cue phrase of a language, indexed by its first word (or the first three letters of
    a first word written with a *): a sentence is read in one pass, a token that starts no cue
    costing two dictionary look-ups."""

    __slots__ = ("exact", "prefixed")

    def __init__(self, lists: dict[str, list[str]]) -> None:
        self.exact: dict[str, list[Cue]] = {}
        self.prefixed: dict[str, list[Cue]] = {}
        for name, phrases in lists.items():
            for phrase in phrases:
                words = tuple(_cue_word(w) for w in fold_phrase(phrase).lower().split())
                words = tuple(w for w in words if w[0])
                if not words:
                    continue
                first, prefix = words[0]
                table = self.prefixed if prefix else self.exact
                table.setdefault(first[:3] if prefix else first, []).append((name, words))

    def hits(self, tokens: list[str]) -> dict[str, list[tuple[int, int]]]:
        """Per cue list, where its cues stand: at each token the longest cue of the list
        starting there, the lists' matches not overlapping within a list."""
        found: dict[str, list[tuple[int, int]]] = {}
        free: dict[str, int] = {}
        n_tokens = len(tokens)
        for i, token in enumerate(tokens):
            candidates = self.exact.get(token, ()), self.prefixed.get(token[:3], ())
            best: dict[str, int] = {}
            for group in candidates:
                for name, words in group:
                    n = len(words)
                    if i < free.get(name, 0) or n <= best.get(name, 0) or i + n > n_tokens:
                        continue
                    if all(
                        tokens[i + k].startswith(w) if prefix else tokens[i + k] == w
                        for k, (w, prefix) in enumerate(words)
                    ):
                        best[name] = n
            for name, n in best.items():
                found.setdefault(name, []).append((i, i + n))
                free[name] = i + n
        return found


def _cue_word(word: str) -> Word:
    """ "refus*" -> ("refus", True); punctuation in a cue ("Name:") is its own token."""
    prefix = word.endswith("*")
    tokens = _TOKEN.findall(word.rstrip("*"))
    return (tokens[0] if tokens else "", prefix)


@dataclass(frozen=True, slots=True)
class RoleCues:
    """One language's cue lists (models/roles/roles.<lang>.json):

    respondent, first_person, pronouns   words for the respondent ("the subject", "el denunciante")
    family, others, generic_people       other people: kin, third persons, people in general
    harm, agent, flight, charge          harm done to someone ("extorted"); agent words ("by");
                                         words before a gang that make it the persecutor ("fled
                                         from", "refused to join"); a charge the respondent faces
    acts, speech, adverbs                what a gang does to someone ("told", "wanted"); verbs
                                         that are not its deeds ("stated", "based"); adverbs
                                         between it and its verb ("later")
    copula, identify, modifiers          words between a person and the label that ties them
                                         ("is a", "identified as a known")
    association                          words that put a label on companions ("seen with")
    background, gang_plural              the marks of general prose
    field, entry                         form fields ("Status:"); an entry in a database
    name_labels, denial                  where a form names the respondent ("Name:"); negation
    authorial                            what follows an author's "my" ("my opinion"): no victim
    victim_words, accused_labels         words for the respondent as a victim ("the victim"),
                                         someone else on a page whose form names the respondent
                                         as the accused ("Arrestee:", "Imputado:")
    """

    language: str
    version: str
    index: _Index
    name_patterns: NamePatterns
    accused: re.Pattern[str] | None
    """A form label naming the respondent as the accused ("Arrestee:")."""


@lru_cache(maxsize=8)
def load_role_cues(models_dir: Path, language: str) -> RoleCues:
    path = models_dir / "roles" / f"roles.{language}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise LexiconError(f"{path}: missing") from err
    except json.JSONDecodeError as err:
        raise LexiconError(f"{path}: not valid JSON (line {err.lineno}: {err.msg})") from err
    unknown = set(data) - {*_CLASSES, "language", "version", "description"}
    if unknown:
        raise LexiconError(f"{path}: unknown cue lists {sorted(unknown)}")
    lists = {name: list(data.get(name, [])) for name in _CLASSES}
    if language == "es":  # "el acusado" is also "al acusado", "del acusado"
        lists["respondent"] += [
            f"{c} {p[3:]}"
            for p in lists["respondent"]
            if p.startswith("el ")
            for c in ("al", "del")
        ]
    index = _Index(lists)
    labels = [fold_phrase(x).lower() for x in data.get("name_labels", [])]
    accused = [re.escape(fold_phrase(x)) for x in data.get("accused_labels", [])]
    pattern = re.compile(rf"(?i)\b(?:{'|'.join(accused)})[ \t]*:") if accused else None
    version = str(data.get("version", ""))
    return RoleCues(language, version, index, _name_patterns(labels), pattern)


DECIDED_KEPT = 512
"""Roles kept for references read in the same words on an earlier page."""
_DECIDED: dict[tuple[object, ...], Role] = {}

NAME_REACH = 3000
"""Characters at the head of a page read for the respondent's name (forms give it at the top)."""


class RoleReader:
    """Decides the role of the gang references on one page of folded text."""

    def __init__(self, cues: RoleCues, text: str, page_text: str = "") -> None:
        """`text` is the folded page text the spans point into; `page_text`, the page as
        extracted, with its line breaks, is where the respondent's name is read."""
        self.cues = cues
        self.text = text
        self.page_text = page_text or text
        self._sentences: dict[tuple[int, int], Sentence] = {}
        self._decided: dict[int, list[tuple[int, Role]]] = {}
        """Per sentence, where each reference decided so far ends and its role."""
        self._names: frozenset[str] | None = None
        self._accused: bool | None = None

    @property
    def names(self) -> frozenset[str]:
        """Words of the respondent's name as the page gives it ("Name: GARCIA-PEREZ, Jonathan")."""
        if self._names is None:
            text = self.page_text[:NAME_REACH]
            self._names = _learn_names(
                text if text.isascii() else fold_phrase(text), self.cues.name_patterns
            )
        return self._names

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
        decided.append((end - s_start, role))
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
        names = self.names
        if names:
            named = [(k, k + 1) for k, t in enumerate(tokens) if t in names and raw[k][0].isupper()]
            if named:
                sent.hits.setdefault("respondent", []).extend(named)
        _other_names(sent, names)
        return sent


@lru_cache(maxsize=256)
def _tokens(
    cues: RoleCues, text: str
) -> tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...], dict[str, list[tuple[int, int]]]]:
    """A sentence's tokens as written, where they start, in lower case, and its cue hits.
    Kept for the sentences a file repeats (form boilerplate): the caller copies the lists."""
    found = list(_TOKEN.finditer(text))
    raw = tuple(m.group() for m in found)
    # "the cousin's" is the cousin for the cues; _possessed reads the "'s" from `raw`.
    tokens = tuple(t.lower().removesuffix("'s") for t in raw)
    return raw, tuple(m.start() for m in found), tokens, cues.index.hits(list(tokens))


_NAME_WORD = r"[A-Z][A-Za-z'-]+"
_NAME = rf"((?:{_NAME_WORD})(?:,?[ \t]+(?:{_NAME_WORD})){{0,5}})"
_NAME_AFTER = re.compile(_NAME)
_NAME_STOP = frozenset(
    "de del la las los y el en por para con se que the of and on at in by for to is was "
    "dob date fecha no event file number sex male female born".split()
)


@dataclass(frozen=True, slots=True)
class NamePatterns:
    """Where a page names the respondent: a form's name label before a colon ("Name:",
    "Nombre:"), or a title ("DECLARATION OF ANA LOPEZ": a label ending in "of" or "de")."""

    field: re.Pattern[str] | None
    """A name label at the end of the text before a colon."""
    titles: tuple[str, ...]
    title: re.Pattern[str] | None


def _name_patterns(labels: list[str]) -> NamePatterns:
    fields = [x for x in labels if not x.endswith((" of", " de"))]
    titles = tuple(x for x in labels if x.endswith((" of", " de")))

    def alternatives(group: list[str] | tuple[str, ...]) -> str:
        return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in group)

    field = re.compile(rf"(?i:\b(?:{alternatives(fields)}))[ \t]*$") if fields else None
    title = (
        re.compile(rf"(?i:\b(?:{alternatives(titles)}))[ \t]*:?[ \t]+{_NAME}") if titles else None
    )
    return NamePatterns(field, titles, title)


def _learn_names(text: str, patterns: NamePatterns) -> frozenset[str]:
    """The respondent's name words, as the page's forms and titles give them. Only the text
    before each colon is tried for a label, so a page costs little more than finding its
    colons."""
    words: set[str] = set()
    if patterns.field is not None:
        for colon in _COLON.finditer(text):
            if patterns.field.search(text, max(0, colon.start() - 40), colon.start()):
                name = _NAME_AFTER.match(text, colon.end())
                if name:
                    _name_words(name.group(1), words)
    if patterns.title is not None:
        lower = text.lower()
        if any(t in lower for t in patterns.titles):
            for m in patterns.title.finditer(text):
                _name_words(m.group(1), words)
    return frozenset(words)


_COLON = re.compile(r":[ \t]+")


def _name_words(name: str, words: set[str]) -> None:
    for w in re.split(r"[\s,]+", name):
        w = w.lower()
        if w in _NAME_STOP:
            return  # "Jose Rigoberto" + "Por medio del presente": the name has ended
        if len(w) >= 3:
            words.update(part for part in w.split("-") if len(part) >= 3)
            words.add(w)


def _other_names(sent: Sentence, respondent: frozenset[str]) -> None:
    """Mark people named in the I-213 manner ("Marvin CRUZ", "MARTINEZ, Josue") who are not
    the respondent: a name at most half of whose words are the respondent's (a brother shares
    the surnames, not the given names). Only when the page has given the respondent's name, and not
    in a sentence typed all in capitals, where no name can be told apart."""
    if not respondent:
        return
    raw = sent.raw
    letters = [t for t in raw if t[0].isalpha()]
    if not letters or sum(t.isupper() for t in letters) > 0.6 * len(letters):
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
        capitals = any(w.isupper() and len(w) >= 3 for w in words)
        shared = sum(w.lower() in respondent for w in words)
        if len(words) >= 2 and capitals and shared <= len(words) / 2:
            found.append((k, end))
        k = max(end, k + 1)
    if found:
        taken = {i for s, e in found for i in range(s, e)}
        kept = [h for h in sent.hits.get("respondent", ()) if h[0] not in taken]
        sent.hits["respondent"] = kept
        sent.hits.setdefault("others", []).extend(found)


def _nickname(raw: list[str], k: int) -> bool:
    return k + 2 < len(raw) and raw[k] == raw[k + 2] == '"' and _name_word(raw[k + 1])


def _name_word(word: str) -> bool:
    return word[:1].isupper() and word.isalpha() and word.lower() not in _NAME_STOP


_JOINERS = frozenset("of the de la el del los las".split())


def _attached(sent: Sentence, a: int, decided: list[tuple[int, Role]]) -> Role | None:
    """The role of the label a gang's name completes ("pandillero" + "de la 18"): the name is
    about whoever the label is about. `decided` holds where each earlier reference of the
    sentence ends (characters from the sentence's start) and its role."""
    for ends_at, role in decided:
        end = sent.token_range(sent.start + ends_at - 1, sent.start + ends_at)[1]
        if end <= a and a - end <= 3 and all(t in _JOINERS for t in sent.tokens[end:a]):
            return role
    return None
