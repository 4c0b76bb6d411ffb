"""Annotated exhibits: one standard highlight per non-dismissed finding, originals untouched."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pymupdf
import pytest
from export_support import SPECIAL_NOTE, Tagged

from annotator.cli import main
from annotator.core.errors import ExportError
from annotator.export import export_exhibits
from annotator.export.exhibits import highlight_colour
from annotator.pdf.extract import sha256_file
from annotator.store import CaseStore


@pytest.fixture(scope="module")
def exhibits(tagged_shared: Tagged, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exhibits") / "out"
    assert main(["export", str(tagged_shared.path), "--exhibits", str(folder)]) == 0
    return folder


def _highlights(path: Path) -> dict[str, tuple[int, list[pymupdf.Rect], dict, tuple]]:
    """Each highlight by its name: page, one rect per quad, popup info, colour."""
    found = {}
    with pymupdf.open(path) as pdf:
        for page in pdf:
            for annot in page.annots():
                assert annot.type[1] == "Highlight"
                points = annot.vertices
                quads = [pymupdf.Quad(points[i : i + 4]).rect for i in range(0, len(points), 4)]
                colour = tuple(round(c, 2) for c in annot.colors["stroke"])
                found[annot.info["id"]] = (page.number + 1, quads, annot.info, colour)
    return found


def test_one_highlight_per_non_dismissed_finding_on_its_page_and_rects(
    exhibits: Path, tagged_shared: Tagged
):
    with CaseStore(tagged_shared.path) as case:
        documents = case.documents()
        for document in documents:
            path = exhibits / (Path(document.path).stem + ".annotated.pdf")
            found = _highlights(path)
            listed = [
                f for f in case.findings(document_id=document.id) if f.status.value != "dismissed"
            ]
            assert len(found) == len(listed)
            for finding in listed:
                page, quads, info, colour = found[f"cfa-finding-{finding.id}"]
                assert page == finding.page
                assert len(quads) == len(finding.rects)
                for quad, rect in zip(quads, finding.rects, strict=True):
                    assert all(abs(a - b) < 0.5 for a, b in zip(quad, rect, strict=True))
                assert info["title"] == finding.category.label
                assert colour == tuple(round(c, 2) for c in highlight_colour(finding.category))
    assert len(list(exhibits.iterdir())) == len(documents)


def test_popup_gives_category_status_and_note(exhibits: Path, tagged_shared: Tagged):
    with CaseStore(tagged_shared.path) as case:
        document = case.document(tagged_shared.rebutted.document_id)
        untagged = case.findings(document_id=document.id, status="untagged")[0]
    found = _highlights(exhibits / (Path(document.path).stem + ".annotated.pdf"))
    content = found[f"cfa-finding-{tagged_shared.rebutted.id}"][2]["content"]
    assert "Status: Rebutted" in content
    assert f"Note: {SPECIAL_NOTE}" in content
    assert "Rebutting exhibit: Ex. F" in content
    assert "Status: Not yet reviewed" in found[f"cfa-finding-{untagged.id}"][2]["content"]


def test_dismissed_finding_gets_no_highlight(exhibits: Path, tagged_shared: Tagged):
    with CaseStore(tagged_shared.path) as case:
        document = case.document(tagged_shared.dismissed.document_id)
    found = _highlights(exhibits / (Path(document.path).stem + ".annotated.pdf"))
    assert f"cfa-finding-{tagged_shared.dismissed.id}" not in found


def test_originals_are_untouched_and_keep_their_pages(exhibits: Path, tagged_shared: Tagged):
    with CaseStore(tagged_shared.path) as case:
        for document in case.documents():
            assert sha256_file(document.path) == document.sha256
            with pymupdf.open(document.path) as original:
                assert not any(list(p.annots()) for p in original)
                annotated = exhibits / (Path(document.path).stem + ".annotated.pdf")
                with pymupdf.open(annotated) as copy:
                    assert copy.page_count == original.page_count
                    assert copy[0].get_text() == original[0].get_text()


def test_existing_exhibits_are_kept_without_force(tagged: Tagged, tmp_path: Path):
    with tagged.store() as case:
        first = export_exhibits(case, tmp_path)
        stamp = {e.path: e.path.stat().st_mtime_ns for e in first}
        with pytest.raises(ExportError, match=r"\.annotated\.pdf: already exists; use --force"):
            export_exhibits(case, tmp_path)
        assert {e.path: e.path.stat().st_mtime_ns for e in first} == stamp
        again = export_exhibits(case, tmp_path, force=True)
    assert [e.path for e in again] == [e.path for e in first]
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_a_changed_source_pdf_is_refused(tagged: Tagged, tmp_path: Path):
    with tagged.store() as case:
        document = case.documents()[0]
        moved = tmp_path / "changed.pdf"
        moved.write_bytes(Path(document.path).read_bytes() + b"\n% edited\n")
        case.update_document(document.id, path=str(moved))
        with pytest.raises(ExportError, match=r"changed\.pdf: has changed since it was added"):
            export_exhibits(case, tmp_path / "out")
        moved.unlink()
        with pytest.raises(ExportError, match=r"changed\.pdf: source PDF not found"):
            export_exhibits(case, tmp_path / "out")


def test_multi_line_finding_gets_one_highlight_with_a_quad_per_line(case, make_pdf, detector):
    from annotator.ingest import Ingestor

    pdf = make_pdf([["The report calls him an MS-13", "associate without any basis."]])
    Ingestor(case, detector, workers=1).add_files([pdf])
    finding = next(f for f in case.findings() if "associate" in f.text)
    assert len(finding.rects) == 2
    out = pdf.parent / "exhibits"
    (exhibit,) = export_exhibits(case, out)
    found = _highlights(exhibit.path)
    assert Counter(len(q) for _, q, _, _ in found.values())[2] == 1


def test_exhibits_never_overwrite_a_source_pdf_of_the_case(case, make_pdf, detector, tmp_path):
    """A source document may itself be named like an exhibit ("report.annotated.pdf", sent
    back by a colleague); writing the exhibits into its folder must not replace it, even with
    --force."""
    from annotator.ingest import Ingestor

    folder = tmp_path / "sources"
    folder.mkdir()
    report = make_pdf([["He is an MS-13 gang member per CalGang."]], name="sources/report.pdf")
    copy = make_pdf(
        [["The fusion center lists him as a gang member."]], name="sources/report.annotated.pdf"
    )
    Ingestor(case, detector, workers=1).add_files([report, copy])
    before = {p.name: sha256_file(p) for p in folder.iterdir()}
    for force in (False, True):
        with pytest.raises(ExportError, match=r"report\.annotated\.pdf: is a source document"):
            export_exhibits(case, folder, force=force)
        assert {p.name: sha256_file(p) for p in folder.iterdir()} == before
