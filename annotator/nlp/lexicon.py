"""The lexicon: pattern files under models/, one per category and language, loaded as data.

A pattern file is JSON: {"category", "language", "version", "rules": [...], "exclude": [...]}.
Each rule names a `subtype` and gives any of
  phrases   case- and accent-insensitive phrases ("Mara Salvatrucha", "red notice")
  cased     phrases whose capitals must match ("SAFE", "BRIC", "Bloods"); a phrase of several
            words also matches typed all in capitals ("SAFE PROGRAM")
  patterns  spaCy Matcher token patterns over the folded text
and may restrict its matches with
  context          words (a trailing * matches a prefix) one of which must stand within
                   `window` tokens, unless the document has already shown `context_anchor`
  anchor           a name this rule's matches set for the rest of the document
  not_preceded_by / not_followed_by   lower-case words that veto a match when adjacent
  followed_by      lower-case words one of which, or a punctuation mark or the text's end, must
                   come right after a match: a gang noun that heads its phrase ("the gang that
                   killed", "la pandilla.") and does not modify another ("the gang unit")
  not_near         lower-case words that veto a match within 8 tokens of it in its sentence
                   ("Los Pumas" by "equipo", "fútbol"); those of rules with `remember` also
                   veto their names where they recur
  not_in_caps      veto a match inside a run of capitals (a headline: "KEEPING FAMILIES SAFE")
  not_a_name       veto a one-word match followed by a capitalised word: part of a person's
                   name ("dijo Mara Peguero"); `context` words after it do not veto
  languages        the page languages the rule applies to (default: all)
  emit             false for a rule that only sets its anchor
  extend_left      take in the capitalised words before the match: true or "required" (there
                   must be one: "Boston" + "Regional Intelligence Center") or "optional"
  not_names        capitalised words extend_left does not take as a name ("Salvadoran",
                   "March"): "the Parkview clique" is a name, "a Salvadoran clique" is not
  name_only        emit only the name the match ends with ("set known as Monte Cristo Block"
                   -> "Monte Cristo Block"), or else the one it begins with ("Los Benjamins,
                   una estructura" -> "Los Benjamins")
  remember         the names this rule finds recur: marked wherever they stand in the
                   document, and by their initials ("Varrio Frutas 13" ... "VF13")
  trigger          false: the rule's words alone do not make a page worth reading, as they
                   are common ("13", "crew", "set") and the rule needs context other words
                   bring (see Lexicon.triggers)
A rule with `cues` instead adds a span from a cue word to a nearby `near_words` word or an
earlier match of a `near_subtypes` subtype ("affiliated with the MS-13"), across at most
`window` tokens, all of them `link_words` but for at most `free_links` others right by the
target ("a member of the notorious gang"). A rule with `cues` and `list_openers` marks the names a
sentence lists after a cue word and an opener within `window` tokens ("three gangs: A, B and
C", "sets, including A and B"; see names.py); its `context`, if it has one, must stand within
two words of the cue ("criminal organizations such as", not "organizations that serve
migrants, such as").
`exclude` entries (phrases/cased/patterns) mark text where the category must not fire.
A file may name word lists once, `"lists": {"not_names": [...]}`, that any list in its rules
takes in as an item "@not_names" (a token pattern's "IN"/"NOT_IN" lists too).
Hedge files (hedges.<lang>.json) list `hedges` and `negations` phrases.
The user's own pattern files, in the same format (user_lexicon.py), are read after these; what
they find has subtype "user", and a file of theirs that cannot be read is left out and named in
`Lexicon.problems`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any, NamedTuple

from annotator.core.model import Category
from annotator.nlp.normalize import fold

ALIAS = "alias:"
"""Anchors named "alias:ACR:category:subtype" carry an acronym a document introduced."""

RULE_KEYS = {
    "subtype",
    "phrases",
    "cased",
    "patterns",
    "context",
    "window",
    "anchor",
    "context_anchor",
    "not_preceded_by",
    "not_followed_by",
    "followed_by",
    "not_near",
    "cues",
    "near_words",
    "near_subtypes",
    "link_words",
    "languages",
    "not_in_caps",
    "not_a_name",
    "emit",
    "extend_left",
    "not_names",
    "name_only",
    "remember",
    "free_links",
    "list_openers",
    "trigger",
    "note",
}


@dataclass(slots=True)
class Rule:
    key: str
    category: Category
    subtype: str
    phrases: list[str] = field(default_factory=list)
    cased: list[str] = field(default_factory=list)
    patterns: list[list[dict[str, Any]]] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    window: int = 8
    anchor: str = ""
    context_anchor: str = ""
    not_preceded_by: list[str] = field(default_factory=list)
    not_followed_by: list[str] = field(default_factory=list)
    followed_by: frozenset[str] = frozenset()
    not_near: frozenset[str] = frozenset()
    cues: list[str] = field(default_factory=list)
    near_words: list[str] = field(default_factory=list)
    near_subtypes: list[str] = field(default_factory=list)
    link_words: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    not_in_caps: bool = False
    not_a_name: bool = False
    emit: bool = True
    extend_left: str = ""
    """"required": take in the capitalised words before the match, which must be at least one;
    "optional": take them in when there are any ("Fulton Locos" + "Salvatrucha")."""
    not_names: frozenset[str] = frozenset()
    name_only: bool = False
    remember: bool = False
    free_links: int = 0
    list_openers: list[str] = field(default_factory=list)
    trigger: bool = True


@dataclass(slots=True)
class Lexicon:
    version: str
    rules: list[Rule]
    excludes: list[Rule]
    hedges: list[str]
    negations: list[str]
    files: list[str]
    triggers: frozenset[str] = frozenset()
    """Words at least one of which any match needs: a page with none of them is skipped."""
    always: bool = False
    """True when some rule has no literal word to trigger on, so every page must be read."""
    problems: list[str] = field(default_factory=list)
    """User pattern files left out, one line each naming the file and what is wrong with it."""

    def might_match(self, folded_text: str) -> bool:
        return self.always or has_trigger(self.triggers, folded_text)

    def might_match_page(self, text: str) -> bool:
        """might_match on a page's own text, folded first only when folding could change its
        words: letters outside ASCII, or a word hyphenated at a line end."""
        if not text.isascii() or _HYPHEN_AT_LINE_END.search(text):
            text = fold(text).text
        return self.might_match(text)


class WordPieces:
    """A text's lower-case letter and digit runs, as triggers are written; the pairs of
    adjacent runs are made only when a two-word trigger's first word is there."""

    __slots__ = ("present", "runs")

    def __init__(self, text: str) -> None:
        self.runs: list[str] = _PIECE.findall(text.lower())
        self.present = set(self.runs)

    def any_of(self, triggers: frozenset[str]) -> bool:
        if not triggers.isdisjoint(self.present):
            return True
        heads = self.present.intersection(_pair_triggers(triggers))
        if not heads:
            return False
        pairs = {f"{a} {b}" for a, b in pairwise(self.runs) if a in heads}
        return not triggers.isdisjoint(pairs)


