"""Running the lexicon's matchers over a page: every raw match of every rule, before context.

Phrases cost nothing per token, so they run over the whole page; a token pattern costs time on
every token it is run over, so each pattern rule runs only around the tokens its patterns need
(a Scope), or on pages that hold its trigger words.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from annotator.nlp.lexicon import Rule, WordPieces, pattern_reach, rule_triggers


class RuleMatchers:
    """The phrase and pattern matchers of a lexicon's rules (and its exclusions)."""

    def __init__(self, nlp: Language, rules: dict[str, Rule], exclude_keys: set[str]) -> None:
        strings = nlp.vocab.strings
        self.rules = rules
        self.exclude_keys = exclude_keys
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        # One Matcher per pattern rule, run only around the tokens its patterns need.
        self.by_pattern: list[tuple[Rule, Matcher, Scope | frozenset[str] | None]] = []
        for rule in rules.values():
            if rule.phrases:
                self.by_lower.add(rule.key, [nlp.make_doc(p) for p in rule.phrases])
            if rule.cased:
                self.by_orth.add(rule.key, [nlp.make_doc(p) for p in rule.cased])
            if rule.patterns:
                matcher = Matcher(nlp.vocab)
                matcher.add(rule.key, rule.patterns)
                self.by_pattern.append((rule, matcher, scope_of(rule, strings)))
        self.by_pattern.sort(key=lambda item: item[0].key in exclude_keys)
        scopes = [scope for _, _, scope in self.by_pattern if isinstance(scope, Scope)]
        self._needed = np.unique(np.concatenate([sc.ids for sc in scopes] or [np.zeros(0)]))
        """Every token a pattern needs: one lookup per page finds them all."""

    def matches(self, doc: Doc, lower: np.ndarray) -> list[tuple[Rule, int, int]]:
        """Phrase matches, then the token patterns, each run only over the stretches of the page
        around the tokens it needs; exclusion patterns only for categories that have a
        candidate to veto."""
        strings = doc.vocab.strings
        pieces: WordPieces | None = None
        at = self.needed_at(lower)
        found = []
        for matcher in (self.by_lower, self.by_orth):
            for match_id, start, end in matcher(doc):
                found.append((self.rules[strings[match_id]], start, end))
        for rule, matcher, scope in self.by_pattern:
            if rule.languages and doc.lang_ not in rule.languages:
                continue  # turned down below all the same
            if rule.key in self.exclude_keys and not any(
                f[0].category == rule.category and f[0].key not in self.exclude_keys for f in found
            ):
                continue
            if isinstance(scope, Scope):
                stretches = scope.stretches(at, len(lower))
            else:
                pieces = pieces or WordPieces(doc.text)
                stretches = [(0, len(doc))] if scope is None or pieces.any_of(scope) else []
            for a, b in stretches:
                for _, start, end in matcher(doc[a:b]):
                    found.append((rule, a + start, a + end))
        return found

    def needed_at(self, lower: np.ndarray) -> dict[int, list[int]]:
        """Where the tokens the patterns need stand on a page (by LOWER id, ascending), found
        in one lookup for every pattern rule."""
        at: dict[int, list[int]] = {}
        for i in np.flatnonzero(np.isin(lower, self._needed)).tolist():
            at.setdefault(int(lower[i]), []).append(i)
        return at


class Scope:
    """The stretches of a page a pattern rule can match in: around each token one of its
    patterns needs (see lexicon.pattern_reach), merged where they meet. Matching only there finds
    exactly what matching the whole page finds, as every match lies around such a token."""

    __slots__ = ("after", "before", "ids", "keys")

    def __init__(self, ids: np.ndarray, before: int, after: int | None) -> None:
        self.ids, self.before, self.after = ids, before, after
        self.keys = frozenset(int(i) for i in ids)

    def stretches(self, at: dict[int, list[int]], n: int) -> list[tuple[int, int]]:
        """(start, end) token ranges, in order and apart, on a page of n tokens whose needed
        tokens stand `at` (see RuleMatchers.needed_at)."""
        out: list[tuple[int, int]] = []
        for i in sorted(i for key in self.keys & at.keys() for i in at[key]):
            a = max(i - self.before, 0)
            b = n if self.after is None else min(i + 1 + self.after, n)
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        return out


def scope_of(rule: Rule, strings: Any) -> Scope | frozenset[str] | None:
    """Where the rule's patterns are run: a Scope when each pattern needs a literal token;
    otherwise the trigger words a page must hold (None: every page, whole)."""
    reaches = [pattern_reach(p) for p in rule.patterns]
    if all(reaches):
        words = set().union(*(r.words for r in reaches if r))
        afters = [r.after for r in reaches if r]
        return Scope(
            np.array(sorted(strings.add(w) for w in words), dtype=np.uint64),
            max(r.before for r in reaches if r),
            None if None in afters else max(a for a in afters if a is not None),
        )
    found = rule_triggers(Rule(rule.key, rule.category, rule.subtype, patterns=rule.patterns))
    return frozenset(found) if found is not None else None
