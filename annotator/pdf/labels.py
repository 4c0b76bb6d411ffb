"""Find the page stamp printed on a page (a Bates number, an A-file page), for pinpoint cites,
and the gaps in a case's Bates numbering."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from annotator.core.model import Withholding, WithholdingKind

_PATTERNS = [
    re.compile(r"\b([A-Z][A-Z0-9]{1,15}[-_ ]\d{3,8})\b"),  # Bates: RIVAS-000123, DHS 0042
    re.compile(r"\b(A-?file\s+p(?:age|\.)?\s*\d+)\b", re.IGNORECASE),
    re.compile(r"\b(Bates\s+(?:No\.\s*)?\w+)\b", re.IGNORECASE),
]
_EDGE_LINES = 4


def page_label(text: str) -> str:
    """The stamp found in the page's last or first lines, or "" when there is none."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    edge = lines[-_EDGE_LINES:][::-1] + lines[:_EDGE_LINES]
    for pattern in _PATTERNS:
        for line in edge:
            m = pattern.search(line)
            if m and not _looks_like_a_number(m.group(1)):
                return m.group(1)
    return ""


def _looks_like_a_number(label: str) -> bool:
    """A-numbers and form numbers are not page stamps."""
    return bool(re.fullmatch(r"A[- ]?\d{3}[- ]?\d{3}[- ]?\d{3}", label)) or label.startswith(
        ("I-", "G-")
    )


_BATES = re.compile(r"^(.*?)(\d{3,8})$")


def bates_gaps(documents: Iterable[tuple[int, Sequence[str]]]) -> list[Withholding]:
    """Gaps in the Bates numbering of a case: numbers missing between consecutive stamps of
    the same prefix, within a document or between documents ("RIVAS-000013" then
    "RIVAS-000016": two pages the release left out). `documents` are (document id, page
    labels); each gap is reported on the page whose stamp follows it."""
    runs: dict[str, list[tuple[int, int, int, str]]] = {}
    for document_id, labels in documents:
        for page, label in enumerate(labels, start=1):
            stamp = _BATES.match(label.strip()) if label else None
            if stamp and not label.lower().startswith(("a-file", "bates")):
                prefix = stamp.group(1)
                runs.setdefault(prefix, []).append((int(stamp.group(2)), document_id, page, label))
    gaps = []
    for prefix, stamps in runs.items():
        stamps.sort()
        if not _numbered_by_page(stamps):
            continue
        for (n, doc_a, page_a, before), (m, document_id, page, after) in pairwise(stamps):
            # pages of the same file in between whose stamp was not read are not missing
            unread = page - page_a - 1 if doc_a == document_id and page > page_a else 0
            missing = m - n - 1 - unread
            if missing > 0:
                gaps.append(_gap(prefix, n, m, missing, before, after, document_id, page))
    return sorted(gaps, key=lambda g: (g.document_id, g.page))


def _numbered_by_page(stamps: list[tuple[int, int, int, str]]) -> bool:
    """A Bates series numbers pages one by one: most stamps follow the one before by 1. A run
    of unrelated numbers that only look alike ("DOCUMENT 5452" on one page of each file) is
    not one, and its gaps mean nothing."""
    steps = [b[0] - a[0] for a, b in pairwise(stamps)]
    return len(stamps) >= 3 and sum(step == 1 for step in steps) * 2 >= len(steps)


def _gap(
    prefix: str, n: int, m: int, missing: int, before: str, after: str, document_id: int, page: int
) -> Withholding:
    width = len(after) - len(prefix)
    first, last = (f"{prefix}{k:0{width}d}" for k in (n + 1, m - 1))
    code = first if m - n == 2 else f"{first}–{last}"
    text = f"{missing} page{'s' if missing != 1 else ''} missing between {before} and {after}"
    return Withholding(WithholdingKind.BATES_GAP, page, code, text, [], document_id)