def has_trigger(triggers: frozenset[str], text: str) -> bool:
    """Whether the text holds one of the trigger words or word pairs."""
    return WordPieces(text).any_of(triggers)


@lru_cache(maxsize=16)
def _pair_triggers(triggers: frozenset[str]) -> frozenset[str]:
    """The first words of the two-word triggers."""
    return frozenset(t.partition(" ")[0] for t in triggers if " " in t)


_HYPHEN_AT_LINE_END = re.compile(r"-[ \t]*\n")


_PIECE = re.compile(r"[a-z0-9]+")
_FUNCTION_WORDS = frozenset(
    "the a an of and or to in on with for by at as is de la el los las del y o e en con por para "
    "al un una su sus que".split()
)
# Ordinary words a page may well contain: a phrase's trigger is another of its words if it has one.
_COMMON = frozenset(
    "notice notices center centre centers centres street state report reports program programs "
    "file files data list lists member members police regional information intelligence national "
    "new county city department office unit task force system case cases criminal security "
    "enforcement removal removals record records country countries partner partners source "
    "request requests team teams service joint central northern southern eastern western threat "
    "operations analysis exchange organization identified identification involved involvement "
    "linked connected connection connections former leader leaders label labels labeled "
    "transnational match pilot referral referrals agreement agreements initiative workshop hit "
    "packet packets fugitive fugitives alert arrest internacional nacional informacion informe "
    "acuerdo programa seguridad base bases registro registros black brown blue green white "
    "purple silver orange spanish mexican asian associate associates associated affiliate "
    "affiliates affiliated affiliation designation designations allegation allegations suspect "
    "suspects tracking roster validation validated recruit recruits statewide coordination "
    "prevention crime sharing assessment interagency consortium operations capital region history "
    "program systems cards card valley metro north south east west midwest southwest northeast "
    "southeast northwest alabama alaska arizona arkansas california colorado connecticut delaware "
    "florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland "
    "massachusetts michigan minnesota mississippi missouri montana nebraska nevada hampshire "
    "jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode island tennessee "
    "texas utah vermont virginia washington wisconsin wyoming puerto rico boston chicago houston "
    "dallas austin diego angeles francisco sacramento louis detroit orange worth el paso "
    "salvador guatemala honduras agents arrests banks cooperation deportations entries entry "
    "internacionales liaison notification notifications officer officers organizaciones "
    "partnership related rosters warrant warrants known caller callers coast costa este brazo "
    "brazos armado armados gente nueva programas shot".split()
)


