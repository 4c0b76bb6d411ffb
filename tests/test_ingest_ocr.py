"""Ingest with OCR: scanned twins found like their originals, OCR stored once and reused, and
scanned pages marked "not searched" (never skipped silently) when Tesseract is missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ocr_support import any_overlap, count_ocr_calls, scanned_copy, tesseract

from annotator.core.errors import Cancelled
from annotator.core.model import Finding
from annotator.core.paths import sample_dir
from annotator.ingest import Ingestor
from annotator.nlp.detect import Detector
from annotator.pdf.ocr import install_hint
from annotator.store import CaseStore

TWINS = ["02_school_police_incident_report", "04_pnc_informe_policial_safe"]
PAGES = [
    ["The school officer wrote that the student is a gang member."],
    ["The card went to the Boston Regional Intelligence Center."],
]


def twin_paths(stem: str) -> tuple[Path, Path]:
    original = sample_dir() / f"{stem}.pdf"
    scanned = sample_dir() / "scanned" / f"{stem}_scanned.pdf"
    assert scanned.is_file(), f"{scanned} missing: run python -m tools.samples"
    return original, scanned


@pytest.fixture(scope="module")
def twin_case(tmp_path_factory: pytest.TempPathFactory, detector: Detector) -> Path:
    """The two originals and their scanned twins in one case, OCR'd on two processes."""
    tesseract()
    path = tmp_path_factory.mktemp("twins") / "twins.case"
    files = [p for stem in TWINS for p in twin_paths(stem)]
    with CaseStore(path) as case:
        results = Ingestor(case, detector, workers=2).add_files(files)
        assert all(r.ok for r in results), [r.error for r in results]
        assert [r.pages_ocr_read for r in results] == [0, 4, 0, 6]
        case.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def twin_case_copy(twin_case: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "twins.case"
    shutil.copy(twin_case, copy)
    return copy


def findings_by_file(case: CaseStore) -> dict[str, list[Finding]]:
    docs = {d.id: Path(d.path).name for d in case.documents()}
    out: dict[str, list[Finding]] = {name: [] for name in docs.values()}
    for f in case.findings():
        out[docs[f.document_id]].append(f)
    return out


@pytest.mark.parametrize("stem", TWINS)
def test_a_scanned_twin_yields_the_findings_of_its_original(twin_case, stem):
    with CaseStore(twin_case) as case:
        found = findings_by_file(case)
        documents = {Path(d.path).name: d for d in case.documents()}
    original, scanned = found[f"{stem}.pdf"], found[f"{stem}_scanned.pdf"]
    assert original, "the original has findings to compare with"
    matched = [
        o
        for o in original
        if any(
            s.page == o.page and s.category == o.category and any_overlap(s.rects, o.rects)
            for s in scanned
        )
    ]
    missed = [(o.page, o.category.value, o.text) for o in original if o not in matched]
    assert len(matched) >= 0.9 * len(original), missed
    assert {f.category for f in scanned} == {f.category for f in original}
    assert documents[f"{stem}_scanned.pdf"].pages_needing_ocr == 0


def test_ocr_text_is_stored_with_its_pages(twin_case):
    with CaseStore(twin_case) as case:
        spanish = twin_paths(TWINS[1])[1].name
        scanned = next(d for d in case.documents() if Path(d.path).name == spanish)
        pages = list(case.pages(scanned.id))
        hits = {(h.document_id, h.page) for h in case.search("Salvatrucha")}
    assert all(p.needs_ocr and p.ocr_done and p.words for p in pages)
    assert any(d == scanned.id for d, _ in hits), "OCR text is searchable like any other"
    assert {p.language for p in pages} >= {"es"}


def test_a_reopened_case_does_not_ocr_again(twin_case_copy, detector, monkeypatch):
    calls = count_ocr_calls(monkeypatch)
    with CaseStore(twin_case_copy) as case:
        before = [(f.id, f.text, f.rects) for f in case.findings()]
        ingestor = Ingestor(case, detector, workers=1)
        for stem in TWINS:
            result = ingestor.add_file(twin_paths(stem)[1])
            assert result.duplicate and result.pages_ocr_read == 0
            ingestor.rescan(result.document.id)
        always = Ingestor(case, detector, workers=1, ocr="always")
        assert always.add_file(twin_paths(TWINS[0])[1]).pages_ocr_read == 0
        after = [(f.id, f.text, f.rects) for f in case.findings()]
    assert calls == []
    assert after == before


def test_ocr_runs_once_a_page_even_when_the_first_run_is_cancelled(
    make_pdf, tmp_path, detector, monkeypatch
):
    tesseract()
    scan = scanned_copy(make_pdf(PAGES), tmp_path / "scan.pdf")
    calls = count_ocr_calls(monkeypatch)
    path = tmp_path / "resume.case"

    def stop_after_first_ocr_page(progress):
        return not (progress.message.startswith("OCR page") and progress.done >= 1)

    with CaseStore(path) as case, pytest.raises(Cancelled):
        Ingestor(case, detector, workers=1).add_file(scan, stop_after_first_ocr_page)
    assert len(calls) == 1
    with CaseStore(path) as case:  # reopened, as after a crash
        result = Ingestor(case, detector, workers=1).add_file(scan)
        assert sorted(calls) == [1, 2], "the page read before the cancel is not read again"
        assert result.pages_ocr_read == 1 and result.pages_needing_ocr == 0
        assert {(f.page, f.category.value) for f in case.findings()} == {
            (1, "gang_label"),
            (2, "fusion_center"),
        }
        Ingestor(case, detector, workers=1).add_file(scan)
    assert len(calls) == 2


def test_ocr_never_leaves_pages_marked_and_a_later_scan_reads_them(
    make_pdf, tmp_path, case, detector, monkeypatch
):
    tesseract()
    scan = scanned_copy(make_pdf(PAGES), tmp_path / "scan.pdf")
    calls = count_ocr_calls(monkeypatch)
    skipped = Ingestor(case, detector, workers=1, ocr="never").add_file(scan)
    assert (skipped.pages_needing_ocr, skipped.unsearched_pages) == (2, [1, 2])
    assert calls == [] and case.findings() == []
    later = Ingestor(case, detector, workers=1).add_file(scan)
    assert later.duplicate and not later.rescanned and later.pages_ocr_read == 2
    assert (later.pages_needing_ocr, later.unsearched_pages) == (0, [])
    assert {f.page for f in case.findings()} == {1, 2}
    assert case.document(later.document.id).lexicon_version == detector.lexicon_version


def test_ocr_always_reads_pages_that_have_a_text_layer(make_pdf, case, detector, monkeypatch):
    tesseract()
    calls = count_ocr_calls(monkeypatch)
    result = Ingestor(case, detector, workers=1, ocr="always").add_file(make_pdf(PAGES[:1]))
    assert calls == [1] and result.pages_ocr_read == 1
    (page,) = case.pages(result.document.id)
    assert page.ocr_done and not page.needs_ocr
    assert [f.text for f in case.findings()] == ["gang member"]


def test_without_tesseract_the_scan_completes_with_scanned_pages_marked(
    make_pdf, tmp_path, case, detector, monkeypatch
):
    typed = make_pdf(PAGES[:1], name="typed.pdf")
    scan = scanned_copy(make_pdf(PAGES), tmp_path / "scan.pdf")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path / "no-tessdata"))
    results = Ingestor(case, detector, workers=2).add_files([scan, typed])
    assert all(r.ok for r in results)
    assert install_hint() in results[0].ocr_unavailable
    assert (results[0].pages_needing_ocr, results[0].unsearched_pages) == (2, [1, 2])
    assert case.document(results[0].document.id).pages_needing_ocr == 2
    assert results[1].counts["gang_label"] == 1, "the other files are scanned as usual"
    again = Ingestor(case, detector, workers=1).add_file(scan)
    assert not again.rescanned and again.pages_needing_ocr == 2, "still marked, never dropped"
