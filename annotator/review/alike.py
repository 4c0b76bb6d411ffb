"""Findings like one the reviewer made: "Find all like this" and "Dismiss all identical".

The reviewer will always find the last few references the detector misses; once one is added
by hand, the same phrase elsewhere in the case (written alike: case, accents, hyphens, line
breaks, OCR's confusions; see annotator.nlp.find_like) is offered to accept in one step. And a
false hit dismissed once can be dismissed everywhere it recurs.
"""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.model import Finding, Rect, Status
from annotator.nlp.find_like import find_like
from annotator.nlp.geometry import span_rects
from annotator.nlp.normalize import join_lines
from annotator.review.claims import claim_key
from annotator.store import CaseStore

ALIKE = "alike"
"""The subtype of a finding accepted from "Find all like this"."""


class Candidate(NamedTuple):
    """A place the phrase of a finding recurs, not yet a finding."""

    document_id: int
    page: int
    start: int
    end: int
    text: str
    rects: list[Rect]
    context: str
    """A few words either side, to judge it by."""


def like_this(case: CaseStore, finding: Finding) -> list[Candidate]:
    """Every writing of the finding's phrase in the case that no finding of its kind covers."""
    taken: dict[tuple[int, int], list[Finding]] = {}
    for f in case.findings(category=finding.category.value):
        taken.setdefault((f.document_id, f.page), []).append(f)
    found = []
    for document in case.documents():
        for page in case.pages(document.id):
            for start, end in find_like(finding.text, page.text):
                here = taken.get((document.id, page.number), [])
                if any(f.start < end and start < f.end for f in here):
                    continue
                found.append(
                    Candidate(
                        document.id,
                        page.number,
                        start,
                        end,
                        join_lines(page.text[start:end]),
                        span_rects(page, start, end),
                        _context(page.text, start, end),
                    )
                )
    return found


def identical(case: CaseStore, finding: Finding) -> list[Finding]:
    """The other findings of the same claim (claims.claim_key) nobody has tagged yet."""
    key = claim_key(finding)
    return [
        f
        for f in case.findings(category=finding.category.value, status=Status.UNTAGGED.value)
        if f.id != finding.id and claim_key(f) == key
    ]


def _context(text: str, start: int, end: int, words: int = 8) -> str:
    before = " ".join(text[:start].split()[-words:])
    after = " ".join(text[end:].split()[:words])
    return f"…{before} [{join_lines(text[start:end])}] {after}…"
