"""The pipelined ingest of large documents finds exactly what the one-process ingest finds."""

from __future__ import annotations

import annotator.ingest as ingest
from annotator.ingest import Ingestor
from annotator.store import CaseStore

PLAIN = ["The applicant appeared with counsel and answered every question.", "No further notes."]
PAGES = [
    PLAIN,
    [
        "The Security Alliance for Fugitive Enforcement (SAFE) forwarded a report on the subject,",
        "who was described as an MS-13 associate by the school officer.",
    ],
    PLAIN,
    ["Per SAFE, the PNC file says he is a pandillero. An INTERPOL Red"],
    [
        "Notice followed. The Boston Regional Intelligence Center (BRIC) lists him;",
        "BRIC analysts gave no source.",
    ],
    PLAIN,
]


def _findings(path, detector, case_path):
    with CaseStore(case_path) as case:
        Ingestor(case, detector, workers=2).add_file(path)
        return sorted(
            (
                f.page,
                f.category.value,
                f.subtype,
                f.text,
                f.start,
                f.end,
                tuple(map(tuple, f.rects)),
            )
            for f in case.findings()
        )


def test_pipelined_ingest_matches_the_sequential_one(make_pdf, detector, tmp_path, monkeypatch):
    pdf = make_pdf(PAGES)
    sequential = _findings(pdf, detector, tmp_path / "one.case")
    monkeypatch.setattr(ingest, "PARALLEL_FROM_PAGES", 2)
    monkeypatch.setattr(ingest, "DETECT_BATCH", 2)
    pipelined = _findings(pdf, detector, tmp_path / "two.case")
    assert pipelined == sequential
    texts = {row[3] for row in pipelined}
    # the acronym introduced on page 2 counts on page 4; the Red Notice runs over a page break
    assert {"SAFE", "BRIC", "INTERPOL Red Notice"} <= texts
    assert any(row[0] == 4 and row[3] == "SAFE" for row in pipelined)
    assert any(row[0] == 4 and row[3] == "INTERPOL Red Notice" for row in pipelined)
