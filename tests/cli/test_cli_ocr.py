"""`annotator scan --ocr`: scanned pages read, or marked "not searched" with how to install
Tesseract; `annotator findings` lists the pages no one has searched."""

from __future__ import annotations

from ocr_support import any_overlap, scanned_copy, tesseract

from annotator.pdf.extract import extract_page, open_pdf
from annotator.pdf.ocr import install_hint

PAGES = [
    ["The school officer wrote that the student is a gang member."],
    ["The card went to the Boston Regional Intelligence Center."],
]


def test_scan_reads_a_scanned_page_and_highlights_the_words(cli, make_pdf, tmp_path):
    tesseract()
    typed = make_pdf(PAGES[:1])
    scan = scanned_copy(typed, tmp_path / "scan.pdf")
    (row,) = cli("scan", scan, "--json").rows()
    assert (row["page"], row["category"], row["text"]) == (1, "gang_label", "gang member")
    with open_pdf(typed) as pdf:
        page = extract_page(pdf[0])
    words = [w.rect for w in page.words if page.text[w.start : w.end] in ("gang", "member.")]
    assert any_overlap([tuple(r) for r in row["rects"]], words)
    summary = cli("scan", scan).out
    assert "1 scanned page(s) read by OCR" in summary and "not searched" not in summary


def test_without_tesseract_scan_prints_the_install_hint_and_marks_the_pages(
    cli, make_pdf, tmp_path, monkeypatch
):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path / "empty"))
    scan = scanned_copy(make_pdf(PAGES), tmp_path / "scan.pdf")
    typed = make_pdf(PAGES[:1], name="typed.pdf")
    case = tmp_path / "x.case"
    run = cli("scan", scan, typed, "--case", case)
    assert run.code == 0
    assert install_hint() in run.err and run.err.count("\n") == 1, "the hint once, on one line"
    assert "2 page(s) have no text layer and were not searched (OCR needed): pages 1-2" in run.out
    assert "gang_label 1" in run.out.splitlines()[-1], "the typed file is scanned as usual"
    listed = cli("findings", case).out.splitlines()
    assert listed[-1] == "not searched (no text layer, OCR needed): scan, pages 1-2"


def test_json_output_stays_clean_when_ocr_is_missing(cli, make_pdf, tmp_path, monkeypatch):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path / "empty"))
    scan = scanned_copy(make_pdf(PAGES), tmp_path / "scan.pdf")
    run = cli("scan", scan, "--json")
    assert run.code == 0 and run.out == ""
    assert install_hint() in run.err


def test_ocr_never_does_not_look_for_tesseract(cli, make_pdf, tmp_path, monkeypatch):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path / "empty"))
    scan = scanned_copy(make_pdf(PAGES[:1]), tmp_path / "scan.pdf")
    run = cli("scan", scan, "--ocr", "never")
    assert run.code == 0 and run.err == ""
    assert "1 page(s) have no text layer and were not searched (OCR needed): page 1" in run.out
