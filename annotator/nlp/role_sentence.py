"""A sentence as the role rules read it: its tokens, where they stand, and the token ranges of
every cue list's hits (see role_cues.py for the cue lists, role_rules.py for the rules)."""

from __future__ import annotations

from dataclasses import dataclass, field

BOUNDARY = frozenset(".;:!?()")
_TITLES = frozenset("mr mrs ms dr sr sra srta".split())


@dataclass(slots=True)
class Sentence:
    """A sentence's tokens (lower case and as written), where they are, and its cue hits."""

    start: int
    tokens: list[str]
    raw: list[str]
    offsets: list[int]
    language: str = "en"
    hits: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _covered: dict[str, frozenset[int]] = field(default_factory=dict)
    _ends: dict[tuple[str, ...], frozenset[int]] = field(default_factory=dict)
    _commas: list[int] | None = None

    @property
    def commas(self) -> list[int]:
        """Where its commas are."""
        if self._commas is None:
            self._commas = [k for k, t in enumerate(self.tokens) if t == ","]
        return self._commas

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        first = next((k for k, o in enumerate(self.offsets) if o + len(self.raw[k]) > start), 0)
        last = next((k for k, o in enumerate(self.offsets) if o >= end), len(self.tokens))
        return first, max(last, first + 1)

    def any(self, name: str, outside: tuple[int, int] = (0, 0)) -> bool:
        a, b = outside
        return any(not (a <= s < b) for s, _ in self.hits.get(name, ()))

    def ends(self, names: tuple[str, ...]) -> frozenset[int]:
        """Where cues of the lists `names` end (token indexes after their last token)."""
        found = self._ends.get(names)
        if found is None:
            found = frozenset(e for name in names for _, e in self.hits.get(name, ()))
            self._ends[names] = found
        return found

    def at(self, name: str, k: int) -> bool:
        """Whether token k is part of a cue of list `name`."""
        covered = self._covered.get(name)
        if covered is None:
            spans = self.hits.get(name, ())
            covered = self._covered[name] = frozenset(i for s, e in spans for i in range(s, e))
        return k in covered


def crosses(sent: Sentence, start: int, end: int) -> bool:
    """A clause boundary between tokens start and end (not the period of an initial: "A.")."""
    return any(boundary(sent, k) for k in range(start, end))


def boundary(sent: Sentence, k: int) -> bool:
    word = sent.tokens[k]
    if word == "." and k > 0 and (len(sent.tokens[k - 1]) == 1 or sent.tokens[k - 1] in _TITLES):
        return False  # "A. Lopez", "Ms. Lopez"
    return word in BOUNDARY


def clause(sent: Sentence, a: int, b: int) -> tuple[int, int]:
    """The tokens of the clause that holds the reference: the sentence, cut at semicolons and
    at periods the sentence splitter let through."""
    cuts = [k for k, t in enumerate(sent.tokens) if t in ";." and boundary(sent, k)]
    c0 = max((k + 1 for k in cuts if k < a), default=0)
    c1 = min((k for k in cuts if k >= b), default=len(sent.tokens))
    return c0, c1
