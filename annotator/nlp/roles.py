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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from annotator.core.errors import LexiconError
from annotator.core.model import Role
from annotator.nlp.normalize import fold_phrase

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*|[.;:,()!?\"]")
_BOUNDARY = frozenset(".;:!?()")
_CLASSES = (
    "respondent",
    "first_person",
    "pronouns",
    "family",
    "others",
    "generic_people",
    "harm",
    "acts",
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
)
_LINK_AFTER = 8
"""Tokens after a reference within which a harm word makes the gang its agent."""
_HOLDER_REACH = 14
"""Tokens before a reference within which the person it labels is looked for."""
_GLUE_MAX = 7


Word = tuple[str, bool]
"""A cue word: its text, and whether it matches any word it begins (written with a *)."""


class _Phrases:
    """A list of cue phrases, found in a token list; a word ending in * matches as a prefix."""

    __slots__ = ("exact", "prefixed")

    def __init__(self, phrases: list[str]) -> None:
        self.exact: dict[str, list[tuple[Word, ...]]] = {}
        self.prefixed: dict[str, list[tuple[Word, ...]]] = {}
        for phrase in phrases:
            words = tuple(_cue_word(w) for w in fold_phrase(phrase).lower().split())
            words = tuple(w for w in words if w[0])
            if not words:
                continue
            first, prefix = words[0]
            if prefix:
                self.prefixed.setdefault(first[:3], []).append(words)
            else:
                self.exact.setdefault(first, []).append(words)

    def at(self, tokens: list[str], i: int) -> int:
        """The length of the longest cue starting at token i, 0 when none does."""
        best = 0
        for words in (*self.exact.get(tokens[i], ()), *self.prefixed.get(tokens[i][:3], ())):
            n = len(words)
            if (
                n > best
                and i + n <= len(tokens)
                and all(
                    tokens[i + k].startswith(w) if prefix else tokens[i + k] == w
                    for k, (w, prefix) in enumerate(words)
                )
            ):
                best = n
        return best


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
    copula, identify, modifiers          words between a person and the label that ties them
                                         ("is a", "identified as a known")
    association                          words that put a label on companions ("seen with")
    background, gang_plural              the marks of general prose
    field, entry                         form fields ("Status:"); an entry in a database
    name_labels, denial                  where a form names the respondent ("Name:"); negation
    """

    language: str
    version: str
    phrases: dict[str, _Phrases]
    name_labels: tuple[str, ...]

    def words(self, name: str) -> _Phrases:
        return self.phrases[name]


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
    phrases = {name: _Phrases(list(data.get(name, []))) for name in _CLASSES}
    labels = tuple(fold_phrase(x).lower() for x in data.get("name_labels", []))
    return RoleCues(language, str(data.get("version", "")), phrases, labels)


@dataclass(slots=True)
class _Sentence:
    """A sentence's tokens (lower case and as written), where they are, and its cue hits."""

    start: int
    tokens: list[str]
    raw: list[str]
    offsets: list[int]
    hits: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        first = next((k for k, o in enumerate(self.offsets) if o + len(self.raw[k]) > start), 0)
        last = next((k for k, o in enumerate(self.offsets) if o >= end), len(self.tokens))
        return first, max(last, first + 1)

    def any(self, name: str, outside: tuple[int, int] = (0, 0)) -> bool:
        a, b = outside
        return any(not (a <= s < b) for s, _ in self.hits.get(name, ()))


