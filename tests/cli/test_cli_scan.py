"""`annotator scan`: the JSON Lines contract of DESIGN.md, the summary, and no files left behind."""

from __future__ import annotations

import os
import tempfile

import pymupdf
import pytest

from annotator.nlp.normalize import join_lines
from annotator.pdf.extract import extract_page

CONTRACT_KEYS = {
    *("file", "page", "category", "subtype", "text", "start", "end", "rects", "status"),
    *("role", "source"),  # issue 13: whom a gang reference is about; who asserted a finding
}

PAGES = [
    ["Cover page of the fictional A-file excerpt."],
    [
        "The school officer called him a gang member and said the Boston",
        "Regional Intelligence Center holds an INTERPOL Red Notice extract",
        "that ICE received under the SAFE program.",
    ],
]


@pytest.fixture
def report(make_pdf):
    return make_pdf(PAGES, name="report.pdf")


def test_scan_json_prints_one_finding_a_line_in_the_documented_shape(cli, report):
    run = cli("scan", report, "--json")
    assert run.code == 0 and run.err == ""
    rows = run.rows()
    assert sorted((r["category"], r["subtype"], r["text"]) for r in rows) == [
        ("fusion_center", "named_center", "Boston Regional Intelligence Center"),
        ("gang_label", "membership_label", "gang member"),
        ("red_notice", "red_notice", "INTERPOL Red Notice"),
        ("safe", "safe_program", "SAFE program"),
    ]
    with pymupdf.open(report) as pdf:
        for row in rows:
            assert set(row) == CONTRACT_KEYS
            assert row["file"] == str(report)
            assert isinstance(row["page"], int) and row["page"] == 2, "pages are 1-based"
            for key in ("category", "subtype", "text", "status"):
                assert isinstance(row[key], str)
            assert row["status"] == "untagged"
            assert isinstance(row["start"], int) and isinstance(row["end"], int)
            page = pdf[row["page"] - 1]
            text = extract_page(page).text
            assert 0 <= row["start"] < row["end"] <= len(text)
            assert join_lines(text[row["start"] : row["end"]]) == row["text"]
            assert row["rects"] and all(len(r) == 4 for r in row["rects"])
            for x0, y0, x1, y1 in row["rects"]:
                assert all(isinstance(v, (int, float)) for v in (x0, y0, x1, y1))
                assert 0 <= x0 < x1 <= page.rect.width and 0 <= y0 < y1 <= page.rect.height
            under = "".join(page.get_textbox(pymupdf.Rect(r)) for r in row["rects"])
            assert row["text"].split()[0] in under
    (named,) = [r for r in rows if r["subtype"] == "named_center"]
    assert len(named["rects"]) == 2, "split over two lines: one rectangle per line"


def test_scan_without_case_writes_nothing_to_disk(cli, report, tmp_path, monkeypatch):
    """The pages of a client's file stay in memory: no case file, no temporary folder (there
    is none to use), nothing left beside the PDF or in the working folder."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "no-such-folder"))
    monkeypatch.chdir(work)
    before = sorted(os.listdir(report.parent))
    run = cli("scan", report, "--json")
    assert run.code == 0 and run.rows()
    assert not (tmp_path / "no-such-folder").exists()
    assert os.listdir(work) == []
    assert sorted(os.listdir(report.parent)) == before


def test_scan_with_case_keeps_the_case_and_adds_each_file_once(cli, report, tmp_path):
    case = tmp_path / "rivas.case"
    first = cli(
        "scan",
        report,
        "--case",
        case,
        "--json",
        "--respondent",
        "Fictional R.",
        "--a-number",
        "A 000-000-002",
    )
    assert first.code == 0 and case.is_file()
    again = cli("scan", report, "--case", case, "--json")
    assert again.code == 0
    assert again.rows() == first.rows()
    listed = cli("findings", case, "--json").rows()
    assert len(listed) == len(first.rows())


def test_scan_summary_table_without_json(cli, make_pdf, tmp_path):
    pdf = pymupdf.open()
    pdf.new_page().insert_text(
        (72, 72), "The fusion center lists him as a gang member.", fontsize=10
    )
    scanned = pdf.new_page()
    src = pymupdf.open()
    src.new_page().insert_text((72, 72), "An image of a page.", fontsize=20)
    scanned.insert_image(scanned.rect, pixmap=src[0].get_pixmap(dpi=40))
    src.close()
    path = tmp_path / "bulletin.pdf"
    pdf.save(path)
    pdf.close()
    run = cli("scan", path, "--ocr", "never")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0] == "bulletin"
    assert "2 page(s)" in lines[1]
    assert "gang_label 1" in lines[1] and "fusion_center 1" in lines[1]
    assert "red_notice 0" in lines[1] and "safe 0" in lines[1]
    assert any("1 page(s)" in line and "OCR" in line for line in lines[2:])
    assert "\r" not in run.err, "no progress bar when stderr is not a terminal"


def test_scan_accepts_the_ocr_option(cli, report):
    for mode in ("auto", "never"):
        run = cli("scan", report, "--json", "--ocr", mode)
        assert run.code == 0 and run.rows()
