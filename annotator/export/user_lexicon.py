"""The memo's appendix of the reviewer's own lexicon: the phrases it found, so a court (or the
other side) can see which findings came from the reviewer's list rather than the shipped one."""

from __future__ import annotations

from collections import Counter

from annotator.core.model import Finding
from annotator.export.model import Section, Table
from annotator.nlp.user_lexicon import SUBTYPE, key

TITLE = "Phrases from the reviewer's own lexicon"


def user_lexicon_section(findings: list[Finding]) -> Section | None:
    """The appendix, or None when no finding came from the user's lexicon."""
    mine = [f for f in findings if f.subtype == SUBTYPE]
    if not mine:
        return None
    counts = Counter((f.category, key(f.text)) for f in mine)
    first = {}
    for f in mine:
        first.setdefault((f.category, key(f.text)), f.text)
    rows = []
    for (category, phrase), n in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        rows.append([first[(category, phrase)], category.short, str(n)])
    table = Table(["Phrase", "Category", "Findings"], rows, [3.0, 1.4, 0.8])
    return Section(TITLE, [], table=table)