class RoleReader:
    """Decides the role of the gang references on one page of folded text."""

    def __init__(self, cues: RoleCues, text: str) -> None:
        self.cues = cues
        self.text = text
        self._sentences: dict[tuple[int, int], _Sentence] = {}
        self._names: frozenset[str] | None = None

    @property
    def names(self) -> frozenset[str]:
        """Words of the respondent's name as the page gives it ("Name: GARCIA-PEREZ, Jonathan")."""
        if self._names is None:
            self._names = _learn_names(self.text, self.cues.name_labels)
        return self._names

    def role(self, start: int, end: int, s_start: int, s_end: int, subtype: str) -> Role:
        sent = self._sentence(s_start, s_end)
        a, b = sent.token_range(start, end)
        return _decide(self, sent, a, b, subtype)

    def previous(self, sent: _Sentence) -> _Sentence | None:
        """The sentence before `sent` on the page (up to 400 characters back), if any."""
        lo = max(0, sent.start - 400)
        head = self.text[lo : sent.start].rstrip()
        if not head:
            return None
        cut = max(head.rfind(". ", 0, len(head) - 1), head.rfind("? "), head.rfind("! "))
        begin = lo + (cut + 2 if cut >= 0 else 0)
        return self._sentence(begin, lo + len(head))

    def _sentence(self, start: int, end: int) -> _Sentence:
        key = (start, end)
        sent = self._sentences.get(key)
        if sent is None:
            sent = self._sentences[key] = self._read(start, end)
        return sent

    def _read(self, start: int, end: int) -> _Sentence:
        raw, offsets = [], []
        for m in _TOKEN.finditer(self.text, start, end):
            raw.append(m.group())
            offsets.append(m.start())
        # "the cousin's" is the cousin for the cues; _possessed reads the "'s" from `raw`.
        tokens = [t.lower().removesuffix("'s") for t in raw]
        sent = _Sentence(start, tokens, raw, offsets)
        for name in _CLASSES:
            phrases = self.cues.words(name)
            found = []
            i = 0
            while i < len(tokens):
                n = phrases.at(tokens, i)
                if n:
                    found.append((i, i + n))
                    i += n
                else:
                    i += 1
            if found:
                sent.hits[name] = found
        names = self.names
        if names:
            named = [(k, k + 1) for k, t in enumerate(tokens) if t in names and raw[k][0].isupper()]
            if named:
                sent.hits.setdefault("respondent", []).extend(named)
        _other_names(sent, names)
        return sent


_NAME_WORD = r"[A-Z][A-Za-z'-]+"
_NAME = rf"((?:{_NAME_WORD})(?:,?[ \t]+(?:{_NAME_WORD})){{0,5}})"
_NAME_STOP = frozenset(
    "de del la las los y el en por para con se que the of and on at in by for to is was "
    "dob date fecha no event file number sex male female born".split()
)


def _learn_names(text: str, labels: tuple[str, ...]) -> frozenset[str]:
    """The respondent's name words: after a form's name label ("Name:", "Nombre:"), or a title
    naming the declarant ("DECLARATION OF ANA LOPEZ")."""
    if not labels:
        return frozenset()
    alternatives = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in labels)
    pattern = re.compile(rf"(?i:\b(?:{alternatives}))\s*:?[ \t]+{_NAME}")
    words: set[str] = set()
    for m in pattern.finditer(text):
        for w in re.split(r"[\s,]+", m.group(1)):
            w = w.lower()
            if w in _NAME_STOP:
                break  # "Jose Rigoberto" + "Por medio del presente": the name has ended
            if len(w) >= 3:
                words.update(part for part in w.split("-") if len(part) >= 3)
                words.add(w)
    return frozenset(words)


def _other_names(sent: _Sentence, respondent: frozenset[str]) -> None:
    """Mark people named in the I-213 manner ("Marvin CRUZ", "MARTINEZ, Josue") who are not
    the respondent: a name with a word the respondent's name lacks (a brother shares the
    surname, not the given names). Only when the page has given the respondent's name, and not
    in a sentence typed all in capitals, where no name can be told apart."""
    raw = sent.raw
    letters = [t for t in raw if t[0].isalpha()]
    if not respondent or not letters or sum(t.isupper() for t in letters) > 0.6 * len(letters):
        return
    k, found = 0, []
    while k < len(raw):
        end = k
        while end < len(raw) and _name_word(raw[end]):
            end += 1
        words = raw[k:end]
        capitals = any(w.isupper() and len(w) >= 3 for w in words)
        if len(words) >= 2 and capitals and any(w.lower() not in respondent for w in words):
            found.append((k, end))
        k = max(end, k + 1)
    if found:
        taken = {i for s, e in found for i in range(s, e)}
        kept = [h for h in sent.hits.get("respondent", ()) if h[0] not in taken]
        sent.hits["respondent"] = kept
        sent.hits.setdefault("others", []).extend(found)


