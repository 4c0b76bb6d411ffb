"""The registered spaCy component that marks references: `casefile_detector_v1`.

Runs on a blank pipeline (plus the sentencizer) over folded page text; puts its spans in
`doc.spans["casefile"]` with the category as label and the subtype as `kb_id`, and the hedge or
negation cue of the span's sentence, if any, in `span._.hedge_cue` as (start_char, end_char).
A document's pages share `doc.user_data["anchors"]` (a set), so an acronym introduced on one page
("Security Alliance for Fugitive Enforcement (SAFE)") is trusted on the next.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from annotator.core.paths import models_dir as default_models_dir
from annotator.nlp.lexicon import Lexicon, Rule, load_lexicon

SPAN_KEY = "casefile"
FACTORY = "casefile_detector_v1"

if not Span.has_extension("hedge_cue"):
    Span.set_extension("hedge_cue", default=None)


@Language.factory(FACTORY, default_config={"models_dir": ""})
def make_detector(nlp: Language, name: str, models_dir: str) -> CaseFileDetector:
    return CaseFileDetector(nlp, Path(models_dir) if models_dir else default_models_dir())


class CaseFileDetector:
    def __init__(self, nlp: Language, models_dir: Path) -> None:
        self.lexicon: Lexicon = load_lexicon(models_dir)
        self.rules: dict[str, Rule] = {r.key: r for r in self.lexicon.rules + self.lexicon.excludes}
        self.cue_rules = [r for r in self.lexicon.rules if r.cues]
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.by_pattern = Matcher(nlp.vocab)
        for rule in self.rules.values():
            if rule.phrases:
                self.by_lower.add(rule.key, [nlp.make_doc(p) for p in rule.phrases])
            if rule.cased:
                self.by_orth.add(rule.key, [nlp.make_doc(p) for p in rule.cased])
            if rule.patterns:
                self.by_pattern.add(rule.key, rule.patterns)
        self.exclude_keys = {r.key for r in self.lexicon.excludes}
        self.hedge_re = _cue_regex(self.lexicon.hedges + self.lexicon.negations)

    @property
    def version(self) -> str:
        return self.lexicon.version

    def __call__(self, doc: Doc) -> Doc:
        anchors: set[str] = doc.user_data.setdefault("anchors", set())
        found = self._raw_matches(doc)
        excluded: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for rule, start, end in found:
            if rule.key in self.exclude_keys:
                excluded[rule.category].append((start, end))
        lang = doc.lang_
        found = [f for f in found if not f[0].languages or lang in f[0].languages]
        for rule, _, _ in found:
            if rule.anchor and not rule.context:
                anchors.add(rule.anchor)
        spans: list[Span] = []
        found.sort(key=lambda f: bool(f[0].context))  # unconditional matches first: they give context
        for rule, start, end in found:
            if rule.key in self.exclude_keys:
                continue
            if _vetoed(start, end, excluded.get(rule.category, ())):
                continue
            if not self._allowed(doc, rule, start, end, anchors, spans):
                continue
            if rule.anchor:
                anchors.add(rule.anchor)
            if not rule.emit:
                continue
            spans.append(Span(doc, start, end, label=rule.category.value, kb_id=rule.subtype))
        spans += self._cue_spans(doc, spans, excluded)
        kept = _merge_adjacent(doc, filter_spans(spans))
        for span in kept:
            span._.hedge_cue = self._hedge(span)
        doc.spans[SPAN_KEY] = kept
        return doc

    def _raw_matches(self, doc: Doc) -> list[tuple[Rule, int, int]]:
        strings = doc.vocab.strings
        found = []
        for matcher in (self.by_lower, self.by_orth, self.by_pattern):
            for match_id, start, end in matcher(doc):
                found.append((self.rules[strings[match_id]], start, end))
        return found

    def _allowed(
        self, doc: Doc, rule: Rule, start: int, end: int, anchors: set[str], spans: list[Span]
    ) -> bool:
        if rule.not_preceded_by and start > 0 and doc[start - 1].lower_ in rule.not_preceded_by:
            return False
        if rule.not_followed_by and end < len(doc) and doc[end].lower_ in rule.not_followed_by:
            return False
        if rule.not_in_caps and _in_caps_run(doc, start, end, rule.context):
            return False
        if not rule.context:
            return True
        if rule.context_anchor and rule.context_anchor in anchors:
            return True
        sent = doc[start].sent
        lo, hi = max(sent.start, start - rule.window), min(sent.end, end + rule.window)
        around = [t.lower_ for t in doc[lo:start]] + [t.lower_ for t in doc[end:hi]]
        if _has_context(around, rule.context):
            return True
        category = rule.category.value
        if any(s.label_ == category and s.end > lo and s.start < hi and s.start != start for s in spans):
            return True  # in a list of names of the same kind: "18th Street, Florencia 13, MS-13"
        if rule.context_anchor:
            doc.user_data.setdefault("wanted", set()).add(rule.context_anchor)
        return False

    def _cue_spans(
        self, doc: Doc, spans: list[Span], excluded: dict[str, list[tuple[int, int]]]
    ) -> list[Span]:
        out: list[Span] = []
        for rule in self.cue_rules:
            targets = [
                (s.start, s.end) for s in spans
                if s.label_ == rule.category.value and s.kb_id_ in rule.near_subtypes
            ]
            targets += [(t.i, t.i + 1) for t in doc if t.lower_ in rule.near_words]
            if not targets:
                continue
            for tok in doc:
                if tok.lower_ not in rule.cues:
                    continue
                best = _nearest(doc, tok.i, targets, rule)
                if best is None:
                    continue
                start, end = min(tok.i, best[0]), max(tok.i + 1, best[1])
                if _vetoed(start, end, excluded.get(rule.category, ())):
                    continue
                out.append(Span(doc, start, end, label=rule.category.value, kb_id=rule.subtype))
        return out

    def _hedge(self, span: Span) -> tuple[int, int] | None:
        sent = span.sent
        m = self.hedge_re.search(sent.text.lower()) if self.hedge_re else None
        if m is None:
            return None
        return sent.start_char + m.start(), sent.start_char + m.end()


def _cue_regex(cues: list[str]) -> re.Pattern[str] | None:
    if not cues:
        return None
    alts = sorted({re.escape(c) for c in cues}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")


def _has_context(words: list[str], context: list[str]) -> bool:
    joined = " " + " ".join(words) + " "
    for cue in context:
        if cue.endswith("*"):
            if any(w.startswith(cue[:-1]) for w in words):
                return True
        elif " " in cue:
            if f" {cue} " in joined:
                return True
        elif cue in words:
            return True
    return False


def _vetoed(start: int, end: int, ranges: Any) -> bool:
    """An exclusion vetoes a match it overlaps, unless the match holds all of it and more."""
    for s, e in ranges:
        if s < end and start < e and not (start <= s and e <= end and end - start > e - s):
            return True
    return False


def _nearest(doc: Doc, i: int, targets: list[tuple[int, int]], rule: Rule) -> tuple[int, int] | None:
    """The closest target joined to token i by at most `window` link words."""
    best: tuple[int, int] | None = None
    best_gap = rule.window + 1
    links = rule.link_words
    for s, e in targets:
        if s <= i < e:
            continue
        lo, hi = (i + 1, s) if s > i else (e, i)
        gap = hi - lo
        if gap < 0 or gap >= best_gap:
            continue
        if all(doc[k].lower_ in links for k in range(lo, hi)):
            best, best_gap = (s, e), gap
    return best


def _in_caps_run(doc: Doc, start: int, end: int, context: list[str]) -> bool:
    """True beside another all-capital word that is not a context word, as in a headline
    ("NOWHERE SAFE"), but not in "ICE SAFE program"."""

    def caps(k: int) -> bool:
        if not 0 <= k < len(doc):
            return False
        tok = doc[k]
        return tok.is_alpha and len(tok) > 1 and tok.is_upper and tok.lower_ not in context

    return caps(start - 1) or caps(end)


def _merge_adjacent(doc: Doc, spans: list[Span]) -> list[Span]:
    """Join same-category spans that touch ("MS-13" + "gang member") into one finding."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label == span.label and span.start - prev.end <= 0:
            subtype = "membership_label" if "membership_label" in (prev.kb_id_, span.kb_id_) else prev.kb_id_
            out[-1] = Span(doc, prev.start, max(prev.end, span.end), label=prev.label, kb_id=subtype)
        else:
            out.append(span)
    return out
