"""The registered spaCy component that marks references: `casefile_detector_v1`.

Runs on a blank pipeline (plus the sentencizer) over folded page text; puts its spans in
`doc.spans["casefile"]` with the category as label and the subtype as `kb_id`, and the hedge or
negation cue of the span's sentence, if any, in `span._.hedge_cue` as (start_char, end_char).
A document's pages share `doc.user_data["anchors"]` (a set), so an acronym introduced on one page
("Security Alliance for Fugitive Enforcement (SAFE)") is trusted on the next.

Here is how raw matches become findings: the context a match must have, the cue words that link
to a finding, the names known from context, and how overlapping spans are joined. The matchers
themselves run in rule_matching.py; the tests on surrounding words are in context_rules.py.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np
from spacy.attrs import LOWER, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from annotator.core.paths import models_dir as default_models_dir
from annotator.nlp import names
from annotator.nlp.context_rules import (
    before_a_name,
    cue_regex,
    has_context,
    in_caps_run,
    nearest,
    vetoed,
)
from annotator.nlp.lexicon import ALIAS, Lexicon, Rule
from annotator.nlp.lexicon_load import load_lexicon
from annotator.nlp.rule_matching import RuleMatchers

SPAN_KEY = "casefile"
FACTORY = "casefile_detector_v1"

_NEAR = 8
"""How far `not_near` words veto a match."""
_ACRONYM_MIN = 3
"""Letters of an acronym in capitals that a team's or a shop's words near it do not veto."""

_CHAIN_ROUNDS = 4
"""Cue words linked one to the next: the longest list of labels a finding takes in."""

if not Span.has_extension("hedge_cue"):
    Span.set_extension("hedge_cue", default=None)
if not Span.has_extension("sentence_chars"):
    Span.set_extension("sentence_chars", default=None)


@Language.factory(FACTORY, default_config={"models_dir": ""})
def make_detector(nlp: Language, name: str, models_dir: str) -> CaseFileDetector:
    return CaseFileDetector(nlp, Path(models_dir) if models_dir else default_models_dir())


class CaseFileDetector:
    def __init__(self, nlp: Language, models_dir: Path) -> None:
        self.lexicon: Lexicon = load_lexicon(models_dir)
        self.rules: dict[str, Rule] = {r.key: r for r in self.lexicon.rules + self.lexicon.excludes}
        self.cue_rules = [r for r in self.lexicon.rules if r.cues and not r.list_openers]
        strings = nlp.vocab.strings
        self.list_rules = [
            (r, {strings.add(w) for w in r.cues}) for r in self.lexicon.rules if r.list_openers
        ]
        recurring = [r for r in self.lexicon.rules if r.remember]
        self.recur_vetoes = frozenset().union(*(r.not_near for r in recurring))
        self.recur_after = frozenset().union(*(r.not_preceded_by for r in recurring))
        self._ids = {
            r.key: (
                {strings.add(w) for w in r.cues},
                {strings.add(w) for w in r.near_words},
                {strings.add(w) for w in r.link_words},
            )
            for r in self.cue_rules
        }
        watched = set().union(*(cues | near for cues, near, _ in self._ids.values()))
        watched.update(*(cues for _, cues in self.list_rules))
        self._watched = np.array(sorted(watched), dtype=np.uint64)
        self.exclude_keys = {r.key for r in self.lexicon.excludes}
        self.matchers = RuleMatchers(nlp, self.rules, self.exclude_keys)
        self.hedge_re = cue_regex(self.lexicon.hedges + self.lexicon.negations)

    @property
    def version(self) -> str:
        return self.lexicon.version

    def __call__(self, doc: Doc) -> Doc:
        anchors: set[str] = doc.user_data.setdefault("anchors", set())
        lower = doc.to_array(LOWER)
        found = self.matchers.matches(doc, lower)
        self._sent_starts = [int(i) for i in np.flatnonzero(doc.to_array(SENT_START) == 1)] or [0]
        excluded: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for rule, start, end in found:
            if rule.key in self.exclude_keys:
                excluded[rule.category].append((start, end))
        lang = doc.lang_
        found = [f for f in found if not f[0].languages or lang in f[0].languages]
        for rule, _, _ in found:
            if rule.anchor and not rule.context:
                anchors.add(rule.anchor)
        spans, recur = self._accepted(doc, found, excluded, anchors)
        watched: dict[int, list[int]] = {}  # cue and near word -> its positions, ascending
        for i in np.flatnonzero(np.isin(lower, self._watched)).tolist():
            watched.setdefault(int(lower[i]), []).append(i)
        lowered = lower.tolist()
        spans = self._chained(doc, spans, excluded, lowered, watched)
        kept = self._with_names(doc, watched, spans, recur, anchors)
        if any(s.kb_id_ == _ACRONYM for s in kept) and (
            linked := self._cue_spans(doc, kept, excluded, lowered, watched, acronyms=True)
        ):
            kept = filter_spans(kept + [names.unquoted(doc, s) for s in linked])
        for span in kept:
            s_start, s_end = self._sentence(doc, span.start)
            sent = doc[s_start:s_end]
            span._.sentence_chars = (sent.start_char, sent.end_char)
            span._.hedge_cue = self._hedge(sent)
        doc.spans[SPAN_KEY] = kept
        return doc

    def _accepted(
        self,
        doc: Doc,
        found: list[tuple[Rule, int, int]],
        excluded: dict[str, list[tuple[int, int]]],
        anchors: set[str],
    ) -> tuple[list[Span], list[Span]]:
        """The matches their context allows, as findings; and those of them whose names recur
        in the document (rules with `remember`)."""
        spans: list[Span] = []
        recur: list[Span] = []
        found.sort(
            key=lambda f: bool(f[0].context)
        )  # unconditional matches first: they give context
        known = {(start, end) for rule, start, end in found if rule.subtype == "gang_name"}
        for rule, start, end in found:
            if rule.key in self.exclude_keys:
                continue
            if vetoed(start, end, excluded.get(rule.category, ())):
                continue
            if not self._allowed(doc, rule, start, end, anchors, spans):
                continue
            if rule.anchor:
                anchors.add(rule.anchor)
            if not rule.emit:
                continue
            if rule.extend_left:
                named = names.extend_left(doc, start, rule.not_names)
                if named == start and rule.extend_left == "required":
                    continue  # "the Intelligence Center" names no center
                start = named
            if rule.name_only:
                start, end = names.name_in(doc, start, end)
            if rule.subtype == "gang_name_inferred" and (start, end) not in known:
                end = names.extend_right(doc, start, end)  # a known name is whole already
            spans.append(Span(doc, start, end, label=rule.category.value, kb_id=rule.subtype))
            if rule.remember:
                recur.append(spans[-1])
        return spans, recur

    def _chained(
        self,
        doc: Doc,
        spans: list[Span],
        excluded: dict[str, list[tuple[int, int]]],
        ids: list[int],
        watched: dict[int, list[int]],
    ) -> list[Span]:
        """The findings with the spans cue words make with them, round after round."""
        # A list of labels chains one link a round: "miembro activo", "colaborador" o
        # "aspirante" de una pandilla.
        seen = {(s.start, s.end, s.label) for s in spans}
        for _ in range(_CHAIN_ROUNDS):
            new = [
                s
                for s in self._cue_spans(doc, spans, excluded, ids, watched)
                if (s.start, s.end, s.label) not in seen
            ]
            if not new:
                break
            seen.update((s.start, s.end, s.label) for s in new)
            spans += new
        return spans

    def _with_names(
        self,
        doc: Doc,
        watched: dict[int, list[int]],
        spans: list[Span],
        recur: list[Span],
        anchors: set[str],
    ) -> list[Span]:
        """The findings made one per reference, with the names known from context (names.py):
        those a sentence lists, those found before that recur, and the acronyms introduced.
        `watched` holds where the list rules' nouns stand (with the cue rules' words)."""
        for rule, cue_ids in self.list_rules:
            at = sorted(i for w in cue_ids & watched.keys() for i in watched[w])
            if not at:
                continue
            listed = names.list_items(doc, rule, at, lambda i: self._sentence(doc, i))
            spans = spans + listed
            recur = recur + listed
        if _GANG in anchors and (
            before := [
                s
                for s in names.listed_before_others(
                    doc, lambda i: self._sentence(doc, i), _GANG_LABEL, _INFERRED
                )
                if not self._near(doc, s.start, s.end, self.recur_vetoes, _NEAR)
            ]
        ):
            spans = spans + before  # not remembered: "Avenue 57" is a street too
        kept = filter_spans(_merge_adjacent(doc, spans))
        names.remember(recur, anchors)

        def vetoed(i: int) -> bool:
            """A recurring name near a team's or a shop's words, or after a place's: "Los
            Pumas de la UNAH, el equipo", "las colonias Los Olivos"."""
            k = i - 1 if i > 0 and doc[i - 1].lower_ in names.ARTICLES else i
            if k > 0 and doc[k - 1].lower_ in self.recur_after:
                return True
            if len(doc[i].text) >= _ACRONYM_MIN and doc[i].text.isupper():
                return False  # an acronym the text introduced: "TLR used a safe house ... to store"
            return self._near(doc, i, i + 1, self.recur_vetoes, _NEAR)

        if again := names.recurring(doc, kept, anchors, vetoed):
            kept = filter_spans(_merge_adjacent(doc, kept + again))
        return [
            _with_compound_tail(doc, names.unquoted(doc, span))
            for span in self._aliases(doc, kept, anchors, vetoed)
        ]

    def _aliases(
        self, doc: Doc, spans: list[Span], anchors: set[str], vetoed: Callable[[int], bool]
    ) -> list[Span]:
        """Learn "Name (ACR)" and mark ACR wherever it recurs in the document.

        Authors introduce an acronym once and then use it alone: "the Colorado Information
        Analysis Center (CIAC) ... CIAC analysts". The alias is kept with the document's anchors
        as "alias:ACR:category:subtype", so later pages (and a settling pass over earlier ones)
        know it too. A gang's alias is `vetoed` by the words that veto recurring names. Two
        letters of a name found from context (names.WEAK_ALIAS) count only after a word of
        membership: "affiliated with OC". A named centre's initials count as its acronym even
        where the text never introduces them ("the Commonwealth Fusion Center ... the CFC").
        """
        for span in spans:
            acronym = names.acronym_after(doc, span.end)
            if acronym is None and span.label_ != "gang_label":
                acronym = names.acronym_called(doc, span.end)
            if acronym is None and span.label_ == "gang_label":
                acronym = names.acronym_standing_for(doc, span.start)
            if acronym and names.is_acronym_of(acronym, span):
                anchors.add(f"{ALIAS}{acronym}:{span.label_}:acronym")
            elif span.label_ == "fusion_center" and (initials := names.initials_of(span)):
                anchors.add(f"{ALIAS}{initials}:{span.label_}:acronym")
        known: dict[str, list[str]] = {}
        weak: dict[str, list[str]] = {}
        for a in sorted(anchors):  # in order: the same findings on every run ("acronym", an
            if a.startswith(ALIAS):  # acronym the text introduced, before inferred initials)
                known.setdefault(a.split(":")[1], a.split(":")[2:])
            elif a.startswith(names.WEAK_ALIAS):
                weak.setdefault(a.split(":")[1], a.split(":")[2:])
        for letters in sorted(weak):
            if letters in known or letters not in doc.text:
                del weak[letters]
            else:
                known[letters] = weak[letters]
        if not known:
            return spans
        covered = {i for s in spans for i in range(s.start, s.end)}
        extra = [
            Span(doc, t.i, t.i + 1, label=known[t.text][0], kb_id=known[t.text][1])
            for t in doc
            if t.text in known
            and t.i not in covered
            and not (known[t.text][0] == "gang_label" and vetoed(t.i))
            and (t.text not in weak or names.after_membership(doc, t.i))
        ]
        return filter_spans(_merge_adjacent(doc, spans + extra)) if extra else spans

    def _sentence(self, doc: Doc, i: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token i (spaCy's span.sent scans the doc)."""
        k = bisect_right(self._sent_starts, i) - 1
        start = self._sent_starts[max(k, 0)]
        end = self._sent_starts[k + 1] if k + 1 < len(self._sent_starts) else len(doc)
        return start, end

    def _near(self, doc: Doc, start: int, end: int, words: frozenset[str], window: int) -> bool:
        """Whether one of `words` stands within `window` tokens of [start, end) in its sentence."""
        if not words:
            return False
        s_start, s_end = self._sentence(doc, start)
        lo, hi = max(s_start, start - window), min(s_end, end + window)
        return any(t.lower_ in words for t in doc[lo:hi])

    def _allowed(
        self, doc: Doc, rule: Rule, start: int, end: int, anchors: set[str], spans: list[Span]
    ) -> bool:
        if rule.not_preceded_by and start > 0 and doc[start - 1].lower_ in rule.not_preceded_by:
            return False
        if self._near(doc, start, end, rule.not_near, _NEAR):
            return False
        if (
            rule.not_followed_by
            and end < len(doc)
            and _followed_by_any(doc, start, end, rule)
            and not _number_then_phrase(doc, end)
        ):
            return False
        if rule.followed_by and end < len(doc) and not _heads_phrase(doc[end], rule.followed_by):
            return False
        if rule.not_in_caps and in_caps_run(doc, start, end, rule.context):
            return False
        if rule.not_a_name and before_a_name(doc, end, rule.context):
            return False
        if not rule.context:
            return True
        if rule.context_anchor and rule.context_anchor in anchors:
            return True
        s_start, s_end = self._sentence(doc, start)
        lo, hi = max(s_start, start - rule.window), min(s_end, end + rule.window)
        around = [t.lower_ for t in doc[lo:start]] + [t.lower_ for t in doc[end:hi]]
        if has_context(around, rule.context):
            return True
        category = rule.category.value
        if any(
            s.label_ == category and s.end > lo and s.start < hi and s.start != start for s in spans
        ):
            return True  # in a list of names of the same kind: "18th Street, Florencia 13, MS-13"
        if rule.context_anchor:
            doc.user_data.setdefault("wanted", set()).add(rule.context_anchor)
        return False

    def _cue_spans(
        self,
        doc: Doc,
        spans: list[Span],
        excluded: dict[str, list[tuple[int, int]]],
        lower: list[int],
        watched: dict[int, list[int]],
        acronyms: bool = False,
    ) -> list[Span]:
        """Spans a cue word makes with the finding or near word it is linked to; `watched` holds
        where each cue and near word of the page is. With `acronyms`, the spans it makes with
        the acronyms a text gave its gang names, linked as the names are ("soldado de la CFLS"
        after "la clica Confianza Locos Salvatrucha (CFLS)"), once the aliases are known; only
        a cue before the acronym ("WFL members" stays "WFL", a name)."""
        out: list[Span] = []
        for rule in self.cue_rules:
            cue_ids, near_ids, link_ids = self._ids[rule.key]
            cues = sorted(i for w in cue_ids & watched.keys() for i in watched[w])
            if not cues:
                continue
            if acronyms:
                if _NAME not in rule.near_subtypes:
                    continue
                targets = [
                    (s.start, s.end)
                    for s in spans
                    if s.label_ == rule.category.value and s.kb_id_ == _ACRONYM
                ]
            else:
                targets = [
                    (s.start, s.end)
                    for s in spans
                    if s.label_ == rule.category.value and s.kb_id_ in rule.near_subtypes
                ]
                near = sorted(i for w in near_ids & watched.keys() for i in watched[w])
                targets += [(i, i + 1) for i in near]
            if not targets:
                continue
            for i in cues:
                best = nearest(doc, lower, i, targets, rule.window, link_ids, rule.free_links)
                if best is None:
                    continue
                if acronyms and best[0] < i:
                    continue  # "WFL members": the acronym stays a name of its own
                start, end = min(i, best[0]), max(i + 1, best[1])
                if vetoed(start, end, excluded.get(rule.category, ())):
                    continue
                out.append(Span(doc, start, end, label=rule.category.value, kb_id=rule.subtype))
        return out

    def _hedge(self, sent: Span) -> tuple[int, int] | None:
        m = self.hedge_re.search(sent.text.lower()) if self.hedge_re else None
        if m is None:
            return None
        return sent.start_char + m.start(), sent.start_char + m.end()


_DETERMINERS = frozenset(
    "su sus esa ese esas esos esta este estas estos aquella aquel mi mis tu tus nuestra nuestro"
    " nuestras nuestros cada toda todo".split()
)
_ARTICLES_AFTER_DE = frozenset("la el las los".split())
_NOT_A_PLACE_NOUN = frozenset("calle avenida av ave pasaje manana tarde noche madrugada".split())


_QUOTES = frozenset("\"\u201c\u201d\u00ab\u00bb'\u2018\u2019")


_NAME = "gang_name"
_INFERRED = "gang_name_inferred"
_GANG = "gang"
_GANG_LABEL = "gang_label"
_ACRONYM = "acronym"


def _followed_by_any(doc: Doc, start: int, end: int, rule: Rule) -> bool:
    """Whether one of the rule's `not_followed_by` words or phrases comes right after
    [start, end): 'la banda de musica' is followed by 'de musica'. After the closing quote of
    a quoted match too, when what follows names nothing (no capitalised word, number or word
    of the rule's context in the next few words): '"cabecilla" de una estructura de usurpacion',
    but not '"colaborador" de TLS' nor '"colaborador" de la pandilla'."""
    i = end
    quoted = doc[i].text in _QUOTES and start > 0 and doc[start - 1].text in _QUOTES
    if quoted:
        i += 1
    following = [t.lower_ for t in doc[i : i + 4]]
    for phrase in rule.not_followed_by:
        words = phrase.split()
        if following[: len(words)] != words:
            continue
        if not quoted:
            return True
        after = doc[i + len(words) : i + len(words) + 4]
        if any(t.is_upper or t.is_title or t.like_num for t in after):
            continue
        if rule.context and has_context([t.lower_ for t in after], rule.context):
            continue
        return True
    return False


def _number_then_phrase(doc: Doc, end: int) -> bool:
    """Whether a 'de' after a number ("la 18") opens an ordinary phrase, not a date ("la 18 de
    marzo") nor a street or colonia named after one ("la 18 de Septiembre"): 'la clica de la 18
    de su ruta', 'la 18 de la colonia'. Then a `not_followed_by` "de" does not veto the
    number."""
    if not doc[end - 1].is_digit or doc[end].lower_ != "de" or end + 1 >= len(doc):
        return False
    nxt = doc[end + 1]
    if nxt.lower_ in _DETERMINERS and nxt.is_lower:
        return True
    if nxt.lower_ in _ARTICLES_AFTER_DE and nxt.is_lower and end + 2 < len(doc):
        noun = doc[end + 2]
        return noun.is_lower and noun.is_alpha and noun.lower_ not in _NOT_A_PLACE_NOUN
    return False


def _heads_phrase(after: Token, words: frozenset[str]) -> bool:
    """Whether the token after a match lets the match end its phrase: a punctuation mark or
    one of the rule's `followed_by` words (a verb, a pronoun, a preposition), not a noun it
    would modify."""
    return after.is_punct or after.lower_ in words


def _with_compound_tail(doc: Doc, span: Span) -> Span:
    """The finding with the rest of a hyphenated compound it starts: "TdA" in "TdA-affiliated"
    becomes "TdA-affiliated", "MS-13" in "MS-13-linked" "MS-13-linked". The compound is one
    word on the page, and the label it makes is the whole of it."""
    end = span.end
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    if end == span.end:
        return span
    return Span(doc, span.start, end, label=span.label, kb_id=span.kb_id)


def _merge_adjacent(doc: Doc, spans: list[Span]) -> list[Span]:
    """Join same-category spans that touch or overlap ("verified gang" + "gang member") into one
    finding; spans of different categories are left for filter_spans to choose between."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.label, s.start)):
        prev = out[-1] if out else None
        if prev is not None and prev.label == span.label and span.start <= prev.end:
            subtype = names.merged_subtype(prev.kb_id_, span.kb_id_)
            out[-1] = Span(
                doc, prev.start, max(prev.end, span.end), label=prev.label, kb_id=subtype
            )
        else:
            out.append(span)
    return out