def _name_word(word: str) -> bool:
    return word[:1].isupper() and word.isalpha() and word.lower() not in _NAME_STOP


def _decide(reader: RoleReader, sent: _Sentence, a: int, b: int, subtype: str) -> Role:
    tie, holder = _holder(sent, a, b)
    link = _harm_linked(sent, a, b)
    victim = _victim(sent, a, b, reader.cues.language)
    charged = sent.any("charge") and (holder == "R" or (not holder and not _general(sent, a, b)))
    if tie == "strong":
        if holder == "R":
            return Role.SUBJECT
        if holder == "T":
            return Role.PERSECUTOR if link in ("after", "acts") and victim else Role.THIRD_PARTY
        return Role.BACKGROUND
    if link == "acts" and not victim:
        link = ""
    if _associated(sent, a) and not link:
        if sent.any("respondent") or sent.any("pronouns") or sent.any("others"):
            return Role.THIRD_PARTY
        return Role.BACKGROUND
    if link and not charged:
        if victim:
            return Role.PERSECUTOR
        if _general(sent, a, b):
            return Role.BACKGROUND
        before = reader.previous(sent)
        told = before is not None and _victim(before, 0, 0, reader.cues.language)
        return Role.PERSECUTOR if told or link != "after" else Role.BACKGROUND
    if charged:
        return Role.SUBJECT
    if holder == "T":
        return Role.THIRD_PARTY
    if holder == "G":
        return Role.BACKGROUND
    if holder == "R" and (subtype != "gang_name" or not _first_person_story(sent, a, b)):
        return Role.SUBJECT
    return _unattached(reader, sent, a, b, subtype)


def _first_person_story(sent: _Sentence, a: int, b: int) -> bool:
    """A gang named in the respondent's own account, not as a label: "the police could not
    protect us because the Mara Salvatrucha controls the neighbourhood"."""
    return sent.any("first_person", (a, b)) and not sent.any("identify") and not _denied(sent, a)


def _denied(sent: _Sentence, a: int) -> bool:
    """A negation just before the reference: "no gang affiliation", "denied being a"."""
    return any(a - 4 <= s < a for s, _ in sent.hits.get("denial", ()))


def _unattached(reader: RoleReader, sent: _Sentence, a: int, b: int, subtype: str) -> Role:
    """A reference no person is tied to in its sentence."""
    general = _general(sent, a, b)
    victim = _victim(sent, a, b, reader.cues.language)
    if not general and victim and (sent.any("harm", (a, b)) or sent.any("flight")):
        return Role.PERSECUTOR
    if general:
        return Role.BACKGROUND
    if subtype == "gang_database" and not _holder(sent, a, b)[1]:
        # an entry in it ("forwarded for entry into the gang database"), or the database itself
        return Role.SUBJECT if sent.any("entry") else Role.BACKGROUND
    if _field(sent, a) or _denied(sent, a) or sent.any("identify"):
        return Role.SUBJECT
    if subtype == "gang_name" and _first_person_story(sent, a, b):
        return Role.PERSECUTOR
    if sent.any("respondent") or sent.any("first_person") or sent.any("pronouns"):
        return Role.SUBJECT
    return Role.SUBJECT if subtype == "membership_label" else Role.BACKGROUND


def _holder(sent: _Sentence, a: int, b: int) -> tuple[str, str]:
    """The person the reference labels: ("strong" | "weak" | "", "R" | "T" | "G" | "")."""
    refs = []
    for name, kind in (
        ("respondent", "R"),
        ("first_person", "R"),
        ("pronouns", "R"),
        ("family", "T"),
        ("others", "T"),
        ("generic_people", "G"),
    ):
        for s, e in sent.hits.get(name, ()):
            if e <= a and a - e <= _HOLDER_REACH:
                refs.append((e, s, kind, name))
    if not refs:
        return "", ""
    refs.sort(reverse=True)
    end, start, kind, name = refs[0]
    same = [r for r in refs if r[0] == end]
    if any(r[2] == "T" for r in same) and name == "pronouns":
        kind = "T"  # "his cousin": the possessive names the cousin's owner, not the holder
    if _possessed(sent, start, end):
        kind = "T"
    between = range(end, a)
    if _crosses(sent, end, a):
        return "", ""
    if len(between) <= _GLUE_MAX and all(_glue(sent, k) for k in between):
        return "strong", kind
    return "weak", kind


