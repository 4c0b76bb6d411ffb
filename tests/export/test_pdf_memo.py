"""The PDF memo, laid out by PyMuPDF's Story, read back with PyMuPDF: the same text as the DOCX."""

from __future__ import annotations

import re

import docx
import pymupdf
import pytest
from export_support import REVIEWER, SECTIONS, SPECIAL_NOTE, Tagged

from annotator.cli import main
from annotator.export.ligatures import expand_cmap
from annotator.store import CaseStore


@pytest.fixture(scope="module")
def exports(tagged_shared: Tagged, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("pdf")
    for name in ("memo.pdf", "memo.docx"):
        argv = ["export", str(tagged_shared.path), "--memo", str(folder / name)]
        assert main([*argv, "--reviewer", REVIEWER]) == 0
    return folder


@pytest.fixture(scope="module")
def pdf_text(exports) -> str:
    """The memo's text without the running header and page numbers, so that a line carried
    over a page break reads as one."""
    with pymupdf.open(exports / "memo.pdf") as pdf:
        pages = [page.get_text() for page in pdf]
    decoration = re.compile(r"^(?:PRIVILEGED AND CONFIDENTIAL .*|Page \d+ of \d+)$")
    lines = [ln for text in pages for ln in text.splitlines() if not decoration.match(ln.strip())]
    return " ".join(" ".join(lines).split())


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_has_the_sections_in_order_as_bookmarks(exports, pdf_text: str):
    with pymupdf.open(exports / "memo.pdf") as pdf:
        top = [title for level, title, _ in pdf.get_toc() if level == 1]
    assert top[: len(SECTIONS)] == SECTIONS
    assert top[-1].startswith("Appendix")
    assert pdf_text.startswith("Rebuttal Memorandum Respondent: Daniel Alexander Rivas Mejía")


def test_tagged_findings_read_the_same_as_in_the_docx(exports, pdf_text: str, tagged_shared):
    document = docx.Document(str(exports / "memo.docx"))
    with CaseStore(tagged_shared.path) as case:
        for finding in tagged_shared.shown:
            title = case.document(finding.document_id).title
            label = case.document(finding.document_id).page_labels[finding.page - 1]
            assert _flat(f"Source: {title}, p. {label} (PDF p. {finding.page})") in pdf_text
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    details = [p.text for p in document.paragraphs if p.style.name == "Finding Detail"]
    assert quotes and details
    for line in quotes + details:
        assert _flat(line) in pdf_text


def test_special_characters_survive_html_escaping(pdf_text: str):
    assert _flat(SPECIAL_NOTE) in pdf_text


def test_text_copies_as_plain_letters_not_ligatures(pdf_text: str):
    assert "Unverified" in pdf_text and "Case-file finding" in pdf_text
    assert not [c for c in pdf_text if 0xFB00 <= ord(c) <= 0xFB06]


def test_every_page_has_the_confidentiality_line_and_a_page_number(exports):
    with pymupdf.open(exports / "memo.pdf") as pdf:
        assert pdf.page_count > 3
        for page in pdf:
            text = page.get_text()
            assert "PRIVILEGED AND CONFIDENTIAL" in text
            assert f"Page {page.number + 1} of {pdf.page_count}" in text
        toc = [title for _, title, _ in pdf.get_toc()]
        metadata = pdf.metadata
    assert "Summary of findings" in toc and "Not yet reviewed" in toc
    assert metadata["author"] == REVIEWER


def test_cmap_rewrite_expands_ligature_ranges_and_chars():
    cmap = (
        "begincmap\n2 beginbfrange\n<0001> <0003> <0041>\n<006d> <006f> <fb01>\nendbfrange\n"
        "1 beginbfchar\n<0070> <fb00>\nendbfchar\nendcmap\n"
    )
    fixed = expand_cmap(cmap)
    assert "1 beginbfrange\n<0001> <0003> <0041>\nendbfrange" in fixed
    assert "<0070> <00660066>" in fixed
    assert "<006d> <00660069>" in fixed and "<006e> <0066006c>" in fixed
    assert "<006f> <006600660069>" in fixed
    assert "fb0" not in fixed.lower()


def test_no_heading_is_left_alone_at_the_foot_of_a_page(exports):
    from annotator.export.pdf_layout import BODY, KEEP_BELOW

    with pymupdf.open(exports / "memo.pdf") as pdf:
        toc = pdf.get_toc()
        assert len({(level, title) for level, title, _ in toc}) == len(toc)
        for _, title, number in toc:
            hits = pdf[number - 1].search_for(title[:25])
            assert hits, title
            assert min(r.y1 for r in hits) <= BODY.y1 - KEEP_BELOW + 2, (title, number)


@pytest.fixture(scope="module")
def long_memo(sample_case_master, tmp_path_factory):
    """The sample case with every finding tagged: a memo of one block per finding, over many
    pages, laid out group by group."""
    import shutil

    folder = tmp_path_factory.mktemp("long")
    path = folder / "all.case"
    with CaseStore(sample_case_master) as src:
        src.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(sample_case_master, path)
    with CaseStore(path) as case, case.db.atomic():
        for n, finding in enumerate(case.findings()):
            case.set_status(finding.id, "rebutted" if n % 3 else "unverified", "Reviewer")
            case.set_note(finding.id, f"Response {finding.id}\nsecond line", "Reviewer")
        ids = [f.id for f in case.findings()]
    assert main(["export", str(path), "--memo", str(folder / "memo.pdf")]) == 0
    assert main(["export", str(path), "--memo", str(folder / "memo.docx")]) == 0
    return folder, ids


def test_a_long_memo_has_every_finding_once_and_no_heading_at_a_page_foot(long_memo):
    from annotator.export.pdf_layout import BODY, KEEP_BELOW

    folder, ids = long_memo
    with pymupdf.open(folder / "memo.pdf") as pdf:
        # Without each page's confidentiality line and number, which break into passages
        # that run on from one page to the next.
        text = _flat(" ".join(page.get_text().rsplit("PRIVILEGED", 1)[0] for page in pdf))
        toc = pdf.get_toc()
        assert pdf.page_count > 40
        for _, title, number in toc:
            hits = pdf[number - 1].search_for(title[:25])
            assert hits and min(r.y1 for r in hits) <= BODY.y1 - KEEP_BELOW + 2, title
    for finding_id in ids:
        assert text.count(f"Case-file finding: #{finding_id} ") == 1, finding_id
    letters = "".join(text.split())  # a line may break where the DOCX has no space
    document = docx.Document(str(folder / "memo.docx"))
    for paragraph in document.paragraphs:
        if paragraph.style.name in ("Quote", "Finding Detail", "Heading 2"):
            assert "".join(paragraph.text.split()) in letters
