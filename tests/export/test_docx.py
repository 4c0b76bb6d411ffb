"""The DOCX memo, exported by `annotator export` and read back with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from export_support import REVIEWER, SECTIONS, SPECIAL_NOTE, Tagged, summary_counts

from annotator.cli import main
from annotator.core.model import Status
from annotator.store import CaseStore


@pytest.fixture(scope="module")
def memo_docx(tagged_shared: Tagged, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("docx") / "memo.docx"
    assert (
        main(["export", str(tagged_shared.path), "--memo", str(out), "--reviewer", REVIEWER]) == 0
    )
    return docx.Document(str(out))


def _styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def test_uses_real_word_styles_for_title_headings_and_quotes(memo_docx):
    assert _styled(memo_docx, "Title") == ["Rebuttal Memorandum"]
    headings = _styled(memo_docx, "Heading 1")
    assert headings[: len(SECTIONS)] == SECTIONS
    assert headings[-1].startswith("Appendix")
    assert _styled(memo_docx, "Heading 2")
    assert _styled(memo_docx, "Quote")
    assert {t.style.name for t in memo_docx.tables} == {"Light List Accent 1"}


def test_header_block_names_respondent_reviewer_and_re_line(memo_docx):
    text = "\n".join(p.text for p in memo_docx.paragraphs[:8])
    assert "Respondent:\tDaniel Alexander Rivas Mejía" in text
    assert "A-number:\tA 012-345-678" in text
    assert f"Prepared by:\t{REVIEWER}" in text
    assert "Re:\tDerogatory information" in text
    assert "8 C.F.R. § 103.2(b)(16)(i)" in "\n".join(p.text for p in memo_docx.paragraphs)


def test_summary_table_counts_match_the_case(memo_docx, tagged_shared: Tagged):
    table = memo_docx.tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == [
        "Category",
        "Unverified",
        "Rebutted",
        "Not yet reviewed",
        "Dismissed",
        "Total",
    ]
    statuses = [Status.UNVERIFIED, Status.REBUTTED, Status.UNTAGGED, Status.DISMISSED]
    with CaseStore(tagged_shared.path) as case:
        findings = case.findings()
    for row, (label, counted) in zip(rows[1:-1], summary_counts(findings), strict=True):
        counts = [sum(f.status is s for f in counted) for s in statuses]
        assert row == [label, *map(str, counts), str(sum(counts))]
    assert rows[-1][0] == "Total" and rows[-1][-1] == str(len(findings))


def test_each_tagged_finding_has_quote_with_bold_match_cite_status_and_note(
    memo_docx, tagged_shared: Tagged
):
    paragraphs = memo_docx.paragraphs
    with CaseStore(tagged_shared.path) as case:
        for finding in tagged_shared.shown:
            title = case.document(finding.document_id).title
            label = case.document(finding.document_id).page_labels[finding.page - 1]
            i = next(
                i for i, p in enumerate(paragraphs) if p.text == f"Case-file finding: #{finding.id}"
            )
            block = paragraphs[: i + 1]
            start = max(j for j, p in enumerate(block) if p.style.name == "Heading 2")
            entry = block[start:]
            assert f"“{finding.text}”" in entry[0].text
            quoted = entry[1]
            assert quoted.style.name == "Quote"
            assert [r.text for r in quoted.runs if r.bold] == [finding.text]
            sentence = " ".join(finding.sentence.split())
            assert quoted.text.strip("“”").strip("…") in sentence
            lines = [p.text for p in entry[2:]]
            assert f"Source: {title}, p. {label} (PDF p. {finding.page})" in lines
            status = finding.status.value.capitalize()
            assert any(line.startswith(f"Status: {status}") for line in lines)
            if finding.note:
                assert f"Response: {finding.note}" in lines


def test_special_characters_in_a_note_reach_word_unchanged(memo_docx):
    assert f"Response: {SPECIAL_NOTE}" in [p.text for p in memo_docx.paragraphs]


def test_dismissed_finding_is_not_in_the_memo(memo_docx, tagged_shared: Tagged):
    text = "\n".join(p.text for p in memo_docx.paragraphs)
    assert f"#{tagged_shared.dismissed.id}\n" not in text + "\n"


def test_not_yet_reviewed_tables_list_every_untagged_finding(memo_docx, tagged_shared: Tagged):
    with CaseStore(tagged_shared.path) as case:
        untagged = len(case.findings(status="untagged"))
    head = ["No.", "Page", "Category", "Passage"]
    tables = [t for t in memo_docx.tables if [c.text for c in t.rows[0].cells] == head]
    rows = [r for t in tables for r in t.rows[1:]]
    assert len(rows) == untagged
    first = rows[0].cells
    assert first[1].text.startswith("RIVAS-") and "(PDF p. " in first[1].text
    assert any(r.bold for r in first[3].paragraphs[0].runs)


def test_appendix_gives_each_documents_sha256_and_lexicon(memo_docx, tagged_shared: Tagged):
    text = "\n".join(p.text for p in memo_docx.paragraphs)
    with CaseStore(tagged_shared.path) as case:
        for document in case.documents():
            assert f"SHA-256: {document.sha256}" in text
            assert f"Pages: {document.page_count}" in text
            assert f"Lexicon version: {document.lexicon_version}" in text


def test_word_fields_number_the_pages(memo_docx):
    footer = memo_docx.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer


def test_output_path_is_what_was_asked(tmp_path: Path, tagged: Tagged):
    out = tmp_path / "Rivas memo.DOCX"
    assert main(["export", str(tagged.path), "--memo", str(out)]) == 0
    assert docx.Document(str(out)).paragraphs[0].text == "Rebuttal Memorandum"


def test_every_table_row_is_kept_on_one_page_and_headers_repeat(memo_docx):
    """A row split by a page break reads as two findings; Word and LibreOffice keep a row
    whole when it says w:cantSplit, and repeat a header row marked w:tblHeader."""
    assert len(memo_docx.tables) >= 3
    for table in memo_docx.tables:
        header, *body = table.rows
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
        assert body
        for row in body:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
