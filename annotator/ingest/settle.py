"""Settle a document's pages after each was detected on its own.

Two things cross page boundaries. An acronym or a category introduced on one page ("the Boston
Regional Intelligence Center (BRIC)") counts on every page of the document, so a page that
turned a match down for want of it is detected again knowing it. And a reference can run from
the foot of one page onto the next ("INTERPOL Red" / "Notice"): the words around each page
break that may hold one are detected together, and what crosses the break is added to the page
it starts on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import pairwise

from annotator.core.model import Detection, PageText
from annotator.nlp.detect import Detector
from annotator.nlp.lexicon import ALIAS, Lexicon
from annotator.nlp.worker import DetectionWorker, Found, PageResult, detect_page_result

JUNCTION_WORDS = 30


def settle_anchors(detector: Detector, results: list[PageResult]) -> list[PageResult]:
    """Settle pages detected in this process."""
    introduced, redo = pages_to_redo(results)
    settled = [
        detect_page_result(detector, r.page, introduced) if i in redo else r
        for i, r in enumerate(results)
    ]
    for before, after in pairwise(settled):
        crossing = detector.detect_bridge(before.page, after.page, introduced)
        add_bridges(before.detections, crossing)
    return settled


def settle_in(
    worker: DetectionWorker,
    lexicon: Lexicon,
    pages: list[PageText],
    found: Iterable[Found],
    bridged: Mapping[int, list[Detection]] | None = None,
    checked: Mapping[int, bool] | None = None,
    document: str = "",
) -> list[PageResult]:
    """Settle pages the worker detected (`found`, by page number); the worker detects again
    what needs it.

    `bridged` holds page breaks already detected with the document's final anchors (by the
    number of the page before the break) and `checked` the breaks already looked at for a
    possible reference (True: may hold one); only the others are looked at here. `document`
    is the key the worker has kept the document's anchors under, if any.
    """
    bridged = bridged or {}
    checked = checked or {}
    by_number = {f.number: f for f in found}
    results = [by_number.get(p.number, Found(p.number, [], set(), set())).on(p) for p in pages]
    introduced, indexes = pages_to_redo(results)
    redo = [results[i].page for i in sorted(indexes)]
    pairs = []
    for a, b in pairwise(pages):
        if a.number in bridged:
            continue
        may_cross = checked.get(a.number)
        if may_cross is None:
            may_cross = lexicon.might_match_page(junction(a, b))
        if may_cross:
            pairs.append((a, b))
    crossings = dict(bridged)
    if redo or pairs:
        redone, fresh, _ = worker.settle(redo, pairs, introduced, document).result()
        again = {f.number: f for f in redone}
        results = [
            again[r.page.number].on(r.page) if r.page.number in again else r for r in results
        ]
        crossings.update(fresh)
    for r in results:
        add_bridges(r.detections, crossings.get(r.page.number, ()))
    return results


def add_bridges(detections: list[Detection], crossing: Iterable[Detection]) -> None:
    """Add the references that cross a page break to its first page's detections, in place of
    the parts of them found on that page alone."""
    for det in crossing:
        detections[:] = [
            d
            for d in detections
            if not (d.category == det.category and d.start >= det.start and d.end <= det.end)
        ]
        detections.append(det)


def junction(page: PageText, following: PageText, words: int = JUNCTION_WORDS) -> str:
    """The last words of a page and the first of the next: where a reference may cross."""
    tail = page.text.rsplit(None, words)[-words:]
    head = following.text.split(None, words)[:words]
    return "\n".join((" ".join(tail), " ".join(head)))


def pages_to_redo(results: list[PageResult]) -> tuple[set[str], set[int]]:
    """The anchors a document's pages introduce, and the indexes of the pages to detect again
    with them: a page that wanted one of them, or that holds an acronym the document defines
    on another page."""
    introduced: set[str] = set().union(*(r.introduced for r in results))
    aliases = {a: a.split(":")[1] for a in introduced if a.startswith(ALIAS)}
    redo = set()
    for i, (page, _, own, wanted) in enumerate(results):
        # A plain substring test first: a regular expression over every page of a long
        # document costs a tenth of a second.
        present = [(a, acr) for a, acr in aliases.items() if acr in page.text and a not in own]
        if wanted & introduced or any(_has_word(page.text, acr) for _, acr in present):
            redo.add(i)
    return introduced, redo


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
