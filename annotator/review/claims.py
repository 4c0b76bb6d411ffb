"""When two findings are the same claim: what "also in" and the memo's repeated claims share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from annotator.core.model import Finding

_LEADING_ARTICLES = re.compile(r"^(?:the|a|an|la|el|los|las|un|una)\s+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def claim_key(finding: Finding) -> tuple[str, str]:
    """Category and matched text folded: case, accents, dashes, punctuation, spacing and a
    leading article do not make two claims ("la Mara Salvatrucha", "Mara Salvatrucha")."""
    text = unicodedata.normalize("NFKD", finding.text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _DASHES.sub("-", text)
    text = " ".join(re.sub(r"[^\w\s]", " ", text).split())
    return finding.category.value, _LEADING_ARTICLES.sub("", text)


def same_claim(a: Finding, b: Finding) -> bool:
    return claim_key(a) == claim_key(b)


def also_in(finding: Finding, findings: Iterable[Finding]) -> list[Finding]:
    """The same claim in the case's other documents."""
    key = claim_key(finding)
    return [f for f in findings if f.document_id != finding.document_id and claim_key(f) == key]
