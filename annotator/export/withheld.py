"""What the case's release withholds, as one list: what ingest stored page by page, and the
gaps in the Bates numbering read from the stored page stamps (they change as documents are
added, so they are worked out when asked for). The memo's appendix, `annotator withheld` and
the window's panel all read this list."""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.model import Document, Withholding
from annotator.export.model import Paragraph, Section, Table
from annotator.export.text import WITHHELD_TITLE
from annotator.pdf.labels import bates_gaps
from annotator.store import CaseStore


class Withheld(NamedTuple):
    document: Document
    item: Withholding


def case_withholdings(case: CaseStore) -> list[Withheld]:
    """Every withholding in the case, by document (in the order added) and page."""
    documents = {d.id: d for d in case.documents()}
    gaps = bates_gaps((d.id, d.page_labels) for d in documents.values())
    items = case.withholdings() + gaps
    order = {doc_id: n for n, doc_id in enumerate(documents)}
    items.sort(key=lambda w: (order.get(w.document_id, 0), w.page, w.rects[0][1] if w.rects else 0))
    return [Withheld(documents[w.document_id], w) for w in items if w.document_id in documents]


def withheld_section(case: CaseStore, intro: list[Paragraph]) -> Section:
    """The memo's appendix of what the release withholds, each item with its page."""
    numbers = {d.id: n for n, d in enumerate(case.documents(), start=1)}
    rows = [
        [
            f"Doc. {numbers[document.id]}",
            _page(document, item.page),
            item.kind.label,
            item.code or "—",
            item.text,
        ]
        for document, item in case_withholdings(case)
    ]
    head = ["Doc.", "Page", "What", "Code", "Detail"]
    table = Table(head, rows, [0.6, 1.2, 1.4, 1.1, 2.2])
    empty = (
        "The documents reviewed show no page withheld in full, exemption, referral, redaction "
        "or gap in the Bates numbering."
    )
    return Section(WITHHELD_TITLE, [], intro=intro, table=table if rows else None, empty=empty)


def _page(document: Document, page: int) -> str:
    labels = document.page_labels
    label = labels[page - 1] if 0 < page <= len(labels) else ""
    return f"{label} (PDF p. {page})" if label else f"PDF p. {page}"