def _possessed(sent: _Sentence, start: int, end: int) -> bool:
    """ "the subject's cousin": a respondent word owning a kin or other-person word."""
    return (
        end < len(sent.tokens)
        and sent.raw[end - 1].lower().endswith("'s")
        and any(s == end for name in ("family", "others") for s, _ in sent.hits.get(name, ()))
    )


def _glue(sent: _Sentence, k: int) -> bool:
    """Token k may stand between a person and the label it takes: "is a known", ", an"."""
    if sent.tokens[k] == ",":
        return True
    return any(s <= k < e for name in _GLUE for s, e in sent.hits.get(name, ()))


_GLUE = ("copula", "identify", "modifiers")


def _harm_linked(sent: _Sentence, a: int, b: int) -> str:
    """How the gang is tied to harm in its sentence: "flight" (fled from it, refused to join
    it), "agent" (threatened by it), "after" (it threatened), "acts" (it told, it wanted: harm
    only if someone of the respondent's side is there), or ""."""
    for _, e in sent.hits.get("flight", ()):
        if e <= a and a - e <= 4 and not _crosses(sent, e, a):
            return "flight"
    harms = sent.hits.get("harm", ())
    for s, e in sent.hits.get("agent", ()):
        if e <= a and a - e <= 4 and any(he <= s and s - he <= 4 for _, he in harms):
            return "agent"
    for s, _ in harms:
        if b <= s <= b + _LINK_AFTER and not _crosses(sent, b, s) and not _passive(sent, s):
            return "after"
    for s, _ in sent.hits.get("acts", ()):
        if b <= s <= b + 3 and not _crosses(sent, b, s):
            return "acts"
    return ""


def _crosses(sent: _Sentence, start: int, end: int) -> bool:
    """A clause boundary between tokens start and end (not the period of an initial: "A.")."""
    return any(_boundary(sent, k) for k in range(start, end))


def _boundary(sent: _Sentence, k: int) -> bool:
    word = sent.tokens[k]
    return word in _BOUNDARY and not (word == "." and k > 0 and len(sent.tokens[k - 1]) == 1)


def _passive(sent: _Sentence, k: int) -> bool:
    """ "was killed": the harm falls on the one before it, who did not do it."""
    return k > 0 and any(s <= k - 1 < e for s, e in sent.hits.get("copula", ()))


_CLITICS = frozenset("lo la le les los me nos te".split())


def _victim(sent: _Sentence, a: int, b: int, language: str) -> bool:
    """Someone of the respondent's side is in the sentence, outside the reference."""
    for name in ("respondent", "first_person", "family"):
        if sent.any(name, (a, b)):
            return True
    if language == "es":  # "la amenazaron", "le dijeron": a clitic before a verb of harm
        verbs = {s for name in ("harm", "acts") for s, _ in sent.hits.get(name, ())}
        return any(t in _CLITICS and k + 1 in verbs for k, t in enumerate(sent.tokens))
    return sent.any("pronouns", (a, b))


def _associated(sent: _Sentence, a: int) -> bool:
    """ "seen with known MS-13 members": the label is on the companions."""
    for _, e in sent.hits.get("association", ()):
        if e <= a and a - e <= 3 and all(_glue(sent, k) for k in range(e, a)):
            return True
    return False


def _general(sent: _Sentence, a: int, b: int) -> bool:
    """General prose: country conditions, statistics, gangs in the plural, with nobody of the
    respondent's side in it."""
    if sent.any("respondent") or sent.any("first_person"):
        return False
    plural = any(s < b and e > a for s, e in sent.hits.get("gang_plural", ()))
    return plural or sent.any("background") or sent.any("generic_people")


def _field(sent: _Sentence, a: int) -> bool:
    """A form field naming the respondent's own classification: "Status: Gang Associate"."""
    return a >= 2 and sent.tokens[a - 1] == ":" and sent.any("field")
