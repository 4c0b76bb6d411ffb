"""The role reader's cue words, one JSON file per language: models/roles/roles.<lang>.json.

Loaded once per language and indexed by first word, so a sentence is read in one pass; see
`RoleCues` for what each list means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from annotator.core.errors import LexiconError
from annotator.nlp.lexicon_load import read_json
from annotator.nlp.normalize import fold_phrase
from annotator.nlp.role_names import NamePatterns, name_patterns, relation_patterns

TOKEN = re.compile(r"[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*|[.;:,()!?\"]")
"""A word of a sentence or of a cue (with its apostrophes and hyphens), or a punctuation mark."""

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
    "marks",
    "strangers",
    "clause_verbs",
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
    tokens = TOKEN.findall(word.rstrip("*"))
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
    claimant_labels                      a label naming the one the file is about outright
                                         ("Respondent:"): where it stands, the page's other name
                                         labels ("Imputado:", "Victim:") are someone else's
    authorial                            what follows an author's "my" ("my opinion"): no victim
    victim_words, accused_labels         words for the respondent as a victim ("the victim"),
                                         someone else on a page whose form names the respondent
                                         as the accused ("Arrestee:", "Imputado:")
    marks                                a tattoo, garment or drawing: a gang's mark labels
                                         its owner (role_marks.py)
    strangers                            people the account does not know ("unos sujetos",
                                         "two men"): labelled and doing harm, the assailants
    clause_verbs                         a verb that starts a clause after its subject ("would",
                                         "had", "iba a", "me"): a gang phrase after "believed"
                                         followed by one is that clause's subject, no label
    """

    language: str
    version: str
    index: _Index
    name_patterns: NamePatterns
    accused: re.Pattern[str] | None
    """A form label naming the respondent as the accused ("Arrestee:")."""
    relations: tuple[re.Pattern[str], ...] = ()
    """How a relative's declaration names the respondent ("Soy la hermana de NAME")."""
    associate_headers: tuple[str, ...] = ()
    """The header of a form's list of people other than the respondent ("Associated persons",
    "Personas relacionadas"), folded and in lower case: a label listed under it is theirs."""
    fields: frozenset[str] = frozenset()
    """The form fields of the "field" list ("status", "gang"): a line "Status: GANG MEMBER" in a
    list of associates is one of its entries, not the next part of the form."""
    people: frozenset[str] = frozenset()
    """Kin and companion words ("boyfriend", "primo") that may introduce a given name ("a
    boyfriend named Oscar", "Mi exnovio, Brandon", "su primo Kevin"): that name is someone
    else's wherever the page uses it (roles.introduced_names)."""


@lru_cache(maxsize=8)
def load_role_cues(models_dir: Path, language: str) -> RoleCues:
    path = models_dir / "roles" / f"roles.{language}.json"
    data = read_json(path)
    known = {
        *_CLASSES,
        "language",
        "version",
        "description",
        "associate_headers",
        "claimant_labels",
    }
    unknown = set(data) - known
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
    claimant = [fold_phrase(x).lower() for x in data.get("claimant_labels", [])]
    accused = [re.escape(fold_phrase(x)) for x in data.get("accused_labels", [])]
    pattern = re.compile(rf"(?i)\b(?:{'|'.join(accused)})[ \t]*:") if accused else None
    version = str(data.get("version", ""))
    kin = [fold_phrase(x).lower() for x in data.get("family", []) if " " not in x]
    relations = relation_patterns(kin)
    headers = tuple(fold_phrase(x).lower() for x in data.get("associate_headers", []))
    people = frozenset(
        {fold_phrase(x).lower() for x in (*data.get("family", []), *data.get("others", []))}
        - {"family", "familia", "familiares", "relatives", "relative", "another", "others"}
    )
    return RoleCues(
        language,
        version,
        index,
        name_patterns(labels + claimant, claimant),
        pattern,
        relations,
        headers,
        frozenset(fold_phrase(x).lower() for x in data.get("field", [])),
        people,
    )
