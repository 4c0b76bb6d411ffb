"""The memo argues: the statements that label the respondent apart from the gang as persecutor,
who asserted each finding, where a repeated claim first appears, a chronology of the
allegations, and what the release withholds; read back from DOCX, Markdown and PDF."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pymupdf
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.table import Table
from docx.text.paragraph import Paragraph

from annotator.core.model import Role, Status
from annotator.export import export_memo
from annotator.export.text import CHRONOLOGY_TITLE, TEMPLATE_MARK, WITHHELD_TITLE
from annotator.ingest import Ingestor
from annotator.store import CaseStore

SCHOOL = [
    "EASTFIELD SCHOOL POLICE DEPARTMENT",
    "Incident report    Date: 11/16/2021",
    "",
    "The student is an MS-13 associate, based on his blue shirt.",
    "RIVAS-000001",
]
BRIC = [
    "BOSTON REGIONAL INTELLIGENCE CENTER",
    "Gang Assessment Database printout    05/30/2022",
    "",
    "Per the Eastfield school police report, the subject is an MS-13 associate.",
    "RIVAS-000002",
]
I213 = [
    [
        "U.S. Immigration and Customs Enforcement",
        "Enforcement and Removal Operations",
        "Form I-213 narrative    Date: 04/18/2023",
        "",
        "According to BRIC and the Eastfield school police, the subject is an MS-13 associate.",
        "The subject stated that MS-13 members extorted his mother at her market stall.",
        "FOIA release. Officer: (b)(6). One page was withheld in full.",
        "RIVAS-000003",
    ],
    ["Continuation page of the narrative.", "RIVAS-000004"],
    ["Last page of the narrative.", "RIVAS-000007"],
]


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    pdf = pymupdf.open()
    for lines in pages:
        page = pdf.new_page(width=612, height=792)
        for n, line in enumerate(lines):
            if line:
                page.insert_text((72, 72 + 14 * n), line, fontsize=10, fontname="helv")
    pdf.save(path)
    pdf.close()
    return path


@pytest.fixture(scope="module")
def memo_case(tmp_path_factory: pytest.TempPathFactory, detector) -> Path:
    folder = tmp_path_factory.mktemp("roles_memo")
    pdfs = [
        write_pdf(folder / "1_school.pdf", [SCHOOL]),
        write_pdf(folder / "2_bric.pdf", [BRIC]),
        write_pdf(folder / "3_i213.pdf", I213),
    ]
    path = folder / "memo.case"
    with CaseStore(path) as case:
        case.set_info(respondent="R. Fictional", reviewer="A. Reviewer")
        assert all(r.ok for r in Ingestor(case, detector, workers=1).add_files(pdfs))
        for finding in case.findings(category="gang_label"):
            case.set_status(finding.id, Status.UNVERIFIED, "A. Reviewer")
    return path


@pytest.fixture(scope="module")
def exports(memo_case: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("roles_exports")
    with CaseStore(memo_case) as case:
        for suffix in (".docx", ".md", ".pdf"):
            export_memo(case, out / f"memo{suffix}")
    return out


def _sections(document) -> dict[str, list]:
    """Each Heading 1 with the paragraphs under it."""
    found: dict[str, list] = {}
    current: list | None = None
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Heading 1":
            current = found.setdefault(paragraph.text, [])
        elif current is not None:
            current.append(paragraph)
    return found


def _table_after(document, heading: str):
    body = document.element.body
    seen = False
    for child in body.iterchildren():
        if child.tag.endswith("}p") and Paragraph(child, document).text == heading:
            seen = True
        elif seen and child.tag.endswith("}tbl"):
            return Table(child, document)
    raise AssertionError(f"no table after {heading!r}")


def test_labels_to_rebut_come_before_the_gang_as_persecutor(exports):
    document = docx.Document(str(exports / "memo.docx"))
    sections = _sections(document)
    order = list(sections)
    assert order.index(Role.SUBJECT.heading) < order.index(Role.PERSECUTOR.heading)
    labels = [p.text for p in sections[Role.SUBJECT.heading] if p.style.name == "Heading 2"]
    assert len(labels) == 3 and all("MS-13 associate" in t for t in labels)
    assert all(t.endswith("Unverified · Labels the respondent") for t in labels)
    threats = [p.text for p in sections[Role.PERSECUTOR.heading] if p.style.name == "Heading 2"]
    assert threats == ["4. “MS-13 members” — Unverified · Gang as persecutor"]


def test_each_role_section_opens_with_template_text_marked_for_checking(exports):
    sections = _sections(docx.Document(str(exports / "memo.docx")))
    for role in Role:
        intro = sections[role.heading][0]
        mark = intro.runs[0]
        assert mark.text == TEMPLATE_MARK and mark.font.highlight_color == WD_COLOR_INDEX.YELLOW
    assert "asylum" in sections[Role.PERSECUTOR.heading][0].text
    assert "Dent v. Holder" in sections[WITHHELD_TITLE][0].text


def test_the_source_chain_and_where_a_repeated_claim_first_appears(exports):
    lines = [p.text for p in docx.Document(str(exports / "memo.docx")).paragraphs]
    chain = "Asserted by: ICE/ERO, relaying BRIC and the Eastfield school police (hearsay)"
    assert chain in lines
    assert "Asserted by: Eastfield School Police Department; no other source given" in lines
    (repeated,) = [line for line in lines if line.startswith("Repeated: ")]
    assert repeated == (
        "Repeated: in 3 documents; every one traces to the 2021 Eastfield School Police "
        "Department record (1 school, p. RIVAS-000001 (PDF p. 1))"
    )
    first = [line for line in lines if line.startswith("Same claim first appears in: ")]
    assert first == ["Same claim first appears in: 1 school, p. RIVAS-000001 (PDF p. 1)"] * 2


def test_the_chronology_lists_the_allegations_by_the_date_of_their_source(exports):
    document = docx.Document(str(exports / "memo.docx"))
    table = _table_after(document, CHRONOLOGY_TITLE)
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Date of source", "Allegations", "Asserted by", "Where"]
    dates = [r[0].removesuffix(" (in the passage)") for r in rows[1:]]
    assert dates == ["November 16, 2021", "May 30, 2022", "April 18, 2023"]
    assert [r[3].split(",")[0] for r in rows[1:]] == ["Doc. 1", "Doc. 2", "Doc. 3"]
    assert all("MS-13 members" not in r[1] for r in rows), "the gang as persecutor is no allegation"


def test_the_withheld_appendix_lists_each_item_with_its_page(exports):
    document = docx.Document(str(exports / "memo.docx"))
    table = _table_after(document, WITHHELD_TITLE)
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("RIVAS-000003 (PDF p. 1)", "Exemption cited", "(b)(6)"),
        ("RIVAS-000003 (PDF p. 1)", "Page withheld in full", "—"),
        ("RIVAS-000007 (PDF p. 3)", "Gap in the page numbering", "RIVAS-000005–RIVAS-000006"),
    ]
    assert _sections(document).keys().__iter__().__next__() == "Purpose"
    assert list(_sections(document))[-1] == WITHHELD_TITLE


def test_markdown_and_pdf_say_the_same(exports):
    markdown = (exports / "memo.md").read_text(encoding="utf-8")
    heads = re.findall(r"^## (.+)$", markdown, re.M)
    assert heads.index(Role.SUBJECT.heading) < heads.index(Role.PERSECUTOR.heading)
    assert heads[-1] == WITHHELD_TITLE and CHRONOLOGY_TITLE in heads
    assert "- **Role:** Gang as persecutor" in markdown
    assert "relaying BRIC and the Eastfield school police \\(hearsay\\)" in markdown
    chronology = markdown.split(f"## {CHRONOLOGY_TITLE}")[1].split("\n## ")[0]
    dates = re.findall(r"^\| ([A-Z][a-z]+ \d+, \d{4})", chronology, re.M)
    assert dates == ["November 16, 2021", "May 30, 2022", "April 18, 2023"]
    with pymupdf.open(exports / "memo.pdf") as pdf:
        top = [title for level, title, _ in pdf.get_toc() if level == 1]
        text = " ".join(" ".join(page.get_text().split()) for page in pdf)
    assert top.index(Role.SUBJECT.heading) < top.index(Role.PERSECUTOR.heading)
    assert top[-1] == WITHHELD_TITLE
    assert "every one traces to the 2021 Eastfield School Police Department record" in text
    assert "2 pages missing between RIVAS-000004 and RIVAS-000007" in text
