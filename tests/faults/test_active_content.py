"""A source PDF's active content is left out of its annotated exhibit (issue 16, item 4):
JavaScript run on opening, document and page actions, named scripts, a Launch action, form-field
scripts, an XFA form, an embedded script. The pages, text, annotations, web links and harmless
attachments stay, and the memo's appendix says what was left out."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pymupdf
import pytest

from annotator.export.active import find_active_content

FICTIONAL = "FICTIONAL TEST DOCUMENT. The officer wrote that the subject is a gang member."


def _object(pdf: pymupdf.Document, source: str) -> int:
    xref = pdf.get_new_xref()
    pdf.update_object(xref, source)
    return xref


def armed_pdf(path: Path) -> Path:
    """A real PDF carrying every kind of active content the exhibits must not pass on."""
    pdf = pymupdf.open()
    for n in range(3):
        page = pdf.new_page(width=612, height=792)
        page.insert_text((72, 72), f"{FICTIONAL} Page {n + 1}.", fontsize=10, fontname="helv")
    first, second, third = pdf[0], pdf[1], pdf[2]
    first.add_text_annot((400, 100), "Attorney's sticky note (fictional).")
    second.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 100, 200, 120),
                        "uri": "https://example.org/fictional"})  # fmt: skip
    catalog = pdf.pdf_catalog()
    script = _object(pdf, "<</S/JavaScript/JS(app.alert\\('opened'\\))>>")
    pdf.xref_set_key(catalog, "OpenAction", f"{script} 0 R")
    pdf.xref_set_key(catalog, "AA", "<</WC<</S/JavaScript/JS(app.alert\\('closing'\\))>>>>")
    named = _object(pdf, "<</S/JavaScript/JS(this.print\\(\\))>>")
    pdf.xref_set_key(catalog, "Names", f"<</JavaScript<</Names[(init) {named} 0 R]>>>>")
    pdf.xref_set_key(first.xref, "AA", "<</O<</S/JavaScript/JS(app.beep\\(0\\))>>>>")
    launch = _object(
        pdf,
        "<</Type/Annot/Subtype/Link/Rect[72 140 200 160]/Border[0 0 0]"
        "/A<</S/Launch/F(cmd.exe)/Win<</F(cmd.exe)/P(/c calc)>>>>>>",
    )
    pdf.xref_set_key(second.xref, "Annots", f"[{pdf.xref_get_key(second.xref, 'Annots')[1][1:-1]}"
                     f" {launch} 0 R]")  # fmt: skip
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_name = "respondent"
    widget.rect = pymupdf.Rect(72, 200, 300, 220)
    widget.script_stroke = "app.alert('typing');"
    third.add_widget(widget)
    pdf.xref_set_key(catalog, "AcroForm/XFA", "(<xdp:xdp>fictional</xdp:xdp>)")
    pdf.embfile_add("evil.js", b"app.alert('embedded');", filename="evil.js")
    pdf.embfile_add("notes.txt", b"Fictional attachment.", filename="notes.txt")
    pdf.save(path)
    pdf.close()
    return path


ACTIVE = [b"/JavaScript", b"/JS", b"/Launch", b"/OpenAction", b"/AA", b"/XFA", b"evil.js"]


def _raw(path: Path) -> bytes:
    """The file's objects, decompressed, so that a name inside a stream would show."""
    with pymupdf.open(path) as pdf:
        return pdf.tobytes(expand=255, garbage=0)


@pytest.fixture
def armed_case(cli, tmp_path):
    source = armed_pdf(tmp_path / "armed.pdf")
    raw = _raw(source)
    assert all(name in raw for name in ACTIVE), "the test PDF carries what it should"
    case = tmp_path / "armed.case"
    run = cli("scan", source, "--case", case)
    assert run.code == 0, run.err
    return case, source


def test_the_exhibit_leaves_the_active_content_out_and_keeps_the_rest(cli, armed_case, tmp_path):
    case, source = armed_case
    run = cli("export", case, "--exhibits", tmp_path / "out")
    assert run.code == 0, run.err
    exhibit = tmp_path / "out" / "armed.annotated.pdf"
    raw = _raw(exhibit)
    assert [name for name in ACTIVE if name in raw] == []
    with pymupdf.open(source) as original, pymupdf.open(exhibit) as copy:
        assert copy.page_count == original.page_count
        assert [p.get_text() for p in copy] == [p.get_text() for p in original]
        kinds = [a.type[1] for a in copy[0].annots()]
        assert "Text" in kinds and "Highlight" in kinds  # the note stays, the finding is marked
        assert [link["uri"] for link in copy[1].get_links()] == ["https://example.org/fictional"]
        assert copy.embfile_names() == ["notes.txt"]
        assert [w.field_name for w in copy[2].widgets()] == ["respondent"]  # the field stays
        assert find_active_content(copy) == []
    line = run.out.splitlines()[0]
    for said in ("on opening", "document actions", "document JavaScript", "page actions",
                 "Link annotations", "form-field actions", "XFA", "evil.js"):  # fmt: skip
        assert said in line, (said, line)


def test_the_memo_appendix_says_what_the_exhibit_leaves_out(cli, armed_case, tmp_path):
    case, _ = armed_case
    for suffix in (".md", ".docx", ".pdf"):
        assert cli("export", case, "--memo", tmp_path / f"memo{suffix}").code == 0
    markdown = (tmp_path / "memo.md").read_text(encoding="utf-8")
    line = next(x for x in markdown.splitlines() if "Left out of its annotated exhibit" in x)
    assert ("JavaScript" in line and "Launch" not in line) or "Link annotations" in line
    word = "\n".join(p.text for p in docx.Document(str(tmp_path / "memo.docx")).paragraphs)
    assert "Left out of its annotated exhibit: an action run on opening the file" in word
    with pymupdf.open(tmp_path / "memo.pdf") as pdf:
        text = re.sub(r"\s+", " ", " ".join(p.get_text() for p in pdf))
    assert "Left out of its annotated exhibit: an action run on opening the file" in text


def test_a_plain_pdf_has_nothing_to_leave_out(cli, make_pdf, tmp_path):
    case = tmp_path / "plain.case"
    assert cli("scan", make_pdf([[FICTIONAL]], name="plain.pdf"), "--case", case).code == 0
    run = cli("export", case, "--exhibits", tmp_path / "out", "--memo", tmp_path / "m.md")
    assert run.code == 0 and "left out" not in run.out
    assert "Left out of its annotated exhibit" not in (tmp_path / "m.md").read_text("utf-8")
