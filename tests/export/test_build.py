"""The memo's content, decided once for all formats: sections, counts, cites, hedges, repeats."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from export_support import REVIEWER, Tagged, summary_counts

from annotator.core.errors import ExportError
from annotator.core.model import Category, Status
from annotator.export import build_memo
from annotator.export.build import quote
from annotator.export.model import SUMMARY_STATUSES
from annotator.export.template import load_template
from annotator.ingest import Ingestor
from annotator.store import CaseStore


def _entry(memo, finding_id):
    for section in [*memo.sections, memo.unreviewed]:
        for entry in section.findings:
            if entry.finding_id == finding_id:
                return section, entry
    return None, None


def test_tagged_findings_sit_in_their_category_and_dismissed_ones_are_left_out(tagged: Tagged):
    with tagged.store() as case:
        memo = build_memo(case, today=date(2026, 3, 2))
    for finding in tagged.shown:
        section, entry = _entry(memo, finding.id)
        assert section is not None and section.category is finding.category
        assert entry.status is finding.status
        if finding.category is Category.GANG_LABEL:
            assert finding.role is not None and section.role is finding.role
    assert _entry(memo, tagged.dismissed.id) == (None, None)
    assert memo.dismissed == 1


def test_every_untagged_finding_is_listed_under_not_yet_reviewed(tagged: Tagged):
    with tagged.store() as case:
        untagged = {f.id for f in case.findings(status="untagged")}
        memo = build_memo(case)
    assert untagged
    assert {e.finding_id for e in memo.unreviewed.findings} == untagged
    assert all(e.status is Status.UNTAGGED for e in memo.unreviewed.findings)
    numbers = [e.number for s in [*memo.sections, memo.unreviewed] for e in s.findings]
    assert numbers == list(range(1, len(numbers) + 1))


def test_summary_counts_gang_references_by_role_and_the_rest_by_category(tagged: Tagged):
    with tagged.store() as case:
        findings = case.findings()
        memo = build_memo(case)
    expected = summary_counts(findings)
    for row, (label, counted) in zip(memo.summary, expected, strict=True):
        assert row.label == label
        statuses = Counter(f.status for f in counted)
        assert row.counts == {s: statuses[s] for s in SUMMARY_STATUSES}
    assert all(counted for _, counted in expected[:2])  # the sample has labels and persecutors
    assert memo.total_row.total == len(findings)
    assert memo.total_row.counts[Status.REBUTTED] == 1
    assert memo.total_row.counts[Status.UNVERIFIED] == 2


def test_pinpoint_cite_gives_the_page_stamp_and_the_pdf_page(tagged: Tagged):
    with tagged.store() as case:
        document = case.document(tagged.unverified.document_id)
        memo = build_memo(case)
    label = document.page_labels[tagged.unverified.page - 1]
    assert label.startswith("RIVAS-")
    _, entry = _entry(memo, tagged.unverified.id)
    assert entry.cite == f"{document.title}, p. {label} (PDF p. {tagged.unverified.page})"


def test_cite_without_a_page_stamp_gives_the_pdf_page(case: CaseStore, make_pdf, detector):
    pdf = make_pdf([["Nothing here."], ["Officers noted he is a gang member per the report."]])
    Ingestor(case, detector, workers=1).add_files([pdf])
    memo = build_memo(case)
    entry = memo.unreviewed.findings[0]
    assert entry.page_ref == "PDF p. 2"
    assert entry.cite.endswith(", PDF p. 2")


def test_header_uses_the_reviewer_given_or_the_cases(tagged: Tagged):
    with tagged.store() as case:
        named = build_memo(case, reviewer="A. Counsel", today=date(2026, 3, 2))
        case.set_info(reviewer="Clinic Reviewer")
        default = build_memo(case)
    header = dict(named.header)
    assert header["Prepared by"] == "A. Counsel"
    assert header["Date"] == "March 2, 2026"
    assert header["A-number"] == "A 012-345-678"
    assert "Rivas Mejía" in header["Respondent"] and "Rivas Mejía" in header["Re"]
    assert dict(default.header)["Prepared by"] == "Clinic Reviewer"


def test_status_line_names_who_tagged_it(tagged: Tagged):
    with tagged.store() as case:
        memo = build_memo(case)
    _, entry = _entry(memo, tagged.rebutted.id)
    details = dict(entry.details())
    assert details["Status"].startswith(
        "Rebutted (contradicted by evidence); tagged by " + REVIEWER
    )
    assert details["Rebutting exhibit"] == "Ex. F"


def test_hedge_in_the_source_is_quoted(tagged: Tagged):
    assert tagged.unverified.hedged and tagged.unverified.hedge_cue
    with tagged.store() as case:
        memo = build_memo(case)
    _, entry = _entry(memo, tagged.unverified.id)
    hedge = dict(entry.details())["Hedged in the source"]
    assert hedge == f"the document itself says “{tagged.unverified.hedge_cue}”"
    _, plain = _entry(memo, tagged.plain.id)
    assert "Hedged in the source" not in dict(plain.details())


def test_a_tagged_finding_no_longer_detected_is_kept_and_flagged(tagged: Tagged):
    with tagged.store() as case:
        case.merge_detections(tagged.rebutted.document_id, [], "test-lexicon")
        assert not case.finding(tagged.rebutted.id).detected
        memo = build_memo(case)
    _, entry = _entry(memo, tagged.rebutted.id)
    assert entry is not None
    assert "no longer detected" in dict(entry.details())["Flag"]


def test_same_claim_in_several_documents_is_cited_under_the_first(case, make_pdf, detector):
    first = make_pdf(
        [["Intro page.", "RIVAS-000001"], ["He is an MS-13 associate.", "RIVAS-000002"]]
    )
    second = make_pdf([["The officer called him an MS-13 Associate.", "RIVAS-000003"]])
    third = make_pdf([["Unrelated page about a gang member.", "RIVAS-000004"]])
    Ingestor(case, detector, workers=1).add_files([first, second, third])
    memo = build_memo(case)
    associates = [e for e in memo.unreviewed.findings if "associate" in e.matched.lower()]
    assert len(associates) == 2
    head, repeat = associates
    assert head.also_in == [repeat.cite]
    assert "p. RIVAS-000003 (PDF p. 1)" in head.also_in[0]
    assert repeat.first_at == head.cite
    others = [e for e in memo.unreviewed.findings if e not in associates]
    assert all(not e.also_in and not e.first_at for e in others)


def test_quote_bolds_the_nth_occurrence_and_trims_long_sentences():
    q = quote("BRIC said BRIC was sure.", "BRIC", nth=1)
    assert (q.before, q.match, q.after) == ("BRIC said ", "BRIC", " was sure.")
    long = "word " * 100 + "gang member" + " tail" * 100
    q = quote(long, "gang member")
    assert q.match == "gang member"
    assert q.before.startswith("…") and q.after.endswith("…")
    assert len(q.text) < 330
    assert q.text.replace("…", "").strip() in " ".join(long.split())
    assert quote("", "MS-13").text == "MS-13"


def test_template_is_read_from_resources_with_placeholders_filled():
    template = load_template({"respondent": "R. Person"})
    framework = " ".join(s.text for p in template.paragraphs("legal framework") for s in p)
    assert "8 C.F.R. § 103.2(b)(16)(i)" in framework
    assert "627 F.3d 365 (9th Cir. 2010)" in framework
    italic = [s.text for p in template.paragraphs("legal framework") for s in p if s.italic]
    assert italic == ["Dent v. Holder"]
    assert "R. Person" in template.line("re")
    assert "review" in template.line("review notice").lower()


def test_a_template_missing_a_section_is_a_clear_error(tmp_path: Path):
    broken = tmp_path / "memo_template.md"
    broken.write_text("# Title\nMemo\n\n# Purpose\nWhy.\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"memo_template\.md: .*'# Confidentiality'"):
        load_template({}, broken)
