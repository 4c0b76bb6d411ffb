"""Find the page stamp printed on a page (a Bates number, an A-file page), for pinpoint cites."""

from __future__ import annotations

import re

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
