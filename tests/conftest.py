"""Fixtures shared by every test package: real PDFs made with PyMuPDF, real case files."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pymupdf
import pytest

from annotator.core.paths import sample_dir
from annotator.ingest import Ingestor
from annotator.nlp.detect import Detector
from annotator.store import CaseStore

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FONT = "helv"
_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 24, 1, 2


def _obey_file_permissions() -> None:
    """In the child, before exec: give up root's power to read and write any file (Linux
    capabilities), so permission tests mean the same as on a user's laptop when they run as
    root, as CI does."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def run_as_user(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """`python ARGS...` in a process that obeys file permissions, whoever runs the tests."""
    if os.name != "posix":
        pytest.skip("file permissions are POSIX here")
    drop = _obey_file_permissions if os.geteuid() == 0 else None
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, *args],
        preexec_fn=drop,
        capture_output=True,
        text=True,
        timeout=600,
        **kwargs,
    )


def write_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    *,
    fontsize: float = 10,
    leading: float = 14,
    rotation: int = 0,
) -> Path:
    """A real PDF: each page a list of lines, each line laid out exactly as given (no wrapping),
    so a test decides where a phrase breaks across lines."""
    pdf = pymupdf.open()
    for lines in pages:
        page = pdf.new_page(width=612, height=792)
        y = 72.0
        for line in lines:
            if line:
                page.insert_text((72, y), line, fontsize=fontsize, fontname=FONT)
            y += leading
        if rotation:
            page.set_rotation(rotation)
    pdf.save(path)
    pdf.close()
    return path


@pytest.fixture(scope="session")
def detector() -> Detector:
    """The real pipeline, built once per test session."""
    return Detector()


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    counter = iter(range(1, 10_000))

    def make(pages: Sequence[Sequence[str]], name: str | None = None, **kwargs: object) -> Path:
        return write_pdf(tmp_path / (name or f"doc{next(counter)}.pdf"), pages, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def case(tmp_path: Path) -> Iterator[CaseStore]:
    store = CaseStore(tmp_path / "test.case")
    store.set_info(respondent="Fictional Respondent", a_number="A 000-000-001")
    yield store
    store.close()


@pytest.fixture(scope="session")
def sample_pdfs() -> list[Path]:
    pdfs = sorted(sample_dir().glob("*.pdf"))
    assert pdfs, f"no sample PDFs in {sample_dir()}: run python -m tools.samples"
    return pdfs


@pytest.fixture(scope="session")
def sample_case_master(
    tmp_path_factory: pytest.TempPathFactory, sample_pdfs: list[Path], detector: Detector
) -> Path:
    """The sample case ingested once per session; use `sample_case_path` for a private copy."""
    path = tmp_path_factory.mktemp("sample") / "sample.case"
    with CaseStore(path) as store:
        store.set_info(
            respondent="Daniel Alexander Rivas Mejía (fictional)", a_number="A 012-345-678"
        )
        results = Ingestor(store, detector, workers=1).add_files(sample_pdfs)
        assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    return path


@pytest.fixture
def sample_case_path(sample_case_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the ingested sample case that a test may change."""
    copy = tmp_path / "sample.case"
    with CaseStore(sample_case_master) as src:
        src.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(sample_case_master, copy)
    return copy


@pytest.fixture
def case_copy(sample_case_master: Path, tmp_path: Path) -> Callable[[str], Path]:
    """Fresh copies of the ingested sample case, one per name: each reviewer's own copy."""
    with CaseStore(sample_case_master) as src:
        src.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def copy(name: str) -> Path:
        target = tmp_path / f"{name}.case"
        shutil.copy(sample_case_master, target)
        return target

    return copy