def _trigger(text: str) -> str | None:
    """What a page must hold for this phrase to match: its least common word piece, or, when all
    its words are ordinary ones ("Criminal History Information Sharing"), a pair of adjacent
    pieces ("criminal history"). Every piece and pair of a match is in the page's text."""
    pieces = _PIECE.findall(text.lower())
    content = [p for p in pieces if p not in _FUNCTION_WORDS]
    if not content:
        return None
    rare = [p for p in content if p not in _COMMON]
    if rare or len(pieces) < 2:
        return max(content, key=lambda p: (p not in _COMMON, len(p) > 1, len(p)))
    pairs = [f"{a} {b}" for a, b in pairwise(pieces)]
    return max(pairs, key=len)


def _literals(
    spec: dict[str, Any], keys: tuple[str, ...] = ("LOWER", "ORTH", "TEXT", "NORM")
) -> list[str] | None:
    """The literal words a Matcher token spec accepts, or None when it accepts open classes."""
    for key in keys:
        value = spec.get(key)
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return [str(v) for v in value["IN"]]
    return None


class Reach(NamedTuple):
    """Where a token pattern's matches lie around the token it cannot do without."""

    words: frozenset[str]
    """That token's lower-case forms: every match holds one of them."""
    before: int
    """Tokens a match may take in before it."""
    after: int | None
    """Tokens after it; None when a repeated token makes it unbounded."""


def pattern_reach(pattern: list[dict[str, Any]]) -> Reach | None:
    """The reach of a Matcher pattern, around a token it needs exactly once and names by its
    literal words (not only function words nor punctuation, when it has such a token); None
    when it has none."""
    needed = [
        (k, words)
        for k, spec in enumerate(pattern)
        if "OP" not in spec and (words := _literals(spec, ("LOWER", "ORTH", "TEXT")))
    ]
    if not needed:
        return None
    k, words = min(needed, key=lambda item: _commonness(item[1]))
    counts = [_most_tokens(spec.get("OP")) for spec in pattern]
    after = counts[k + 1 :]
    before = counts[:k]
    if None in before:
        return None  # never chosen so far; such a pattern is matched on the whole page
    return Reach(
        frozenset(w.lower() for w in words),
        sum(before),  # type: ignore[arg-type]
        None if None in after else sum(after),  # type: ignore[arg-type]
    )


def _commonness(words: list[str]) -> tuple[int, int]:
    """How common a pattern token's words are, the rarest first: words before function words
    before punctuation (a comma stands everywhere), then fewer of them before more ("SAFE"
    before "programa|unidad|equipo|...")."""
    if all(not any(c.isalnum() for c in w) for w in words):
        return 2, len(words)
    return int(all(w.lower() in _FUNCTION_WORDS for w in words)), len(words)


def _most_tokens(op: str | None) -> int | None:
    """The most tokens a pattern token with this operator takes; None: any number."""
    if op is None or op in ("!", "?"):
        return 1
    if op in ("*", "+"):
        return None
    low, comma, high = op.strip("{}").partition(",")
    if not comma:
        return int(low)
    return int(high) if high else None


def rule_triggers(rule: Rule) -> set[str] | None:
    """Trigger words for a rule; None when it could match without any literal word."""
    found: set[str] = set()
    if not rule.trigger:
        return found
    for phrase in rule.phrases + rule.cased:
        piece = _trigger(phrase)
        if piece is None:
            return None
        found.add(piece)
    for pattern in rule.patterns:
        best: list[str] | None = None
        for spec in pattern:
            if spec.get("OP") in ("?", "*") or str(spec.get("OP", "")).startswith("{0"):
                continue
            words = _literals(spec)
            pieces = [_trigger(w) for w in words] if words else None
            if not pieces or None in pieces:
                continue
            candidate = [p for p in pieces if p]
            if best is None or sum(p in _COMMON for p in candidate) < sum(
                p in _COMMON for p in best
            ):
                best = candidate
        if best is None:
            return None
        found.update(best)
    if rule.cues:
        words = rule.cues if rule.list_openers else rule.near_words
        found.update(p for p in (_trigger(w) for w in words) if p)
    return found
